package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * GTP version 1 headers, 3GPP TS 29.060 / 29.281 (Wireshark's packet-gtp.c), on UDP ports 2152 (GTP-U)
 * and 2123 (GTP-C); a version 2 header on either port goes to {@code gtpv2}.
 *
 * <pre>
 * | Ver |PT|R|E|S|PN|  Message Type  |            Length             |
 * |                 Tunnel Endpoint Identifier                      |
 * |      Sequence Number (S)        | N-PDU (PN)  | Next Ext Hdr (E) |   present when E, S or PN
 * extension header: | Length (in 4 bytes) | contents ... | Next Ext Hdr |
 * </pre>
 *
 * A version above 2 is not GTP: the dissector declines. A T-PDU (message 0xFF) carries a user packet: as
 * Wireshark's default "TPDU Heuristic", a first byte of 0x45..0x4E is IPv4 and a first nibble of 6 IPv6;
 * anything else is not dissected. Information elements of
 * the control messages are not dissected. The extension-header chain ends at type 0, at a length of 0
 * (malformed) or at the end of the bytes: each header is at least 4 bytes, so it is bounded by the frame.
 */
final class GtpDissector implements Dissector {
    static final int HEADER_LENGTH = 8;
    static final int OPTIONAL_LENGTH = 4;
    static final int MESSAGE_TPDU = 0xFF;
    private static final int FLAG_E = 0x04;
    private static final int FLAG_S = 0x02;
    private static final int FLAG_PN = 0x01;
    private static final int EXT_UDP_PORT = 0x40;
    private static final int EXT_RAN_CONTAINER = 0x81;
    private static final int EXT_LONG_PDCP = 0x82;
    private static final int EXT_PDU_SESSION = 0x85;
    private static final int EXT_PDCP = 0xC0;

    private final ProtocolColumn column = new ProtocolColumn("GTP <");
    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle gtpv2;

    void wire(DissectorHandle ip, DissectorHandle ipv6, DissectorHandle gtpv2) {
        this.ip = ip;
        this.ipv6 = ipv6;
        this.gtpv2 = gtpv2;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        int flags = p.u8(off);
        int version = flags >>> 5;
        if (version == 2 && gtpv2 != null) {
            return p.call(gtpv2, off, len);
        }
        if (version > 2) {
            return 0;       // not GTP (a UDP packet between GTP ports inside a tunnel): the caller shows data
        }
        int message = p.captured(off + 1) >= 1 ? p.u8(off + 1) : -1;
        boolean columns = p.columns();
        if (columns) {
            p.protocolColumn("GTP");
            StringBuilder info = p.clearInfo();
            String name = message < 0 ? null : GtpFields.GTP_MESSAGE.values().name(message);
            info.append(name == null ? "Unknown" : name);
        }
        Tree t = p.tree();
        int node = t.open(GtpPlugin.GTP.field(), off, Math.min(HEADER_LENGTH, Math.max(1, p.captured(off))));
        t.openUint(GtpFields.GTP_FLAGS, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_VERSION, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_PAYLOAD, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_RESERVED, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_E, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_S, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_PN, off, 1, flags);
        t.close();
        message = p.u8(off + 1);
        t.addUint(GtpFields.GTP_MESSAGE, off + 1, 1, message);
        t.addUint(GtpFields.GTP_LENGTH, off + 2, 2, p.u16(off + 2));
        t.addUint(GtpFields.GTP_TEID, off + 4, 4, p.u32(off + 4));
        int at = off + HEADER_LENGTH;
        if ((flags & (FLAG_E | FLAG_S | FLAG_PN)) != 0) {
            if ((flags & FLAG_S) != 0) {
                t.addUint(GtpFields.GTP_SEQ_NUMBER, at, 2, p.u16(at));
            }
            if ((flags & FLAG_PN) != 0) {
                t.addUint(GtpFields.GTP_NPDU_NUMBER, at + 2, 1, p.u8(at + 2));
            }
            int next = p.u8(at + 3);
            if ((flags & FLAG_E) != 0) {
                t.addUint(GtpFields.GTP_EXT_HDR_NEXT, at + 3, 1, next);
            }
            at += OPTIONAL_LENGTH;
            if ((flags & FLAG_E) != 0) {
                at = extensionHeaders(p, t, at, next);
                if (at < 0) {
                    t.close();
                    return len;
                }
            }
        }
        t.setLength(node, at - off);
        t.close();
        if (message == MESSAGE_TPDU && at < off + len) {
            tpdu(p, at, len - (at - off), columns);
        }
        return len;
    }

    /** Walks the chain until type 0; returns where the payload starts, or -1 when a header of length 0 ended it. */
    private static int extensionHeaders(Packet p, Tree t, int at, int type) {
        while (type != 0) {
            int words = p.u8(at);
            if (words == 0) {
                // as packet-gtp.c: an empty header item, its length, the expert item, malformed without an Info suffix
                t.open(GtpFields.GTP_EXT_HDR, at, 0);
                t.addUint(GtpFields.GTP_EXT_HDR_LENGTH, at, 1, 0);
                Handoffs.expert(p, GtpExpert.EXT_LENGTH_INVALID, at, 0, "Extension header length is zero");
                t.close();
                return -1;
            }
            int length = words * 4;
            p.require(at, length);
            int node = t.open(GtpFields.GTP_EXT_HDR, at, length);
            if (t.wantsLabels() && node >= 0) {
                String name = GtpFields.GTP_EXT_HDR_NEXT.values().name(type);
                t.appendLabel(node, " (");
                t.appendLabel(node, name == null ? "Unknown" : name);
                t.appendLabel(node, ")");
            }
            t.addUint(GtpFields.GTP_EXT_HDR_LENGTH, at, 1, words);
            switch (type) {
                case EXT_PDCP -> t.addUint(GtpFields.GTP_EXT_HDR_PDCP_SN, at + 1, 2, p.u16(at + 1));
                case EXT_UDP_PORT -> t.addUint(GtpFields.GTP_EXT_HDR_UDP_PORT, at + 1, 2, p.u16(at + 1));
                case EXT_LONG_PDCP -> t.addUint(GtpFields.GTP_EXT_HDR_LONG_PDCP_SN, at + 1, 3, p.u24(at + 1));
                case EXT_PDU_SESSION -> {
                    t.addUint(GtpFields.GTP_EXT_HDR_PDU_SES_CON_PDU_TYPE, at + 1, 1, p.u8(at + 1));
                    t.addUint(GtpFields.GTP_EXT_HDR_PDU_SES_CON_QOS_FLOW_ID, at + 2, 1, p.u8(at + 2));
                }
                case EXT_RAN_CONTAINER -> {
                    if (length > 2) {
                        t.add(GtpFields.GTP_EXT_HDR_RAN_CONT, at + 1, length - 2);
                    }
                }
                default -> {
                    if (length > 2) {
                        t.add(GtpFields.GTP_EXT_HDR_SPARE_BYTES, at + 1, length - 2);
                    }
                }
            }
            type = p.u8(at + length - 1);
            t.addUint(GtpFields.GTP_EXT_HDR_NEXT, at + length - 1, 1, type);
            t.close();
            at += length;
        }
        return at;
    }

    /** The user packet of a T-PDU, found by its first byte; the Protocol column becomes {@code GTP <inner>}. */
    private void tpdu(Packet p, int at, int length, boolean columns) {
        int first = p.u8(at);
        DissectorHandle inner = first >= 0x45 && first <= 0x4E ? ip : (first & 0xF0) == 0x60 ? ipv6 : null;
        if (inner == null) {
            return;
        }
        Handoffs.call(p, inner, at, length);
        if (columns) {
            p.protocolColumn(column.wrap(p.protocolColumn()));
        }
    }
}
