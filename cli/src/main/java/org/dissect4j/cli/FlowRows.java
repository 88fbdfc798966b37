package org.dissect4j.cli;

/**
 * The words of one row of the SVG ladder: the arrow's kind (its colour), its label, the analysis mark
 * shown before the label, the Seq/Ack comment and the tooltip with the segment's whole summary.
 */
final class FlowRows {
    private FlowRows() {
    }

    /** The arrow kind of row {@code i}: rst, syn, fin, tls (handshake records), data, ack; folded runs are "fold". */
    static String kind(FlowCollector f, int i) {
        int fl = f.flags[i];
        if ((fl & FlowCollector.RST) != 0) {
            return "rst";
        } else if ((fl & FlowCollector.SYN) != 0) {
            return "syn";
        } else if ((fl & FlowCollector.FIN) != 0) {
            return "fin";
        } else if ((f.marks[i] & FlowCollector.TLS_HANDSHAKE) != 0) {
            return "tls";
        } else if (f.count[i] > 1) {
            return "fold";
        }
        return f.len[i] > 0 ? "data" : "ack";
    }

    /** What Wireshark's analysis flagged, as a label prefix: {@code [Retransmission]}, {@code [Dup ACK]}, {@code [ZeroWindow]}. */
    static String mark(FlowCollector f, int i) {
        int m = f.marks[i];
        StringBuilder sb = new StringBuilder();
        if ((m & FlowCollector.RETRANSMISSION) != 0) {
            sb.append("[Retransmission] ");
        }
        if ((m & FlowCollector.DUP_ACK) != 0) {
            sb.append("[Dup ACK] ");
        }
        if ((m & FlowCollector.ZERO_WINDOW) != 0) {
            sb.append("[ZeroWindow] ");
        }
        return sb.toString();
    }

    /** Whether the label is the upper layer's Info text (drawn bold). */
    static boolean upper(FlowCollector f, int i) {
        return f.count[i] == 1 && f.infoText[i] != null && !f.infoText[i].isBlank();
    }

    /** The label without its mark: Info text, flags (with the SYN options), or the folded run's counts. */
    static String label(FlowCollector f, int i) {
        if (f.count[i] > 1) {
            return f.count[i] + " segments, " + (f.len[i] + f.backBytes[i]) + " bytes";
        }
        if (upper(f, i)) {
            return f.infoText[i].strip();
        }
        String tcp = f.tcpLabel(i);
        return (f.flags[i] & FlowCollector.SYN) != 0 ? tcp + "  " + f.synOptions(i) : tcp;
    }

    /** The text right of the lifelines: Seq/Ack (after the flags when the label is the upper layer's); frames of a run. */
    static String comment(FlowCollector f, int i) {
        if (f.count[i] > 1) {
            return "frames " + f.frame[i] + "\u2013" + f.lastFrame[i] + "  from Seq = " + f.seq[i];
        }
        return upper(f, i) ? f.tcpLabel(i) + "  " + f.seqAck(i) : f.seqAck(i);
    }

    /** The tooltip: frame, stream, endpoints and the whole Info column; a run's segments and bytes each way. */
    static String title(FlowCollector f, int i) {
        String from = f.endpointName(f.srcEndpoint[i]);
        String to = f.endpointName(f.dstEndpoint[i]);
        if (f.count[i] > 1) {
            int ahead = f.count[i] - f.back[i];
            return "Frames " + f.frame[i] + "\u2013" + f.lastFrame[i] + ", stream " + f.stream[i] + ": " + f.count[i]
                    + " data/ACK segments folded into one arrow\n" + from + " \u2192 " + to + ": " + ahead + " segments, "
                    + f.len[i] + " bytes\n" + to + " \u2192 " + from + ": " + f.back[i] + " segments, " + f.backBytes[i] + " bytes";
        }
        String summary = f.summary[i] != null ? f.summary[i] : f.tcpLabel(i);
        return "Frame " + f.frame[i] + ", stream " + f.stream[i] + ": " + from + " \u2192 " + to + "\n" + mark(f, i) + summary
                + "\n" + f.seqAck(i) + (f.window[i] >= 0 ? " Win = " + f.window[i] : "");
    }
}
