package org.dissect4j.tcp;

import org.dissect4j.api.Expert;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The "SEQ/ACK analysis" subtree of a segment (Wireshark's {@code tcp_print_sequence_number_analysis}):
 * acknowledged frame and RTT, bytes in flight, then one expert item and Info prefix per analysis flag,
 * in Wireshark's order.
 */
final class TcpAnalysisTree {
    /** The flags shown before the duplicate ACK, in order, with their expert item and Info prefix. */
    private static final int[] FLAGS_BEFORE_DUP_ACK = {TcpAcked.REUSED_PORTS, TcpAcked.RETRANSMISSION,
            TcpAcked.FAST_RETRANSMISSION, TcpAcked.SPURIOUS_RETRANSMISSION, TcpAcked.OUT_OF_ORDER,
            TcpAcked.LOST_PACKET, TcpAcked.ACK_LOST_PACKET, TcpAcked.WINDOW_UPDATE, TcpAcked.WINDOW_FULL,
            TcpAcked.KEEP_ALIVE, TcpAcked.KEEP_ALIVE_ACK};
    private static final Expert[] EXPERTS_BEFORE_DUP_ACK = {TcpExpert.REUSED_PORTS, TcpExpert.RETRANSMISSION,
            TcpExpert.FAST_RETRANSMISSION, TcpExpert.SPURIOUS_RETRANSMISSION, TcpExpert.OUT_OF_ORDER,
            TcpExpert.LOST_SEGMENT, TcpExpert.ACK_LOST_SEGMENT, TcpExpert.WINDOW_UPDATE, TcpExpert.WINDOW_FULL,
            TcpExpert.KEEP_ALIVE, TcpExpert.KEEP_ALIVE_ACK};
    private static final String[] INFO_BEFORE_DUP_ACK = {"[TCP Port numbers reused] ", "[TCP Retransmission] ",
            "[TCP Fast Retransmission] ", "[TCP Spurious Retransmission] ", "[TCP Out-Of-Order] ",
            "[TCP Previous segment not captured] ", "[TCP ACKed unseen segment] ", "[TCP Window Update] ",
            "[TCP Window Full] ", "[TCP Keep-Alive] ", "[TCP Keep-Alive ACK] "};
    private static final int[] FLAGS_AFTER_DUP_ACK = {TcpAcked.ZERO_WINDOW_PROBE, TcpAcked.ZERO_WINDOW,
            TcpAcked.ZERO_WINDOW_PROBE_ACK};
    private static final Expert[] EXPERTS_AFTER_DUP_ACK = {TcpExpert.ZERO_WINDOW_PROBE, TcpExpert.ZERO_WINDOW,
            TcpExpert.ZERO_WINDOW_PROBE_ACK};
    private static final String[] INFO_AFTER_DUP_ACK = {"[TCP ZeroWindowProbe] ", "[TCP ZeroWindow] ",
            "[TCP ZeroWindowProbeAck] "};
    /** Flags that are a kind of retransmission and also carry the plain retransmission item. */
    private static final int ALSO_RETRANSMISSION = TcpAcked.FAST_RETRANSMISSION | TcpAcked.SPURIOUS_RETRANSMISSION;

    private final TcpSettings settings;

    TcpAnalysisTree(TcpSettings settings) {
        this.settings = settings;
    }

    /** Adds the subtree when the analysis found something to say. */
    void print(Packet p, TcpSegment s) {
        TcpAcked ta = s.acked;
        if (!ta.present) {
            return;
        }
        Tree t = p.tree();
        int node = t.add(TcpFields.ANALYSIS, 0, 0);
        t.setFlags(node, Tree.GENERATED);
        t.push(node);
        if (ta.frameAcked != 0) {
            t.addGenerated(TcpFields.ACKS_FRAME, ta.frameAcked);
            if (ta.ackRtt != 0) {
                t.setFlags(t.addLong(TcpFields.ACK_RTT, 0, 0, ta.ackRtt), Tree.GENERATED);
            }
        }
        if (s.conv.tsFirstRtt != 0) {
            t.setFlags(t.addLong(TcpFields.INITIAL_RTT, 0, 0, s.conv.tsFirstRtt), Tree.GENERATED);
        }
        if (ta.bytesInFlight != 0 && settings.trackBytesInFlight) {
            t.addGenerated(TcpFields.BYTES_IN_FLIGHT, ta.bytesInFlight);
            t.addGenerated(TcpFields.PUSH_BYTES_SENT, ta.pushBytesSent);
        }
        if (ta.flags != 0) {
            int flagsNode = t.add(TcpFields.ANALYSIS_FLAGS, 0, 0);
            t.setFlags(flagsNode, Tree.GENERATED);
            t.push(flagsNode);
            flags(p, t, s, FLAGS_BEFORE_DUP_ACK, EXPERTS_BEFORE_DUP_ACK, INFO_BEFORE_DUP_ACK);
            if (ta.dupackNum != 0) {
                duplicateAck(p, t, s, flagsNode);
            }
            flags(p, t, s, FLAGS_AFTER_DUP_ACK, EXPERTS_AFTER_DUP_ACK, INFO_AFTER_DUP_ACK);
            t.close();
        }
        t.close();
    }

    private static void flags(Packet p, Tree t, TcpSegment s, int[] flags, Expert[] experts, String[] info) {
        TcpAcked ta = s.acked;
        for (int i = 0; i < flags.length; i++) {
            int flag = flags[i];
            if ((ta.flags & flag) == 0) {
                continue;
            }
            t.expert(experts[i], 0, 0);
            if ((flag & ALSO_RETRANSMISSION) != 0) {
                t.expert(TcpExpert.RETRANSMISSION, 0, 0);
            }
            if (s.columns) {
                p.prependInfo(info[i]);
            }
            if (flag == TcpAcked.RETRANSMISSION && ta.rto != 0) {
                t.setFlags(t.addLong(TcpFields.RTO, 0, 0, ta.rto), Tree.GENERATED);
                t.addGenerated(TcpFields.RTO_FRAME, ta.rtoFrame);
            }
        }
    }

    /** The duplicate ACK's flag, number and frame; its fields sit beside the flags, not under them. */
    private static void duplicateAck(Packet p, Tree t, TcpSegment s, int flagsNode) {
        TcpAcked ta = s.acked;
        if ((ta.flags & TcpAcked.DUPLICATE_ACK) != 0) {
            t.setFlags(t.add(TcpFields.DUPLICATE_ACK, 0, 0), Tree.GENERATED);
            if (s.columns) {
                p.fenceInfoPrefix(prependDupAck(p.info(), ta));
            }
        }
        t.close();
        t.addGenerated(TcpFields.DUPLICATE_ACK_NUM, ta.dupackNum);
        int frame = t.addGenerated(TcpFields.DUPLICATE_ACK_FRAME, ta.dupackFrame);
        t.expertOn(frame, TcpExpert.DUPLICATE_ACK, 0, 0, t.wantsExpertMessages()
                ? s.expertText(TcpExpert.DUPLICATE_ACK).append(" (#").append(ta.dupackNum).append(')') : null);
        t.push(flagsNode);
    }

    /** Inserts "[TCP Dup ACK <frame>#<n>] " before the Info text without formatting a String; its length. */
    private static int prependDupAck(StringBuilder info, TcpAcked ta) {
        int at = 0;
        info.insert(at, "[TCP Dup ACK ");
        at += 13;
        int len0 = info.length();
        info.insert(at, ta.dupackFrame);
        at += info.length() - len0;
        info.insert(at, '#');
        at++;
        len0 = info.length();
        info.insert(at, ta.dupackNum);
        at += info.length() - len0;
        info.insert(at, "] ");
        return at + 2;
    }
}
