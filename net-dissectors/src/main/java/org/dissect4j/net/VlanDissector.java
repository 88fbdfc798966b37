package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;

/**
 * IEEE 802.1Q customer VLAN tags ({@code vlan}, Ethertype 0x8100, Wireshark's packet-vlan.c) and
 * IEEE 802.1ad service tags ({@code ieee8021ad}, Ethertype 0x88a8, packet-ieee8021ah.c):
 *
 * <pre>
 *  0       3 4              16               32
 * +---------+-+-------------+----------------+
 * |priority |D| VLAN id     | type / length  |
 * +---------+-+-------------+----------------+
 * </pre>
 *
 * The inner Ethertype goes to the {@code ethertype} dispatcher (which shows the trailer as
 * {@code vlan.trailer}); a value up to 1500 is an 802.3 length followed by LLC. Nesting is bounded:
 * the engine's call depth limit stops a frame of endless tags.
 */
final class VlanDissector implements Dissector {
    static final int HEADER_LENGTH = 4;

    private final NetContext ctx;
    private final boolean serviceTag;
    private DissectorHandle ethertype;
    private DissectorHandle llc;
    private DissectorHandle data;

    /** {@code serviceTag}: true for the 802.1ad S-tag dissector, false for the 802.1Q C-tag one. */
    VlanDissector(NetContext ctx, boolean serviceTag) {
        this.ctx = ctx;
        this.serviceTag = serviceTag;
    }

    void wire(DissectorHandle ethertype, DissectorHandle llc, DissectorHandle data) {
        this.ethertype = ethertype;
        this.llc = llc;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        int tci = p.u16(off);
        Protocol proto = serviceTag ? NetProtocols.IEEE8021AD : NetProtocols.VLAN;
        if (p.columns()) {
            StringBuilder info = p.clearInfo();
            if (serviceTag) {
                info.append("PRI: ").append(tci >>> 13).append(" DROP: ").append((tci >>> 12) & 1).append(" ID: ")
                        .append(tci & 0xFFF);
            } else {
                info.append("PRI: ").append(tci >>> 13).append("  DEI: ").append((tci >>> 12) & 1).append("  ID: ")
                        .append(tci & 0xFFF);
            }
        }
        int node = t.open(proto.field(), off, HEADER_LENGTH);
        t.addUint(serviceTag ? VlanFields.IEEE8021AD_PRIORITY : VlanFields.PRIORITY, off, 2, tci);
        t.addUint(serviceTag ? VlanFields.IEEE8021AD_DEI : VlanFields.DEI, off, 2, tci);
        t.addUint(serviceTag ? VlanFields.IEEE8021AD_ID : VlanFields.ID, off, 2, tci);
        int type = p.u16(off + 2);
        Field trailerField = serviceTag ? VlanFields.IEEE8021AH_TRAILER : VlanFields.TRAILER;
        if (type <= 1500 && !serviceTag) {
            t.addUint(VlanFields.LEN, off + 2, 2, type);
            int reported = len - HEADER_LENGTH;
            int length = type;
            if (length > reported) {
                t.expert(NetExperts.VLAN_LEN_PAST_END, off + 2, 2);
                length = reported;
            }
            t.close();
            boolean raw = p.captured(off + HEADER_LENGTH) >= 2 && p.u16(off + HEADER_LENGTH) == 0xFFFF;
            if (raw || p.call(llc, off + HEADER_LENGTH, length) == 0) {
                NetUtil.callData(p, data, off + HEADER_LENGTH, length);
            }
            EthertypeDissector.trailer(p, node, trailerField, 0, len, off + HEADER_LENGTH + length,
                    reported - length);
            return len;
        }
        t.addUint(serviceTag ? VlanFields.IEEE8021AH_ETYPE : VlanFields.ETYPE, off + 2, 2, type);
        t.close();
        ctx.etherParent = node;
        ctx.etherTrailer = trailerField;
        ctx.etherFcsLen = 0;
        ctx.etherLayerLength = len;
        p.arg(type);
        p.call(ethertype, off + HEADER_LENGTH, len - HEADER_LENGTH);
        return len;
    }
}
