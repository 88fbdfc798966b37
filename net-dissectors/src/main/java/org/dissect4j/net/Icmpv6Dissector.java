package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * ICMPv6, RFC 4443, and neighbour discovery, RFC 4861 (Wireshark's packet-icmpv6.c): type,
 * code, checksum (always verified over the pseudo-header, as Wireshark does, unless truncated or
 * quoted in an error), error messages with the quoted IPv6 datagram, echo request/reply with
 * matching, router and neighbour solicitation/advertisement, redirect, MLD ({@link Icmpv6Mld}), and the options source and
 * target link-layer address, prefix information, MTU, recursive DNS server and redirected header.
 * Info texts as Wireshark's: {@code Neighbor Solicitation for fd00:77::1 from 02:00:00:77:00:02}.
 */
final class Icmpv6Dissector implements Dissector {
    /** The byte-string twins Wireshark registers under the link-layer address names, for addresses that are not Ethernet's. */
    static final Field LINKADDR_BYTES = Field.define("icmpv6.opt.linkaddr", "Link-layer address", FieldType.BYTES).build();
    static final Field SRC_LINKADDR_BYTES = Field.define("icmpv6.opt.src_linkaddr", "Source Link-layer address", FieldType.BYTES)
            .hidden().build();
    static final Field TARGET_LINKADDR_BYTES = Field.define("icmpv6.opt.target_linkaddr", "Target Link-layer address",
            FieldType.BYTES).hidden().build();
    static final int DEST_UNREACH = 1;
    static final int PACKET_TOO_BIG = 2;
    static final int TIME_EXCEEDED = 3;
    static final int PARAM_PROBLEM = 4;
    static final int ECHO_REQUEST = 128;
    /** Teredo's UDP port: an echo request to it is a Teredo direct connectivity test (packet-icmpv6.c checks the port). */
    static final int TEREDO_PORT = 3544;
    static final int ECHO_REPLY = 129;
    static final int RS = 133;
    static final int RA = 134;
    static final int NS = 135;
    static final int NA = 136;
    static final int REDIRECT = 137;
    private static final int PROTO_ICMPV6 = 58;

    static final int OPT_SLLA = 1;
    static final int OPT_TLLA = 2;
    static final int OPT_PREFIX = 3;
    static final int OPT_REDIRECTED = 4;
    static final int OPT_MTU = 5;
    static final int OPT_RDNSS = 25;

    static final ValueNames UNREACH_CODES = ValueNames.of(0, "no route to destination", 1, "Administratively prohibited",
            2, "Beyond scope of source address", 3, "Address unreachable", 4, "Port unreachable",
            5, "Source address failed ingress/egress policy", 6, "Reject route to destination",
            7, "Error in Source Routing Header");
    static final ValueNames TIME_EXCEEDED_CODES = ValueNames.of(0, "hop limit exceeded in transit",
            1, "fragment reassembly time exceeded");
    static final ValueNames PARAM_PROBLEM_CODES = ValueNames.of(0, "erroneous header field encountered",
            1, "unrecognized Next Header type encountered", 2, "unrecognized IPv6 option encountered",
            3, "IPv6 First Fragment has incomplete IPv6 Header Chain");

    /**
     * Appends {@code " (name)"} of an error's code as the Info column and the Code line show it
     * ({@code " (no route to destination)"}, {@code " (Unknown)"}, {@code " (Unknown (9))"}), nothing for the types
     * whose codes have no names.
     */
    static void appendCodeName(int type, int code, StringBuilder out) {
        ValueNames codes = switch (type) {
            case DEST_UNREACH -> UNREACH_CODES;
            case TIME_EXCEEDED -> TIME_EXCEEDED_CODES;
            case PARAM_PROBLEM -> PARAM_PROBLEM_CODES;
            default -> null;
        };
        if (codes == null) {
            return;
        }
        String name = codes.name(code);
        out.append(" (");
        if (name != null) {
            out.append(name);
        } else if (type == DEST_UNREACH) {
            out.append("Unknown");
        } else {
            out.append("Unknown (").append(code).append(')');
        }
        out.append(')');
    }

    private final NetContext ctx;
    private final EchoTracker echoes;
    private final BadChecksum badChecksum = new BadChecksum();
    private DissectorHandle ipv6;
    private DissectorHandle data;

    Icmpv6Dissector(NetContext ctx, EchoTracker echoes) {
        this.ctx = ctx;
        this.echoes = echoes;
    }

    void wire(DissectorHandle ipv6, DissectorHandle data) {
        this.ipv6 = ipv6;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        boolean inError = ctx.inErrorPacket > 0;
        StringBuilder info = p.columns() && !inError ? p.clearInfo() : null;
        int captured = Math.min(len, p.captured(off));
        t.open(NetProtocols.ICMPV6.field(), off, captured);
        int type = p.u8(off);
        t.addUint(Icmpv6Fields.TYPE, off, 1, type);
        int code = p.u8(off + 1);
        t.addUint(Icmpv6Fields.CODE, off + 1, 1, code);
        // RFC 4380 5.2.9: an echo request to Teredo's port is Teredo's direct IPv6 connectivity test, with a nonce
        boolean teredoTest = type == ECHO_REQUEST && !inError && p.dstPort() == TEREDO_PORT;
        if (info != null && teredoTest) {
            p.protocolColumn("Teredo");
            info.append("Direct IPv6 Connectivity Test");
        } else if (info != null) {
            info.append(Icmpv6Fields.TYPE.values().name(type, "Unknown"));
            appendCodeName(type, code, info);
        }
        int checksum = p.u16(off + 2);
        int checksumNode = t.addUint(Icmpv6Fields.CHECKSUM, off + 2, 2, checksum);
        if (!inError && captured >= len && ctx.ipFamily == 6) {
            long sum = words(ctx.ipSrcHi) + words(ctx.ipSrcLo) + words(ctx.ipDstHi) + words(ctx.ipDstLo)
                    + ((len >>> 16) & 0xFFFF) + (len & 0xFFFF) + PROTO_ICMPV6;
            int folded = Bytes.onesComplementSum(p.segment(), p.base() + off, len, sum);
            if (folded == 0xFFFF) {
                t.setFlags(t.addUint(Icmpv6Fields.CHECKSUM_STATUS, off + 2, 0, 1), Tree.GENERATED);
            } else {
                t.setFlags(t.addUint(Icmpv6Fields.CHECKSUM_STATUS, off + 2, 0, 0), Tree.GENERATED);
                int withoutChecksum = Bytes.onesComplementSum(p.segment(), p.base() + off + 4, len - 4,
                        Bytes.onesComplementSum(p.segment(), p.base() + off, 2, sum));
                badChecksum.record(t, checksumNode, NetExperts.ICMPV6_CHECKSUM_BAD, off + 2, ~withoutChecksum & 0xFFFF);
            }
        } else {
            t.setFlags(t.addUint(Icmpv6Fields.CHECKSUM_STATUS, off + 2, 0, 2), Tree.GENERATED);
        }
        int body = off + 4;
        switch (type) {
            case DEST_UNREACH, TIME_EXCEEDED -> {
                p.require(body, 4);
                t.add(Icmpv6Fields.RESERVED, body, 4);
                quoted(p, body + 4, off + len);
            }
            case PACKET_TOO_BIG -> {
                t.addUint(Icmpv6Fields.MTU, body, 4, p.u32(body));
                quoted(p, body + 4, off + len);
            }
            case PARAM_PROBLEM -> {
                t.addUint(Icmpv6Fields.POINTER, body, 4, p.u32(body));
                quoted(p, body + 4, off + len);
            }
            case Icmpv6Mld.QUERY, Icmpv6Mld.REPORT, Icmpv6Mld.DONE -> Icmpv6Mld.v1OrQuery(p, t, type, body, len);
            case Icmpv6Mld.REPORT_V2 -> Icmpv6Mld.reportV2(p, t, body);
            case ECHO_REQUEST, ECHO_REPLY -> echo(p, t, info, off, len, type, checksum, inError, teredoTest);
            case RS -> {
                p.require(body, 4);
                t.add(Icmpv6Fields.RESERVED, body, 4);
                options(p, t, info, body + 4, off + len);
            }
            case RA -> {
                t.addUint(Icmpv6Fields.ND_RA_CUR_HOP_LIMIT, body, 1, p.u8(body));
                int flags = p.u8(body + 1);
                t.openUint(Icmpv6Fields.ND_RA_FLAG, body + 1, 1, flags);
                t.addUint(Icmpv6Fields.ND_RA_FLAG_M, body + 1, 1, flags);
                t.addUint(Icmpv6Fields.ND_RA_FLAG_O, body + 1, 1, flags);
                t.addUint(Icmpv6Fields.ND_RA_FLAG_H, body + 1, 1, flags);
                t.addUint(Icmpv6Fields.ND_RA_FLAG_PRF, body + 1, 1, flags);
                t.addUint(Icmpv6Fields.ND_RA_FLAG_P, body + 1, 1, flags);
                t.addUint(Icmpv6Fields.ND_RA_FLAG_RSV, body + 1, 1, flags);
                t.close();
                t.addUint(Icmpv6Fields.ND_RA_ROUTER_LIFETIME, body + 2, 2, p.u16(body + 2));
                t.addUint(Icmpv6Fields.ND_RA_REACHABLE_TIME, body + 4, 4, p.u32(body + 4));
                t.addUint(Icmpv6Fields.ND_RA_RETRANS_TIMER, body + 8, 4, p.u32(body + 8));
                options(p, t, info, body + 12, off + len);
            }
            case NS -> {
                p.require(body, 4);
                t.add(Icmpv6Fields.RESERVED, body, 4);
                p.require(body + 4, 16);
                t.add(Icmpv6Fields.ND_NS_TARGET_ADDRESS, body + 4, 16);
                if (info != null) {
                    AddressText.ipv6(info.append(" for "), p.segment(), p.base() + body + 4);
                }
                options(p, t, info, body + 20, off + len);
            }
            case NA -> {
                long flags = p.u32(body);
                t.openUint(Icmpv6Fields.ND_NA_FLAG, body, 4, flags);
                t.addUint(Icmpv6Fields.ND_NA_FLAG_R, body, 4, flags);
                t.addUint(Icmpv6Fields.ND_NA_FLAG_S, body, 4, flags);
                t.addUint(Icmpv6Fields.ND_NA_FLAG_O, body, 4, flags);
                t.addUint(Icmpv6Fields.ND_NA_FLAG_RSV, body, 4, flags);
                t.close();
                p.require(body + 4, 16);
                t.add(Icmpv6Fields.ND_NA_TARGET_ADDRESS, body + 4, 16);
                if (info != null) {
                    AddressText.ipv6(info.append(' '), p.segment(), p.base() + body + 4);
                    if ((flags & 0xE000_0000L) != 0) {
                        info.append(" (");
                        boolean first = true;
                        if ((flags & 0x8000_0000L) != 0) {
                            info.append("rtr");
                            first = false;
                        }
                        if ((flags & 0x4000_0000L) != 0) {
                            info.append(first ? "" : ", ").append("sol");
                            first = false;
                        }
                        if ((flags & 0x2000_0000L) != 0) {
                            info.append(first ? "" : ", ").append("ovr");
                        }
                        info.append(')');
                    }
                }
                options(p, t, info, body + 20, off + len);
            }
            case REDIRECT -> {
                p.require(body, 4);
                t.add(Icmpv6Fields.RESERVED, body, 4);
                p.require(body + 4, 16);
                t.add(Icmpv6Fields.ND_RD_TARGET_ADDRESS, body + 4, 16);
                p.require(body + 20, 16);
                t.add(Icmpv6Fields.RD_NA_DESTINATION_ADDRESS, body + 20, 16);
                options(p, t, info, body + 36, off + len);
            }
            default -> {
                int n = Math.min(len - 4, p.captured(body));
                if (n > 0) {
                    t.add(Icmpv6Fields.DATA, body, n);
                }
            }
        }
        t.close();
        return len;
    }

    private static long words(long v) {
        return ((v >>> 48) & 0xFFFF) + ((v >>> 32) & 0xFFFF) + ((v >>> 16) & 0xFFFF) + (v & 0xFFFF);
    }

    /** The datagram an error quotes; none at all is malformed, as in Wireshark (ICMP for IPv4 shows nothing). */
    private void quoted(Packet p, int at, int end) {
        if (end <= at) {
            throw PacketBoundsException.MALFORMED;
        }
        IcmpDissector.errorPacket(p, ctx, ipv6, at, end - at);
    }

    private void echo(Packet p, Tree t, StringBuilder info, int off, int len, int type, int checksum, boolean inError,
                      boolean teredoTest) {
        int ident = p.u16(off + 4);
        t.addUint(Icmpv6Fields.ECHO_IDENTIFIER, off + 4, 2, ident);
        int seq = p.u16(off + 6);
        t.addUint(Icmpv6Fields.ECHO_SEQUENCE_NUMBER, off + 6, 2, seq);
        if (info != null) {
            NetFormat.hex(info.append(" id="), ident, 4).append(", seq=").append(seq);
            if (ctx.ipFamily == 6) {
                info.append(", hop limit=").append(ctx.ipTtl);
            }
        }
        if (!inError && ctx.ipFamily != 0) {
            long key;
            if (type == ECHO_REPLY) {
                key = checksum == 0xFFFF ? 0 : checksum;
            } else {
                // The checksum the reply will carry: the type byte grows from 128 to 129, so the
                // one's complement sum grows by 0x0100 and the checksum shrinks by it.
                int s = (~checksum & 0xFFFF) + 0x0100;
                s = (s & 0xFFFF) + (s >>> 16);
                s = (s & 0xFFFF) + (s >>> 16);
                key = ~s & 0xFFFF;
            }
            key = (key << 32) | ((long) ident << 16) | seq;
            IcmpDissector.matchEcho(p, t, info, echoes, ctx, key, type == ECHO_REQUEST, Icmpv6Fields.RESP_IN,
                    Icmpv6Fields.RESP_TO, Icmpv6Fields.RESPTIME);
        }
        if (len > 8 && teredoTest) {
            p.require(off + 8, len - 8);
            t.add(Icmpv6Fields.NONCE, off + 8, len - 8);
        } else if (len > 8) {
            NetUtil.callDataNested(p, data, off + 8, len - 8);
        }
    }

    /** Neighbour discovery options, walked until the end of the message or a bad length. */
    private void options(Packet p, Tree t, StringBuilder info, int at, int end) {
        while (at < end) {
            int type = p.u8(at);
            int option = t.open(Icmpv6Fields.OPT, at, 1);
            t.addUint(Icmpv6Fields.OPT_TYPE, at, 1, type);
            int units = p.u8(at + 1);
            int olen = units * 8;
            t.setLength(option, olen == 0 ? 2 : Math.min(olen, end - at));
            t.addUint(Icmpv6Fields.OPT_LENGTH, at + 1, 1, units);
            if (olen == 0 || at + olen > end) {
                t.expert(NetExperts.ICMPV6_OPT_INVALID_LEN, at + 1, 1);
                t.close();
                NetUtil.markMalformed(p, at + 1);
                return;
            }
            switch (type) {
                case OPT_SLLA, OPT_TLLA -> {
                    // An option of 8 bytes holds an Ethernet address; any other link layer's address is shown as bytes.
                    boolean ethernet = olen == 8;
                    int n = ethernet ? 6 : olen - 2;
                    p.require(at + 2, n);
                    t.add(ethernet ? Icmpv6Fields.OPT_LINKADDR : LINKADDR_BYTES, at + 2, n);
                    t.add(type == OPT_SLLA ? ethernet ? Icmpv6Fields.OPT_SRC_LINKADDR : SRC_LINKADDR_BYTES
                            : ethernet ? Icmpv6Fields.OPT_TARGET_LINKADDR : TARGET_LINKADDR_BYTES, at + 2, n);
                    // Info names an Ethernet address only (an option of 8 bytes); longer ones are shown as bytes
                    if (info != null && olen == 8) {
                        NetFormat.mac(info.append(type == OPT_SLLA ? " from " : " is at "), p.segment(), p.base() + at + 2);
                    }
                }
                case OPT_PREFIX -> {
                    if (olen >= 32) {
                        t.addUint(Icmpv6Fields.OPT_PREFIX_LENGTH, at + 2, 1, p.u8(at + 2));
                        int flags = p.u8(at + 3);
                        t.openUint(Icmpv6Fields.OPT_PREFIX_FLAG, at + 3, 1, flags);
                        t.addUint(Icmpv6Fields.OPT_PREFIX_FLAG_L, at + 3, 1, flags);
                        t.addUint(Icmpv6Fields.OPT_PREFIX_FLAG_A, at + 3, 1, flags);
                        t.addUint(Icmpv6Fields.OPT_PREFIX_FLAG_R, at + 3, 1, flags);
                        t.addUint(Icmpv6Fields.OPT_PREFIX_FLAG_RESERVED, at + 3, 1, flags);
                        t.close();
                        t.addUint(Icmpv6Fields.OPT_PREFIX_VALID_LIFETIME, at + 4, 4, p.u32(at + 4));
                        t.addUint(Icmpv6Fields.OPT_PREFIX_PREFERRED_LIFETIME, at + 8, 4, p.u32(at + 8));
                        p.require(at + 12, 4);
                        t.add(Icmpv6Fields.OPT_RESERVED, at + 12, 4);
                        p.require(at + 16, 16);
                        t.add(Icmpv6Fields.OPT_PREFIX, at + 16, 16);
                    }
                }
                case OPT_MTU -> {
                    p.require(at + 2, 2);
                    t.add(Icmpv6Fields.OPT_RESERVED, at + 2, 2);
                    t.addUint(Icmpv6Fields.OPT_MTU, at + 4, 4, p.u32(at + 4));
                }
                case OPT_RDNSS -> {
                    p.require(at + 2, 2);
                    t.add(Icmpv6Fields.OPT_RESERVED, at + 2, 2);
                    t.addUint(Icmpv6Fields.OPT_RDNSS_LIFETIME, at + 4, 4, p.u32(at + 4));
                    for (int o = 8; o + 16 <= olen; o += 16) {
                        p.require(at + o, 16);
                        t.add(Icmpv6Fields.OPT_RDNSS, at + o, 16);
                    }
                }
                case OPT_REDIRECTED -> {
                    p.require(at + 2, 6);
                    t.add(Icmpv6Fields.OPT_RESERVED, at + 2, 6);
                    t.add(Icmpv6Fields.OPT_REDIRECTED_PACKET, at + 8, olen - 8);
                    if (olen > 8) {
                        IcmpDissector.errorPacket(p, ctx, ipv6, at + 8, olen - 8);
                    }
                }
                default -> p.require(at, olen);
            }
            t.close();
            at += olen;
        }
    }
}
