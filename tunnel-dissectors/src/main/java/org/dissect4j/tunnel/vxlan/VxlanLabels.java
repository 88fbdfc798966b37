package org.dissect4j.tunnel.vxlan;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.TreeView;

/** The tree lines packet-vxlan.c composes beyond its fields' registrations (built only for -V, PDML). */
final class VxlanLabels {
    private VxlanLabels() {
    }

    /**
     * {@code Flags: 0x0800, VXLAN Network ID (VNI)}: Wireshark's bitmask summary names the flags that are set,
     * without their true/false texts and without the reserved bits (an integer, which the summary leaves out).
     */
    static void flags(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        appendIfSet(v, VxlanFields.VXLAN_FLAG_G.bitmask(), VxlanFields.VXLAN_FLAG_G.name(), out);
        appendIfSet(v, VxlanFields.VXLAN_FLAG_I.bitmask(), VxlanFields.VXLAN_FLAG_I.name(), out);
        appendIfSet(v, VxlanFields.VXLAN_FLAG_D.bitmask(), VxlanFields.VXLAN_FLAG_D.name(), out);
        appendIfSet(v, VxlanFields.VXLAN_FLAG_A.bitmask(), VxlanFields.VXLAN_FLAG_A.name(), out);
    }

    private static void appendIfSet(long value, long mask, String name, StringBuilder out) {
        if ((value & mask) != 0) {
            out.append(", ").append(name);
        }
    }
}
