package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpSeq.ge;
import static org.dissect4j.tcp.TcpSeq.le;
import static org.dissect4j.tcp.TcpSeq.lt;
import static org.dissect4j.tcp.TcpSeq.unsigned;

import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;

/**
 * Walks the TCP options in place (RFC 9293 §3.2 and the RFCs of each kind), as Wireshark's
 * {@code tcp_dissect_options}: EOL and NOP are one byte; every other kind has a length byte that counts
 * kind and length. A length under 2 or past the end of the options is an expert item and ends the walk;
 * a length wrong for its kind is an expert item and that option's value is skipped; everything before
 * stays decoded.
 */
final class TcpOptions {
    private final TcpSettings settings;
    // D-SACK needs the first two blocks (relative), as Wireshark's tcph->sack_* arrays.
    private final int[] sackLeft = new int[4];
    private final int[] sackRight = new int[4];
    private int sackCount;
    private int kind;
    private final StringBuilder label = new StringBuilder(32);

    TcpOptions(TcpSettings settings) {
        this.settings = settings;
    }

    /** Walks the options of segment {@code s}, {@code length} bytes at {@code offset}. */
    void dissect(Packet p, TcpSegment s, int offset, int length) {
        int flags = s.flags;
        Tree t = p.tree();
        boolean columns = p.columns();
        boolean mssSeen = false;
        int nopCount = 0;
        sackCount = 0;
        int end = offset + length;
        while (offset < end) {
            int kind = p.u8(offset);
            int remaining = end - offset - 1;
            if (kind != TcpOptionKind.NOP) {
                // "4 NOP in a row" counts consecutive NOPs only
                nopCount = 0;
            }
            if (kind == TcpOptionKind.EOL || kind == TcpOptionKind.NOP) {
                if (kind == TcpOptionKind.NOP) {
                    if (nopCount == 0 || offset % 4 != 0) {
                        nopCount++;
                        if (nopCount == 4) {
                            t.expert(TcpExpert.NOP, offset, 1);
                        }
                    } else {
                        nopCount = 0;
                    }
                }
                t.open((kind == TcpOptionKind.EOL ? TcpFields.OPT_EOL : TcpFields.OPT_NOP).field(), offset, 1);
                t.addUint(TcpFields.OPTION_KIND, offset, 1, kind);
                t.close();
                offset++;
                if (kind == TcpOptionKind.EOL) {
                    // Wireshark 4.0: after EOL the rest is padding; zero bytes show as more EOLs, the first
                    // non-zero byte is "Non-zero header padding" and ends the walk.
                    while (offset < end) {
                        int b = p.u8(offset);
                        if (b != 0) {
                            t.expert(TcpExpert.NON_ZERO_BYTES_AFTER_EOL, offset, end - offset);
                            break;
                        }
                        t.open(TcpFields.OPT_EOL.field(), offset, 1);
                        t.addUint(TcpFields.OPTION_KIND, offset, 1, 0);
                        t.close();
                        offset++;
                    }
                    break;
                }
                continue;
            }
            if (remaining == 0) {
                // "(length byte past end of options)"
                t.expert(TcpExpert.OPT_LEN_INVALID, offset, 1);
                return;
            }
            int optlen = p.u8(offset + 1);
            remaining--;
            if (optlen < 2) {
                // "(with too-short option length)"
                t.expert(TcpExpert.OPT_LEN_INVALID, offset, 2);
                return;
            }
            if (optlen - 2 > remaining) {
                // "(option length says option goes past end of options)"
                t.expert(TcpExpert.OPT_LEN_INVALID, offset, remaining);
                return;
            }
            if (kind == TcpOptionKind.MSS) {
                mssSeen = true;
            }
            p.require(offset, optlen);
            option(p, t, columns, kind, offset, optlen, s);
            offset += optlen;
        }
        if ((flags & TcpDissector.TH_SYN) != 0 && !mssSeen) {
            t.expert(TcpExpert.MSS_ABSENT, offset, 0);
        }
    }

    private void option(Packet p, Tree t, boolean columns, int kind, int off, int optlen, TcpSegment s) {
        this.kind = kind;
        int flags = s.flags;
        switch (kind) {
            case TcpOptionKind.MSS -> {
                open(t, TcpFields.OPT_MSS, off, optlen);
                if ((flags & TcpDissector.TH_SYN) == 0) {
                    t.expert(TcpExpert.MSS_PRESENT, off, optlen);
                }
                if (lenCheck(t, off, optlen, 4)) {
                    int mss = p.u16(off + 2);
                    t.addUint(TcpFields.MSS_VAL, off + 2, 2, mss);
                    if (columns) {
                        p.info().append(" MSS=").append(mss);
                    }
                }
                t.close();
            }
            case TcpOptionKind.WINDOW -> {
                open(t, TcpFields.OPT_WSCALE, off, optlen);
                if (lenCheck(t, off, optlen, 3)) {
                    int shift = p.u8(off + 2);
                    t.addUint(TcpFields.WSCALE_SHIFT, off + 2, 1, shift);
                    if (shift > 14) {
                        shift = 14;
                        t.expert(TcpExpert.WSCALE_SHIFT_INVALID, off + 2, 1);
                    }
                    t.setFlags(t.addUint(TcpFields.WSCALE_MULTIPLIER, off + 2, 1, 1 << shift), Tree.GENERATED);
                    if (columns) {
                        p.info().append(" WS=").append(1 << shift);
                    }
                    if (!s.visited) {
                        // remembered for this direction (first pass only)
                        s.fwd.winScale = shift;
                    }
                }
                t.close();
            }
            case TcpOptionKind.SACK_PERM -> {
                open(t, TcpFields.OPT_SACK_PERM, off, optlen);
                if (columns) {
                    p.info().append(" SACK_PERM");
                }
                lenCheck(t, off, optlen, 2);
                t.close();
            }
            case TcpOptionKind.SACK -> sack(p, t, columns, off, optlen, s);
            case TcpOptionKind.TIMESTAMP -> {
                open(t, TcpFields.OPT_TIMESTAMP, off, optlen);
                if (lenCheck(t, off, optlen, 10)) {
                    long tsval = p.u32(off + 2), tsecr = p.u32(off + 6);
                    t.addUint(TcpFields.TSVAL, off + 2, 4, tsval);
                    t.addUint(TcpFields.TSECR, off + 6, 4, tsecr);
                    if (columns && !settings.ignoreTimestamps) {
                        p.info().append(" TSval=").append(tsval).append(" TSecr=").append(tsecr);
                    }
                }
                t.close();
            }
            case TcpOptionKind.ECHO, TcpOptionKind.ECHOREPLY -> {
                open(t, kind == TcpOptionKind.ECHO ? TcpFields.OPT_ECHO : TcpFields.OPT_ECHOREPLY, off, optlen);
                if (lenCheck(t, off, optlen, 6)) {
                    long v = p.u32(off + 2);
                    t.addUint(TcpFields.ECHO_VALUE, off + 2, 4, v);
                    if (columns) {
                        p.info().append(" ECHO=").append(v);
                    }
                }
                t.close();
            }
            case TcpOptionKind.CC, TcpOptionKind.CCNEW, TcpOptionKind.CCECHO -> {
                open(t, kind == TcpOptionKind.CC ? TcpFields.OPT_CC : kind == TcpOptionKind.CCNEW ? TcpFields.OPT_CCNEW
                        : TcpFields.OPT_CCECHO, off, optlen);
                if (lenCheck(t, off, optlen, 6)) {
                    long v = p.u32(off + 2);
                    t.addUint(TcpFields.CC_VALUE, off + 2, 4, v);
                    if (columns) {
                        p.info().append(" CC=").append(v);
                    }
                }
                t.close();
            }
            case TcpOptionKind.MD5 -> {
                open(t, TcpFields.OPT_MD5, off, optlen);
                if (columns) {
                    p.info().append(" MD5");
                }
                if (lenCheck(t, off, optlen, 18)) {
                    t.add(TcpFields.MD5_DIGEST, off + 2, optlen - 2);
                }
                t.close();
            }
            case TcpOptionKind.AO -> {
                open(t, TcpFields.OPT_AO, off, optlen);
                if (columns) {
                    p.info().append("TCP AO");
                }
                if (optlen < 4) {
                    t.expert(TcpExpert.OPT_LEN_INVALID, off + 1, 1);
                } else {
                    t.addUint(TcpFields.AO_KEYID, off + 2, 1, p.u8(off + 2));
                    t.addUint(TcpFields.AO_RNEXTKEYID, off + 3, 1, p.u8(off + 3));
                    if (optlen > 4) {
                        t.add(TcpFields.AO_MAC, off + 4, optlen - 4);
                    }
                }
                t.close();
            }
            case TcpOptionKind.QS -> {
                open(t, TcpFields.OPT_QS, off, optlen);
                if (lenCheck(t, off, optlen, 8)) {
                    int rate = p.u8(off + 2);
                    t.addUint(TcpFields.QS_RATE, off + 2, 1, rate);
                    t.addUint(TcpFields.QS_TTL_DIFF, off + 3, 1, p.u8(off + 3));
                    if (columns) {
                        p.info().append(" QSresp=").append(TcpFields.QS_RATES.name(rate & 0x0f));
                    }
                }
                t.close();
            }
            case TcpOptionKind.USER_TO -> {
                open(t, TcpFields.OPT_USER_TO, off, optlen);
                if (lenCheck(t, off, optlen, 4)) {
                    int v = p.u16(off + 2);
                    t.addUint(TcpFields.USER_TO_GRANULARITY, off + 2, 2, v);
                    t.addUint(TcpFields.USER_TO_VAL, off + 2, 2, v);
                    if (columns) {
                        p.info().append(" USER_TO=").append(v & 0x7fff);
                    }
                }
                t.close();
            }
            case TcpOptionKind.TFO -> {
                open(t, TcpFields.OPT_TFO, off, optlen);
                tfoPayload(p, t, columns, off, optlen, flags);
                t.close();
            }
            case TcpOptionKind.MPTCP -> mptcp(p, t, off, optlen);
            case TcpOptionKind.EXP_FD, TcpOptionKind.EXP_FE -> {
                open(t, TcpFields.OPT_EXP, off, optlen);
                if (optlen > 2) {
                    if (optlen >= 4) {
                        int exid = p.u16(off + 2);
                        t.addUint(TcpFields.EXP_EXID, off + 2, 2, exid);
                        if (exid == 0xf989) {
                            tfoPayload(p, t, columns, off + 2, optlen - 2, flags);
                        } else if (optlen > 4) {
                            t.add(TcpFields.EXP_DATA, off + 4, optlen - 4);
                        }
                    } else {
                        t.add(TcpFields.EXP_DATA, off + 2, optlen - 2);
                    }
                }
                t.close();
            }
            case TcpOptionKind.SCPS -> generic(t, TcpFields.OPT_SCPS, off, optlen);
            case TcpOptionKind.SNACK -> generic(t, TcpFields.OPT_SNACK, off, optlen);
            case TcpOptionKind.RECBOUND -> {
                generic(t, TcpFields.OPT_SCPSREC, off, optlen);
                lenCheck(t, off, optlen, 2);
            }
            case TcpOptionKind.CORREXP -> {
                generic(t, TcpFields.OPT_SCPSCOR, off, optlen);
                lenCheck(t, off, optlen, 2);
            }
            case TcpOptionKind.RVBD_PROBE -> generic(t, TcpFields.OPT_RVBD_PROBE, off, optlen);
            case TcpOptionKind.RVBD_TRPY -> generic(t, TcpFields.OPT_RVBD_TRPY, off, optlen);
            case TcpOptionKind.ACC_ECN_0, TcpOptionKind.ACC_ECN_1 -> generic(t, TcpFields.OPT_ACC_ECN, off, optlen);
            default -> {
                open(t, TcpFields.OPT_UNKNOWN, off, optlen);
                if (optlen > 2) {
                    t.add(TcpFields.UNKNOWN_PAYLOAD, off + 2, optlen - 2);
                }
                t.close();
            }
        }
    }

    private void sack(Packet p, Tree t, boolean columns, int off, int optlen, TcpSegment s) {
        int base = s.sackBase;
        // Blocks 1..3 of a 4-slot array are kept for bytes in flight, as Wireshark does.
        boolean keep = settings.analyzeSeq && settings.trackBytesInFlight;
        if (keep) {
            s.fwd.numSackRanges = 0;
        }
        open(t, TcpFields.OPT_SACK, off, optlen);
        int at = off + 2;
        int left = optlen - 2;
        int count = 0;
        while (left > 0) {
            if (left < 4) {
                t.expert(TcpExpert.SUBOPTION_MALFORMED, at, left);
                break;
            }
            int le = (int) p.u32(at) - base;
            edgeLabel(t, t.addUint(TcpFields.SACK_LE, at, 4, unsigned(le)), "left edge = ", le, base);
            left -= 4;
            if (left < 4) {
                t.expert(TcpExpert.SUBOPTION_MALFORMED, at, left);
                break;
            }
            int re = (int) p.u32(at + 4) - base;
            left -= 4;
            edgeLabel(t, t.addUint(TcpFields.SACK_RE, at + 4, 4, unsigned(re)), "right edge = ", re, base);
            if (columns) {
                p.info().append(" SLE=").append(unsigned(le)).append(" SRE=").append(unsigned(re));
            }
            count++;
            if (keep && count < TcpFlow.MAX_SACK_RANGES) {
                s.fwd.numSackRanges = count;
                s.fwd.sackLeft[count] = le;
                s.fwd.sackRight[count] = re;
            }
            if (sackCount < 4) {
                sackLeft[sackCount] = le;
                sackRight[sackCount] = re;
                sackCount++;
            }
            at += 8;
        }
        t.addGenerated(TcpFields.SACK_COUNT, count);
        // RFC 2883 D-SACK: the first block lies below the ACK, or inside the second block. Without a block
        // Wireshark compares a right edge of 0 and, when that is not above the ACK, reads the block past the
        // option's end: the packet is malformed and TCP's dissection ends (no analysis, no payload).
        int firstRight = sackCount > 0 ? sackRight[0] : 0;
        if (le(firstRight, s.ack)
                || sackCount > 1 && lt(sackLeft[1], firstRight) && ge(sackRight[1], firstRight)) {
            if (count == 0) {
                throw PacketBoundsException.MALFORMED;
            }
            int dle = (int) p.u32(off + 2) - base;
            int dre = (int) p.u32(off + 6) - base;
            int leNode = t.addUint(TcpFields.DSACK_LE, off + 2, 4, unsigned(dle));
            t.setFlags(leNode, Tree.GENERATED);
            edgeLabel(t, leNode, "D-SACK Left Edge = ", dle, base);
            int reNode = t.addUint(TcpFields.DSACK_RE, off + 6, 4, unsigned(dre));
            t.setFlags(reNode, Tree.GENERATED);
            edgeLabel(t, reNode, "D-SACK Right Edge = ", dre, base);
            t.expertOn(t.add(TcpFields.DSACK_SEQUENCE, off + 2, 8), TcpExpert.SACK_DSACK, off + 2, 8, null);
        }
        t.close();
    }

    /** Wireshark's {@code left edge = 1449 (relative)} lines, composed only when an output shows labels. */
    private void edgeLabel(Tree t, int node, String what, int edge, int base) {
        if (node < 0 || !t.wantsLabels()) {
            return;
        }
        StringBuilder sb = label;
        sb.setLength(0);
        sb.append(what).append(unsigned(edge));
        if (settings.analyzeSeq && settings.relativeSeq) {
            sb.append(" (relative)");
        }
        t.setLabel(node, sb);
    }

    private void tfoPayload(Packet p, Tree t, boolean columns, int off, int optlen, int flags) {
        if (optlen == 2) {
            t.add(TcpFields.TFO_REQUEST, off, 2);
            if (columns) {
                p.info().append(" TFO=R");
            }
        } else if (optlen > 2) {
            t.add(TcpFields.TFO_COOKIE, off + 2, optlen - 2);
            if (columns) {
                p.info().append(" TFO=C");
            }
            if ((flags & (TcpDissector.TH_SYN | TcpDissector.TH_ACK)) == TcpDissector.TH_SYN) {
                t.expert(TcpExpert.TFO_SYN, off + 2, optlen - 2);
            }
        }
    }

    /** MPTCP (RFC 8684): the subtype and the fields every subtype carries; no cross-subflow analysis. */
    private void mptcp(Packet p, Tree t, int off, int optlen) {
        p.addProtocol(TcpFields.MPTCP);
        if (p.columns()) {
            p.protocolColumn("MPTCP");
        }
        t.open(TcpFields.MPTCP.field(), off, optlen);
        t.addUint(TcpFields.OPTION_KIND, off, 1, p.u8(off));
        t.addUint(TcpFields.OPTION_LEN, off + 1, 1, optlen);
        need(t, off + 2, 1, off + optlen);
        int b2 = p.u8(off + 2);
        int subtype = b2 >> 4;
        t.addUint(TcpFields.MPTCP_SUBTYPE, off + 2, 1, b2);
        int at = off + 3;
        int end = off + optlen;
        switch (subtype) {
            case 0 -> { // MP_CAPABLE
                t.addUint(TcpFields.MPTCP_VERSION, off + 2, 1, b2);
                if (need(t, at, 1, end)) {
                    t.addUint(TcpFields.MPTCP_FLAGS, at, 1, p.u8(at));
                    at++;
                    if ((optlen == 12 || optlen == 20 || optlen == 22 || optlen == 24) && need(t, at, 8, end)) {
                        t.addUint(TcpFields.MPTCP_SENDKEY, at, 8, p.u64(at));
                        at += 8;
                        if (optlen >= 20 && need(t, at, 8, end)) {
                            t.addUint(TcpFields.MPTCP_RECVKEY, at, 8, p.u64(at));
                            at += 8;
                        }
                        if (optlen >= 22 && need(t, at, 2, end)) {
                            t.addUint(TcpFields.MPTCP_DATALVLLEN, at, 2, p.u16(at));
                            at += 2;
                            if (optlen == 24 && need(t, at, 2, end)) {
                                t.addUint(TcpFields.MPTCP_CHECKSUM, at, 2, p.u16(at));
                            }
                        }
                    }
                }
            }
            case 1 -> { // MP_JOIN
                switch (optlen) {
                    case 12 -> {
                        t.addUint(TcpFields.MPTCP_FLAGS, at, 1, p.u8(at));
                        t.addUint(TcpFields.MPTCP_ADDRID, at + 1, 1, p.u8(at + 1));
                        t.addUint(TcpFields.MPTCP_RECVTOK, at + 2, 4, p.u32(at + 2));
                        t.addUint(TcpFields.MPTCP_SENDRAND, at + 6, 4, p.u32(at + 6));
                    }
                    case 16 -> {
                        t.addUint(TcpFields.MPTCP_FLAGS, at, 1, p.u8(at));
                        t.addUint(TcpFields.MPTCP_ADDRID, at + 1, 1, p.u8(at + 1));
                        t.addUint(TcpFields.MPTCP_SENDTRUNCHMAC, at + 2, 8, p.u64(at + 2));
                        t.addUint(TcpFields.MPTCP_SENDRAND, at + 10, 4, p.u32(at + 10));
                    }
                    case 24 -> {
                        t.addUint(TcpFields.MPTCP_RESERVED, off + 2, 2, p.u16(off + 2));
                        t.add(TcpFields.MPTCP_SENDHMAC, off + 4, 20);
                    }
                    default -> {
                    }
                }
            }
            case 2 -> { // DSS
                if (need(t, at, 1, end)) {
                    int dflags = p.u8(at) & 0x1f;
                    t.addUint(TcpFields.MPTCP_FLAGS, at, 1, p.u8(at));
                    at++;
                    if ((dflags & 0x01) != 0) {
                        int n = (dflags & 0x02) != 0 ? 8 : 4;
                        if (!need(t, at, n, end)) {
                            break;
                        }
                        t.addUint(TcpFields.MPTCP_RAWDATAACK, at, n, n == 8 ? p.u64(at) : p.u32(at));
                        at += n;
                    }
                    if ((dflags & 0x04) != 0) {
                        int n = (dflags & 0x08) != 0 ? 8 : 4;
                        if (!need(t, at, n + 6, end)) {
                            break;
                        }
                        t.addUint(TcpFields.MPTCP_RAWDATASEQNO, at, n, n == 8 ? p.u64(at) : p.u32(at));
                        at += n;
                        t.addUint(TcpFields.MPTCP_SUBFLOWSEQNO, at, 4, p.u32(at));
                        at += 4;
                        t.addUint(TcpFields.MPTCP_DATALVLLEN, at, 2, p.u16(at));
                        at += 2;
                        if (at + 2 <= end) {
                            t.addUint(TcpFields.MPTCP_CHECKSUM, at, 2, p.u16(at));
                        }
                    }
                }
            }
            case 3 -> { // ADD_ADDR
                int ipver = b2 & 0x0f;
                if (ipver == 4 || ipver == 6) {
                    t.addUint(TcpFields.MPTCP_IPVER, off + 2, 1, b2);
                } else {
                    t.addUint(TcpFields.MPTCP_ECHO, off + 2, 1, b2);
                }
                if (need(t, at, 1, end)) {
                    t.addUint(TcpFields.MPTCP_ADDRID, at, 1, p.u8(at));
                    at++;
                    if ((optlen == 8 || optlen == 10 || optlen == 16 || optlen == 18) && need(t, at, 4, end)) {
                        t.addLong(TcpFields.MPTCP_IPV4, at, 4, p.u32(at));
                        at += 4;
                    }
                    if ((optlen == 20 || optlen == 22 || optlen == 28 || optlen == 30) && need(t, at, 16, end)) {
                        t.add(TcpFields.MPTCP_IPV6, at, 16);
                        at += 16;
                    }
                    if ((optlen == 10 || optlen == 18 || optlen == 22 || optlen == 30) && need(t, at, 2, end)) {
                        t.addUint(TcpFields.MPTCP_PORT, at, 2, p.u16(at));
                        at += 2;
                    }
                    if ((optlen == 16 || optlen == 18 || optlen == 28 || optlen == 30) && need(t, at, 8, end)) {
                        t.addUint(TcpFields.MPTCP_SENDTRUNCHMAC, at, 8, p.u64(at));
                    }
                }
            }
            case 4 -> { // REMOVE_ADDR
                for (; at < end; at++) {
                    t.addUint(TcpFields.MPTCP_ADDRID, at, 1, p.u8(at));
                }
            }
            case 5 -> { // MP_PRIO
                t.addUint(TcpFields.MPTCP_FLAGS, off + 2, 1, b2);
                if (optlen == 4) {
                    t.addUint(TcpFields.MPTCP_ADDRID, at, 1, p.u8(at));
                }
            }
            case 6 -> { // MP_FAIL
                if (need(t, off + 2, 10, end)) {
                    t.addUint(TcpFields.MPTCP_RESERVED, off + 2, 2, p.u16(off + 2));
                    t.addUint(TcpFields.MPTCP_RAWDATASEQNO, off + 4, 8, p.u64(off + 4));
                }
            }
            case 7 -> { // MP_FASTCLOSE
                if (need(t, off + 2, 10, end)) {
                    t.addUint(TcpFields.MPTCP_RESERVED, off + 2, 2, p.u16(off + 2));
                    t.addUint(TcpFields.MPTCP_RECVKEY, off + 4, 8, p.u64(off + 4));
                }
            }
            case 8 -> { // MP_TCPRST
                t.addUint(TcpFields.MPTCP_FLAGS, off + 2, 1, b2);
                if (need(t, at, 1, end)) {
                    t.addUint(TcpFields.MPTCP_RST_REASON, at, 1, p.u8(at));
                }
            }
            default -> {
            }
        }
        t.close();
    }

    /**
     * A field of an MPTCP option past the option's length: Wireshark reads it from a sub-buffer of the
     * option and fails there, which marks the packet malformed and ends TCP's dissection; so do we.
     */
    private static boolean need(Tree t, int at, int n, int end) {
        if (at + n > end) {
            t.expert(TcpExpert.SUBOPTION_MALFORMED, at, Math.max(0, end - at));
            throw PacketBoundsException.MALFORMED;
        }
        return true;
    }

    private void generic(Tree t, Protocol proto, int off, int optlen) {
        open(t, proto, off, optlen);
        t.close();
    }

    private void open(Tree t, Protocol proto, int off, int optlen) {
        t.open(proto.field(), off, optlen);
        t.addUint(TcpFields.OPTION_KIND, off, 1, kind);
        t.addUint(TcpFields.OPTION_LEN, off + 1, 1, optlen);
    }

    private static boolean lenCheck(Tree t, int off, int optlen, int expected) {
        if (optlen != expected) {
            t.expert(TcpExpert.OPT_LEN_INVALID, off + 1, 1);
            return false;
        }
        return true;
    }
}
