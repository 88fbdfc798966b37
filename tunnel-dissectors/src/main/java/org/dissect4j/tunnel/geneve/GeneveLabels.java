package org.dissect4j.tunnel.geneve;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Tree;
import org.dissect4j.api.TreeView;

/** The tree lines packet-geneve.c writes by hand (built only when labels are wanted: -V, PDML). */
final class GeneveLabels {
    /** Geneve's protocol line: {@code Generic Network Virtualization Encapsulation, VNI: 0x0c012e[, OAM]}. */
    static final Labeler PROTOCOL = (tree, node, out) -> {
        out.append("Generic Network Virtualization Encapsulation");
        long value = tree.value(node);
        if (value != 0 || tree.length(node) >= GeneveDissector.BASIC_HEADER_LENGTH) {
            hex(out.append(", VNI: 0x"), (int) (value & 0xFFFFFF), 6);
            if ((value >>> 24 & 0x80) != 0) {
                out.append(", OAM");
            }
        }
    };

    private final StringBuilder scratch = new StringBuilder(64);

    /** {@code Unknown, Class: Linux (0x0100) Type: 0x01 (Non-critical)}. */
    void option(Tree t, int node, int optionClass, int type) {
        StringBuilder b = scratch;
        b.setLength(0);
        String className = GeneveFields.GENEVE_OPTION_CLASS.values().name(optionClass);
        b.append("Unknown, Class: ").append(className == null ? "Unknown" : className).append(" (0x");
        hex(b, optionClass, 4).append(") Type: 0x");
        hex(b, type, 2).append((type & 0x80) != 0 ? " (Critical)" : " (Non-critical)");
        t.setLabel(node, b);
    }

    /** {@code Options: (76 bytes)}: packet-geneve.c names the options block by its length, not its bytes. */
    static void options(TreeView t, int n, StringBuilder out) {
        out.append("Options: (").append(t.length(n)).append(" bytes)");
    }

    /** {@code Type: 0x01 (Non-critical)}: the type's high bit marks an option the receiver must understand. */
    static void optionType(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        out.append((t.value(n) & 0x80) != 0 ? " (Critical)" : " (Non-critical)");
    }

    /** {@code Length: 20 bytes}: the field's unit string (the header's options length and each option's). */
    static void optionLength(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        out.append(t.value(n) == 1 ? " byte" : " bytes");
    }

    static StringBuilder hex(StringBuilder b, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(Character.forDigit(v >>> shift & 0xF, 16));
        }
        return b;
    }
}
