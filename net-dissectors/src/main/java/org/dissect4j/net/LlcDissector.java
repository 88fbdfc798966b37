package org.dissect4j.net;

import org.dissect4j.api.Base;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * IEEE 802.2 LLC and SNAP, the part Wireshark's packet-llc.c shows for the common cases: DSAP,
 * SSAP, the control field (U frames one byte, I/S frames two), and for SNAP the OUI and protocol
 * id. SNAP with OUI 00-00-00 carries an Ethertype that is looked up in the {@code ethertype} table
 * directly (as Wireshark does, without the {@code ethertype} layer); every other payload is data.
 */
final class LlcDissector implements Dissector {
    private static final int SAP_SNAP = 0xAA;

    /**
     * Wireshark registers {@code llc.control.ftype} twice: 16 bits wide for I and S frames
     * ({@link LlcFields#CONTROL_FTYPE}) and this 8-bit one for unnumbered frames.
     */
    static final Field CONTROL_FTYPE_U = Field.define("llc.control.ftype", "Frame type", FieldType.UINT8)
            .base(Base.HEX).mask(0x03).build();

    private DissectorTable ethertypes;
    private DissectorHandle data;

    void wire(DissectorTable ethertypes, DissectorHandle data) {
        this.ethertypes = ethertypes;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        int dsap = p.u8(off);
        int node = t.open(NetProtocols.LLC.field(), off, Math.min(len, 3));
        t.openUint(LlcFields.DSAP, off, 1, dsap);
        t.addUint(LlcFields.DSAP_SAP, off, 1, dsap);
        t.addUint(LlcFields.DSAP_IG, off, 1, dsap);
        t.close();
        int ssap = p.u8(off + 1);
        t.openUint(LlcFields.SSAP, off + 1, 1, ssap);
        t.addUint(LlcFields.SSAP_SAP, off + 1, 1, ssap);
        t.addUint(LlcFields.SSAP_CR, off + 1, 1, ssap);
        t.close();
        int control = p.u8(off + 2);
        int hdr;
        if ((control & 3) == 3) {
            // Unnumbered frame: one control byte; the frame type is the two low bits.
            t.openUint(LlcFields.CONTROL, off + 2, 1, control);
            t.addUint((ssap & 1) != 0 ? LlcFields.CONTROL_U_MODIFIER_RESP : LlcFields.CONTROL_U_MODIFIER_CMD, off + 2, 1, control);
            t.addUint(CONTROL_FTYPE_U, off + 2, 1, control);
            t.close();
            hdr = 3;
        } else {
            int c16 = p.u16(off + 2);
            t.openUint(LlcFields.CONTROL, off + 2, 2, c16);
            // I frames: bit 0 clear; S frames: 01 in the low bits.
            t.addLong(LlcFields.CONTROL_FTYPE, off + 2, 2, (control & 1) == 0 ? 0 : control & 3);
            t.close();
            hdr = 4;
        }
        if (dsap == SAP_SNAP && ssap == SAP_SNAP && hdr == 3) {
            int oui = p.u24(off + 3);
            t.addUint(LlcFields.OUI, off + 3, 3, oui);
            int pid = p.u16(off + 6);
            if (oui == 0) {
                t.addUint(LlcFields.TYPE, off + 6, 2, pid);
            } else {
                t.addUint(LlcFields.PID, off + 6, 2, pid);
            }
            t.close();
            hdr = 8;
            if (node >= 0) {
                t.setLength(node, hdr);
            }
            if (oui != 0 || !NetUtil.callTable(p, ethertypes, pid, off + hdr, len - hdr)) {
                NetUtil.callData(p, data, off + hdr, len - hdr);
            }
            return len;
        }
        t.close();
        NetUtil.callData(p, data, off + hdr, len - hdr);
        return len;
    }
}
