package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row bands of the SVG ladder and their labels, per stream: the 3-way handshake (green, with the
 * iRTT), the TLS handshake (purple: version, full or resumed, session ID, where a resumed session came
 * from) and the teardown from the first FIN or RST (orange, red for a RST, with the kind of close); and
 * which endpoints are clients or servers. The lifecycle is {@link TcpLifecycle} fed with the drawn rows.
 */
final class FlowBands {
    private static final String HANDSHAKE_FILL = "#e8f5e9", TLS_FILL = "#f3e5f5", FIN_FILL = "#fff3e0", RST_FILL = "#ffebee";

    /** Per stream: its client and server endpoint and its lifecycle over the rows. */
    private record Stream(int client, int server, TcpLifecycle life) {
    }

    private final FlowCollector f;
    private final int[] rows;
    private final Map<Integer, Stream> streams = new LinkedHashMap<>();

    FlowBands(FlowCollector f, int[] rows) {
        this.f = f;
        this.rows = rows;
        Map<Integer, Integer> client = new LinkedHashMap<>();
        for (int r : rows) {
            int s = f.stream[r];
            int synAck = f.flags[r] & (FlowCollector.SYN | FlowCollector.ACK);
            if (!client.containsKey(s)) {
                client.put(s, synAck == (FlowCollector.SYN | FlowCollector.ACK) ? f.dstEndpoint[r] : f.srcEndpoint[r]);
            } else if (synAck == FlowCollector.SYN && !streams.containsKey(s)) {
                client.put(s, f.srcEndpoint[r]);
            }
        }
        for (int r : rows) {
            int c = client.get(f.stream[r]);
            int other = f.srcEndpoint[r] == c ? f.dstEndpoint[r] : f.srcEndpoint[r];
            Stream info = streams.computeIfAbsent(f.stream[r], k -> new Stream(c, other, new TcpLifecycle()));
            int side = f.srcEndpoint[r] == info.client() ? TcpLifecycle.CLIENT : TcpLifecycle.SERVER;
            info.life().segment(side, f.flags[r], f.seq[r], f.ack[r], f.len[r], f.frame[r], f.rel[r]);
        }
    }

    int streams() {
        return streams.size();
    }

    /** "handshake", "tls" or "teardown" for row {@code r}, or null. */
    private String group(int r) {
        Stream s = streams.get(f.stream[r]);
        TcpLifecycle l = s.life();
        long fr = f.frame[r];
        long hsStart = l.synFrame >= 0 ? l.synFrame : l.synAckFrame;
        long hsEnd = l.ackFrame >= 0 ? l.ackFrame : l.synAckFrame >= 0 ? l.synAckFrame : l.synFrame;
        if (hsStart >= 0 && fr >= hsStart && fr <= hsEnd && ((f.flags[r] & FlowCollector.SYN) != 0 || fr == l.ackFrame)) {
            return "handshake";
        }
        FlowTls.Session t = f.tls.get(f.stream[r]);
        if (t != null && fr >= t.firstFrame && fr <= t.lastFrame && (f.flags[r] & (FlowCollector.FIN | FlowCollector.RST)) == 0) {
            return "tls";
        }
        long td = l.teardownFrame();
        return td >= 0 && fr >= td ? "teardown" : null;
    }

    private String fill(int r, String group) {
        return switch (group) {
            case "handshake" -> HANDSHAKE_FILL;
            case "tls" -> TLS_FILL;
            default -> streams.get(f.stream[r]).life().firstRst >= 0 ? RST_FILL : FIN_FILL;
        };
    }

    /** The band behind each grouped row. */
    void draw(StringBuilder sb, FlowLayout l) {
        for (int k = 0; k < rows.length; k++) {
            String g = group(rows[k]);
            if (g != null) {
                sb.append("<rect class=\"band ").append(g).append("\" x=\"8\" y=\"").append(l.rowTop[k]).append("\" width=\"")
                        .append(l.width - 16).append("\" height=\"").append(l.rowTop[k + 1] - l.rowTop[k]).append("\" fill=\"")
                        .append(fill(rows[k], g)).append("\"/>\n");
            }
        }
    }

    /** The label of each group at its first row, left of the lifelines. */
    void labels(StringBuilder sb, FlowLayout l) {
        Set<String> done = new HashSet<>();
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            String g = group(r);
            if (g == null || !done.add(f.stream[r] + g)) {
                continue;
            }
            List<String> lines = lines(r, g);
            String color = g.equals("handshake") ? FlowPicture.GREEN : g.equals("tls") ? FlowPicture.PURPLE
                    : streams.get(f.stream[r]).life().firstRst >= 0 ? FlowPicture.RED : FlowPicture.ORANGE;
            sb.append("<g class=\"grouplabel ").append(g).append("\">");
            if (g.equals("tls")) {
                sb.append("<title>").append(ReportFormat.xml(tlsTitle(f.tls.get(f.stream[r])))).append("</title>");
            }
            sb.append("<rect x=\"8\" y=\"").append(l.rowTop[k]).append("\" width=\"4\" height=\"").append(l.rowTop[k + 1] - l.rowTop[k])
                    .append("\" fill=\"").append(color).append("\"/>");
            for (int j = 0; j < lines.size(); j++) {
                sb.append("<text class=\"group\" x=\"").append(FlowLayout.GROUP_X).append("\" y=\"").append(l.rowTop[k] + 12 + 12 * j)
                        .append("\" style=\"fill:").append(color).append("\">").append(ReportFormat.xml(lines.get(j))).append("</text>");
            }
            sb.append("</g>\n");
        }
    }

    private List<String> lines(int r, String g) {
        TcpLifecycle l = streams.get(f.stream[r]).life();
        List<String> lines = new ArrayList<>(3);
        if (g.equals("handshake")) {
            lines.add(l.handshakeComplete() ? "3-way handshake" : "handshake: " + l.handshake());
            if (l.initialRtt() >= 0) {
                lines.add("iRTT " + ReportFormat.fixed(l.initialRtt() / 1e6, 3) + " ms");
            }
        } else if (g.equals("tls")) {
            lines.addAll(tlsLines(f.tls.get(f.stream[r])));
        } else {
            lines.add("teardown: " + l.closeShort());
            if (l.firstRst < 0 && l.firstCloser >= 0) {
                lines.add((l.firstCloser == TcpLifecycle.CLIENT ? "client" : "server") + " closed first"
                        + (l.finFrame[0] >= 0 && l.finFrame[1] >= 0 && l.lastAckFrame < 0 ? ", no last ACK" : ""));
            }
        }
        return lines;
    }

    /** {@code TLS 1.2 resumed (Session ID)}, {@code session ID e83ce7de}, {@code original: stream 0, frame 6}. */
    static List<String> tlsLines(FlowTls.Session t) {
        List<String> lines = new ArrayList<>(3);
        String version = t.version != null ? t.version : "TLS";
        lines.add(t.version == null ? "TLS handshake (no ServerHello)"
                : t.resumed != null ? version + " resumed (" + t.resumed.replace(version + " ", "") + ")" : version + " full handshake");
        if (t.sessionId != null && !"TLS 1.3".equals(t.version)) {
            lines.add("session ID " + t.sessionId.substring(0, Math.min(8, t.sessionId.length())));
        }
        if (t.originFrame >= 0) {
            lines.add("original: " + (t.originStream >= 0 ? "stream " + t.originStream + ", " : "") + "frame " + t.originFrame);
        }
        return lines;
    }

    private static String tlsTitle(FlowTls.Session t) {
        List<String> lines = tlsLines(t);
        if (t.sessionId != null) {
            lines.add("session ID " + t.sessionId);
        }
        return String.join("\n", lines);
    }

    /** The longest label line, which sets the room left of the lifelines. */
    String longestLabel() {
        String longest = "";
        for (int k = 0; k < rows.length; k++) {
            String g = group(rows[k]);
            if (g != null) {
                for (String s : lines(rows[k], g)) {
                    longest = s.length() > longest.length() ? s : longest;
                }
            }
        }
        return longest;
    }

    /** "client", "server" (or both) for endpoints of streams whose SYN or SYN/ACK was seen. */
    String role(int endpoint) {
        boolean client = false;
        boolean server = false;
        for (Stream s : streams.values()) {
            if (s.life().synFrame >= 0 || s.life().synAckFrame >= 0) {
                client |= s.client() == endpoint;
                server |= s.server() == endpoint;
            }
        }
        return client && server ? "client / server" : client ? "client" : server ? "server" : null;
    }
}
