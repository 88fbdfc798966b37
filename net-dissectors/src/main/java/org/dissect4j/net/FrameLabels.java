package org.dissect4j.net;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/** The {@code -V} lines of frame metadata that Wireshark's packet-frame.c composes by hand. */
final class FrameLabels {
    private FrameLabels() {
    }

    /** {@code Interface id: 0 (v-cli)}: the interface's name from the child item, when recorded. */
    static void interfaceId(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        int name = Labeler.child(t, n, FrameFields.INTERFACE_NAME);
        if (name >= 0) {
            out.append(" (").append(t.string(name)).append(')');
        }
    }
}
