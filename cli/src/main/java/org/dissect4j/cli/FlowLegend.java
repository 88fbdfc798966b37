package org.dissect4j.cli;

import java.util.Map;

/** The legend under the SVG ladder: arrow kinds, analysis marks, bands, and folded runs when there are some. */
final class FlowLegend {
    private static final String[][] KINDS = {{"syn", "SYN"}, {"tls", "TLS handshake"}, {"data", "data"}, {"ack", "ACK"},
        {"fin", "FIN"}, {"rst", "RST"}};
    private static final String[][] BANDS = {{"#e8f5e9", "3-way handshake"}, {"#f3e5f5", "TLS handshake"},
        {"#fff3e0", "teardown (FIN)"}, {"#ffebee", "teardown (RST)"}};

    private FlowLegend() {
    }

    /** The legend's height, from the top of its first line. */
    static final int HEIGHT = 60;
    /** Wide enough for its longest line (the arrow kinds). */
    static final int WIDTH = 760;

    /** Three lines from {@code y}: arrow kinds, analysis marks (and folded runs), bands. */
    static void draw(StringBuilder sb, int y, boolean folded, Map<String, String> colors) {
        sb.append("<g class=\"legend\">");
        int x = 12;
        for (String[] k : KINDS) {
            x = line(sb, x, y, colors.get(k[0]), "2", "", k[1]);
        }
        y += 22;
        x = line(sb, 12, y, FlowPicture.BLUE, "1.8", "7,4", "retransmission");
        x = line(sb, x, y, FlowPicture.GREY, "1.8", "2,3", "duplicate ACK");
        sb.append("<text class=\"mark\" x=\"").append(x).append("\" y=\"").append(y + 4).append("\">[ZeroWindow]</text>");
        sb.append("<text class=\"sub\" x=\"").append(x + 90).append("\" y=\"").append(y + 4).append("\">receiver window 0</text>");
        x += 210;
        if (folded) {
            line(sb, x, y, FlowPicture.SLATE, "3", "", "run of data/ACK segments folded");
        }
        int y2 = y + 22;
        x = 12;
        for (String[] b : BANDS) {
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(y2 - 8).append("\" width=\"28\" height=\"16\" fill=\"").append(b[0])
                    .append("\"/>");
            sb.append("<text class=\"sub\" x=\"").append(x + 34).append("\" y=\"").append(y2 + 4).append("\">").append(b[1]).append("</text>");
            x += 150;
        }
        sb.append("</g>\n");
    }

    /** A sample line and its name; returns the next x. */
    private static int line(StringBuilder sb, int x, int y, String color, String width, String dash, String name) {
        sb.append("<line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x + 28).append("\" y2=\"").append(y)
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(width).append('"')
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
        sb.append("<text class=\"sub\" x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">").append(name).append("</text>");
        return x + 34 + (int) Math.ceil(name.length() * 6.2) + 18;
    }
}
