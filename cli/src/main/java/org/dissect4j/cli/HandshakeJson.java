package org.dissect4j.cli;

import java.util.List;
import org.dissect4j.cli.HandshakeCollector.Conn;
import org.dissect4j.cli.HandshakeCollector.Opts;
import org.dissect4j.cli.HandshakeCollector.Tls;

/**
 * {@code --handshakes -T json}: the same as {@link HandshakeText}, as a JSON array with one object per
 * connection (its {@code client} and {@code server} sides, the handshake and close frames, and a {@code tls}
 * object when a ClientHello was seen); absent values are {@code null}.
 */
final class HandshakeJson {
    private static final int CLIENT = TcpLifecycle.CLIENT, SERVER = TcpLifecycle.SERVER;

    private HandshakeJson() {
    }

    /** The whole report as one string (tests, small captures). */
    static String render(List<Conn> order) {
        StringBuilder all = new StringBuilder();
        render(order, all::append);
        return all.toString();
    }

    /** Writes the array an object at a time, so the report never exists whole in memory. */
    static void render(List<Conn> order, java.util.function.Consumer<CharSequence> out) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("[\n");
        for (int i = 0; i < order.size(); i++) {
            if (sb.length() >= 8192) {
                out.accept(sb);
                sb.setLength(0);
            }
            Conn c = order.get(i);
            TcpLifecycle l = c.life;
            sb.append("  {\n");
            num(sb, "stream", c.stream);
            side(sb, "client", c.client, c.clientPort, c.opts[CLIENT], c.bytes[CLIENT], c.frames[CLIENT]);
            side(sb, "server", c.server, c.serverPort, c.opts[SERVER], c.bytes[SERVER], c.frames[SERVER]);
            bool(sb, "roles_known", c.rolesKnown);
            num(sb, "first_frame", c.firstFrame);
            num(sb, "last_frame", c.lastFrame);
            raw(sb, "start", ReportFormat.fixed(c.firstRel / 1e9, 9));
            raw(sb, "duration", ReportFormat.fixed((c.lastTime - c.firstTime) / 1e9, 9));
            str(sb, "captured", l.seen());
            str(sb, "handshake", l.handshake());
            bool(sb, "handshake_complete", l.handshakeComplete());
            frame(sb, "syn_frame", l.synFrame);
            frame(sb, "synack_frame", l.synAckFrame);
            frame(sb, "ack_frame", l.ackFrame);
            Boolean ws = c.windowScalingOn();
            raw(sb, "window_scaling", ws == null ? "null" : ws.toString());
            str(sb, "window_scaling_text", c.windowScaling());
            raw(sb, "irtt", l.initialRtt() >= 0 ? ReportFormat.fixed(l.initialRtt() / 1e9, 9) : "null");
            str(sb, "close", l.close());
            str(sb, "close_kind", l.closeShort());
            frame(sb, "client_fin_frame", l.finFrame[CLIENT]);
            frame(sb, "server_fin_frame", l.finFrame[SERVER]);
            frame(sb, "last_ack_frame", l.lastAckFrame);
            frame(sb, "rst_frame", l.rstFrame);
            raw(sb, "rst_by", l.firstRst < 0 ? "null" : l.firstRst == CLIENT ? "\"client\"" : "\"server\"");
            Tls x = c.tls;
            if (x != null && x.clientHelloFrame >= 0) {
                tls(x, sb);
            }
            // drop the comma after the last member
            sb.setLength(sb.length() - 2);
            sb.append("\n  }").append(i + 1 < order.size() ? "," : "").append('\n');
        }
        sb.append("]\n");
        out.accept(sb);
    }

    private static void tls(Tls x, StringBuilder sb) {
        sb.append("    \"tls\": {\n");
        member(sb, "version", q(x.version));
        member(sb, "cipher_suite", q(x.cipher));
        member(sb, "sni", q(x.sni));
        member(sb, "alpn", q(x.alpnSelected));
        member(sb, "alpn_offered", array(x.alpnOffered));
        member(sb, "session", q(x.session()));
        member(sb, "session_id", q(x.sessionId));
        member(sb, "resumption_origin_frame", x.originFrame >= 0 ? Long.toString(x.originFrame) : "null");
        member(sb, "resumption_origin_stream", x.originStream >= 0 ? Integer.toString(x.originStream) : "null");
        member(sb, "certificate", certificate(x));
        member(sb, "hello_retry_request", Boolean.toString(x.hrrFrame >= 0));
        member(sb, "client_hello_frame", Long.toString(x.clientHelloFrame));
        member(sb, "client_finished_frame", x.finishedFrame >= 0 ? Long.toString(x.finishedFrame) : "null");
        member(sb, "handshake_duration", x.finishedFrame >= 0 ? ReportFormat.fixed((x.finishedTime - x.clientHelloTime) / 1e9, 9) : "null");
        member(sb, "ja3", q(x.ja3));
        member(sb, "ja3s", q(x.ja3s));
        member(sb, "ja4", q(x.ja4));
        sb.append("      \"alerts\": ").append(array(x.alerts)).append("\n    },\n");
    }

    /** A member of the {@code tls} object: {@code "key": value,} on its own line. */
    private static void member(StringBuilder sb, String key, String json) {
        sb.append("      \"").append(key).append("\": ").append(json).append(",\n");
    }

    /** The server's leaf certificate, or null when none was seen (resumed sessions, TLS 1.3 without keys). */
    private static String certificate(Tls x) {
        if (x.certSubject == null) {
            return "null";
        }
        return "{\"subject\": " + q(x.certSubject) + ", \"issuer\": " + q(x.certIssuer) + ", \"not_before\": " + q(iso(x.certNotBefore))
                + ", \"not_after\": " + q(iso(x.certNotAfter)) + ", \"san\": " + array(x.certSan) + "}";
    }

    /** {@code 2026-11-27T10:25:38Z}, or null. */
    private static String iso(long nanos) {
        return nanos == Long.MIN_VALUE ? null : java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).toString();
    }

    /** {@code ["a", "b"]} */
    private static String array(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < values.size(); k++) {
            sb.append(k > 0 ? ", " : "").append(q(values.get(k)));
        }
        return sb.append(']').toString();
    }

    private static void side(StringBuilder sb, String name, byte[] addr, int port, Opts o, long bytes, long frames) {
        sb.append("    \"").append(name).append("\": {\"address\": \"").append(ReportFormat.ip(addr, addr.length))
                .append("\", \"port\": ").append(port)
                .append(", \"syn_seen\": ").append(o.seen)
                .append(", \"isn\": ").append(o.isn >= 0 ? Long.toString(o.isn) : "null")
                .append(", \"initial_window\": ").append(o.window >= 0 ? Long.toString(o.window) : "null")
                .append(", \"mss\": ").append(o.mss >= 0 ? Long.toString(o.mss) : "null")
                .append(", \"window_scale\": ").append(o.ws >= 0 ? Long.toString(o.ws) : "null")
                .append(", \"sack_perm\": ").append(o.sackPerm)
                .append(", \"timestamps\": ").append(o.timestamps)
                .append(", \"bytes\": ").append(bytes)
                .append(", \"frames\": ").append(frames).append("},\n");
    }

    private static void num(StringBuilder sb, String k, long v) {
        sb.append("    \"").append(k).append("\": ").append(v).append(",\n");
    }

    private static void frame(StringBuilder sb, String k, long v) {
        raw(sb, k, v >= 0 ? Long.toString(v) : "null");
    }

    private static void bool(StringBuilder sb, String k, boolean v) {
        sb.append("    \"").append(k).append("\": ").append(v).append(",\n");
    }

    private static void str(StringBuilder sb, String k, String v) {
        sb.append("    \"").append(k).append("\": ").append(q(v)).append(",\n");
    }

    private static void raw(StringBuilder sb, String k, String v) {
        sb.append("    \"").append(k).append("\": ").append(v).append(",\n");
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + ReportFormat.json(s) + "\"";
    }

}
