package org.dissect4j.net;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/** UDP's lines in the packet details where tshark composes them itself ({@code packet-udp.c}). */
final class UdpLabels {
    private UdpLabels() {
    }

    /** Wireshark's "Timestamps" subtree over the conversation's times (a text item). */
    static final Field TIMESTAMPS = Field.text("Timestamps");

    /** Status "Not present" ({@code udp.checksum.status} 3): a zero checksum over IPv4 means none was sent. */
    private static final long NOT_PRESENT = 3;

    /** {@code Checksum: 0x0000 [zero-value ignored]}, or the verdict as for every checksum. */
    static void checksum(TreeView t, int n, StringBuilder out) {
        if (t.value(n) == 0 && isNotPresent(t, n)) {
            FieldFormat.nameAndValue(t, n, out);
            out.append(" [zero-value ignored]");
            return;
        }
        FieldFormat.checksum(t, n, UdpFields.CHECKSUM_STATUS, UdpFields.CHECKSUM_CALCULATED, " [unverified]",
                " (maybe caused by \"UDP checksum offload\"?)", out);
    }

    private static boolean isNotPresent(TreeView t, int n) {
        int s = Labeler.child(t, n, UdpFields.CHECKSUM_STATUS);
        return s >= 0 && t.value(s) == NOT_PRESENT;
    }

    /** {@code UDP payload (228 bytes)}. */
    static void payload(TreeView t, int n, StringBuilder out) {
        int len = t.length(n);
        out.append("UDP payload (").append(len).append(len == 1 ? " byte)" : " bytes)");
    }
}
