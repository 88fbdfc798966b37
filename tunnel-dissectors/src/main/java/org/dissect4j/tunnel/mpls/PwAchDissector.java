package org.dissect4j.tunnel.mpls;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * The PW Associated Channel Header, RFC 4385 and the Generic Associated Channel of RFC 5586.
 *
 * <pre>
 * |0 0 0 1|Version|   Reserved    |         Channel Type          |
 * </pre>
 *
 * The channel's payload goes to the {@code pwach.channel_type} table (0x0021 IPv4, 0x0057 IPv6), else to data
 * (BFD, OAM and the other channel types are not dissected).
 */
final class PwAchDissector implements Dissector {
    static final int HEADER_LENGTH = 4;

    private DissectorTable channels;

    void wire(DissectorTable channels) {
        this.channels = channels;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        if (len < HEADER_LENGTH) {
            t.expert(MplsExpert.PWACH_ERROR, off, len);
            return len;
        }
        t.open(MplsPlugin.PWACH.field(), off, HEADER_LENGTH);
        t.addUint(MplsFields.PWACH_VER, off, 1, p.u8(off));
        int reserved = p.u8(off + 1);
        t.addUint(MplsFields.PWACH_RES, off + 1, 1, reserved);
        if (reserved != 0) {
            t.expert(MplsExpert.PWACH_RESERVED, off + 1, 1);
        }
        int channel = p.u16(off + 2);
        t.addUint(MplsFields.PWACH_CHANNEL_TYPE, off + 2, 2, channel);
        t.close();
        Handoffs.tableOrData(p, channels, channel, off + HEADER_LENGTH, len - HEADER_LENGTH);
        return len;
    }
}
