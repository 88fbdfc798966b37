package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * IPv6, RFC 8200 (Wireshark's packet-ipv6.c).
 *
 * <pre>
 * |Version| Traffic Class |           Flow Label                  |
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * |                    Source Address (16 bytes)                  |
 * |                 Destination Address (16 bytes)                |
 * </pre>
 *
 * Records the fixed header, then walks the extension headers (hop-by-hop, routing, fragment,
 * destination options: {@link Ipv6ExtensionDissector}, each its own protocol as in Wireshark,
 * nested in the IPv6 tree), reassembles fragments within the bounds of its
 * {@link FragmentReassembler}, and hands the upper layer to the {@code ip.proto} table. Returns
 * 40 plus the payload length, so the link layer can show padding and trailer.
 */
final class Ipv6Dissector implements Dissector {
    /**
     * IPv6's own {@code ip.version} (Wireshark registers a second field of that name under ipv6: filters on
     * {@code ip.version} see both, EK names it {@code ipv6_ip_version}).
     */
    static final Field IP_VERSION = Field.define("ip.version", "Version", FieldType.UINT8).mask(0xF0, 8)
            .labeler(IpLabels::ipv6IpVersion).build();

    /** IPv6 No Next Header, RFC 8200. */
    static final int NO_NEXT_HEADER = 59;
    static final int HEADER_LENGTH = 40;
    static final int HOPOPTS = 0;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int DSTOPTS = 60;
    private static final int MAX_EXTENSION_HEADERS = 32;

    private final NetContext ctx;
    private final boolean defragment;
    private final FragmentReassembler reassembler;
    private final FragmentTree fragmentTree = new FragmentTree(Ipv6Fields.FRAGMENTS, Ipv6Fields.FRAGMENT,
            Ipv6Fields.FRAGMENT_OVERLAP, Ipv6Fields.FRAGMENT_OVERLAP_CONFLICT, Ipv6Fields.FRAGMENT_MULTIPLETAILS,
            Ipv6Fields.FRAGMENT_TOOLONGFRAGMENT, Ipv6Fields.FRAGMENT_COUNT, Ipv6Fields.REASSEMBLED_IN,
            Ipv6Fields.REASSEMBLED_LENGTH, Ipv6Fields.REASSEMBLED_DATA);
    private final StringBuilder host = new StringBuilder(40);
    private final Ipv6EmbeddedAddresses embedded = new Ipv6EmbeddedAddresses();
    private DissectorTable ipProto;
    private DissectorHandle data;

    Ipv6Dissector(NetContext ctx, boolean defragment, FragmentReassembler reassembler) {
        this.ctx = ctx;
        this.defragment = defragment;
        this.reassembler = reassembler;
    }

    void wire(DissectorTable ipProto, DissectorHandle data) {
        this.ipProto = ipProto;
        this.data = data;
    }

    static boolean isExtension(int nxt) {
        return nxt == HOPOPTS || nxt == ROUTING || nxt == FRAGMENT || nxt == DSTOPTS;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        boolean inError = ctx.inErrorPacket > 0;
        StringBuilder info = p.columns() && !inError ? p.clearInfo() : null;
        int node = t.open(NetProtocols.IPV6.field(), off, Math.max(1, Math.min(HEADER_LENGTH, p.captured(off))));
        int b0 = p.u8(off);
        int version = b0 >>> 4;
        t.addUint(Ipv6Fields.VERSION, off, 1, version);
        // Wireshark also records the version as the (hidden) ip.version of IPv6 packets.
        t.setFlags(t.addUint(IP_VERSION, off, 1, b0), Tree.HIDDEN);
        if (version != 6) {
            t.expert(NetExperts.IPV6_BOGUS_VERSION, off, 1);
            if (info != null) {
                info.append("Bogus IPv6 version (").append(version).append(", must be 6)");
            }
            t.close();
            return len;
        }
        long word = p.u32(off);
        t.openUint(Ipv6Fields.TCLASS, off, 4, word);
        t.addUint(Ipv6Fields.TCLASS_DSCP, off, 4, word);
        t.addUint(Ipv6Fields.TCLASS_ECN, off, 4, word);
        t.close();
        t.addUint(Ipv6Fields.FLOW, off + 1, 3, word & 0xFF_FFFF);
        int plen = p.u16(off + 4);
        t.addUint(Ipv6Fields.PLEN, off + 4, 2, plen);
        ctx.ipv6PayloadLength = plen;
        int nxt = p.u8(off + 6);
        t.addUint(Ipv6Fields.NXT, off + 6, 1, nxt);
        int hlim = p.u8(off + 7);
        t.addUint(Ipv6Fields.HLIM, off + 7, 1, hlim);
        p.require(off + 8, 16);
        long srcHi = p.u64(off + 8);
        long srcLo = p.u64(off + 16);
        address(p, t, Ipv6Fields.SRC, Ipv6Fields.SRC_HOST, off + 8);
        p.require(off + 24, 16);
        long dstHi = p.u64(off + 24);
        long dstLo = p.u64(off + 32);
        address(p, t, Ipv6Fields.DST, Ipv6Fields.DST_HOST, off + 24);
        embedded.record(p, t, off + 8, off + 24);
        if (ctx.mayCallNetAddresses()) {
            p.netAddresses(Packet.AT_IPV6, off + 8, off + 24);
        }
        ctx.ipv6SrcAt = off + 8;
        ctx.ipv6DstAt = off + 24;
        int reported = len - HEADER_LENGTH;
        if (plen == 0 && nxt != HOPOPTS && nxt != NO_NEXT_HEADER && !inError) {
            // Probably TCP segmentation offload; like Wireshark (without its TSO preference), the
            // payload stays empty.
            t.expert(NetExperts.IPV6_PLEN_ZERO, off + 4, 2);
        } else if (plen > reported) {
            if (!inError) {
                t.expert(NetExperts.IPV6_PLEN_EXCEEDS_FRAMING, off + 4, 2);
            }
            plen = reported;
        }
        ctx.ipTtl = hlim;
        ctx.ipAddresses(6, srcHi, srcLo, dstHi, dstLo);

        int at = off + HEADER_LENGTH;
        int end = at + plen;
        int headers = 0;
        boolean saved = ctx.inIpv6Chain;
        while (isExtension(nxt) && at < end && headers++ < MAX_EXTENSION_HEADERS) {
            DissectorHandle h = ipProto.get(nxt);
            if (h == null) {
                break;
            }
            ctx.extNext = -1;
            ctx.fragOffset = -1;
            int fragmentHeader = nxt == FRAGMENT ? 1 : 0;
            ctx.inIpv6Chain = true;
            String column = p.protocolColumn();
            int consumed;
            try {
                // Extension headers are drawn inside the IPv6 item (Wireshark's default; upper layers are not).
                consumed = p.callNested(h, at, end - at);
            } finally {
                ctx.inIpv6Chain = saved;
                // Extension headers leave the Protocol column to IPv6, as in Wireshark.
                p.protocolColumn(column);
            }
            if (consumed <= 0 || ctx.extNext < 0) {
                // Truncated or malformed extension header: nothing more can be decoded.
                t.close();
                return end - off;
            }
            at += consumed;
            // the IPv6 item covers the extension headers drawn inside it
            t.setLength(node, at - off);
            nxt = ctx.extNext;
            if (fragmentHeader == 1 && (ctx.fragOffset != 0 || ctx.fragMore)) {
                return fragment(p, t, info, inError, srcHi, srcLo, dstHi, dstLo, nxt, at, end, off);
            }
        }
        t.close();
        if (end > at || !inError) {
            // In an ICMPv6 error nothing is handed on once the quoted bytes end (outside one, Wireshark
            // calls the next header's dissector even for an empty payload).
            payload(p, info, nxt, at, end - at);
        }
        return end - off;
    }

    private void address(Packet p, Tree t, Field f, Field hostField, int at) {
        t.add(f, at, 16);
        t.add(Ipv6Fields.ADDR, at, 16);
        if (t.wants(hostField) || t.wants(Ipv6Fields.HOST)) {
            host.setLength(0);
            AddressText.ipv6(host, p.segment(), p.base() + at);
            t.showAt(t.addString(hostField, host), at, 16);
            t.showAt(t.addString(Ipv6Fields.HOST, host), at, 16);
        }
    }

    private void payload(Packet p, StringBuilder info, int nxt, int at, int len) {
        if (!NetUtil.callTable(p, ipProto, nxt, at, len)) {
            NetUtil.callData(p, data, at, len);
            if (info != null && ctx.inErrorPacket == 0 && nxt == NO_NEXT_HEADER) {
                // packet-ipv6.c names this one itself (Teredo bubbles are IPv6 headers with nothing after them)
                p.clearInfo().append("IPv6 no next header");
            } else if (info != null && ctx.inErrorPacket == 0) {
                p.clearInfo().append("Unknown IP Protocol: ").append(Ipv4Fields.PROTO.values().name(nxt, "Unknown"))
                        .append(" (").append(nxt).append(')');
            }
        }
    }

    private int fragment(Packet p, Tree t, StringBuilder info, boolean inError, long srcHi, long srcLo, long dstHi,
                         long dstLo, int nxt, int at, int end, int off) {
        int fragOffset = ctx.fragOffset;
        boolean more = ctx.fragMore;
        long ident = ctx.fragIdent;
        int len = end - at;
        int status = -1;
        if (defragment && !inError && p.captured(at) >= len) {
            status = reassembler.add(6, srcHi, srcLo, dstHi, dstLo, ident, 0, fragOffset, more, p.segment(),
                    p.base() + at, len, p.frame().number(), p.frame().timestampNanos());
        }
        FragmentReassembler.Datagram d = reassembler.current();
        if (status == FragmentReassembler.COMPLETE) {
            int source = t.addSource(d.segment(), 0, d.length(), "Reassembled IPv6");
            fragmentTree.complete(t, d, source);
            t.close();
            DissectorHandle h = ipProto.get(nxt);
            int consumed = h == null ? 0 : p.callOnSource(source, h, 0, d.length());
            if (consumed == 0) {
                String column = p.protocolColumn();
                p.callOnSource(source, data, 0, d.length());
                p.protocolColumn(column);
            }
            return end - off;
        }
        if (status == FragmentReassembler.LIMIT) {
            t.expert(NetExperts.IPV6_FRAGMENT_LIMIT, at, 0);
        } else if (status == FragmentReassembler.DONE_BEFORE && d != null) {
            fragmentTree.elsewhere(t, d);
        }
        t.close();
        NetUtil.callData(p, data, at, len);
        if (info != null) {
            info = p.clearInfo();
            info.append("IPv6 fragment (off=").append(fragOffset).append(" more=").append(more ? 'y' : 'n');
            NetFormat.hex(info.append(" ident="), ident, 8).append(" nxt=").append(nxt).append(')');
        }
        return end - off;
    }
}
