package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.dissect4j.cli.HandshakeCollector.Conn;
import org.dissect4j.cli.HandshakeCollector.Tls;

/**
 * {@code --handshakes} as text: the count of connections, an overview table (stream, endpoints, handshake,
 * iRTT, close, payload bytes each way, duration), then a block per connection with the frames of its
 * handshake and close, each side's SYN options and, when seen, its TLS handshake.
 */
final class HandshakeText {
    private static final int CLIENT = TcpLifecycle.CLIENT, SERVER = TcpLifecycle.SERVER;

    private HandshakeText() {
    }

    /** The whole report as one string (tests, small captures). */
    static String render(List<Conn> order) {
        StringBuilder all = new StringBuilder();
        render(order, all::append);
        return all.toString();
    }

    /**
     * Writes the report piece by piece: a row of the overview or a connection's block at a time, so the
     * report never exists whole in memory (a first pass over the connections measures the columns).
     */
    static void render(List<Conn> order, java.util.function.Consumer<CharSequence> out) {
        StringBuilder sb = new StringBuilder(1024);
        int complete = 0;
        for (Conn c : order) {
            complete += c.life.handshakeComplete() ? 1 : 0;
        }
        sb.append("TCP connections: ").append(order.size()).append(" (").append(complete)
                .append(" with a complete 3-way handshake)\n");
        if (order.isEmpty()) {
            out.accept(sb);
            return;
        }
        sb.append('\n');
        String[] head = {"Stream", "Client", "Server", "Handshake", "iRTT", "Close", "C->S", "S->C", "Duration"};
        boolean[] right = {true, false, false, false, true, false, true, true, true};
        int[] w = new int[head.length];
        for (int k = 0; k < head.length; k++) {
            w[k] = head[k].length();
        }
        for (Conn c : order) {
            String[] r = cells(c);
            for (int k = 0; k < head.length; k++) {
                w[k] = Math.max(w[k], r[k].length());
            }
        }
        row(sb, head, w, right);
        String[] rule = new String[head.length];
        for (int k = 0; k < head.length; k++) {
            rule[k] = "-".repeat(w[k]);
        }
        row(sb, rule, w, right);
        for (Conn c : order) {
            row(sb, cells(c), w, right);
            flush(sb, out);
        }
        sb.append("(C->S, S->C: TCP payload bytes each way, retransmissions included; Duration: first to last segment, in seconds)\n");
        for (Conn c : order) {
            block(c, sb);
            flush(sb, out);
        }
        out.accept(sb);
    }

    private static void flush(StringBuilder sb, java.util.function.Consumer<CharSequence> out) {
        if (sb.length() >= 8192) {
            out.accept(sb);
            sb.setLength(0);
        }
    }

    private static String[] cells(Conn c) {
        long irtt = c.life.initialRtt();
        return new String[] {Integer.toString(c.stream), endpoint(c.client, c.clientPort),
            endpoint(c.server, c.serverPort), c.life.handshake(), irtt >= 0 ? millis(irtt) : "-",
            c.life.closeShort(), bytes(c.bytes[CLIENT]), bytes(c.bytes[SERVER]), seconds(c.lastTime - c.firstTime)};
    }

    private static void row(StringBuilder sb, String[] cells, int[] w, boolean[] right) {
        int start = sb.length();
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                sb.append("  ");
            }
            if (right[k]) {
                ReportFormat.padLeft(sb, cells[k], w[k]);
            } else {
                ReportFormat.padRight(sb, cells[k], w[k]);
            }
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static void block(Conn c, StringBuilder sb) {
        TcpLifecycle l = c.life;
        sb.append("\nStream ").append(c.stream).append(": ").append(endpoint(c.client, c.clientPort)).append(" -> ")
                .append(endpoint(c.server, c.serverPort));
        if (!c.rolesKnown) {
            sb.append("  (no SYN seen: client is the sender of the first segment)");
        }
        sb.append('\n');
        item(sb, "frames", "#" + c.firstFrame + " to #" + c.lastFrame + ", starting at " + seconds(c.firstRel) + " s, lasting "
                + seconds(c.lastTime - c.firstTime) + " s");
        item(sb, "handshake", handshake(l));
        if (l.initialRtt() >= 0) {
            item(sb, "iRTT", millis(l.initialRtt()) + (l.ackCarriedData ? " (the ACK carried data)" : ""));
        }
        String part = seen(l);
        if (part != null) {
            item(sb, "captured", part);
        }
        item(sb, "client SYN", c.opts[CLIENT].text());
        item(sb, "server SYN", c.opts[SERVER].text());
        item(sb, "window scaling", c.windowScaling());
        item(sb, "close", close(l));
        item(sb, "client->server", bytes(c.bytes[CLIENT]) + " bytes in " + c.frames[CLIENT] + " frame" + (c.frames[CLIENT] == 1 ? "" : "s"));
        item(sb, "server->client", bytes(c.bytes[SERVER]) + " bytes in " + c.frames[SERVER] + " frame" + (c.frames[SERVER] == 1 ? "" : "s"));
        Tls x = c.tls;
        if (x != null && x.clientHelloFrame >= 0) {
            tls(x, sb);
        }
    }

    /** What part of a connection seen in part the capture holds, or null when it holds its start and end. */
    private static String seen(TcpLifecycle l) {
        return switch (l.seen()) {
            case "start only" -> "its start only: no FIN or RST before the capture ended (open then, or closed later)";
            case "end only" -> "its end only: no SYN seen (it started before the capture)";
            case "middle only" -> "its middle only: no SYN, FIN or RST seen (started before the capture, not closed in it)";
            default -> null;
        };
    }

    /** {@code complete: SYN #1, SYN/ACK #2 (+0.071 ms), ACK #3 (+0.012 ms)}. */
    private static String handshake(TcpLifecycle l) {
        StringBuilder h = new StringBuilder(l.handshake());
        if (l.synFrame >= 0) {
            h.append(": SYN #").append(l.synFrame);
            if (l.synAckFrame >= 0) {
                h.append(", SYN/ACK #").append(l.synAckFrame).append(" (+").append(millis(l.synAckTime - l.synTime)).append(')');
            }
            if (l.ackFrame >= 0) {
                h.append(", ACK #").append(l.ackFrame).append(" (+").append(millis(l.ackTime - l.synAckTime)).append(')');
            }
        } else if (l.synAckFrame >= 0) {
            h.append(": SYN/ACK #").append(l.synAckFrame);
        }
        return h.toString();
    }

    /** How the connection closed, with the frames of its FINs, last ACK and RST. */
    private static String close(TcpLifecycle l) {
        StringBuilder close = new StringBuilder(l.close());
        List<String> at = new ArrayList<>();
        if (l.finFrame[CLIENT] >= 0) {
            at.add("client FIN #" + l.finFrame[CLIENT]);
        }
        if (l.finFrame[SERVER] >= 0) {
            at.add("server FIN #" + l.finFrame[SERVER]);
        }
        if (l.lastAckFrame >= 0) {
            at.add("last ACK #" + l.lastAckFrame);
        }
        if (l.rstFrame >= 0) {
            at.add("RST #" + l.rstFrame);
        }
        if (!at.isEmpty()) {
            close.append(" (").append(String.join(", ", at)).append(')');
        }
        return close.toString();
    }

    private static void tls(Tls x, StringBuilder sb) {
        List<String> parts = new ArrayList<>();
        parts.add(x.version != null ? x.version : "version unknown (no ServerHello)");
        if (x.cipher != null) {
            parts.add(x.cipher);
        }
        item(sb, "TLS", String.join(", ", parts));
        item(sb, "TLS SNI", x.sni != null ? x.sni : "-");
        String alpnText = x.alpnSelected != null ? x.alpnSelected
                : x.versionCode == 0x0304 && !x.alpnOffered.isEmpty() ? "not visible (TLS 1.3 sends it encrypted)" : "-";
        if (!x.alpnOffered.isEmpty()) {
            alpnText += " (offered " + String.join(",", x.alpnOffered) + ")";
        }
        item(sb, "TLS ALPN", alpnText);
        item(sb, "TLS session", x.session() + origin(x));
        if (x.sessionId != null && x.versionCode != 0x0304) {
            item(sb, "TLS session ID", x.sessionId);
        }
        if (x.certSubject != null) {
            item(sb, "TLS cert", x.certSubject);
            item(sb, "  issuer", x.certIssuer != null ? x.certIssuer : "-");
            item(sb, "  valid", time(x.certNotBefore) + " to " + time(x.certNotAfter));
            if (!x.certSan.isEmpty()) {
                item(sb, "  SAN", String.join(", ", x.certSan));
            }
        }
        String d = x.finishedFrame >= 0 ? millis(x.finishedTime - x.clientHelloTime) + " (ClientHello #" + x.clientHelloFrame
                + " -> client Finished #" + x.finishedFrame + ")" : "not completed (ClientHello #" + x.clientHelloFrame + ")";
        item(sb, "TLS handshake", d + (x.hrrFrame >= 0 ? ", HelloRetryRequest #" + x.hrrFrame : ""));
        if (x.ja3 != null) {
            item(sb, "JA3", x.ja3);
        }
        if (x.ja3s != null) {
            item(sb, "JA3S", x.ja3s);
        }
        if (x.ja4 != null) {
            item(sb, "JA4", x.ja4);
        }
        if (!x.alerts.isEmpty()) {
            item(sb, "TLS alerts", String.join("; ", x.alerts));
        }
    }

    /** {@code , from stream 0, frame 6}: where a resumed session was issued. */
    static String origin(Tls x) {
        if (x.originFrame < 0) {
            return "";
        }
        return ", from " + (x.originStream >= 0 ? "stream " + x.originStream + ", " : "") + "frame " + x.originFrame;
    }

    /** {@code 2026-11-27 10:25:38 UTC}, or {@code -}. */
    static String time(long nanos) {
        if (nanos == Long.MIN_VALUE) {
            return "-";
        }
        java.time.Instant t = java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L));
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private static void item(StringBuilder sb, String name, String value) {
        sb.append("  ");
        ReportFormat.padRight(sb, name, 15);
        sb.append(value).append('\n');
    }

    private static String endpoint(byte[] a, int port) {
        String ip = ReportFormat.ip(a, a.length);
        return (a.length == 16 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** Milliseconds with three decimals: {@code 0.071 ms}. */
    private static String millis(long nanos) {
        return ReportFormat.fixed(nanos / 1e6, 3) + " ms";
    }

    private static String seconds(long nanos) {
        return ReportFormat.fixed(nanos / 1e9, 6);
    }

    private static String bytes(long n) {
        return Long.toString(n);
    }
}
