package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of one SVG ladder: which endpoints get a lifeline and where, how far apart neighbouring
 * lifelines are, how each row's label is wrapped and so how tall the row is, and where the Seq/Ack column
 * starts. Text is measured, not cut: each gap between neighbouring lifelines widens to the longest label
 * drawn across it (a label across several gaps shares them) up to {@link #MAX_GAP}; a longer label wraps
 * at ", " or spaces (a word longer than a line breaks inside) and its row grows. Gaps no label crosses
 * only keep the endpoint boxes apart.
 * Widths assume the monospace font the SVG asks for ({@link #CHAR} px per character at 11 px).
 */
final class FlowLayout {
    static final double CHAR = 6.7, SMALL_CHAR = 6.1;
    static final int TOP = 124, ROW = 30, LINE = 13, BOTTOM = 40 + FlowLegend.HEIGHT, GROUP_X = 162;
    private static final int MIN_GAP = 250, MAX_GAP = 520, BOX_GAP = 170, MIN_LEFT = 300, LABEL_PAD = 24, MIN_COMMENT = 200;

    /** The rows drawn (indices into the collector), top to bottom. */
    final int[] rows;
    /** Lane of each endpoint of the collector, or -1 when it has no lifeline here. */
    final int[] laneOf;
    /** The endpoints with a lifeline, left to right. */
    final int[] lanes;
    /** The x of each lifeline, left to right. */
    private final int[] laneXs;
    final int left;
    /** Per drawn row: its wrapped label lines, its top y. */
    final List<List<String>> labels = new ArrayList<>();
    final int[] rowTop;
    final int commentX;
    final int width;
    final int height;

    /**
     * @param rows the rows to draw
     * @param label each drawn row's label (one line), by position in {@code rows}
     * @param comments each drawn row's Seq/Ack text
     * @param groupText the longest group label (handshake, teardown, TLS) shown left of the lifelines
     * @param endpoints how many endpoints the collector has
     */
    FlowLayout(FlowCollector f, int[] rows, List<String> label, List<String> comments, String groupText, int endpoints) {
        this.rows = rows;
        laneOf = new int[endpoints];
        Arrays.fill(laneOf, -1);
        int[] order = new int[endpoints];
        int n = 0;
        for (int r : rows) {
            for (int e : new int[] {f.srcEndpoint[r], f.dstEndpoint[r]}) {
                if (laneOf[e] < 0) {
                    laneOf[e] = n;
                    order[n++] = e;
                }
            }
        }
        lanes = Arrays.copyOf(order, Math.max(n, 0));
        left = Math.max(MIN_LEFT, GROUP_X + (int) Math.ceil(groupText.length() * SMALL_CHAR) + 16);
        laneXs = laneXs(f, label);
        rowTop = new int[rows.length + 1];
        int y = TOP;
        for (int k = 0; k < rows.length; k++) {
            List<String> lines = wrap(label.get(k), (int) ((span(f, rows[k]) - 16) / CHAR));
            labels.add(lines);
            rowTop[k] = y;
            y += ROW + (lines.size() - 1) * LINE;
        }
        rowTop[rows.length] = y;
        int comment = MIN_COMMENT;
        for (String c : comments) {
            comment = Math.max(comment, (int) Math.ceil(c.length() * CHAR) + 20);
        }
        commentX = (lanes.length == 0 ? left : laneXs[lanes.length - 1]) + MIN_GAP / 2 + 10;
        width = Math.max(FlowLegend.WIDTH, commentX + comment);
        height = y + BOTTOM;
    }

    /** Lifeline positions: each gap wide enough for the labels across it on one line, within BOX_GAP..MAX_GAP. */
    private int[] laneXs(FlowCollector f, List<String> label) {
        int gaps = Math.max(0, lanes.length - 1);
        double[] gap = new double[gaps];
        Arrays.fill(gap, BOX_GAP);
        // labels across one gap first, then those across several share the deficit among their gaps
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < rows.length; k++) {
                int a = laneOf[f.srcEndpoint[rows[k]]];
                int b = laneOf[f.dstEndpoint[rows[k]]];
                int lo = Math.min(a, b);
                int n = Math.abs(b - a);
                if (n == 0 || (n == 1) != (pass == 0)) {
                    continue;
                }
                double need = Math.max(MIN_GAP * n, label.get(k).length() * CHAR + LABEL_PAD);
                double have = 0;
                for (int g = lo; g < lo + n; g++) {
                    have += gap[g];
                }
                for (int g = lo; g < lo + n && have < need; g++) {
                    gap[g] = Math.min(MAX_GAP, gap[g] + (need - have) / n);
                }
            }
        }
        int[] xs = new int[lanes.length];
        int x = left + MIN_GAP / 2;
        for (int k = 0; k < lanes.length; k++) {
            xs[k] = x;
            x += k < gaps ? (int) Math.ceil(gap[k]) : 0;
        }
        return xs;
    }

    /** Room for the label of row {@code r}: the distance between its lifelines (a gap for a loop). */
    private double span(FlowCollector f, int r) {
        return Math.max(MIN_GAP, Math.abs(laneX(f.dstEndpoint[r]) - laneX(f.srcEndpoint[r])));
    }

    int laneX(int endpoint) {
        return laneXs[laneOf[endpoint]];
    }

    /** The arrow's y in drawn row {@code k}: under the label's lines. */
    int arrowY(int k) {
        return rowTop[k + 1] - ROW + 19;
    }

    /** Breaks {@code text} into lines of at most {@code max} characters, at ", " or spaces where it can. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        int limit = Math.max(8, max);
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= 0) {
                cut = limit;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
