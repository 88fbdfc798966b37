package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * GTP version 1 headers, 3GPP TS 29.060 / 29.281 (Wireshark's packet-gtp.c), on UDP ports 2152 (GTP-U)
 * and 2123 (GTP-C), and GTPv0's (TS 09.60) on those and on 3386; a version 2 header goes to {@code gtpv2}.
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
 * anything else is not dissected. Of the control messages' information elements those of
 * {@link GtpInformationElements} are shown, and a response names its request ({@code gtp.response_to},
 * {@code gtp.time}) by {@link GtpRequests}. The extension-header chain ends at type 0, at a length of 0
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
    private static final int V0_HEADER_LENGTH = 20;
    private static final int V0_SEQUENCE_OFFSET = 4;
    private static final int V0_FLOW_LABEL_OFFSET = 6;
    private static final int V0_SNDCP_OFFSET = 8;
    private static final int V0_TID_OFFSET = 12;
    private static final int V0_TID_LENGTH = 8;

    private final ProtocolColumn column = new ProtocolColumn("GTP <");
    private final StringBuilder tidDigits = new StringBuilder(2 * V0_TID_LENGTH);
    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle gtpv2;
    private ConversationData<GtpRequests> requests;

    void register(ConversationData<GtpRequests> perConversation) {
        this.requests = perConversation;
    }

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
        int payload = version == 0 ? version0(p, t, node, off, flags) : version1(p, t, node, off, flags);
        t.close();
        message = p.u8(off + 1);
        if (payload >= 0 && message == MESSAGE_TPDU && payload < off + len) {
            tpdu(p, payload, len - (payload - off), columns);
        }
        return len;
    }

    /** The GTPv1 header and what follows it; returns where a T-PDU's packet starts, or -1 when the chain broke. */
    private int version1(Packet p, Tree t, int node, int off, int flags) {
        t.openUint(GtpFields.GTP_FLAGS, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_VERSION, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_PAYLOAD, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_RESERVED, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_E, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_S, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_PN, off, 1, flags);
        t.close();
        int message = p.u8(off + 1);
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
                    return -1;
                }
            }
        }
        if (message == MESSAGE_TPDU) {
            t.setLength(node, at - off);
        } else {
            int seq = (flags & FLAG_S) != 0 ? p.u16(off + HEADER_LENGTH) : -1;
            control(p, t, node, off, HEADER_LENGTH, at, seq, message);
        }
        return at;
    }

    /**
     * The 20-byte GTPv0 header (TS 09.60): flags with three reserved bits and the SNDCP flag, message type, length,
     * sequence number, flow label, SNDCP N-PDU LLC number, three spare bytes, and the TID in swapped BCD.
     */
    private int version0(Packet p, Tree t, int node, int off, int flags) {
        t.openUint(GtpFields.GTP_FLAGS, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_VERSION, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_PAYLOAD, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_RESERVED_V0, off, 1, flags);
        t.addUint(GtpFields.GTP_FLAGS_SNN, off, 1, flags);
        t.close();
        int message = p.u8(off + 1);
        t.addUint(GtpFields.GTP_MESSAGE, off + 1, 1, message);
        t.addUint(GtpFields.GTP_LENGTH, off + 2, 2, p.u16(off + 2));
        int seq = p.u16(off + V0_SEQUENCE_OFFSET);
        t.addUint(GtpFields.GTP_SEQ_NUMBER, off + V0_SEQUENCE_OFFSET, 2, seq);
        t.addUint(GtpFields.GTP_FLOW_LABEL, off + V0_FLOW_LABEL_OFFSET, 2, p.u16(off + V0_FLOW_LABEL_OFFSET));
        t.addUint(GtpFields.GTP_SNDCP_NUMBER, off + V0_SNDCP_OFFSET, 1, p.u8(off + V0_SNDCP_OFFSET));
        tid(p, t, off + V0_TID_OFFSET);
        if (message == MESSAGE_TPDU) {
            t.setLength(node, V0_HEADER_LENGTH);
        } else {
            control(p, t, node, off, V0_HEADER_LENGTH, off + V0_HEADER_LENGTH, seq, message);
        }
        return off + V0_HEADER_LENGTH;
    }

    /** The TID: its 16 digits, each byte's low nibble first, ending at a filler nibble (0xF). */
    private void tid(Packet p, Tree t, int at) {
        p.require(at, V0_TID_LENGTH);
        StringBuilder digits = tidDigits;
        digits.setLength(0);
        for (int i = 0; i < V0_TID_LENGTH; i++) {
            int b = p.u8(at + i);
            if ((b & 0x0F) == 0x0F) {
                break;
            }
            digits.append((char) ('0' + (b & 0x0F)));
            if (b >>> 4 == 0x0F) {
                break;
            }
            digits.append((char) ('0' + (b >>> 4)));
        }
        // a decoded value over the TID's bytes: shown as a field of the packet, not a generated one
        int node = t.addString(GtpFields.GTP_TID, digits);
        t.showAt(node, at, V0_TID_LENGTH);
        if (node >= 0) {
            t.clearFlags(node, Tree.GENERATED);
        }
    }

    /**
     * A GTPv1-C message: the item spans the whole message as packet-gtp.c's does, then the elements shown and
     * the request a response answers.
     */
    private void control(Packet p, Tree t, int node, int off, int headerLength, int elementsAt, int seq, int message) {
        int end = Math.min(off + headerLength + p.u16(off + 2), off + p.captured(off));
        t.setLength(node, end - off);
        GtpInformationElements.walk(p, t, elementsAt, end);
        GtpRequests pending = requests == null || seq < 0 ? null : requests.getOrCreate(p);
        if (pending == null) {
            return;
        }
        long frame = p.frame().number();
        if (GtpRequests.isRequest(message)) {
            pending.request(message, seq, frame, p.frame().timestampNanos());
        } else if (pending.match(message, seq, frame)) {
            t.setFlags(t.addUint(GtpFields.GTP_RESPONSE_TO, off, 0, pending.matchedFrame()), Tree.GENERATED);
            long elapsed = p.frame().timestampNanos() - pending.matchedNanos();
            t.setFlags(t.addLong(GtpFields.GTP_TIME, off, 0, elapsed), Tree.GENERATED);
        }
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
