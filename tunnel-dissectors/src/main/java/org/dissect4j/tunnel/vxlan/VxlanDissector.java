package org.dissect4j.tunnel.vxlan;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * VXLAN, RFC 7348, with the Group Based Policy extension's fields (Wireshark's packet-vxlan.c).
 *
 * <pre>
 * |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * </pre>
 *
 * The eight header bytes are followed by an Ethernet frame without FCS.
 */
final class VxlanDissector implements Dissector {
    /** Header length; the inner Ethernet frame starts here. */
    static final int HEADER_LENGTH = 8;
    static final int GBP_OFFSET = 2;
    static final int VNI_OFFSET = GBP_OFFSET + 2;
    static final int RESERVED_OFFSET = VNI_OFFSET + 3;

    private DissectorHandle ethernet;

    void wire(DissectorHandle ethernet) {
        this.ethernet = ethernet;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        if (p.columns()) {
            p.protocolColumn("VxLAN");
            p.clearInfo();
        }
        Tree t = p.tree();
        t.open(VxlanPlugin.VXLAN.field(), off, HEADER_LENGTH);
        int flags = p.u16(off);
        t.openUint(VxlanFields.VXLAN_FLAGS, off, 2, flags);
        t.addUint(VxlanFields.VXLAN_FLAG_G, off, 2, flags);
        t.addUint(VxlanFields.VXLAN_FLAG_I, off, 2, flags);
        t.addUint(VxlanFields.VXLAN_FLAG_D, off, 2, flags);
        t.addUint(VxlanFields.VXLAN_FLAG_A, off, 2, flags);
        t.addUint(VxlanFields.VXLAN_FLAGS_RESERVED, off, 2, flags);
        t.close();
        t.addUint(VxlanFields.VXLAN_GBP, off + GBP_OFFSET, 2, p.u16(off + GBP_OFFSET));
        t.addUint(VxlanFields.VXLAN_VNI, off + VNI_OFFSET, 3, p.u24(off + VNI_OFFSET));
        t.addUint(VxlanFields.VXLAN_RESERVED8, off + RESERVED_OFFSET, 1, p.u8(off + RESERVED_OFFSET));
        t.close();
        // Wireshark hands the rest to Ethernet even when nothing is left (it then shows a short frame)
        Handoffs.call(p, ethernet, off + HEADER_LENGTH, len - HEADER_LENGTH);
        return len;
    }
}
