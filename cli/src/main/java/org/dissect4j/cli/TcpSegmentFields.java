package org.dissect4j.cli;

import java.util.Arrays;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The per-segment TCP fields the connection reports read ({@code --handshakes}, {@code --flow}):
 * their field ids, primed once, and the test that a packet carries a TCP segment of its own.
 */
final class TcpSegmentFields {
    int[] stream, srcPort, dstPort, flags, seq, ack, len, rel;
    /** The ICMP and ICMPv6 protocol ids: a TCP header quoted inside an error is not a segment. */
    private int[] icmp;

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
        int[] v4 = ReportFormat.want(engine, "icmp");
        int[] v6 = ReportFormat.want(engine, "icmpv6");
        icmp = Arrays.copyOf(v4, v4.length + v6.length);
        System.arraycopy(v6, 0, icmp, v4.length, v6.length);
        ReportFormat.want(engine, "tcp");
        ReportFormat.want(engine, "ip");
        ReportFormat.want(engine, "ipv6");
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
}
