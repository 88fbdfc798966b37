package org.dissect4j.tcp;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;

/**
 * Whether the segment being dissected is the start of a datagram an ICMP or ICMPv6 error quotes
 * (Wireshark's {@code pinfo->flags.in_error_pkt}), found in the frame's protocol chain. Such a segment
 * has no known length: TCP shows its header as it is (absolute sequence and acknowledgment numbers, no
 * {@code tcp.len}), finds or creates its connection without analysing it, and hands the quoted payload
 * to the next layer without reassembly.
 * Directly under IPv4 under ICMP, Wireshark adds the sequence number before the rest of the header
 * (an ICMP error need quote only 8 bytes of it) and not again with {@code tcp.seq_raw}.
 */
final class TcpErrorQuote {
    /** Not inside an ICMP error. */
    static final int NONE = 0;
    /** Inside an ICMP or ICMPv6 error. */
    static final int QUOTED = 1;
    /** Inside an ICMP error, directly under its IPv4 header. */
    static final int QUOTED_IPV4 = 2;

    private int ip = -1;
    private int icmp = -1;
    private int icmpv6 = -1;

    /** The protocols of the handles (field ids of their {@code Protocol}s); null when not loaded. */
    void wire(DissectorHandle ipHandle, DissectorHandle icmpHandle, DissectorHandle icmpv6Handle) {
        ip = id(ipHandle);
        icmp = id(icmpHandle);
        icmpv6 = id(icmpv6Handle);
    }

    private static int id(DissectorHandle h) {
        return h == null ? -1 : h.protocol().field().id();
    }

    /** {@link #NONE}, {@link #QUOTED} or {@link #QUOTED_IPV4} for the segment TCP is called for now. */
    int of(Packet p) {
        if (icmp < 0 && icmpv6 < 0) {
            return NONE;
        }
        int n = p.protocolCount() - 1; // TCP itself is the last protocol of the chain
        for (int i = n - 1; i >= 0; i--) {
            int proto = p.protocolAt(i);
            if (proto == icmp || proto == icmpv6) {
                return proto == icmp && i == n - 2 && p.protocolAt(n - 1) == ip ? QUOTED_IPV4 : QUOTED;
            }
        }
        return NONE;
    }
}
