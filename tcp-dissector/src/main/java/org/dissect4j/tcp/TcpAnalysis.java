package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpDissector.TH_ACK;
import static org.dissect4j.tcp.TcpDissector.TH_FIN;
import static org.dissect4j.tcp.TcpDissector.TH_PUSH;
import static org.dissect4j.tcp.TcpDissector.TH_RST;
import static org.dissect4j.tcp.TcpDissector.TH_SYN;
import static org.dissect4j.tcp.TcpSeq.gt;
import static org.dissect4j.tcp.TcpSeq.le;
import static org.dissect4j.tcp.TcpSeq.lt;
import static org.dissect4j.tcp.TcpSeq.unsigned;

import org.dissect4j.api.Packet;

/**
 * The connection a segment belongs to and Wireshark's one-pass sequence analysis
 * ({@code tcp_analyze_sequence_number}): base sequence numbers, retransmissions, lost and duplicate
 * segments, window events, acknowledged segments and bytes in flight. Results go to the segment's
 * {@link TcpAcked}; the state lives in the {@link TcpConversation} and its two {@link TcpFlow}s.
 */
final class TcpAnalysis {
    private static final int SYN_FIN_RST = TH_SYN | TH_FIN | TH_RST;

    private final TcpSettings settings;
    private final TcpConversationTable conversations;
    private int streamCount;

    TcpAnalysis(TcpSettings settings, ReassemblyBudget budget) {
        this.settings = settings;
        this.conversations = new TcpConversationTable(settings.maxConversations, settings.idleTimeoutNanos,
                settings.closedTimeoutNanos, budget);
    }

    /** Connections currently tracked. */
    int conversationCount() {
        return conversations.size();
    }

    // ---- conversations ---------------------------------------------------------------------

    /** Finds or creates the segment's connection and selects its two directions. */
    void findConversation(Packet p, TcpSegment s) {
        boolean first = conversations.probe(p.netType(), p.netSrc(), p.netDst(), s.sport, s.dport);
        TcpConversation c = conversations.find();
        boolean isNew = false;
        if (c == null) {
            c = newConversation(s);
            isNew = true;
            if (conversations.droppedForRoom()) {
                // tcp.max_conversations reached: the least recently seen connection was forgotten for this one
                p.tree().expert(TcpExpert.CONVERSATION_LIMIT, 0, 0);
            }
        }
        selectFlows(s, c, first);
        // A SYN whose sequence number differs from the connection's: a new connection on the same ports.
        if (s.flags(TH_SYN | TH_ACK, TH_SYN) && (s.fwd.staticFlags & TcpFlow.S_BASE_SEQ_SET) != 0 && !s.visited) {
            if (s.seq != s.fwd.baseSeq) {
                c = newConversation(s);
                selectFlows(s, c, first);
                s.acked.create().flags |= TcpAcked.REUSED_PORTS;
                c.completeness = TcpFields.COMPLETENESS_SYNSENT;
                isNew = false;
            } else {
                // A retransmitted SYN: restore nextseq (Wireshark issue 17616).
                s.fwd.nextseq = s.fwd.maxseqtobeacked;
            }
        }
        if (s.flags(TH_SYN | TH_ACK, TH_SYN | TH_ACK) && (s.fwd.staticFlags & TcpFlow.S_BASE_SEQ_SET) != 0
                && s.seq != s.fwd.baseSeq) {
            s.fwd.baseSeq = s.seq;
            s.acked.create().flags |= TcpAcked.REUSED_PORTS;
        }
        s.conversationIsNew = isNew;
    }

    private TcpConversation newConversation(TcpSegment s) {
        TcpConversation c = conversations.create(streamCount++, s.now);
        c.tsMruSyn = Long.MIN_VALUE;
        return c;
    }

    private static void selectFlows(TcpSegment s, TcpConversation c, boolean first) {
        s.conv = c;
        s.fwd = first ? c.flow1 : c.flow2;
        s.rev = first ? c.flow2 : c.flow1;
    }

    /** {@code tcp.completeness}: what of the connection's life has been seen, this segment included. */
    void updateCompleteness(TcpSegment s) {
        int cc = 0;
        if (s.conversationIsNew) {
            if (s.flags(TH_SYN | TH_ACK, TH_SYN)) {
                cc |= TcpFields.COMPLETENESS_SYNSENT;
                if (s.seglen > 0) {
                    cc |= TcpFields.COMPLETENESS_DATA;
                }
            }
        } else {
            cc = s.conv.completeness;
            if (s.flags(TH_SYN | TH_ACK, TH_SYN | TH_ACK)) {
                cc |= TcpFields.COMPLETENESS_SYNACK;
            }
            if (s.flags(TH_SYN | TH_ACK, TH_ACK)) {
                cc |= s.seglen > 0 ? TcpFields.COMPLETENESS_DATA : TcpFields.COMPLETENESS_ACK;
            }
            if (s.flags(TH_FIN | TH_ACK, TH_FIN | TH_ACK)) {
                cc |= TcpFields.COMPLETENESS_FIN;
            }
            if (s.has(TH_RST)) {
                cc |= TcpFields.COMPLETENESS_RST;
            }
        }
        s.conv.completeness = cc;
        s.conversationIsNew = false;
    }

    /** After the options: a SYN without a window scale option turns scaling off for both directions. */
    static void verifyWindowScaling(TcpSegment s) {
        if (s.fwd.winScale == -1) {
            s.fwd.winScale = -2;
            s.rev.winScale = -2;
        } else if (s.has(TH_ACK) && s.rev.winScale == -2) {
            s.fwd.winScale = -2;
        }
    }

    // ---- sequence analysis (Wireshark's tcp_analyze_sequence_number) -------------------------

    /** Analyses the segment (raw sequence numbers, first pass only); the window is the unscaled value. */
    void analyzeSequence(TcpSegment s) {
        TcpFlow f = s.fwd, r = s.rev;
        setBaseSequences(s, f, r);
        classify(s, f, r);
        // finished_fwd:
        if (s.ack != f.lastack) {
            f.lastnondupack = s.frame;
            f.dupacknum = 0;
        }
        // An ACK past what the other direction was seen to send. When that direction's highest sequence
        // number is beyond the bound, the bound moves there and the ACK is flagged; otherwise it is flagged
        // only while that direction's duplicate-ACK counter is 0, and the counter becomes -1 until that
        // direction's own ACK number changes. -1 is "at least two duplicate ACKs" to the fast-retransmission
        // test, as Wireshark's counter is unsigned.
        if (r.maxseqtobeacked != 0 && gt(s.ack, r.maxseqtobeacked) && s.has(TH_ACK)) {
            TcpAcked a = s.acked.create();
            if (lt(r.maxseqtobeacked, r.nextseq)) {
                r.maxseqtobeacked = r.nextseq;
                a.flags |= TcpAcked.ACK_LOST_PACKET;
            } else {
                if (r.dupacknum == 0) {
                    a.flags |= TcpAcked.ACK_LOST_PACKET;
                }
                r.dupacknum = -1;
            }
        }
        if (s.seglen > 0 || s.has(TH_SYN | TH_FIN)) {
            retransmissionCheck(s, f, r);
        }
        // finished_checking_retransmission_type:
        advance(s, f);
        removeAcknowledged(s, r);
        if (settings.trackBytesInFlight) {
            bytesInFlight(s, f, r);
        }
    }

    private static void setBaseSequences(TcpSegment s, TcpFlow f, TcpFlow r) {
        if ((f.staticFlags & TcpFlow.S_BASE_SEQ_SET) == 0) {
            if (s.has(TH_SYN)) {
                f.baseSeq = s.seq;
                f.staticFlags |= s.has(TH_ACK) ? TcpFlow.S_SAW_SYNACK : TcpFlow.S_SAW_SYN;
            } else {
                f.baseSeq = s.seq - 1;
            }
            f.staticFlags |= TcpFlow.S_BASE_SEQ_SET;
        }
        if ((r.staticFlags & TcpFlow.S_BASE_SEQ_SET) == 0 && s.has(TH_ACK)) {
            r.baseSeq = s.ack - 1;
            r.staticFlags |= TcpFlow.S_BASE_SEQ_SET;
        }
        if (s.has(TH_ACK)) {
            r.validBif = true;
        }
    }

    /** Zero window (probe), lost segment, keep-alive, window update/full and duplicate ACK. */
    private static void classify(TcpSegment s, TcpFlow f, TcpFlow r) {
        int seq = s.seq, ack = s.ack, seglen = s.seglen;
        long window = s.rawWin;
        TcpAcked ta = s.acked;
        if (seglen == 1 && seq == f.nextseq && r.window == 0) {
            ta.create().flags |= TcpAcked.ZERO_WINDOW_PROBE;
            return;
        }
        if (window == 0 && !s.has(SYN_FIN_RST)) {
            ta.create().flags |= TcpAcked.ZERO_WINDOW;
        }
        if (f.nextseq != 0 && gt(seq, f.nextseq) && !s.has(TH_RST)) {
            ta.create().flags |= TcpAcked.LOST_PACKET;
            f.validBif = false;
        }
        if ((seglen == 0 || seglen == 1) && seq == f.nextseq - 1 && !s.has(SYN_FIN_RST)) {
            ta.create().flags |= TcpAcked.KEEP_ALIVE;
        }
        if (seglen == 0 && window != 0 && window != f.window && seq == f.nextseq && ack == f.lastack
                && !s.has(SYN_FIN_RST)) {
            ta.create().flags |= TcpAcked.WINDOW_UPDATE;
        }
        if (seglen > 0 && r.winScale != -1) {
            int shift = r.isFirstAck ? 0 : (r.winScale == -2 ? 0 : r.winScale);
            int edge = r.lastack + (int) (r.window << shift);
            if (seq + seglen == edge && !s.has(SYN_FIN_RST)) {
                ta.create().flags |= TcpAcked.WINDOW_FULL;
            }
        }
        // The rest all need a pure ACK repeating this direction's last window, sequence and ack numbers.
        boolean repeated = seglen == 0 && window == f.window && seq == f.nextseq && ack == f.lastack
                && !s.has(SYN_FIN_RST);
        if (repeated && window != 0 && (r.lastSegmentFlags & TcpAcked.KEEP_ALIVE) != 0) {
            ta.create().flags |= TcpAcked.KEEP_ALIVE_ACK;
            return;
        }
        if (repeated && window == 0 && (r.lastSegmentFlags & TcpAcked.ZERO_WINDOW_PROBE) != 0) {
            ta.create().flags |= TcpAcked.ZERO_WINDOW_PROBE_ACK;
            return;
        }
        if (repeated && window != 0) {
            f.dupacknum = f.dupacknum == -1 ? 1 : f.dupacknum + 1;
            TcpAcked a = ta.create();
            a.flags |= TcpAcked.DUPLICATE_ACK;
            a.dupackNum = f.dupacknum;
            a.dupackFrame = f.lastnondupack;
        }
    }

    private void retransmissionCheck(TcpSegment s, TcpFlow f, TcpFlow r) {
        int seq = s.seq, seglen = s.seglen;
        boolean seqNotAdvanced = f.nextseq != 0 && lt(seq, f.nextseq);
        if (s.analysed(TcpAcked.KEEP_ALIVE)) {
            return;
        }
        if (seglen > 1 && f.nextseq - 1 == seq) {
            seqNotAdvanced = false;
        }
        if (seglen > 0 && r.lastack != 0 && le(seq + seglen, r.lastack)) {
            s.acked.create().flags |= TcpAcked.SPURIOUS_RETRANSMISSION;
            return;
        }
        boolean fastFirst = settings.fastRetransmissionFirst;
        for (int round = 0; round < 2; round++) {
            boolean fast = fastFirst == (round == 0);
            if (fast) {
                long t = s.now - r.lastacktime;
                if (seqNotAdvanced && Integer.compareUnsigned(r.dupacknum, 2) >= 0 && r.lastack == seq
                        && Long.compareUnsigned(t, 20_000_000L) < 0) {
                    s.acked.create().flags |= TcpAcked.FAST_RETRANSMISSION;
                    return;
                }
            } else {
                long t = s.now - f.nextseqTime;
                long threshold = s.conv.tsFirstRtt == 0 ? 3_000_000L : s.conv.tsFirstRtt;
                int end = seq + seglen + (s.has(TH_SYN | TH_FIN) ? 1 : 0);
                if (seqNotAdvanced && Long.compareUnsigned(t, threshold) < 0 && f.nextseq != end) {
                    s.acked.create().flags |= TcpAcked.OUT_OF_ORDER;
                    return;
                }
            }
        }
        if (seqNotAdvanced) {
            TcpAcked a = s.acked.create();
            a.flags |= TcpAcked.RETRANSMISSION;
            a.rto = s.now - f.nextseqTime;
            a.rtoFrame = f.nextseqFrame;
            if (f.ualCount > 0) {
                a.rto = s.now - f.ualTs[0];
                a.rtoFrame = f.ualFrame[0];
            }
        }
    }

    /** Records the segment as unacknowledged and moves this direction's next and highest sequence numbers. */
    private static void advance(TcpSegment s, TcpFlow f) {
        int seq = s.seq;
        int nextseq = seq + s.seglen;
        if ((s.seglen != 0 || s.has(TH_SYN | TH_FIN)) && f.ualCount < TcpFlow.MAX_UNACKED) {
            if (s.has(TH_SYN | TH_FIN)) {
                nextseq += 1;
            }
            f.addUnacked(s.frame, seq, nextseq, s.now);
        }
        boolean probe = s.analysed(TcpAcked.ZERO_WINDOW_PROBE);
        if ((gt(nextseq, f.nextseq) || f.nextseq == 0) && !probe) {
            f.nextseq = nextseq;
            f.nextseqFrame = s.frame;
            f.nextseqTime = s.now;
        }
        if ((seq == f.maxseqtobeacked || f.maxseqtobeacked == 0) && !probe) {
            f.maxseqtobeacked = f.nextseq;
        }
        f.window = s.rawWin;
        f.lastack = s.ack;
        f.lastacktime = s.now;
        f.lastSegmentFlags = s.acked.present ? s.acked.flags : 0;
    }

    /** Removes what this segment acknowledges from the other direction's unacknowledged segments. */
    private static void removeAcknowledged(TcpSegment s, TcpFlow r) {
        int ack = s.ack;
        for (int i = r.ualCount - 1; i >= 0; ) {
            int useq = r.ualSeq[i], unext = r.ualNext[i];
            if (ack == unext) {
                TcpAcked a = s.acked.create();
                a.frameAcked = r.ualFrame[i];
                a.ackRtt = s.now - r.ualTs[i];
            } else if (gt(ack, useq) && le(ack, unext)) {
                r.ualSeq[i] = ack;
                continue;
            } else if (gt(unext, ack)) {
                i--;
                continue;
            }
            r.removeUnacked(i);
            i--;
        }
    }

    private void bytesInFlight(TcpSegment s, TcpFlow f, TcpFlow r) {
        int seglen = s.seglen;
        if (seglen == 0 || !f.validBif) {
            return;
        }
        int inFlight;
        if (!settings.bifSeqBased) {
            if (f.ualCount == 0) {
                return;
            }
            inFlight = unackedSpan(f);
        } else {
            inFlight = f.nextseq - r.lastack;
        }
        for (int i = 0; i < r.numSackRanges; i++) {
            inFlight -= r.sackRight[i + 1] - r.sackLeft[i + 1];
        }
        if (inFlight != 0 && Integer.compareUnsigned(inFlight, 2_000_000_000) < 0) {
            s.acked.create().bytesInFlight = unsigned(s.has(TH_SYN | TH_FIN) ? inFlight - 1 : inFlight);
        }
        if (s.has(TH_PUSH) && !f.pushSetLast) {
            f.pushBytesSent += seglen;
            f.pushSetLast = true;
        } else if (s.has(TH_PUSH)) {
            f.pushBytesSent = seglen;
            f.pushSetLast = true;
        } else if (f.pushSetLast) {
            f.pushBytesSent = seglen;
            f.pushSetLast = false;
        } else {
            f.pushBytesSent += seglen;
        }
        s.acked.create().pushBytesSent = f.pushBytesSent;
    }

    /** From the lowest to the highest relative sequence number of the unacknowledged segments. */
    private static int unackedSpan(TcpFlow f) {
        int newest = f.ualCount - 1;
        int firstSeq = f.ualSeq[newest] - f.baseSeq;
        int lastSeq = f.ualNext[newest] - f.baseSeq;
        for (int i = newest; i >= 0; i--) {
            int n = f.ualNext[i] - f.baseSeq;
            int q = f.ualSeq[i] - f.baseSeq;
            if (Integer.compareUnsigned(n, lastSeq) > 0) {
                lastSeq = n;
            }
            if (Integer.compareUnsigned(q, firstSeq) < 0) {
                firstSeq = q;
            }
        }
        return lastSeq - firstSeq;
    }
}
