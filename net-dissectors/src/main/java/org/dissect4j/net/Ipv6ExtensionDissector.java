package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;

/**
 * IPv6 extension headers, each registered as its own protocol in {@code ip.proto} as Wireshark
 * does: {@code ipv6.hopopts} (0) and {@code ipv6.dstopts} (60) with their options (Pad1, PadN,
 * Tunnel Encapsulation Limit, Router Alert, Jumbo Payload, Home Address; others as unknown data),
 * {@code ipv6.routing} (43: type 0 source route, type 2 Mobile IPv6, type 4 segment routing, others as
 * data) and
 * {@code ipv6.fraghdr} (44). Within the IPv6 header chain the dissector reports the next header
 * (and fragment fields) to the IPv6 dissector in {@link NetContext}; called from anywhere else it
 * hands its payload to {@code ip.proto} itself.
 */
final class Ipv6ExtensionDissector implements Dissector {
    private static final int ROUTING_SOURCE = 0;
    private static final int ROUTING_MIPV6 = 2;
    private static final int ROUTING_SRH = 4;

    private final NetContext ctx;
    private final Ipv6Options options = new Ipv6Options();
    private final StringBuilder label = new StringBuilder(64);
    private final int kind;
    private DissectorTable ipProto;
    private DissectorHandle data;

    /** {@code kind}: the next-header value this instance decodes (0, 43, 44 or 60). */
    Ipv6ExtensionDissector(NetContext ctx, int kind) {
        this.ctx = ctx;
        this.kind = kind;
    }

    void wire(DissectorTable ipProto, DissectorHandle data) {
        this.ipProto = ipProto;
        this.data = data;
    }

    static Protocol protocol(int kind) {
        return switch (kind) {
            case Ipv6Dissector.HOPOPTS -> NetProtocols.IPV6_HOPOPTS;
            case Ipv6Dissector.ROUTING -> NetProtocols.IPV6_ROUTING;
            case Ipv6Dissector.FRAGMENT -> NetProtocols.IPV6_FRAGHDR;
            default -> NetProtocols.IPV6_DSTOPTS;
        };
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        boolean chained = ctx.inIpv6Chain;
        ctx.inIpv6Chain = false;
        Tree t = p.tree();
        if (p.columns() && ctx.inErrorPacket == 0) {
            p.clearInfo().append(switch (kind) {
                case Ipv6Dissector.HOPOPTS -> "IPv6 hop-by-hop options";
                case Ipv6Dissector.ROUTING -> "IPv6 routing";
                case Ipv6Dissector.FRAGMENT -> "IPv6 fragment";
                default -> "IPv6 destination options";
            });
        }
        int nxt = p.u8(off);
        int hlen;
        int node;
        if (kind == Ipv6Dissector.FRAGMENT) {
            hlen = 8;
            node = t.open(protocol(kind).field(), off, Math.min(hlen, Math.max(1, p.captured(off))));
            t.addUint(Ipv6Fields.FRAGHDR_NXT, off, 1, nxt);
            t.addUint(Ipv6Fields.FRAGHDR_RESERVED_OCTET, off + 1, 1, p.u8(off + 1));
            int w = p.u16(off + 2);
            int offsetItem = t.addUint(Ipv6Fields.FRAGHDR_OFFSET, off + 2, 2, w);
            if (offsetItem >= 0 && t.wantsLabels()) {
                label.setLength(0);
                t.appendLabel(offsetItem, label.append(" (").append(w & 0xFFF8).append(" bytes)"));
            }
            t.addUint(Ipv6Fields.FRAGHDR_RESERVED_BITS, off + 2, 2, w);
            t.addUint(Ipv6Fields.FRAGHDR_MORE, off + 2, 2, w);
            long ident = p.u32(off + 4);
            t.addUint(Ipv6Fields.FRAGHDR_IDENT, off + 4, 4, ident);
            ctx.fragOffset = w & 0xFFF8;
            ctx.fragMore = (w & 1) != 0;
            ctx.fragIdent = ident;
        } else {
            int lenField = p.captured(off + 1) > 0 ? p.u8(off + 1) : 0;
            hlen = (lenField + 1) * 8;
            node = t.open(protocol(kind).field(), off, Math.min(hlen, Math.max(1, p.captured(off))));
            Field nxtField;
            Field lenF;
            Field octF;
            switch (kind) {
                case Ipv6Dissector.HOPOPTS -> {
                    nxtField = Ipv6Fields.HOPOPTS_NXT;
                    lenF = Ipv6Fields.HOPOPTS_LEN;
                    octF = Ipv6Fields.HOPOPTS_LEN_OCT;
                }
                case Ipv6Dissector.ROUTING -> {
                    nxtField = Ipv6Fields.ROUTING_NXT;
                    lenF = Ipv6Fields.ROUTING_LEN;
                    octF = Ipv6Fields.ROUTING_LEN_OCT;
                }
                default -> {
                    nxtField = Ipv6Fields.DSTOPTS_NXT;
                    lenF = Ipv6Fields.DSTOPTS_LEN;
                    octF = Ipv6Fields.DSTOPTS_LEN_OCT;
                }
            }
            t.addUint(nxtField, off, 1, nxt);
            lenField = p.u8(off + 1);
            t.addUint(lenF, off + 1, 1, lenField);
            // the length in octets is drawn over the length byte it is computed from
            t.setFlags(t.addUint(octF, off + 1, 1, hlen), Tree.GENERATED);
            // A header longer than the payload is walked anyway: reading past the end marks the
            // packet malformed where the bytes run out, as in Wireshark.
            if (kind == Ipv6Dissector.ROUTING) {
                int finalDst = routing(p, t, off, hlen);
                if (finalDst >= 0 && chained) {
                    // Conversations and columns use the final destination of a source route, as Wireshark does.
                    ctx.ipDstHi = p.u64(finalDst);
                    ctx.ipDstLo = p.u64(finalDst + 8);
                    ctx.ipv6DstAt = finalDst;
                    if (ctx.mayCallNetAddresses()) {
                        p.netAddresses(Packet.AT_IPV6, ctx.ipv6SrcAt, finalDst);
                    }
                }
            } else {
                int home = options.walk(p, t, off + 2, off + hlen, ctx.ipv6PayloadLength);
                if (home >= 0 && chained) {
                    // The mobile node's home address is the source for conversations and columns (RFC 6275 6.3).
                    ctx.ipSrcHi = p.u64(home);
                    ctx.ipSrcLo = p.u64(home + 8);
                    ctx.ipv6SrcAt = home;
                    if (ctx.mayCallNetAddresses()) {
                        p.netAddresses(Packet.AT_IPV6, home, ctx.ipv6DstAt);
                    }
                }
            }
        }
        t.close();
        if (chained) {
            ctx.extNext = nxt;
            return hlen;
        }
        // Outside the IPv6 chain (e.g. under IPv4 or in reassembled data): continue ourselves.
        int rest = len - hlen;
        if (rest <= 0 && ctx.inErrorPacket > 0) {
            // The bytes an ICMP error quotes end here: nothing is handed on, as in Wireshark.
            return len;
        }
        if (kind == Ipv6Dissector.FRAGMENT && (ctx.fragOffset != 0 || ctx.fragMore)) {
            NetUtil.callData(p, data, off + hlen, rest);
        } else if (!NetUtil.callTable(p, ipProto, nxt, off + hlen, rest)) {
            NetUtil.callData(p, data, off + hlen, rest);
        }
        return len;
    }

    /** Records a routing header; returns the offset of the route's final destination, or -1. */
    private int routing(Packet p, Tree t, int off, int hlen) {
        int type = p.u8(off + 2);
        int typeItem = t.addUint(Ipv6Fields.ROUTING_TYPE, off + 2, 1, type);
        int segleft = p.u8(off + 3);
        int segleftItem = t.addUint(Ipv6Fields.ROUTING_SEGLEFT, off + 3, 1, segleft);
        switch (type) {
            case ROUTING_SOURCE -> {
                t.expertOn(typeItem, NetExperts.IPV6_ROUTING_DEPRECATED, off + 2, 1, null);
                p.require(off + 4, 4);
                t.add(Ipv6Fields.ROUTING_SRC_RESERVED, off + 4, 4);
                int n = 0;
                for (int at = off + 8; at + 16 <= off + hlen; at += 16) {
                    vectorAddress(p, t, Ipv6Fields.ROUTING_SRC_ADDR, at, ++n);
                }
                if (segleft > n) {
                    t.expertOn(segleftItem, NetExperts.IPV6_ROUTING_INVALID_SEGLEFT, off + 3, 1, null);
                }
                return segleft > 0 && n > 0 ? off + 8 + (n - 1) * 16 : -1;
            }
            case ROUTING_MIPV6 -> {
                p.require(off + 4, 4);
                t.add(Ipv6Fields.ROUTING_MIPV6_RESERVED, off + 4, 4);
                vectorAddress(p, t, Ipv6Fields.ROUTING_MIPV6_HOME_ADDRESS, off + 8, 1);
                return segleft > 0 ? off + 8 : -1;
            }
            case ROUTING_SRH -> {
                int last = p.u8(off + 4);
                t.addUint(Ipv6Fields.ROUTING_SRH_LAST_ENTRY, off + 4, 1, last);
                t.addUint(Ipv6Fields.ROUTING_SRH_FLAGS, off + 5, 1, p.u8(off + 5));
                p.require(off + 6, 2);
                t.add(Ipv6Fields.ROUTING_SRH_TAG, off + 6, 2);
                for (int i = 0, at = off + 8; i <= last && at + 16 <= off + hlen; i++, at += 16) {
                    vectorAddress(p, t, Ipv6Fields.ROUTING_SRH_ADDR, at, i);
                }
                if (segleft > last + 1) {
                    t.expertOn(segleftItem, NetExperts.IPV6_ROUTING_INVALID_SEGLEFT, off + 3, 1, null);
                }
                // Segment list is in reverse order: entry 0 is the final segment.
                return segleft > 0 && hlen >= 24 ? off + 8 : -1;
            }
            default -> {
                if (hlen > 4) {
                    p.require(off + 4, hlen - 4);
                    int data = t.add(Ipv6Fields.ROUTING_UNKNOWN_DATA, off + 4, hlen - 4);
                    t.expertOn(data, NetExperts.IPV6_ROUTING_UNDECODED, off + 4, hlen - 4, null);
                }
                return -1;
            }
        }
    }

    /** An address of a routing header's list, shown with its index as packet-ipv6.c does: {@code Address[1]: 2001:db8::1}. */
    private void vectorAddress(Packet p, Tree t, Field f, int at, int index) {
        p.require(at, 16);
        int node = t.add(f, at, 16);
        if (node >= 0 && t.wantsLabels()) {
            label.setLength(0);
            label.append("Address[").append(index).append("]: ");
            AddressText.ipv6(label, p.segment(), p.base() + at);
            t.setLabel(node, label);
        }
    }
}
