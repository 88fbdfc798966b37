package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The per-segment TCP fields the connection reports read ({@code --handshakes}, {@code --flow}):
 * their field ids, primed once, the test that a packet carries a TCP segment of its own, and the
 * analysis marks (retransmission, duplicate ACK, zero window) the TCP dissector records as expert items.
 */
final class TcpSegmentFields {
    /** Bits of {@link #marks}: what Wireshark's TCP analysis flagged on the segment. */
    static final int RETRANSMISSION = 1, DUP_ACK = 2, ZERO_WINDOW = 4;

    int[] stream, srcPort, dstPort, flags, seq, ack, len, rel;
    /** The raw (absolute) sequence number, the window as sent and as scaled. */
    int[] seqRaw, windowValue, window;
    /** SYN options: MSS, window scale shift, SACK permitted, timestamp value. */
    int[] mss, ws, sackPerm, tsVal;
    /** The ICMP and ICMPv6 protocol ids: a TCP header quoted inside an error is not a segment. */
    private int[] icmp;
    /** Expert items per mark bit: every kind of retransmission, duplicate ACK, zero window. */
    private Field[][] markExperts;

    /** Wants the fields (and the tcp/ip/ipv6 protocols) in {@code engine}'s tree. */
    void prime(Engine engine) {
        stream = ReportFormat.want(engine, "tcp.stream");
        srcPort = ReportFormat.want(engine, "tcp.srcport");
        dstPort = ReportFormat.want(engine, "tcp.dstport");
        flags = ReportFormat.want(engine, "tcp.flags");
        seq = ReportFormat.want(engine, "tcp.seq");
        ack = ReportFormat.want(engine, "tcp.ack");
        len = ReportFormat.want(engine, "tcp.len");
        rel = ReportFormat.want(engine, "frame.time_relative");
        seqRaw = ReportFormat.want(engine, "tcp.seq_raw");
        windowValue = ReportFormat.want(engine, "tcp.window_size_value");
        window = ReportFormat.want(engine, "tcp.window_size");
        mss = ReportFormat.want(engine, "tcp.options.mss_val");
        ws = ReportFormat.want(engine, "tcp.options.wscale.shift");
        sackPerm = ReportFormat.want(engine, "tcp.options.sack_perm");
        tsVal = ReportFormat.want(engine, "tcp.options.timestamp.tsval");
        int[] v4 = ReportFormat.want(engine, "icmp");
        int[] v6 = ReportFormat.want(engine, "icmpv6");
        icmp = Arrays.copyOf(v4, v4.length + v6.length);
        System.arraycopy(v6, 0, icmp, v4.length, v6.length);
        ReportFormat.want(engine, "tcp");
        ReportFormat.want(engine, "ip");
        ReportFormat.want(engine, "ipv6");
        markExperts = new Field[][] {
            experts(engine, "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission"),
            experts(engine, "tcp.analysis.duplicate_ack"),
            experts(engine, "tcp.analysis.zero_window")};
    }

    private static Field[] experts(Engine engine, String... names) {
        List<Field> l = new ArrayList<>();
        for (String n : names) {
            engine.findField(n).ifPresent(l::add);
        }
        return l.toArray(Field[]::new);
    }

    /** The packet's {@code tcp.stream} node when it carries a TCP segment over IPv4/IPv6 (not one quoted by ICMP), or -1. */
    int segment(Packet p) {
        Tree t = p.tree();
        int s = ReportFormat.first(t, stream);
        if (s < 0 || ReportFormat.inside(t, s, icmp)
                || (p.netType() != Packet.AT_IPV4 && p.netType() != Packet.AT_IPV6)) {
            return -1;
        }
        return s;
    }

    /** The {@link #RETRANSMISSION}, {@link #DUP_ACK} and {@link #ZERO_WINDOW} bits of the packet's TCP analysis. */
    int marks(Tree t) {
        int bits = 0;
        for (int i = 0, n = t.expertCount(); i < n; i++) {
            Field f = t.expertOf(t.expertNode(i)).field();
            for (int m = 0; m < markExperts.length; m++) {
                for (Field x : markExperts[m]) {
                    if (x == f) {
                        bits |= 1 << m;
                    }
                }
            }
        }
        return bits;
    }
}
