package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpDissector.ACK_OFFSET;
import static org.dissect4j.tcp.TcpDissector.CHECKSUM_OFFSET;
import static org.dissect4j.tcp.TcpDissector.DPORT_OFFSET;
import static org.dissect4j.tcp.TcpDissector.MIN_LENGTH;
import static org.dissect4j.tcp.TcpDissector.OFF_FLAGS_OFFSET;
import static org.dissect4j.tcp.TcpDissector.SEQ_OFFSET;
import static org.dissect4j.tcp.TcpDissector.SPORT_OFFSET;
import static org.dissect4j.tcp.TcpDissector.TH_MASK;
import static org.dissect4j.tcp.TcpDissector.URGENT_OFFSET;
import static org.dissect4j.tcp.TcpDissector.WINDOW_OFFSET;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The header's own fields, which need no connection state: ports, flags, checksum (validated when the
 * settings say so), and the header-only path {@link TcpDissector} takes when nothing else of TCP or
 * above is wanted.
 */
final class TcpHeaderDissector {
    /** What {@link #dissectHeaderOnly} gives: the header's own values (declared with Registrar.headerFields). */
    static final Field[] HEADER_FIELDS = {TcpFields.SRCPORT, TcpFields.DSTPORT,
        TcpFields.PORT, TcpFields.SEQ_RAW, TcpFields.ACK_RAW, TcpFields.LEN, TcpFields.HDR_LEN, TcpFields.FLAGS,
        TcpFields.FLAGS_RES, TcpFields.FLAGS_AE, TcpFields.FLAGS_CWR, TcpFields.FLAGS_ECE, TcpFields.FLAGS_URG,
        TcpFields.FLAGS_ACK, TcpFields.FLAGS_PUSH, TcpFields.FLAGS_RESET, TcpFields.FLAGS_SYN, TcpFields.FLAGS_FIN,
        TcpFields.FLAGS_STR, TcpFields.WINDOW_SIZE_VALUE, TcpFields.CHECKSUM, TcpFields.CHECKSUM_STATUS,
        TcpFields.CHECKSUM_CALCULATED, TcpFields.URGENT_POINTER};

    private final TcpSettings settings;
    private final TcpFlagText flagText;
    /** The Syn, Fin and Reset items of the last {@link #flagFields} (-1 when not recorded): the experts about them go below. */
    int synNode = -1, finNode = -1, rstNode = -1, strNode = -1;

    TcpHeaderDissector(TcpSettings settings, TcpFlagText flagText) {
        this.settings = settings;
        this.flagText = flagText;
    }

    /**
     * The header fields alone (a filter on flags or ports printing {@code -T fields}): no conversation,
     * analysis, options or hand-off. Reads and adds in the order the full path does, so a truncated
     * header ends at the same field.
     */
    int dissectHeaderOnly(Packet p, Tree t, int offset, int length, int quoted) {
        int sport = p.u16(offset + SPORT_OFFSET);
        int dport = p.u16(offset + DPORT_OFFSET);
        int tcpNode = openWithPorts(p, t, offset, length, sport, dport);
        long rawSeq = p.u32(offset + SEQ_OFFSET);
        long rawAck = p.u32(offset + ACK_OFFSET);
        int hlen = (p.u8(offset + OFF_FLAGS_OFFSET) >> 4) * 4;
        int fl = p.u16(offset + OFF_FLAGS_OFFSET) & TH_MASK;
        int rawWin = p.u16(offset + WINDOW_OFFSET);
        if (length >= hlen && quoted == TcpErrorQuote.NONE) {
            t.addGenerated(TcpFields.LEN, length - hlen);
        }
        if (quoted != TcpErrorQuote.QUOTED_IPV4) {
            t.addUint(TcpFields.SEQ_RAW, offset + 4, 4, rawSeq);
        }
        if (hlen < MIN_LENGTH) {
            t.addUint(TcpFields.HDR_LEN, offset + 12, 1, hlen);
            t.close();
            return Math.min(length, 12);
        }
        t.setLength(tcpNode, Math.min(hlen, Math.max(0, p.captured(offset))));
        t.addUint(TcpFields.ACK_RAW, offset + 8, 4, rawAck);
        t.addUint(TcpFields.HDR_LEN, offset + 12, 1, hlen);
        flagFields(t, offset, fl);
        t.addUint(TcpFields.WINDOW_SIZE_VALUE, offset + 14, 2, rawWin);
        checksumFields(p, t, offset, length, false);
        t.addUint(TcpFields.URGENT_POINTER, offset + 18, 2, p.u16(offset + URGENT_OFFSET));
        t.close();
        return length;
    }

    /** Opens the TCP node and adds the ports, as the full and the header-only paths both begin. */
    static int openWithPorts(Packet p, Tree t, int offset, int length, int sport, int dport) {
        int tcpNode = t.open(TcpFields.TCP.field(), offset, Math.max(0, Math.min(length, p.captured(offset))));
        t.addUint(TcpFields.SRCPORT, offset, 2, sport);
        t.addUint(TcpFields.DSTPORT, offset + 2, 2, dport);
        t.setFlags(t.addUint(TcpFields.PORT, offset, 2, sport), Tree.HIDDEN);
        t.setFlags(t.addUint(TcpFields.PORT, offset + 2, 2, dport), Tree.HIDDEN);
        p.ports(Packet.PT_TCP, sport, dport);
        return tcpNode;
    }

    /** The flags subtree: one field per bit, and {@code tcp.flags.str} when wanted. */
    void flagFields(Tree t, int offset, int flags) {
        t.openUint(TcpFields.FLAGS, offset + 12, 2, flags);
        t.addUint(TcpFields.FLAGS_RES, offset + 12, 1, flags);
        t.addUint(TcpFields.FLAGS_AE, offset + 12, 1, flags);
        t.addUint(TcpFields.FLAGS_CWR, offset + 13, 1, flags);
        t.addUint(TcpFields.FLAGS_ECE, offset + 13, 1, flags);
        t.addUint(TcpFields.FLAGS_URG, offset + 13, 1, flags);
        t.addUint(TcpFields.FLAGS_ACK, offset + 13, 1, flags);
        t.addUint(TcpFields.FLAGS_PUSH, offset + 13, 1, flags);
        rstNode = t.addUint(TcpFields.FLAGS_RESET, offset + 13, 1, flags);
        synNode = t.addUint(TcpFields.FLAGS_SYN, offset + 13, 1, flags);
        finNode = t.addUint(TcpFields.FLAGS_FIN, offset + 13, 1, flags);
        strNode = -1;
        if (t.wants(TcpFields.FLAGS_STR)) {
            strNode = t.addBytes(TcpFields.FLAGS_STR, flagText.letters(), TcpFlagText.lettersOffset(flags),
                    flagText.lettersLength(flags));
            t.setFlags(strNode, Tree.GENERATED);
            t.showAt(strNode, offset + 12, 2);
        }
        t.close();
    }

    /** The checksum fields (validated when the setting says so); whether the payload may be reassembled. */
    boolean checksumFields(Packet p, Tree t, int offset, int length, boolean columns) {
        int thSum = p.u16(offset + CHECKSUM_OFFSET);
        boolean allCaptured = p.captured(offset) >= length;
        if (!allCaptured || !settings.checkChecksum
                || p.netType() != Packet.AT_IPV4 && p.netType() != Packet.AT_IPV6) {
            t.addUint(TcpFields.CHECKSUM, offset + 16, 2, thSum);
            t.setFlags(t.addUint(TcpFields.CHECKSUM_STATUS, offset + 16, 0, 2), Tree.GENERATED);
            return allCaptured;
        }
        int computed = checksum(p, offset, length);
        int sumNode = t.addUint(TcpFields.CHECKSUM, offset + 16, 2, thSum);
        if (computed == 0 && thSum == 0xffff) {
            t.setFlags(t.addUint(TcpFields.CHECKSUM_CALCULATED, offset + 16, 2, 0), Tree.GENERATED);
            t.setFlags(t.addUint(TcpFields.CHECKSUM_STATUS, offset + 16, 0, 0), Tree.GENERATED);
            t.expertOn(sumNode, TcpExpert.CHECKSUM_FFFF, offset + 16, 2, null);
            if (columns) {
                p.info().append(" [TCP CHECKSUM 0xFFFF]");
            }
            return true;
        }
        t.setFlags(t.addUint(TcpFields.CHECKSUM_STATUS, offset + 16, 0, computed == 0 ? 1 : 0), Tree.GENERATED);
        t.setFlags(t.addUint(TcpFields.CHECKSUM_CALCULATED, offset + 16, 2, shouldBe(thSum, computed)), Tree.GENERATED);
        if (computed == 0) {
            return true;
        }
        t.expertOn(sumNode, TcpExpert.CHECKSUM_BAD, offset + 16, 2, null);
        if (columns) {
            p.info().append(" [TCP CHECKSUM INCORRECT]");
        }
        return false;
    }

    /** The Internet checksum over pseudo-header and segment: 0 when the segment is intact. */
    private static int checksum(Packet p, int offset, int length) {
        byte[] s = p.netSrc(), d = p.netDst();
        int n = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        long sum = 0;
        for (int i = 0; i < n; i += 2) {
            sum += ((s[i] & 0xff) << 8) | (s[i + 1] & 0xff);
            sum += ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
        }
        sum += 6;
        sum += length & 0xffff;
        sum += length >>> 16;
        int folded = Bytes.onesComplementSum(p.segment(), p.base() + offset, length, sum);
        return ~folded & 0xffff;
    }

    /** Wireshark's in_cksum_shouldbe: the checksum field value that would have made the sum right. */
    private static int shouldBe(int sum, int computed) {
        int s = ~sum & 0xffff;
        s += ~computed & 0xffff;
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }
}
