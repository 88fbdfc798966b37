package org.dissect4j.tunnel.ayiya;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.IpProtocolNames;
import org.dissect4j.api.TreeView;

/** The tree lines packet-ayiya.c composes beyond its fields' registrations (built only for -V, PDML). */
final class AyiyaLabels {
    private static final int NIBBLE = 4;
    private static final int HIGH_NIBBLE = 0xF0;
    private static final int LOW_NIBBLE = 0x0F;

    private AyiyaLabels() {
    }

    /** The protocol line: packet-ayiya.c names it by its short name only. */
    static void protocol(TreeView t, int n, StringBuilder out) {
        out.append("AYIYA");
    }

    /** {@code 0100 .... = Identity field length: 0x04}: a bit item over the byte's high four bits. */
    static void highNibble(TreeView t, int n, StringBuilder out) {
        FieldFormat.bitPattern(t.value(n) << NIBBLE, HIGH_NIBBLE, Byte.SIZE, out);
        FieldFormat.nameAndValue(t, n, out.append(" = "));
    }

    /** {@code .... 0001 = Operation Code: Forward (0x01)}: a bit item over the byte's low four bits. */
    static void lowNibble(TreeView t, int n, StringBuilder out) {
        FieldFormat.bitPattern(t.value(n), LOW_NIBBLE, Byte.SIZE, out);
        FieldFormat.nameAndValue(t, n, out.append(" = "));
    }

    /** {@code Next Header: IPv6 (0x29)}: the IP protocol's name, though the field registers no value names. */
    static void nextHeader(TreeView t, int n, StringBuilder out) {
        int v = (int) t.value(n);
        String name = IpProtocolNames.NAMES.name(v);
        out.append("Next Header: ").append(name != null ? name : "Unknown").append(" (");
        FieldFormat.hexNumber(v, 2, out);
        out.append(')');
    }
}
