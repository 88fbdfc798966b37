package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws rows of a {@link FlowCollector} as a standalone SVG ladder (call-flow) diagram, like Wireshark's
 * Flow Graph: one lifeline per endpoint (address:port, client and server marked), one arrow per row in
 * time order with a {@code <title>} tooltip carrying the segment's whole summary, labelled as Wireshark
 * labels it (flags, with MSS/WS/SACK_PERM/Win on SYNs; the Info text, e.g. {@code Client Hello}, for
 * segments an upper layer claimed), the frame number and time on the left, Seq/Ack on the right. Bands:
 * each 3-way handshake green (with its iRTT), each TLS handshake purple (version, full or resumed, the
 * session ID and where a resumed session came from), each teardown orange (red when a RST ended it).
 * Arrows are coloured by kind; retransmissions dashed, duplicate ACKs dotted, analysis marks written
 * before the label. Plain SVG 1.1 with inline styles: it opens as is in a browser.
 */
final class FlowPicture {
    static final String GREEN = "#2e7d32", BLUE = "#1565c0", GREY = "#78909c", ORANGE = "#e65100", RED = "#c62828",
            PURPLE = "#6a1b9a", SLATE = "#37474f";
    private static final Map<String, String> COLORS = new LinkedHashMap<>();

    static {
        COLORS.put("syn", GREEN);
        COLORS.put("tls", PURPLE);
        COLORS.put("data", BLUE);
        COLORS.put("ack", GREY);
        COLORS.put("fin", ORANGE);
        COLORS.put("rst", RED);
        COLORS.put("fold", SLATE);
    }

    private final FlowCollector f;
    private final FlowLayout layout;
    private final FlowBands bands;
    private final String title;
    private final List<String> notes;

    /**
     * @param rows the rows to draw (all kept, or one stream's)
     * @param notes lines under the title: what was folded or left out
     */
    FlowPicture(FlowCollector f, int[] rows, String title, List<String> notes) {
        this.f = f;
        this.title = title;
        this.notes = notes;
        this.bands = new FlowBands(f, rows);
        List<String> labels = new ArrayList<>(rows.length);
        List<String> comments = new ArrayList<>(rows.length);
        for (int r : rows) {
            labels.add(FlowRows.mark(f, r) + FlowRows.label(f, r));
            comments.add(FlowRows.comment(f, r));
        }
        this.layout = new FlowLayout(f, rows, labels, comments, bands.longestLabel(), f.endpoints.size());
    }

    String render() {
        FlowLayout l = layout;
        StringBuilder sb = new StringBuilder(4096 + l.rows.length * 900);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(l.width).append("\" height=\"")
                .append(l.height).append("\" viewBox=\"0 0 ").append(l.width).append(' ').append(l.height).append("\">\n");
        sb.append("<title>TCP flow: ").append(ReportFormat.xml(title)).append("</title>\n");
        sb.append("<style>\n")
                .append("text{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:11px;fill:#263238}\n")
                .append(".title{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:15px;font-weight:bold}\n")
                .append(".sub{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:11px;fill:#546e7a}\n")
                .append(".ep{font-weight:bold;font-size:12px}\n.role{font-size:10px;fill:#546e7a}\n")
                .append(".time{fill:#37474f}\n.frame{fill:#90a4ae}\n.cmt{fill:#546e7a}\n")
                .append(".upper{font-weight:bold}\n.group{font-size:10px;font-style:italic}\n.mark{fill:" + RED + ";font-weight:bold}\n")
                .append("</style>\n");
        defs(sb);
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(l.width).append("\" height=\"").append(l.height)
                .append("\" fill=\"#ffffff\"/>\n");
        header(sb);
        bands.draw(sb, l);
        lifelines(sb);
        bands.labels(sb, l);
        boolean several = bands.streams() > 1;
        for (int k = 0; k < l.rows.length; k++) {
            arrow(k, sb, several);
        }
        FlowLegend.draw(sb, l.height - FlowLegend.HEIGHT - 10, f.folded(), COLORS);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private void header(StringBuilder sb) {
        FlowLayout l = layout;
        int top = FlowLayout.TOP;
        sb.append("<text class=\"title\" x=\"12\" y=\"24\">TCP flow: ").append(ReportFormat.xml(title)).append("</text>\n");
        long segments = 0;
        for (int r : l.rows) {
            segments += f.count[r];
        }
        String sub = segments + " segment" + (segments == 1 ? "" : "s") + (segments != l.rows.length ? " in " + l.rows.length + " arrows" : "")
                + ", " + bands.streams() + " stream" + (bands.streams() == 1 ? "" : "s") + ", " + l.lanes.length + " endpoint"
                + (l.lanes.length == 1 ? "" : "s") + "; Seq/Ack " + (f.relative ? "relative to each side's ISN"
                : "absolute (tcp.relative_sequence_numbers: FALSE)");
        sb.append("<text class=\"sub\" x=\"12\" y=\"42\">").append(ReportFormat.xml(sub)).append("</text>\n");
        for (int k = 0; k < notes.size() && k < 2; k++) {
            sb.append("<text class=\"sub\" x=\"12\" y=\"").append(56 + 12 * k).append("\" style=\"fill:").append(RED).append("\">")
                    .append(ReportFormat.xml(notes.get(k))).append("</text>\n");
        }
        sb.append("<text class=\"sub\" x=\"12\" y=\"").append(top - 8).append("\">frame</text>\n");
        sb.append("<text class=\"sub\" x=\"52\" y=\"").append(top - 8).append("\">time</text>\n");
        if (bands.streams() > 1) {
            sb.append("<text class=\"sub\" x=\"124\" y=\"").append(top - 8).append("\">stream</text>\n");
        }
        sb.append("<text class=\"sub\" x=\"").append(l.commentX).append("\" y=\"").append(top - 8).append("\">")
                .append(f.relative ? "relative" : "absolute").append(" Seq/Ack</text>\n");
    }

    private void lifelines(StringBuilder sb) {
        FlowLayout l = layout;
        int top = FlowLayout.TOP;
        int bottom = l.rowTop[l.rows.length] + 6;
        for (int e : l.lanes) {
            int x = l.laneX(e);
            String name = f.endpointName(e);
            int w = Math.max(120, (int) Math.ceil(name.length() * 7.4) + 16);
            sb.append("<g class=\"lifeline\">");
            sb.append("<line x1=\"").append(x).append("\" y1=\"").append(top - 20).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(bottom).append("\" stroke=\"#b0bec5\" stroke-width=\"1.5\" stroke-dasharray=\"5,4\"/>");
            sb.append("<rect x=\"").append(x - w / 2).append("\" y=\"").append(top - 44).append("\" width=\"").append(w)
                    .append("\" height=\"24\" rx=\"4\" fill=\"#eceff1\" stroke=\"#90a4ae\"/>");
            sb.append("<text class=\"ep\" x=\"").append(x).append("\" y=\"").append(top - 28).append("\" text-anchor=\"middle\">")
                    .append(ReportFormat.xml(name)).append("</text>");
            String role = bands.role(e);
            if (role != null) {
                sb.append("<text class=\"role\" x=\"").append(x).append("\" y=\"").append(top - 50)
                        .append("\" text-anchor=\"middle\">").append(role).append("</text>");
            }
            sb.append("</g>\n");
        }
    }

    private void arrow(int k, StringBuilder sb, boolean several) {
        FlowLayout l = layout;
        int i = l.rows[k];
        int y = l.arrowY(k);
        int x1 = l.laneX(f.srcEndpoint[i]);
        int x2 = l.laneX(f.dstEndpoint[i]);
        String kind = FlowRows.kind(f, i);
        String color = COLORS.get(kind);
        sb.append("<g class=\"segment ").append(kind).append(markClasses(i)).append("\" data-frame=\"").append(f.frame[i]).append("\">");
        sb.append("<title>").append(ReportFormat.xml(FlowRows.title(f, i))).append("</title>");
        sb.append("<text class=\"frame\" x=\"12\" y=\"").append(y + 4).append("\">").append(f.frame[i]).append("</text>");
        sb.append("<text class=\"time\" x=\"52\" y=\"").append(y + 4).append("\">").append(ReportFormat.xml(f.time[i])).append("</text>");
        if (several) {
            sb.append("<text class=\"frame\" x=\"124\" y=\"").append(y + 4).append("\">").append(f.stream[i]).append("</text>");
        }
        String dash = (f.marks[i] & FlowCollector.RETRANSMISSION) != 0 ? " stroke-dasharray=\"7,4\""
                : (f.marks[i] & FlowCollector.DUP_ACK) != 0 ? " stroke-dasharray=\"2,3\"" : "";
        String start = kind.equals("fold") && f.back[i] > 0 ? " marker-start=\"url(#tail-fold)\"" : "";
        if (x1 == x2) {
            // a segment between two ports of one host address drawn as a loop on its lifeline
            sb.append("<path d=\"M").append(x1).append(',').append(y - 6).append(" h40 v12 h-36\" fill=\"none\" stroke=\"")
                    .append(color).append("\" stroke-width=\"1.6\"").append(dash).append(" marker-end=\"url(#head-").append(kind)
                    .append(")\"/>");
        } else {
            int tip = x2 > x1 ? x2 - 2 : x2 + 2;
            String width = kind.equals("ack") ? "1.2" : kind.equals("fold") ? "3" : "1.8";
            sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(tip).append("\" y2=\"")
                    .append(y).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(width).append('"').append(dash)
                    .append(start).append(" marker-end=\"url(#head-").append(kind).append(")\"/>");
        }
        label(k, i, x1, x2, y, sb);
        sb.append("<text class=\"cmt\" x=\"").append(l.commentX).append("\" y=\"").append(y + 4).append("\">")
                .append(ReportFormat.xml(FlowRows.comment(f, i))).append("</text>");
        sb.append("</g>\n");
    }

    /** The label's lines above the arrow; the analysis mark (first line) in red. */
    private void label(int k, int i, int x1, int x2, int y, StringBuilder sb) {
        List<String> lines = layout.labels.get(k);
        String mark = FlowRows.mark(f, i);
        int mid = x1 == x2 ? x1 + 60 : (x1 + x2) / 2;
        String anchor = x1 == x2 ? "start" : "middle";
        for (int j = 0; j < lines.size(); j++) {
            String line = lines.get(j);
            int ly = y - 5 - (lines.size() - 1 - j) * FlowLayout.LINE;
            sb.append("<text").append(FlowRows.upper(f, i) ? " class=\"upper\"" : "").append(" x=\"").append(mid).append("\" y=\"")
                    .append(ly).append("\" text-anchor=\"").append(anchor).append("\">");
            if (j == 0 && !mark.isEmpty() && line.startsWith(mark.strip())) {
                String m = mark.strip();
                sb.append("<tspan class=\"mark\">").append(ReportFormat.xml(m)).append("</tspan>")
                        .append(ReportFormat.xml(line.substring(m.length())));
            } else {
                sb.append(ReportFormat.xml(line));
            }
            sb.append("</text>");
        }
    }

    private String markClasses(int i) {
        int m = f.marks[i];
        return ((m & FlowCollector.RETRANSMISSION) != 0 ? " retransmission" : "") + ((m & FlowCollector.DUP_ACK) != 0 ? " dup-ack" : "")
                + ((m & FlowCollector.ZERO_WINDOW) != 0 ? " zero-window" : "");
    }

    private static void defs(StringBuilder sb) {
        sb.append("<defs>\n");
        // marker sizes scale with the stroke: the thick folded arrow gets a smaller one
        for (Map.Entry<String, String> k : COLORS.entrySet()) {
            String size = k.getKey().equals("fold") ? "4" : "7";
            sb.append("<marker id=\"head-").append(k.getKey()).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"")
                    .append(size).append("\" markerHeight=\"").append(size).append("\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                    .append(k.getValue()).append("\"/></marker>\n");
        }
        sb.append("<marker id=\"tail-fold\" viewBox=\"0 0 10 10\" refX=\"1\" refY=\"5\" markerWidth=\"4\" markerHeight=\"4\" ")
                .append("orient=\"auto\"><path d=\"M10,0 L0,5 L10,10 z\" fill=\"").append(SLATE).append("\"/></marker>\n");
        sb.append("</defs>\n");
    }
}
