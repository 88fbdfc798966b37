package org.dissect4j.net;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * ICMP, RFC 792 and friends (Wireshark's packet-icmp.c): type, code, checksum (always verified,
 * as in Wireshark, unless the message is truncated or quoted in an error), the second word by type
 * (identifier and sequence in both byte orders, MTU, pointer, gateway...), echo request/reply
 * matching ({@code icmp.resp_to}, {@code icmp.resptime}), the timestamp heuristic on echo data,
 * and the datagram quoted by error messages, dissected as IP with the packet's columns and
 * addresses left untouched (Wireshark's "in error packet").
 */
final class IcmpDissector implements Dissector {
    static final int ECHO_REPLY = 0;
    static final int UNREACH = 3;
    static final int SOURCE_QUENCH = 4;
    static final int REDIRECT = 5;
    static final int ALT_HOST = 6;
    static final int ECHO = 8;
    static final int ROUTER_ADVERT = 9;
    static final int TIME_EXCEEDED = 11;
    static final int PARAM_PROBLEM = 12;
    static final int TIMESTAMP = 13;
    static final int TIMESTAMP_REPLY = 14;
    static final int INFO_REQUEST = 15;
    static final int INFO_REPLY = 16;
    static final int MASK_REQUEST = 17;
    static final int MASK_REPLY = 18;
    static final int PHOTURIS = 40;
    static final int EXT_ECHO = 42;
    static final int EXT_ECHO_REPLY = 43;
    private static final int FRAG_NEEDED = 4;

    static final ValueNames TYPES = ValueNames.of(
            0, "Echo (ping) reply", 1, "Reserved", 2, "Reserved", 3, "Destination unreachable",
            4, "Source quench (flow control)", 5, "Redirect", 6, "Alternate host address", 8, "Echo (ping) request",
            9, "Router advertisement", 10, "Router solicitation", 11, "Time-to-live exceeded", 12, "Parameter problem",
            13, "Timestamp request", 14, "Timestamp reply", 15, "Information request", 16, "Information reply",
            17, "Address mask request", 18, "Address mask reply", 19, "Reserved (for security)", 30, "Traceroute",
            31, "Datagram Conversion Error", 32, "Mobile Host Redirect", 33, "IPv6 Where-Are-You",
            34, "IPv6 I-Am-Here", 35, "Mobile Registration Request", 36, "Mobile Registration Reply",
            37, "Domain Name Request", 38, "Domain Name Reply", 39, "SKIP", 40, "Photuris",
            41, "Experimental mobility protocols", 42, "Extended Echo request", 43, "Extended Echo reply");
    static final ValueNames UNREACH_CODES = ValueNames.of(
            0, "Network unreachable", 1, "Host unreachable", 2, "Protocol unreachable", 3, "Port unreachable",
            4, "Fragmentation needed", 5, "Source route failed", 6, "Destination network unknown",
            7, "Destination host unknown", 8, "Source host isolated", 9, "Network administratively prohibited",
            10, "Host administratively prohibited", 11, "Network unreachable for TOS", 12, "Host unreachable for TOS",
            13, "Communication administratively filtered", 14, "Host precedence violation",
            15, "Precedence cutoff in effect");
    static final ValueNames REDIRECT_CODES = ValueNames.of(0, "Redirect for network", 1, "Redirect for host",
            2, "Redirect for TOS and network", 3, "Redirect for TOS and host");
    static final ValueNames ALT_HOST_CODES = ValueNames.of(0, "Alternate address for host");
    static final ValueNames ROUTER_ADVERT_CODES = ValueNames.of(0, "Normal router advertisement",
            16, "Does not route common traffic");
    static final ValueNames TIME_EXCEEDED_CODES = ValueNames.of(0, "Time to live exceeded in transit",
            1, "Fragment reassembly time exceeded");
    static final ValueNames PARAM_PROBLEM_CODES = ValueNames.of(0, "Pointer indicates the error",
            1, "Required option missing", 2, "Bad length");
    static final ValueNames PHOTURIS_CODES = ValueNames.of(0, "Bad SPI", 1, "Authentication Failed",
            2, "Decompression Failed", 3, "Decryption Failed", 4, "Need Authentication", 5, "Need Authorization");
    static final ValueNames EXT_ECHO_CODES = ValueNames.of(0, "No error");
    static final ValueNames EXT_ECHO_REPLY_CODES = ValueNames.of(0, "No error", 1, "Malformed Query",
            2, "No Such Interface", 3, "No Such Table Entry", 4, "Multiple Interfaces Satisfy Query");

    private final NetContext ctx;
    private final EchoTracker echoes;
    private final BadChecksum badChecksum = new BadChecksum();
    private DissectorHandle ip;
    private DissectorHandle data;

    IcmpDissector(NetContext ctx, EchoTracker echoes) {
        this.ctx = ctx;
        this.echoes = echoes;
    }

    void wire(DissectorHandle ip, DissectorHandle data) {
        this.ip = ip;
        this.data = data;
    }

    /** The code table of a type, or {@code null} when its codes have no names. */
    static ValueNames codes(int type) {
        return switch (type) {
            case UNREACH -> UNREACH_CODES;
            case REDIRECT -> REDIRECT_CODES;
            case ALT_HOST -> ALT_HOST_CODES;
            case ROUTER_ADVERT -> ROUTER_ADVERT_CODES;
            case TIME_EXCEEDED -> TIME_EXCEEDED_CODES;
            case PARAM_PROBLEM -> PARAM_PROBLEM_CODES;
            case PHOTURIS -> PHOTURIS_CODES;
            case EXT_ECHO -> EXT_ECHO_CODES;
            case EXT_ECHO_REPLY -> EXT_ECHO_REPLY_CODES;
            default -> null;
        };
    }

    /**
     * Appends {@code " (name)"} of a code as Info and the Code line show it ({@code " (Unknown code: 9)"}), nothing for
     * the types whose codes have no names.
     */
    static void appendCodeName(int type, int code, StringBuilder out) {
        ValueNames codes = codes(type);
        if (codes == null) {
            return;
        }
        String name = codes.name(code);
        out.append(" (");
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown code: ").append(code);
        }
        out.append(')');
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        boolean inError = ctx.inErrorPacket > 0;
        StringBuilder info = p.columns() && !inError ? p.clearInfo() : null;
        int captured = Math.min(len, p.captured(off));
        t.open(NetProtocols.ICMP.field(), off, captured);
        int type = p.u8(off);
        t.addUint(IcmpFields.TYPE, off, 1, type);
        int code = p.u8(off + 1);
        t.addUint(IcmpFields.CODE, off + 1, 1, code);
        if (info != null) {
            String name = TYPES.name(type, "Unknown ICMP (obsolete or malformed?)");
            if (type == ROUTER_ADVERT && (code == 0 || code == 16)) {
                name = "Mobile IP Advertisement";
            }
            info.append(name);
            for (int i = name.length(); i < 20; i++) {
                info.append(' ');
            }
            appendCodeName(type, code, info);
        }
        int checksum = p.u16(off + 2);
        int checksumNode = t.addUint(IcmpFields.CHECKSUM, off + 2, 2, checksum);
        if (!inError && captured >= len) {
            int sum = Bytes.onesComplementSum(p.segment(), p.base() + off, len, 0);
            if (sum == 0xFFFF) {
                t.addGenerated(IcmpFields.CHECKSUM_STATUS, 1);
            } else {
                t.addGenerated(IcmpFields.CHECKSUM_STATUS, 0);
                int withoutChecksum = Bytes.onesComplementSum(p.segment(), p.base() + off + 4, len - 4,
                        Bytes.onesComplementSum(p.segment(), p.base() + off, 2, 0));
                badChecksum.record(t, checksumNode, NetExperts.ICMP_CHECKSUM_BAD, off + 2, ~withoutChecksum & 0xFFFF);
            }
        } else {
            t.addGenerated(IcmpFields.CHECKSUM_STATUS, 2);
        }
        int dgramWords = type == ALT_HOST ? 0 : p.captured(off + 5) > 0 ? p.u8(off + 5) : 0;
        switch (type) {
            case ECHO_REPLY, ECHO, TIMESTAMP, TIMESTAMP_REPLY, INFO_REQUEST, INFO_REPLY, MASK_REQUEST, MASK_REPLY -> {
                int ident = p.u16(off + 4);
                t.addUint(IcmpFields.IDENT, off + 4, 2, ident);
                t.addUint(IcmpFields.IDENT_LE, off + 4, 2, Short.reverseBytes((short) ident) & 0xFFFF);
                int seq = p.u16(off + 6);
                int seqLe = Short.reverseBytes((short) seq) & 0xFFFF;
                t.addUint(IcmpFields.SEQ, off + 6, 2, seq);
                t.addUint(IcmpFields.SEQ_LE, off + 6, 2, seqLe);
                if (info != null) {
                    NetFormat.hex(info.append(" id="), ident, 4).append(", seq=").append(seq).append('/').append(seqLe);
                    if (ctx.ipFamily == 4) {
                        info.append(", ttl=").append(ctx.ipTtl);
                    }
                }
            }
            case UNREACH -> {
                if (dgramWords > 0) {
                    t.add(IcmpFields.UNUSED, off + 4, 1);
                    t.addUint(IcmpFields.LENGTH, off + 5, 1, dgramWords);
                    t.addGenerated(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, dgramWords * 4L & 0xFF);
                    if (code == FRAG_NEEDED) {
                        t.addUint(IcmpFields.MTU, off + 6, 2, p.u16(off + 6));
                    } else {
                        p.require(off + 6, 2);
                        t.add(IcmpFields.UNUSED, off + 6, 2);
                    }
                } else if (code == FRAG_NEEDED) {
                    p.require(off + 4, 2);
                    t.add(IcmpFields.UNUSED, off + 4, 2);
                    t.addUint(IcmpFields.MTU, off + 6, 2, p.u16(off + 6));
                } else {
                    p.require(off + 4, 4);
                    t.add(IcmpFields.UNUSED, off + 4, 4);
                }
            }
            case ROUTER_ADVERT -> {
                t.addUint(IcmpFields.NUM_ADDRS, off + 4, 1, p.u8(off + 4));
                t.addUint(IcmpFields.ADDR_ENTRY_SIZE, off + 5, 1, p.u8(off + 5));
                t.addUint(IcmpFields.LIFETIME, off + 6, 2, p.u16(off + 6));
            }
            case PARAM_PROBLEM -> {
                t.addUint(IcmpFields.POINTER, off + 4, 1, p.u8(off + 4));
                if (dgramWords > 0) {
                    t.addUint(IcmpFields.LENGTH, off + 5, 1, dgramWords);
                    t.addGenerated(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, dgramWords * 4L & 0xFF);
                    p.require(off + 6, 2);
                    t.add(IcmpFields.UNUSED, off + 6, 2);
                } else {
                    p.require(off + 5, 3);
                    t.add(IcmpFields.UNUSED, off + 5, 3);
                }
            }
            case REDIRECT -> t.addUint(IcmpFields.REDIR_GW, off + 4, 4, p.u32(off + 4));
            case EXT_ECHO, EXT_ECHO_REPLY -> {
                int ident = p.u16(off + 4);
                t.addUint(IcmpFields.IDENT, off + 4, 2, ident);
                t.addUint(IcmpFields.IDENT_LE, off + 4, 2, Short.reverseBytes((short) ident) & 0xFFFF);
            }
            case TIME_EXCEEDED -> {
                if (dgramWords > 0) {
                    t.add(IcmpFields.UNUSED, off + 4, 1);
                    t.addUint(IcmpFields.LENGTH, off + 5, 1, dgramWords);
                    t.addGenerated(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, dgramWords * 4L & 0xFF);
                    p.require(off + 6, 2);
                    t.add(IcmpFields.UNUSED, off + 6, 2);
                } else {
                    p.require(off + 4, 4);
                    t.add(IcmpFields.UNUSED, off + 4, 4);
                }
            }
            default -> {
            }
        }
        switch (type) {
            case UNREACH, TIME_EXCEEDED, PARAM_PROBLEM, SOURCE_QUENCH, REDIRECT -> quoted(p, off, len, type, dgramWords);
            case ECHO_REPLY, ECHO -> echo(p, t, info, off, len, type, checksum, inError);
            case ROUTER_ADVERT -> {
                int n = p.u8(off + 4);
                if (p.u8(off + 5) == 2) {
                    for (int i = 0; i < n; i++) {
                        int at = off + 8 + i * 8;
                        t.addUint(IcmpFields.ROUTER_ADDRESS, at, 4, p.u32(at));
                        t.addLong(IcmpFields.PREF_LEVEL, at + 4, 4, p.u32(at + 4) << 32 >> 32);
                    }
                } else {
                    NetUtil.callDataNested(p, data, off + 8, len - 8);
                }
            }
            case TIMESTAMP, TIMESTAMP_REPLY -> {
                t.addUint(IcmpFields.ORIGINATE_TIMESTAMP, off + 8, 4, p.u32(off + 8));
                t.addUint(IcmpFields.RECEIVE_TIMESTAMP, off + 12, 4, p.u32(off + 12));
                t.addUint(IcmpFields.TRANSMIT_TIMESTAMP, off + 16, 4, p.u32(off + 16));
            }
            case MASK_REQUEST, MASK_REPLY -> t.addUint(IcmpFields.ADDRESS_MASK, off + 8, 4, p.u32(off + 8));
            default -> {
            }
        }
        t.close();
        return len;
    }

    /** The IP header and data of the datagram an error message quotes. */
    private void quoted(Packet p, int off, int len, int type, int dgramWords) {
        int at = off + 8;
        int quotedLen = len - 8;
        if (quotedLen <= 0) {
            return;
        }
        if (p.captured(at) <= 0) {
            // Nothing of the quoted datagram was captured: IP will report the truncation.
            errorPacket(p, ctx, ip, at, quotedLen);
            return;
        }
        if (type == REDIRECT) {
            quotedLen = Math.min(quotedLen, (p.u8(at) & 0x0F) * 4 + 8);
        } else if (dgramWords > 0 && len > 8 + dgramWords * 4 && p.captured(at + 2) >= 2
                && p.u16(at + 2) > dgramWords * 4) {
            quotedLen = Math.min(quotedLen, ((p.u8(at) & 0x0F) + dgramWords) * 4);
        }
        errorPacket(p, ctx, ip, at, quotedLen);
    }

    /**
     * Calls {@code handle} on a datagram quoted by an ICMP or ICMPv6 error with the packet's
     * columns frozen, as Wireshark does: the Info and Protocol columns and the addresses stay
     * those of the error message.
     */
    static void errorPacket(Packet p, NetContext ctx, DissectorHandle handle, int at, int len) {
        String column = p.protocolColumn();
        String info = p.columns() ? p.info().toString() : null;
        int family = ctx.ipFamily;
        long srcHi = ctx.ipSrcHi;
        long srcLo = ctx.ipSrcLo;
        long dstHi = ctx.ipDstHi;
        long dstLo = ctx.ipDstLo;
        int ttl = ctx.ipTtl;
        // The quoted IP header sets the packet's addresses (TCP finds its connection by them); ours come back after.
        int level = ctx.inErrorPacket;
        boolean keep = level < NetContext.SAVED_LEVELS;
        int netType = p.netType();
        int portType = p.portType();
        int srcPort = p.srcPort();
        int dstPort = p.dstPort();
        if (keep) {
            System.arraycopy(p.netSrc(), 0, ctx.savedNetSrc[level], 0, 16);
            System.arraycopy(p.netDst(), 0, ctx.savedNetDst[level], 0, 16);
        }
        ctx.inErrorPacket++;
        try {
            p.callNested(handle, at, len);      // the quoted headers are drawn inside the ICMP item
        } finally {
            ctx.inErrorPacket--;
            if (keep) {
                p.netAddresses(netType, ctx.savedNetSrc[level], ctx.savedNetDst[level]);
            }
            p.ports(portType, srcPort, dstPort);
            ctx.ipAddresses(family, srcHi, srcLo, dstHi, dstLo);
            ctx.ipTtl = ttl;
            p.protocolColumn(column);
            if (info != null) {
                p.info().setLength(0);
                p.info().append(info);
            }
        }
    }

    private void echo(Packet p, Tree t, StringBuilder info, int off, int len, int type, int checksum, boolean inError) {
        if (!inError && ctx.ipFamily != 0) {
            int ident = p.u16(off + 4);
            int seq = p.u16(off + 6);
            long key;
            if (type == ECHO_REPLY) {
                key = checksum == 0xFFFF ? 0 : checksum;
            } else {
                // The checksum the reply will carry: the type byte changes from 8 to 0.
                int s = (~checksum & 0xFFFF) + (~0x0800 & 0xFFFF);
                s = (s & 0xFFFF) + (s >>> 16);
                s = (s & 0xFFFF) + (s >>> 16);
                key = ~s & 0xFFFF;
            }
            key = (key << 32) | ((long) ident << 16) | seq;
            matchEcho(p, t, info, echoes, ctx, key, type == ECHO, IcmpFields.RESP_IN, IcmpFields.RESP_TO,
                    IcmpFields.RESPTIME);
        }
        int dataAt = off + 8;
        int captured = p.captured(dataAt);
        if (captured < 8) {
            if (captured > 0) {
                NetUtil.callDataNested(p, data, dataAt, len - 8);
            }
            return;
        }
        long frameSecs = Math.floorDiv(p.frame().timestampNanos(), 1_000_000_000L);
        long secs = p.u32(dataAt);
        long usecs = p.u32(dataAt + 4);
        if (Math.abs((int) (secs - frameSecs)) >= 86400 || usecs >= 1_000_000) {
            secs = p.u32le(dataAt);
            usecs = p.u32le(dataAt + 4);
        }
        if (Math.abs((int) (secs - frameSecs)) < 86400 && usecs < 1_000_000) {
            long ts = secs * 1_000_000_000L + usecs * 1000;
            t.addLong(IcmpFields.DATA_TIME, dataAt, 8, ts);
            int n = t.addLong(IcmpFields.DATA_TIME_RELATIVE, dataAt, 8, p.frame().timestampNanos() - ts);
            t.setFlags(n, org.dissect4j.api.Tree.GENERATED);
            NetUtil.callDataNested(p, data, dataAt + 8, len - 16);
        } else {
            NetUtil.callDataNested(p, data, dataAt, len - 8);
        }
    }

    /**
     * Request/response bookkeeping shared with ICMPv6: a request is remembered (and, when seen
     * again after its reply, points to it); a reply points to its request with the response time.
     */
    static void matchEcho(Packet p, Tree t, StringBuilder info, EchoTracker echoes, NetContext ctx, long key,
                          boolean request, org.dissect4j.api.Field respIn, org.dissect4j.api.Field respTo,
                          org.dissect4j.api.Field respTime) {
        long frame = p.frame().number();
        long now = p.frame().timestampNanos();
        if (request) {
            echoes.find(ctx.ipFamily, ctx.ipSrcHi, ctx.ipSrcLo, ctx.ipDstHi, ctx.ipDstLo, key, true);
            if (echoes.requestFrame() == frame) {
                // Seen before (second pass): point to the reply if one came.
                if (echoes.responseFrame() != 0) {
                    t.addGenerated(respIn, echoes.responseFrame());
                    if (info != null) {
                        info.append(" (reply in ").append(echoes.responseFrame()).append(')');
                    }
                }
            } else {
                echoes.request(frame, now);
            }
            return;
        }
        if (!echoes.find(ctx.ipFamily, ctx.ipSrcHi, ctx.ipSrcLo, ctx.ipDstHi, ctx.ipDstLo, key, false)) {
            return;
        }
        long rq = echoes.requestFrame();
        if (rq == 0 || rq >= frame) {
            return;
        }
        long rs = echoes.responseFrame();
        if (rs != 0 && rs != frame) {
            return;
        }
        echoes.response(frame);
        t.addGenerated(respTo, rq);
        double ms = (now - echoes.requestTime()) / 1e6;
        int n = t.addDouble(respTime, 0, 0, ms);
        t.setFlags(n, org.dissect4j.api.Tree.GENERATED);
        if (info != null) {
            info.append(" (request in ").append(rq).append(')');
        }
    }
}
