package org.dissect4j.net;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Conversation;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * UDP, RFC 768 (Wireshark's packet-udp.c).
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |   source port   |  destination    |
 * +--------+--------+--------+--------+
 * |     length      |    checksum     |
 * +--------+--------+--------+--------+
 * </pre>
 *
 * Ports, length, checksum (verified only with the setting {@code udp.check_checksum}, Wireshark's
 * default being off), the stream index of the address/port pair and its relative times, the
 * payload; then the payload goes to the {@code udp.port} table under a port changed by Decode As (the
 * lower, then the higher), then under the lower port, then the higher, then to the {@code udp} heuristic
 * list, else to data. Sets the packet's ports.
 */
final class UdpDissector implements Dissector {
    static final int HEADER_LENGTH = 8;
    private static final int PROTO_UDP = 17;

    private final NetContext ctx;
    private final boolean checkChecksum;
    private final ConversationTable conversations;
    private DissectorTable ports;
    private HeuristicList heuristics;
    private DissectorHandle data;

    UdpDissector(NetContext ctx, boolean checkChecksum, ConversationTable conversations) {
        this.ctx = ctx;
        this.checkChecksum = checkChecksum;
        this.conversations = conversations;
    }

    void wire(DissectorTable ports, HeuristicList heuristics, DissectorHandle data) {
        this.ports = ports;
        this.heuristics = heuristics;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        boolean inError = ctx.inErrorPacket > 0;
        StringBuilder info = p.columns() && !inError ? p.clearInfo() : null;
        // both ports are read before anything is drawn: a datagram cut inside them shows no UDP item, as in tshark
        int srcPort = p.u16(off);
        int dstPort = p.u16(off + 2);
        int node = t.open(NetProtocols.UDP.field(), off, Math.min(HEADER_LENGTH, Math.max(1, p.captured(off))));
        t.addUint(UdpFields.SRCPORT, off, 2, srcPort);
        t.addUint(UdpFields.DSTPORT, off + 2, 2, dstPort);
        // the hidden udp.port pair after both ports, in packet-udp.c's order (PDML, EK key order)
        t.addUint(UdpFields.PORT, off, 2, srcPort);
        t.addUint(UdpFields.PORT, off + 2, 2, dstPort);
        if (!inError) {
            p.ports(Packet.PT_UDP, srcPort, dstPort);
        }
        int ulen = p.u16(off + 4);
        int reported = len;
        if (info != null) {
            info.append(srcPort).append(" \u2192 ").append(dstPort);
        }
        if (ulen == 0 && ctx.ipFamily == 6 && reported > 65535) {
            ulen = reported; // jumbogram, RFC 2675
        }
        t.addUint(UdpFields.LENGTH, off + 4, 2, p.u16(off + 4));
        if (ulen < HEADER_LENGTH) {
            t.expert(NetExperts.UDP_LENGTH_BAD, off + 4, 2);
            NetUtil.markMalformed(p, off + 4);
            if (info != null) {
                info.append(" [BAD UDP LENGTH ").append(ulen).append(" < 8]");
            }
            t.close();
            return len;
        }
        int declared = ulen;
        boolean tooLong = ulen > reported && !inError;
        if (ulen > reported) {
            if (tooLong) {
                t.expert(NetExperts.UDP_LENGTH_BAD, off + 4, 2);
                NetUtil.markMalformed(p, off + 4);
            }
            ulen = reported;
        }
        if (info != null) {
            if (tooLong) {
                info.append(" [BAD UDP LENGTH ").append(declared).append(" > IP PAYLOAD LENGTH]");
            }
            // Wireshark shows the declared length here, even when it was too long.
            info.append(" Len=").append(declared - HEADER_LENGTH);
        }
        int checksum = p.u16(off + 6);
        int checksumNode = t.addUint(UdpFields.CHECKSUM, off + 6, 2, checksum);
        checksum(p, t, off, ulen, checksum, inError, checksumNode);
        int slot = -1;
        if (ctx.ipFamily != 0) {
            slot = conversations.lookup(ctx.ipFamily, ctx.ipSrcHi, ctx.ipSrcLo, srcPort, ctx.ipDstHi, ctx.ipDstLo, dstPort);
            if (conversations.forgotAll()) {
                // udp.max_conversations reached: every conversation was forgotten for this one
                t.expert(NetExperts.UDP_CONVERSATION_LIMIT, off, 0);
            }
            generated(t, UdpFields.STREAM, off + HEADER_LENGTH, 0, conversations.stream(slot));
            if (!inError) {
                long now = p.frame().timestampNanos();
                long first = conversations.firstTime(slot);
                long last = conversations.lastTime(slot);
                t.setFlags(t.open(UdpLabels.TIMESTAMPS, off, 0), Tree.GENERATED);
                t.addGenerated(UdpFields.TIME_RELATIVE, first == Long.MIN_VALUE ? 0 : now - first);
                t.addGenerated(UdpFields.TIME_DELTA, last == Long.MIN_VALUE ? 0 : now - last);
                t.close();
                conversations.seen(slot, now);
            }
        }
        int payloadLen = ulen - HEADER_LENGTH;
        if (payloadLen > 0) {
            t.add(UdpFields.PAYLOAD, off + HEADER_LENGTH, Math.min(payloadLen, p.captured(off + HEADER_LENGTH)));
        }
        t.setLength(node, HEADER_LENGTH);
        t.close();
        // the conversation's plugin data is reached by what UDP hands on; a quoted datagram in an ICMP
        // error belongs to no conversation of its own
        Conversation saved = p.conversation();
        p.conversation(slot >= 0 && !inError ? conversations.data(slot, p.engine()) : null);
        try {
            dispatch(p, srcPort, dstPort, off + HEADER_LENGTH, payloadLen);
        } finally {
            p.conversation(saved);
        }
        return ulen;
    }

    private void checksum(Packet p, Tree t, int off, int ulen, int checksum, boolean inError, int checksumNode) {
        if (checksum == 0 && ctx.ipFamily != 6) {
            // no checksum sent: tshark shows the status under the "[zero-value ignored]" item
            t.push(checksumNode);
            generated(t, UdpFields.CHECKSUM_STATUS, off + 6, 0, 3);
            t.close();
            return;
        }
        if (checksum == 0) {
            generated(t, UdpFields.CHECKSUM_STATUS, off + 6, 0, 0);
            t.expert(NetExperts.UDP_CHECKSUM_ZERO, off + 6, 2);
            return;
        }
        if (!checkChecksum || inError || p.captured(off) < ulen || ctx.ipFamily == 0) {
            generated(t, UdpFields.CHECKSUM_STATUS, off + 6, 0, 2);
            return;
        }
        long sum = pseudoHeaderSum(ulen);
        int folded = Bytes.onesComplementSum(p.segment(), p.base() + off, ulen, sum);
        if (folded == 0xFFFF) {
            generated(t, UdpFields.CHECKSUM_STATUS, off + 6, 0, 1);
        } else {
            long partial = pseudoHeaderSum(ulen);
            int s1 = Bytes.onesComplementSum(p.segment(), p.base() + off, 6, partial);
            int computed = ~Bytes.onesComplementSum(p.segment(), p.base() + off + 8, ulen - 8, s1) & 0xFFFF;
            generated(t, UdpFields.CHECKSUM_CALCULATED, off + 6, 2, computed == 0 ? 0xFFFF : computed);
            generated(t, UdpFields.CHECKSUM_STATUS, off + 6, 0, 0);
            t.expert(NetExperts.UDP_CHECKSUM_BAD, off + 6, 2);
        }
    }

    /** A computed item at {@code at} (PDML's {@code pos}) where packet-udp.c draws it: a checksum verdict over the checksum. */
    private static void generated(Tree t, org.dissect4j.api.Field f, int at, int len, long v) {
        t.setFlags(t.addUint(f, at, len, v), Tree.GENERATED);
    }

    /** The pseudo-header's contribution to the checksum (RFC 768, RFC 8200 §8.1). */
    private long pseudoHeaderSum(int ulen) {
        long s = 0;
        if (ctx.ipFamily == 4) {
            s += (ctx.ipSrcLo >>> 16) & 0xFFFF;
            s += ctx.ipSrcLo & 0xFFFF;
            s += (ctx.ipDstLo >>> 16) & 0xFFFF;
            s += ctx.ipDstLo & 0xFFFF;
        } else {
            s += words(ctx.ipSrcHi) + words(ctx.ipSrcLo) + words(ctx.ipDstHi) + words(ctx.ipDstLo);
        }
        return s + PROTO_UDP + ulen;
    }

    private static long words(long v) {
        return ((v >>> 48) & 0xFFFF) + ((v >>> 32) & 0xFFFF) + ((v >>> 16) & 0xFFFF) + (v & 0xFFFF);
    }

    /** The payload's dissector, drawn at the top level of the tree even inside an ICMP error, as Wireshark's UDP does. */
    private void dispatch(Packet p, int srcPort, int dstPort, int at, int len) {
        int saved = p.handOffsAtTopLevel();
        try {
            dispatchByPort(p, srcPort, dstPort, at, len);
        } finally {
            p.restoreHandOffs(saved);
        }
    }

    private void dispatchByPort(Packet p, int srcPort, int dstPort, int at, int len) {
        int low = Math.min(srcPort, dstPort);
        int high = Math.max(srcPort, dstPort);
        // as packet-udp.c: a port changed by Decode As first (the lower, then the higher), then the registered ones
        boolean lowChanged = ports.hasOverride(low);
        boolean highChanged = high != low && ports.hasOverride(high);
        if (lowChanged && NetUtil.callTable(p, ports, low, at, len)) {
            return;
        }
        if (highChanged && NetUtil.callTable(p, ports, high, at, len)) {
            return;
        }
        if (!lowChanged && NetUtil.callTable(p, ports, low, at, len)) {
            return;
        }
        if (high != low && !highChanged && NetUtil.callTable(p, ports, high, at, len)) {
            return;
        }
        if (len > 0 && p.tryHeuristics(heuristics, at, len) > 0) {
            return;
        }
        NetUtil.callData(p, data, at, len);
    }
}
