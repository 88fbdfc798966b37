package org.dissect4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/**
 * {@code --flow FILE.svg}: the TCP segments as a standalone SVG ladder (call-flow) diagram, like
 * Wireshark's Flow Graph: one lifeline per endpoint (address:port, client and server marked), one
 * arrow per segment in time order labelled as Wireshark labels it ({@code SYN},
 * {@code PSH, ACK - Len: 23}; the Info text, e.g. {@code Client Hello} or
 * {@code GET /index.html HTTP/1.1}, for segments an upper layer claimed), the frame number and time
 * on the left, the relative Seq/Ack on the right. The rows of each 3-way handshake are banded green
 * and those of each teardown orange (red when a RST ended it), labelled with the handshake's iRTT
 * and the kind of close; arrows are coloured by kind (SYN, data, ACK, FIN, RST). Plain SVG 1.1 with
 * inline styles: it opens as is in a browser.
 */
final class FlowSvg implements Sink {
    private static final int LEFT = 300, LANE = 250, COMMENT = 330, GROUP_X = 162, TOP = 96, ROW = 30, BOTTOM = 70;
    private static final double CHAR = 6.7;
    private static final String GREEN = "#2e7d32", BLUE = "#1565c0", GREY = "#78909c", ORANGE = "#e65100", RED = "#c62828";

    private final PrintStream stream;
    private final Path file;
    private final String title;
    private final FlowCollector flow;

    /** Writes the SVG to {@code out} at the end. */
    FlowSvg(PrintStream out, String title, Columns columns, FieldsSink.DigitsSource digits) {
        this.stream = out;
        this.file = null;
        this.title = title;
        this.flow = new FlowCollector(columns, digits, true);
    }

    /** Writes the SVG to {@code file} at the end ({@code --flow FILE.svg}); {@code title} names the capture. */
    FlowSvg(Path file, String title, Columns columns, FieldsSink.DigitsSource digits) {
        this.stream = null;
        this.file = file;
        this.title = title;
        this.flow = new FlowCollector(columns, digits, true);
    }

    @Override
    public void prime(Engine engine) {
        flow.prime(engine);
    }

    @Override
    public void packet(Frame frame, Packet p) {
        flow.packet(frame, p);
    }

    @Override
    public void finish() throws IOException {
        String svg = render();
        if (file != null) {
            try (OutputStream os = Files.newOutputStream(file)) {
                os.write(svg.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            stream.print(svg);
            stream.flush();
        }
    }

    /** Per stream: its client endpoint and its lifecycle (handshake and close) over the segments. */
    private record StreamInfo(int client, int server, TcpLifecycle life) {
    }

    String render() {
        FlowCollector f = flow;
        int lanes = Math.max(1, f.endpoints.size());
        Map<Integer, StreamInfo> streams = streams(f);
        int width = LEFT + lanes * LANE + COMMENT;
        int height = TOP + Math.max(1, f.size) * ROW + BOTTOM;
        StringBuilder sb = new StringBuilder(4096 + f.size * 700);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        sb.append("<title>TCP flow: ").append(ReportFormat.xml(title)).append("</title>\n");
        sb.append("<style>\n")
                .append("text{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:11px;fill:#263238}\n")
                .append(".title{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:15px;font-weight:bold}\n")
                .append(".sub{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:11px;fill:#546e7a}\n")
                .append(".ep{font-weight:bold;font-size:12px}\n.role{font-size:10px;fill:#546e7a}\n")
                .append(".time{fill:#37474f}\n.frame{fill:#90a4ae}\n.cmt{fill:#546e7a}\n")
                .append(".upper{font-weight:bold}\n.group{font-size:10px;font-style:italic}\n")
                .append("</style>\n");
        defs(sb);
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        sb.append("<text class=\"title\" x=\"12\" y=\"24\">TCP flow: ").append(ReportFormat.xml(title)).append("</text>\n");
        sb.append("<text class=\"sub\" x=\"12\" y=\"42\">").append(f.size).append(" segment").append(f.size == 1 ? "" : "s")
                .append(", ").append(streams.size()).append(" stream").append(streams.size() == 1 ? "" : "s").append(", ")
                .append(f.endpoints.size()).append(" endpoint").append(f.endpoints.size() == 1 ? "" : "s").append("</text>\n");
        // column titles
        sb.append("<text class=\"sub\" x=\"12\" y=\"").append(TOP - 8).append("\">frame</text>\n");
        sb.append("<text class=\"sub\" x=\"52\" y=\"").append(TOP - 8).append("\">time</text>\n");
        if (streams.size() > 1) {
            sb.append("<text class=\"sub\" x=\"124\" y=\"").append(TOP - 8).append("\">stream</text>\n");
        }
        sb.append("<text class=\"sub\" x=\"").append(LEFT + lanes * LANE + 10).append("\" y=\"").append(TOP - 8)
                .append("\">relative Seq/Ack</text>\n");

        // row bands: handshake (green) and teardown (orange, red for RST)
        for (int i = 0; i < f.size; i++) {
            String band = band(f, i, streams.get(f.stream[i]));
            if (band != null) {
                sb.append("<rect class=\"band\" x=\"8\" y=\"").append(TOP + i * ROW).append("\" width=\"").append(width - 16)
                        .append("\" height=\"").append(ROW).append("\" fill=\"").append(band).append("\"/>\n");
            }
        }
        // lifelines and their headers
        int bottom = TOP + f.size * ROW + 6;
        for (int e = 0; e < f.endpoints.size(); e++) {
            int x = laneX(e);
            String name = f.endpointName(e);
            int w = Math.max(120, (int) Math.ceil(name.length() * 7.4) + 16);
            sb.append("<g class=\"lifeline\">");
            sb.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 20).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(bottom).append("\" stroke=\"#b0bec5\" stroke-width=\"1.5\" stroke-dasharray=\"5,4\"/>");
            sb.append("<rect x=\"").append(x - w / 2).append("\" y=\"").append(TOP - 44).append("\" width=\"").append(w)
                    .append("\" height=\"24\" rx=\"4\" fill=\"#eceff1\" stroke=\"#90a4ae\"/>");
            sb.append("<text class=\"ep\" x=\"").append(x).append("\" y=\"").append(TOP - 28).append("\" text-anchor=\"middle\">")
                    .append(ReportFormat.xml(name)).append("</text>");
            String role = role(e, streams);
            if (role != null) {
                sb.append("<text class=\"role\" x=\"").append(x).append("\" y=\"").append(TOP - 50)
                        .append("\" text-anchor=\"middle\">").append(role).append("</text>");
            }
            sb.append("</g>\n");
        }
        // group labels (first rows of each handshake and teardown)
        groupLabels(f, streams, sb);
        // arrows
        for (int i = 0; i < f.size; i++) {
            arrow(f, i, sb, streams.size() > 1);
        }
        legend(sb, height - BOTTOM + 24);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static int laneX(int endpoint) {
        return LEFT + endpoint * LANE + LANE / 2;
    }

    private static Map<Integer, StreamInfo> streams(FlowCollector f) {
        Map<Integer, StreamInfo> m = new HashMap<>();
        Map<Integer, Integer> client = new HashMap<>();
        for (int i = 0; i < f.size; i++) {
            int s = f.stream[i];
            boolean syn = (f.flags[i] & (FlowCollector.SYN | FlowCollector.ACK)) == FlowCollector.SYN;
            boolean synAck = (f.flags[i] & (FlowCollector.SYN | FlowCollector.ACK)) == (FlowCollector.SYN | FlowCollector.ACK);
            if (!client.containsKey(s)) {
                client.put(s, synAck ? f.dstEndpoint[i] : f.srcEndpoint[i]);
            } else if (syn && !m.containsKey(s)) {
                client.put(s, f.srcEndpoint[i]);
            }
        }
        for (int i = 0; i < f.size; i++) {
            int s = f.stream[i];
            int c = client.get(s);
            int other = f.srcEndpoint[i] == c ? f.dstEndpoint[i] : f.srcEndpoint[i];
            StreamInfo info = m.computeIfAbsent(s, k -> new StreamInfo(c, other, new TcpLifecycle()));
            int side = f.srcEndpoint[i] == info.client() ? TcpLifecycle.CLIENT : TcpLifecycle.SERVER;
            info.life().segment(side, f.flags[i], f.seq[i], f.ack[i], f.len[i], f.frame[i], f.rel[i]);
        }
        return m;
    }

    /** "handshake" or "teardown" for row {@code i}, or null. */
    private static String group(FlowCollector f, int i, StreamInfo s) {
        if (s == null) {
            return null;
        }
        TcpLifecycle l = s.life();
        long fr = f.frame[i];
        long hsStart = l.synFrame >= 0 ? l.synFrame : l.synAckFrame;
        long hsEnd = l.ackFrame >= 0 ? l.ackFrame : l.synAckFrame >= 0 ? l.synAckFrame : l.synFrame;
        if (hsStart >= 0 && fr >= hsStart && fr <= hsEnd && ((f.flags[i] & FlowCollector.SYN) != 0 || fr == l.ackFrame)) {
            return "handshake";
        }
        long td = l.teardownFrame();
        if (td >= 0 && fr >= td) {
            return "teardown";
        }
        return null;
    }

    private static String band(FlowCollector f, int i, StreamInfo s) {
        String g = group(f, i, s);
        if (g == null) {
            return null;
        }
        if (g.equals("handshake")) {
            return "#e8f5e9";
        }
        return s.life().firstRst >= 0 ? "#ffebee" : "#fff3e0";
    }

    private static void groupLabels(FlowCollector f, Map<Integer, StreamInfo> streams, StringBuilder sb) {
        Map<String, Boolean> done = new HashMap<>();
        for (int i = 0; i < f.size; i++) {
            StreamInfo s = streams.get(f.stream[i]);
            String g = group(f, i, s);
            if (g == null || done.putIfAbsent(f.stream[i] + g, true) != null) {
                continue;
            }
            TcpLifecycle l = s.life();
            String line1;
            String line2;
            String color;
            if (g.equals("handshake")) {
                line1 = l.handshakeComplete() ? "3-way handshake" : "handshake: " + l.handshake();
                line2 = l.initialRtt() >= 0 ? "iRTT " + ReportFormat.fixed(l.initialRtt() / 1e6, 3) + " ms" : "";
                color = GREEN;
            } else {
                line1 = "teardown: " + l.closeShort();
                line2 = l.firstRst >= 0 || l.firstCloser < 0 ? ""
                        : (l.firstCloser == TcpLifecycle.CLIENT ? "client" : "server") + " closed first"
                        + (l.finFrame[0] >= 0 && l.finFrame[1] >= 0 && l.lastAckFrame < 0 ? ", no last ACK" : "");
                color = l.firstRst >= 0 ? RED : ORANGE;
            }
            int y = TOP + i * ROW + 12;
            sb.append("<g class=\"grouplabel\"><rect x=\"8\" y=\"").append(TOP + i * ROW).append("\" width=\"4\" height=\"")
                    .append(ROW).append("\" fill=\"").append(color).append("\"/>");
            sb.append("<text class=\"group\" x=\"").append(GROUP_X).append("\" y=\"").append(y)
                    .append("\" style=\"fill:").append(color).append("\">").append(ReportFormat.xml(line1)).append("</text>");
            if (!line2.isEmpty()) {
                sb.append("<text class=\"group\" x=\"").append(GROUP_X).append("\" y=\"").append(y + 12).append("\" style=\"fill:")
                        .append(color).append("\">").append(ReportFormat.xml(line2)).append("</text>");
            }
            sb.append("</g>\n");
        }
    }

    /** "client", "server" (or both) for endpoints of streams whose SYN or SYN/ACK was seen. */
    private static String role(int endpoint, Map<Integer, StreamInfo> streams) {
        boolean client = false;
        boolean server = false;
        for (StreamInfo s : streams.values()) {
            if (s.life().synFrame >= 0 || s.life().synAckFrame >= 0) {
                client |= s.client() == endpoint;
                server |= s.server() == endpoint;
            }
        }
        return client && server ? "client / server" : client ? "client" : server ? "server" : null;
    }

    private void arrow(FlowCollector f, int i, StringBuilder sb, boolean several) {
        int y = TOP + i * ROW + 19;
        int x1 = laneX(f.srcEndpoint[i]);
        int x2 = laneX(f.dstEndpoint[i]);
        int fl = f.flags[i];
        String kind;
        String color;
        if ((fl & FlowCollector.RST) != 0) {
            kind = "rst";
            color = RED;
        } else if ((fl & FlowCollector.SYN) != 0) {
            kind = "syn";
            color = GREEN;
        } else if ((fl & FlowCollector.FIN) != 0) {
            kind = "fin";
            color = ORANGE;
        } else if (f.len[i] > 0) {
            kind = "data";
            color = BLUE;
        } else {
            kind = "ack";
            color = GREY;
        }
        boolean upper = f.infoText[i] != null && !f.infoText[i].isBlank();
        String label = upper ? f.infoText[i].strip() : f.tcpLabel(i);
        String comment = upper ? f.tcpLabel(i) + "  " + f.seqAck(i) : f.seqAck(i);
        sb.append("<g class=\"segment ").append(kind).append("\" data-frame=\"").append(f.frame[i]).append("\">");
        // left columns: frame number, time (and stream when there are several)
        sb.append("<text class=\"frame\" x=\"12\" y=\"").append(y + 4).append("\">").append(f.frame[i]).append("</text>");
        sb.append("<text class=\"time\" x=\"52\" y=\"").append(y + 4).append("\">").append(ReportFormat.xml(f.time[i]))
                .append("</text>");
        if (several) {
            sb.append("<text class=\"frame\" x=\"124\" y=\"").append(y + 4).append("\">").append(f.stream[i]).append("</text>");
        }
        if (x1 == x2) {
            // a segment between two ports of one host address drawn as a loop on its lifeline
            sb.append("<path d=\"M").append(x1).append(',').append(y - 6).append(" h40 v12 h-36\" fill=\"none\" stroke=\"")
                    .append(color).append("\" stroke-width=\"1.6\" marker-end=\"url(#head-").append(kind).append(")\"/>");
        } else {
            int tip = x2 > x1 ? x2 - 2 : x2 + 2;
            sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(tip).append("\" y2=\"")
                    .append(y).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(kind.equals("ack") ? "1.2" : "1.8")
                    .append("\" marker-end=\"url(#head-").append(kind).append(")\"/>");
        }
        int span = Math.max(LANE, Math.abs(x2 - x1)) - 16;
        int max = (int) (span / CHAR);
        if (label.length() > max) {
            label = label.substring(0, Math.max(1, max - 1)) + "\u2026";
        }
        int mid = x1 == x2 ? x1 + 60 : (x1 + x2) / 2;
        sb.append("<text").append(upper ? " class=\"upper\"" : "").append(" x=\"").append(mid).append("\" y=\"").append(y - 5)
                .append("\" text-anchor=\"").append(x1 == x2 ? "start" : "middle").append("\">").append(ReportFormat.xml(label))
                .append("</text>");
        sb.append("<text class=\"cmt\" x=\"").append(LEFT + flow.endpoints.size() * LANE + 10).append("\" y=\"").append(y + 4)
                .append("\">").append(ReportFormat.xml(comment)).append("</text>");
        sb.append("</g>\n");
    }

    private static void defs(StringBuilder sb) {
        sb.append("<defs>\n");
        String[][] kinds = {{"syn", GREEN}, {"data", BLUE}, {"ack", GREY}, {"fin", ORANGE}, {"rst", RED}};
        for (String[] k : kinds) {
            sb.append("<marker id=\"head-").append(k[0]).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
                    .append("markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(k[1]).append("\"/></marker>\n");
        }
        sb.append("</defs>\n");
    }

    private static void legend(StringBuilder sb, int y) {
        String[][] items = {{"SYN", GREEN}, {"data", BLUE}, {"ACK", GREY}, {"FIN", ORANGE}, {"RST", RED}};
        int x = 12;
        sb.append("<g class=\"legend\">");
        for (String[] it : items) {
            sb.append("<line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x + 28).append("\" y2=\"")
                    .append(y).append("\" stroke=\"").append(it[1]).append("\" stroke-width=\"2\"/>");
            sb.append("<text class=\"sub\" x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">").append(it[0]).append("</text>");
            x += 90;
        }
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 8).append("\" width=\"28\" height=\"16\" fill=\"#e8f5e9\"/>");
        sb.append("<text class=\"sub\" x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">3-way handshake</text>");
        x += 150;
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 8).append("\" width=\"28\" height=\"16\" fill=\"#fff3e0\"/>");
        sb.append("<text class=\"sub\" x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">teardown (FIN)</text>");
        x += 140;
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 8).append("\" width=\"28\" height=\"16\" fill=\"#ffebee\"/>");
        sb.append("<text class=\"sub\" x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">teardown (RST)</text>");
        sb.append("</g>\n");
    }
}
