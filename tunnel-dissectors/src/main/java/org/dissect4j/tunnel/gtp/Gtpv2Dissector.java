package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The GTPv2-C header and its information elements' headers, 3GPP TS 29.274 (Wireshark's packet-gtpv2.c).
 *
 * <pre>
 * |Ver=2|P|T|MP|Spare| Message Type |         Message Length           |
 * |            Tunnel Endpoint Identifier (when T)                     |
 * |                 Sequence Number                | Spare or Priority |
 * IE: | Type | Length (2) | CR (4 bits) | Instance (4 bits) | value (Length bytes) |
 * </pre>
 *
 * The IEs are walked for their type, length and instance; their values are not decoded. Each IE is at least
 * its 4-byte header, so the walk is bounded by the message length.
 */
final class Gtpv2Dissector implements Dissector {
    static final int FIXED_LENGTH = 4;
    static final int IE_HEADER_LENGTH = 4;
    private static final int FLAG_T = 0x08;
    private static final int FLAG_MP = 0x04;

    @Override
    public int dissect(Packet p, int off, int len) {
        int flags = p.u8(off);
        int message = p.captured(off + 1) >= 1 ? p.u8(off + 1) : -1;
        if (p.columns()) {
            p.protocolColumn("GTPv2");
            String name = message < 0 ? null : GtpFields.GTPV2_MESSAGE_TYPE.values().name(message);
            p.clearInfo().append(name == null ? "Unknown" : name);
        }
        Tree t = p.tree();
        int node = t.open(GtpPlugin.GTPV2.field(), off, Math.min(len, Math.max(1, p.captured(off))));
        t.openUint(GtpFields.GTPV2_FLAGS, off, 1, flags);
        t.addUint(GtpFields.GTPV2_VERSION, off, 1, flags);
        t.addUint(GtpFields.GTPV2_P, off, 1, flags);
        t.addUint(GtpFields.GTPV2_T, off, 1, flags);
        t.addUint(GtpFields.GTPV2_MP, off, 1, flags);
        t.close();
        message = p.u8(off + 1);
        t.addUint(GtpFields.GTPV2_MESSAGE_TYPE, off + 1, 1, message);
        int length = p.u16(off + 2);
        t.addUint(GtpFields.GTPV2_MSG_LENGTH, off + 2, 2, length);
        int at = off + FIXED_LENGTH;
        if ((flags & FLAG_T) != 0) {
            t.addUint(GtpFields.GTPV2_TEID, at, 4, p.u32(at));
            at += 4;
        }
        t.addUint(GtpFields.GTPV2_SEQ, at, 3, p.u24(at));
        if ((flags & FLAG_MP) == 0) {
            t.addUint(GtpFields.GTPV2_SPARE, at + 3, 1, p.u8(at + 3));
        }
        at += 4;
        int end = Math.min(off + len, off + FIXED_LENGTH + length);
        while (at + IE_HEADER_LENGTH <= end) {
            int type = p.u8(at);
            int ieLength = p.u16(at + 1);
            int instance = p.u8(at + 3);
            t.addUint(GtpFields.GTPV2_IE_TYPE, at, 1, type);
            t.addUint(GtpFields.GTPV2_IE_LEN, at + 1, 2, ieLength);
            t.addUint(GtpFields.GTPV2_CR, at + 3, 1, instance);
            t.addUint(GtpFields.GTPV2_INSTANCE, at + 3, 1, instance);
            at += IE_HEADER_LENGTH + ieLength;
        }
        t.setLength(node, Math.min(len, FIXED_LENGTH + length));
        t.close();
        return len;
    }
}
