package org.dissect4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * {@code --handshakes}: per TCP stream, how the connection opened and ended — endpoints, each side's
 * SYN options (MSS, window scale, SACK permitted, timestamps), whether the 3-way handshake completed
 * and its initial RTT, how it closed (see {@link TcpLifecycle}), bytes and frames each way — and,
 * when the TLS dissector is loaded and the packets carry its fields, the TLS handshake: version,
 * cipher suite, SNI, ALPN, full or resumed, HelloRetryRequest, JA3/JA3S/JA4, handshake duration and
 * the alerts in clear. Text (an overview table, then a block per connection) or, with {@code -T
 * json}, the same as a JSON array.
 *
 * <p>TLS fields are looked up by name ({@code tls.handshake.type}, {@code .ciphersuite},
 * {@code .extensions_server_name}, {@code .extensions_alpn_str}, {@code .extensions.supported_version},
 * {@code .random}, {@code .ja3}, {@code .ja3s}, {@code .ja4}, {@code tls.record.content_type},
 * {@code tls.record.opaque_type}, {@code tls.alert_message.level}/{@code .desc},
 * {@code tls.resumption_method}, {@code tls.resumption.offered} and the expert item {@code tls.resumed});
 * the report works without any of them. Per packet: array look-ups by stream index and a walk over
 * the few TLS nodes of the packet; strings are made only for the ClientHello/ServerHello values kept.
 */
final class HandshakeReport implements Sink {
    /** The random of a HelloRetryRequest (RFC 8446 §4.1.3): SHA-256 of "HelloRetryRequest". */
    private static final byte[] HRR_RANDOM = hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    private static final int CLIENT = TcpLifecycle.CLIENT, SERVER = TcpLifecycle.SERVER;

    private final PrintStream out;
    private final boolean json;

    private int[] streamIds, srcPortIds, dstPortIds, flagsIds, seqIds, ackIds, lenIds, icmpIds, relIds;
    private int[] mssIds, wsIds, sackPermIds, tsIds;
    private int[] hsType, ciphersuite, sni, alpn, hsVersion, supportedVersion, random, ja3, ja3s, ja4;
    private int[] contentType, opaqueType, alertLevel, alertDesc, resumptionMethod, resumptionOffered, tlsProto;
    private Field resumedExpert;
    private boolean tls;

    private Conn[] conns = new Conn[64];
    private final List<Conn> order = new ArrayList<>();
    private final byte[] src = new byte[16];
    private final byte[] dst = new byte[16];
    private int[] hsNodes = new int[16];
    private int[] recNodes = new int[16];

    /** @param json {@code -T json}: print a JSON array instead of the text report */
    HandshakeReport(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void prime(Engine engine) {
        streamIds = ReportFormat.want(engine, "tcp.stream");
        srcPortIds = ReportFormat.want(engine, "tcp.srcport");
        dstPortIds = ReportFormat.want(engine, "tcp.dstport");
        flagsIds = ReportFormat.want(engine, "tcp.flags");
        seqIds = ReportFormat.want(engine, "tcp.seq");
        ackIds = ReportFormat.want(engine, "tcp.ack");
        lenIds = ReportFormat.want(engine, "tcp.len");
        relIds = ReportFormat.want(engine, "frame.time_relative");
        mssIds = ReportFormat.want(engine, "tcp.options.mss_val");
        wsIds = ReportFormat.want(engine, "tcp.options.wscale.shift");
        sackPermIds = ReportFormat.want(engine, "tcp.options.sack_perm");
        tsIds = ReportFormat.want(engine, "tcp.options.timestamp.tsval");
        int[] icmp = ReportFormat.want(engine, "icmp");
        int[] icmpv6 = ReportFormat.want(engine, "icmpv6");
        icmpIds = Arrays.copyOf(icmp, icmp.length + icmpv6.length);
        System.arraycopy(icmpv6, 0, icmpIds, icmp.length, icmpv6.length);
        ReportFormat.want(engine, "tcp");
        ReportFormat.want(engine, "ip");
        ReportFormat.want(engine, "ipv6");

        tlsProto = ReportFormat.want(engine, "tls");
        hsType = ReportFormat.want(engine, "tls.handshake.type");
        tls = tlsProto.length > 0 && hsType.length > 0;
        if (tls) {
            ciphersuite = ReportFormat.want(engine, "tls.handshake.ciphersuite");
            sni = ReportFormat.want(engine, "tls.handshake.extensions_server_name");
            alpn = ReportFormat.want(engine, "tls.handshake.extensions_alpn_str");
            hsVersion = ReportFormat.want(engine, "tls.handshake.version");
            supportedVersion = ReportFormat.want(engine, "tls.handshake.extensions.supported_version");
            random = ReportFormat.want(engine, "tls.handshake.random");
            ja3 = ReportFormat.want(engine, "tls.handshake.ja3");
            ja3s = ReportFormat.want(engine, "tls.handshake.ja3s");
            ja4 = ReportFormat.want(engine, "tls.handshake.ja4");
            contentType = ReportFormat.want(engine, "tls.record.content_type");
            opaqueType = ReportFormat.want(engine, "tls.record.opaque_type");
            alertLevel = ReportFormat.want(engine, "tls.alert_message.level");
            alertDesc = ReportFormat.want(engine, "tls.alert_message.desc");
            resumptionMethod = ReportFormat.want(engine, "tls.resumption_method");
            resumptionOffered = ReportFormat.want(engine, "tls.resumption.offered");
            resumedExpert = engine.findField("tls.resumed").orElse(null);
        }
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        int s = ReportFormat.first(t, streamIds);
        if (s < 0 || ReportFormat.inside(t, s, icmpIds)
                || (p.netType() != Packet.AT_IPV4 && p.netType() != Packet.AT_IPV6)) {
            return;
        }
        int n = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        System.arraycopy(p.netSrc(), 0, src, 0, n);
        System.arraycopy(p.netDst(), 0, dst, 0, n);
        int srcPort = (int) ReportFormat.value(t, srcPortIds, 0);
        int dstPort = (int) ReportFormat.value(t, dstPortIds, 0);
        int flags = (int) ReportFormat.value(t, flagsIds, 0);
        long stream = t.value(s);
        if (stream < 0 || stream >= Integer.MAX_VALUE - 8) {
            return;
        }
        int si = (int) stream;
        if (si >= conns.length) {
            conns = Arrays.copyOf(conns, Math.max(si + 1, conns.length * 2));
        }
        Conn c = conns[si];
        long now = frame.timestampNanos();
        if (c == null) {
            c = new Conn();
            c.stream = si;
            // the client sends the SYN; a capture that starts at the SYN/ACK still shows who the client is
            boolean synAck = (flags & (FlowCollector.SYN | FlowCollector.ACK)) == (FlowCollector.SYN | FlowCollector.ACK);
            boolean syn = (flags & (FlowCollector.SYN | FlowCollector.ACK)) == FlowCollector.SYN;
            c.rolesKnown = syn || synAck;
            c.client = Arrays.copyOf(synAck ? dst : src, n);
            c.server = Arrays.copyOf(synAck ? src : dst, n);
            c.clientPort = synAck ? dstPort : srcPort;
            c.serverPort = synAck ? srcPort : dstPort;
            c.firstFrame = frame.number();
            c.firstTime = now;
            c.firstRel = ReportFormat.value(t, relIds, 0);
            conns[si] = c;
            order.add(c);
        }
        int side = srcPort == c.clientPort && Arrays.equals(c.client, 0, c.client.length, src, 0, n) ? CLIENT : SERVER;
        long len = ReportFormat.value(t, lenIds, 0);
        c.life.segment(side, flags, ReportFormat.value(t, seqIds, 0), ReportFormat.value(t, ackIds, 0), len,
                frame.number(), now);
        c.frames[side]++;
        c.bytes[side] += len;
        c.lastFrame = frame.number();
        c.lastTime = now;
        if ((flags & FlowCollector.SYN) != 0 && !c.opts[side].seen) {
            Opts o = c.opts[side];
            o.seen = true;
            o.mss = ReportFormat.value(t, mssIds, -1);
            o.ws = ReportFormat.value(t, wsIds, -1);
            o.sackPerm = ReportFormat.first(t, sackPermIds) >= 0;
            o.timestamps = ReportFormat.first(t, tsIds) >= 0;
        }
        if (tls && ReportFormat.first(t, tlsProto) >= 0) {
            tls(c, side, t, frame.number(), now);
        }
    }

    // ---- TLS -----------------------------------------------------------------------------------

    private void tls(Conn c, int side, Tree t, long frameNo, long now) {
        Tls x = c.tls == null ? (c.tls = new Tls()) : c.tls;
        int hs = collect(t, hsType, true);
        int recs = collect(t, concat(contentType, opaqueType), false);
        // handshake messages of this packet, in order
        for (int i = 0; i < hs; i++) {
            int h = hsNodes[i];
            long type = t.value(h);
            if (type == 1 && side == CLIENT) {
                if (x.clientHelloFrame < 0) {
                    x.clientHelloFrame = frameNo;
                    x.clientHelloTime = now;
                    x.sni = string(t, sni, h, hs, i);
                    x.alpnOffered = strings(t, alpn, h, hs, i);
                    x.ja3 = string(t, ja3, h, hs, i);
                    x.ja4 = string(t, ja4, h, hs, i);
                    int off = owned(t, resumptionOffered, h, hs, i);
                    if (off >= 0) {
                        x.offered = name(t, off);
                    }
                }
            } else if (type == 2 && side == SERVER) {
                int r = owned(t, random, h, hs, i);
                if (r >= 0 && isHrr(t, r)) {
                    x.hrrFrame = x.hrrFrame < 0 ? frameNo : x.hrrFrame;
                    continue;
                }
                if (x.serverHelloFrame >= 0) {
                    continue;
                }
                x.serverHelloFrame = frameNo;
                int v = owned(t, supportedVersion, h, hs, i);
                if (v < 0) {
                    v = owned(t, hsVersion, h, hs, i);
                }
                if (v >= 0) {
                    x.versionCode = t.value(v);
                    x.version = named(t, v);
                }
                int cs = owned(t, ciphersuite, h, hs, i);
                if (cs >= 0) {
                    x.cipher = named(t, cs);
                }
                String a = string(t, alpn, h, hs, i);
                if (a != null) {
                    x.alpnSelected = a;
                }
                x.ja3s = string(t, ja3s, h, hs, i);
                int m = owned(t, resumptionMethod, h, hs, i);
                if (m >= 0) {
                    x.resumed = name(t, m);
                }
            }
        }
        if (resumedExpert != null && x.resumed == null) {
            for (int i = 0, n = t.expertCount(); i < n; i++) {
                if (t.expertOf(t.expertNode(i)).field() == resumedExpert) {
                    x.resumed = "yes";
                }
            }
        }
        // records: the client's first encrypted handshake message or application data after the
        // ServerHello is its Finished (TLS 1.2: after its ChangeCipherSpec; TLS 1.3: an opaque record)
        for (int i = 0; i < recs; i++) {
            int r = recNodes[i];
            long ct = t.value(r);
            if (side != CLIENT || x.serverHelloFrame < 0 || x.finishedFrame >= 0) {
                continue;
            }
            if (ct == 20) {
                x.clientCcs = true;
            } else if (ct == 23 || (ct == 22 && x.clientCcs && !handshakeTypeVisible(t, r, i + 1 < recs ? recNodes[i + 1] : Integer.MAX_VALUE))) {
                x.finishedFrame = frameNo;
                x.finishedTime = now;
            }
        }
        // alerts in clear
        for (int id : alertDesc) {
            for (int d = t.first(id); d >= 0; d = t.next(d)) {
                int lv = ReportFormat.lastBefore(t, alertLevel, d);
                String level = lv >= 0 ? name(t, lv) : "";
                x.alerts.add((side == CLIENT ? "client" : "server") + " " + level.toLowerCase() + (level.isEmpty() ? "" : " ")
                        + name(t, d) + " (#" + frameNo + ")");
            }
        }
    }

    /** Collects the nodes of {@code ids} in node order into hsNodes (or recNodes); returns how many. */
    private int collect(Tree t, int[] ids, boolean handshake) {
        int count = 0;
        int[] buf = handshake ? hsNodes : recNodes;
        for (int id : ids) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                if (count == buf.length) {
                    buf = Arrays.copyOf(buf, count * 2);
                }
                buf[count++] = n;
            }
        }
        Arrays.sort(buf, 0, count);
        if (handshake) {
            hsNodes = buf;
        } else {
            recNodes = buf;
        }
        return count;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Whether a handshake type node lies between record node {@code r} and the next record node. */
    private boolean handshakeTypeVisible(Tree t, int r, int nextRecord) {
        for (int id : hsType) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                if (n > r && n < nextRecord) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first occurrence of {@code ids} inside handshake message {@code i} (between its node and the next one), or -1. */
    private int owned(Tree t, int[] ids, int h, int hs, int i) {
        int end = i + 1 < hs ? hsNodes[i + 1] : Integer.MAX_VALUE;
        int best = -1;
        for (int id : ids) {
            for (int n = t.first(id); n >= 0 && n < end; n = t.next(n)) {
                if (n > h) {
                    if (best < 0 || n < best) {
                        best = n;
                    }
                    break;
                }
            }
        }
        return best;
    }

    private String string(Tree t, int[] ids, int h, int hs, int i) {
        int n = owned(t, ids, h, hs, i);
        return n >= 0 ? t.string(n) : null;
    }

    private List<String> strings(Tree t, int[] ids, int h, int hs, int i) {
        int end = i + 1 < hs ? hsNodes[i + 1] : Integer.MAX_VALUE;
        List<String> l = new ArrayList<>();
        for (int id : ids) {
            for (int n = t.first(id); n >= 0 && n < end; n = t.next(n)) {
                if (n > h) {
                    l.add(t.string(n));
                }
            }
        }
        return l;
    }

    private static boolean isHrr(Tree t, int node) {
        if (t.length(node) != HRR_RANDOM.length) {
            return false;
        }
        for (int k = 0; k < HRR_RANDOM.length; k++) {
            if ((byte) t.byteAt(node, k) != HRR_RANDOM[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code TLS_AES_128_GCM_SHA256 (0x1301)}: the value name with the code, as Wireshark labels it. */
    private static String named(Tree t, int node) {
        Field f = t.field(node);
        long v = t.value(node);
        ValueNames names = f.values();
        String name = names != null ? names.name(v) : null;
        String code = "0x" + String.format("%04x", v);
        return name != null ? name + " (" + code + ")" : code;
    }

    /** The value name alone ({@code Fatal}, {@code Unknown CA}), or the number. */
    private static String name(Tree t, int node) {
        ValueNames names = t.field(node).values();
        String n = names != null ? names.name(t.value(node)) : null;
        return n != null ? n : Long.toString(t.value(node));
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    // ---- output --------------------------------------------------------------------------------

    @Override
    public void finish() {
        out.print(json ? renderJson() : renderText());
        out.flush();
    }

    String renderText() {
        StringBuilder sb = new StringBuilder(1024 + order.size() * 600);
        int complete = 0;
        for (Conn c : order) {
            complete += c.life.handshakeComplete() ? 1 : 0;
        }
        sb.append("TCP connections: ").append(order.size()).append(" (").append(complete)
                .append(" with a complete 3-way handshake)\n");
        if (order.isEmpty()) {
            return sb.toString();
        }
        sb.append('\n');
        String[] head = {"Stream", "Client", "Server", "Handshake", "iRTT", "Close", "C->S", "S->C", "Duration"};
        boolean[] right = {true, false, false, false, true, false, true, true, true};
        List<String[]> rows = new ArrayList<>();
        for (Conn c : order) {
            long irtt = c.life.initialRtt();
            rows.add(new String[] {Integer.toString(c.stream), endpoint(c.client, c.clientPort),
                    endpoint(c.server, c.serverPort), c.life.handshake(), irtt >= 0 ? millis(irtt) : "-",
                    c.life.closeShort(), bytes(c.bytes[CLIENT]), bytes(c.bytes[SERVER]), seconds(c.lastTime - c.firstTime)});
        }
        int[] w = new int[head.length];
        for (int k = 0; k < head.length; k++) {
            w[k] = head[k].length();
            for (String[] r : rows) {
                w[k] = Math.max(w[k], r[k].length());
            }
        }
        row(sb, head, w, right);
        String[] rule = new String[head.length];
        for (int k = 0; k < head.length; k++) {
            rule[k] = "-".repeat(w[k]);
        }
        row(sb, rule, w, right);
        for (String[] r : rows) {
            row(sb, r, w, right);
        }
        sb.append("(C->S, S->C: TCP payload bytes each way, retransmissions included; Duration: first to last segment, in seconds)\n");
        for (Conn c : order) {
            block(c, sb);
        }
        return sb.toString();
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

    private void block(Conn c, StringBuilder sb) {
        TcpLifecycle l = c.life;
        sb.append("\nStream ").append(c.stream).append(": ").append(endpoint(c.client, c.clientPort)).append(" -> ")
                .append(endpoint(c.server, c.serverPort));
        if (!c.rolesKnown) {
            sb.append("  (no SYN seen: client is the sender of the first segment)");
        }
        sb.append('\n');
        item(sb, "frames", "#" + c.firstFrame + " to #" + c.lastFrame + ", starting at " + seconds(c.firstRel) + " s, lasting "
                + seconds(c.lastTime - c.firstTime) + " s");
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
        item(sb, "handshake", h.toString());
        if (l.initialRtt() >= 0) {
            item(sb, "iRTT", millis(l.initialRtt()) + (l.ackCarriedData ? " (the ACK carried data)" : ""));
        }
        item(sb, "client SYN", c.opts[CLIENT].text());
        item(sb, "server SYN", c.opts[SERVER].text());
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
        item(sb, "close", close.toString());
        item(sb, "client->server", bytes(c.bytes[CLIENT]) + " bytes in " + c.frames[CLIENT] + " frame" + (c.frames[CLIENT] == 1 ? "" : "s"));
        item(sb, "server->client", bytes(c.bytes[SERVER]) + " bytes in " + c.frames[SERVER] + " frame" + (c.frames[SERVER] == 1 ? "" : "s"));
        Tls x = c.tls;
        if (x != null && x.clientHelloFrame >= 0) {
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
            item(sb, "TLS session", x.session());
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
    }

    private static void item(StringBuilder sb, String name, String value) {
        sb.append("  ");
        ReportFormat.padRight(sb, name, 15);
        sb.append(value).append('\n');
    }

    String renderJson() {
        StringBuilder sb = new StringBuilder(256 + order.size() * 800);
        sb.append("[\n");
        for (int i = 0; i < order.size(); i++) {
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
            str(sb, "handshake", l.handshake());
            bool(sb, "handshake_complete", l.handshakeComplete());
            frame(sb, "syn_frame", l.synFrame);
            frame(sb, "synack_frame", l.synAckFrame);
            frame(sb, "ack_frame", l.ackFrame);
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
                sb.append("    \"tls\": {\n");
                sb.append("      \"version\": ").append(q(x.version)).append(",\n");
                sb.append("      \"cipher_suite\": ").append(q(x.cipher)).append(",\n");
                sb.append("      \"sni\": ").append(q(x.sni)).append(",\n");
                sb.append("      \"alpn\": ").append(q(x.alpnSelected)).append(",\n");
                sb.append("      \"alpn_offered\": [");
                for (int k = 0; k < x.alpnOffered.size(); k++) {
                    sb.append(k > 0 ? ", " : "").append(q(x.alpnOffered.get(k)));
                }
                sb.append("],\n");
                sb.append("      \"session\": ").append(q(x.session())).append(",\n");
                sb.append("      \"hello_retry_request\": ").append(x.hrrFrame >= 0).append(",\n");
                sb.append("      \"client_hello_frame\": ").append(x.clientHelloFrame).append(",\n");
                sb.append("      \"client_finished_frame\": ").append(x.finishedFrame >= 0 ? Long.toString(x.finishedFrame) : "null").append(",\n");
                sb.append("      \"handshake_duration\": ").append(x.finishedFrame >= 0
                        ? ReportFormat.fixed((x.finishedTime - x.clientHelloTime) / 1e9, 9) : "null").append(",\n");
                sb.append("      \"ja3\": ").append(q(x.ja3)).append(",\n");
                sb.append("      \"ja3s\": ").append(q(x.ja3s)).append(",\n");
                sb.append("      \"ja4\": ").append(q(x.ja4)).append(",\n");
                sb.append("      \"alerts\": [");
                for (int k = 0; k < x.alerts.size(); k++) {
                    sb.append(k > 0 ? ", " : "").append(q(x.alerts.get(k)));
                }
                sb.append("]\n    },\n");
            }
            // drop the comma after the last member
            sb.setLength(sb.length() - 2);
            sb.append("\n  }").append(i + 1 < order.size() ? "," : "").append('\n');
        }
        sb.append("]\n");
        return sb.toString();
    }

    private void side(StringBuilder sb, String name, byte[] addr, int port, Opts o, long bytes, long frames) {
        sb.append("    \"").append(name).append("\": {\"address\": \"").append(ReportFormat.ip(addr, addr.length))
                .append("\", \"port\": ").append(port)
                .append(", \"syn_seen\": ").append(o.seen)
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

    // ---- per-connection state ------------------------------------------------------------------

    private static final class Conn {
        int stream;
        boolean rolesKnown;
        byte[] client, server;
        int clientPort, serverPort;
        long firstFrame, lastFrame, firstTime, lastTime, firstRel;
        final long[] bytes = new long[2];
        final long[] frames = new long[2];
        final Opts[] opts = {new Opts(), new Opts()};
        final TcpLifecycle life = new TcpLifecycle();
        Tls tls;
    }

    /** The options of a side's SYN (or SYN/ACK). */
    private static final class Opts {
        boolean seen;
        long mss = -1;
        long ws = -1;
        boolean sackPerm;
        boolean timestamps;

        String text() {
            if (!seen) {
                return "- (not seen)";
            }
            List<String> l = new ArrayList<>();
            l.add(mss >= 0 ? "MSS " + mss : "no MSS");
            l.add(ws >= 0 ? "WS " + ws + " (x" + (1L << Math.min(ws, 14)) + ")" : "no WS");
            l.add(sackPerm ? "SACK_PERM" : "no SACK_PERM");
            l.add(timestamps ? "TS" : "no TS");
            return String.join(", ", l);
        }
    }

    /** What the TLS handshake of one connection showed. */
    private static final class Tls {
        long clientHelloFrame = -1, clientHelloTime;
        long serverHelloFrame = -1;
        long hrrFrame = -1;
        long finishedFrame = -1, finishedTime;
        boolean clientCcs;
        String sni, ja3, ja4, ja3s, version, cipher, alpnSelected, resumed, offered;
        long versionCode = -1;
        List<String> alpnOffered = List.of();
        final List<String> alerts = new ArrayList<>();

        String session() {
            if (resumed != null) {
                return "resumed" + (resumed.equals("yes") ? "" : " (" + resumed + ")");
            }
            if (serverHelloFrame < 0) {
                return "unknown";
            }
            return offered != null ? "full (client offered " + offered + ")" : "full";
        }
    }
}
