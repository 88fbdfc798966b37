package org.dissect4j.cli;

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
 * What {@code --handshakes} reports, collected packet by packet: per TCP stream a {@link Conn} with its
 * endpoints, each side's SYN options, the {@link TcpLifecycle}, bytes and frames each way, and (when the
 * TLS dissector's fields are there) a {@link Tls} with the handshake's version, cipher suite, SNI, ALPN,
 * resumption, HelloRetryRequest, fingerprints, timing and alerts in clear. {@link HandshakeText} and
 * {@link HandshakeJson} render the {@link #connections()}.
 *
 * <p>TLS fields are looked up by name ({@code tls.handshake.type}, {@code .ciphersuite},
 * {@code .extensions_server_name}, {@code .extensions_alpn_str}, {@code .extensions.supported_version},
 * {@code .random}, {@code .ja3}, {@code .ja3s}, {@code .ja4}, {@code tls.record.content_type},
 * {@code tls.record.opaque_type}, {@code tls.alert_message.level}/{@code .desc},
 * {@code tls.resumption_method}, {@code tls.resumption.offered} and the expert item {@code tls.resumed});
 * the collector works without any of them. Per packet: array look-ups by stream index and a walk over
 * the few TLS nodes of the packet; strings are made only for the ClientHello/ServerHello values kept.
 */
final class HandshakeCollector {
    /** The random of a HelloRetryRequest (RFC 8446 §4.1.3): SHA-256 of "HelloRetryRequest". */
    private static final byte[] HRR_RANDOM = hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    private static final int CLIENT = TcpLifecycle.CLIENT, SERVER = TcpLifecycle.SERVER;

    private final TcpSegmentFields tcp = new TcpSegmentFields();
    private int[] hsType, ciphersuite, sni, alpn, hsVersion, supportedVersion, random, ja3, ja3s, ja4;
    private int[] sessionId, originFrame, certSubject, certIssuer, certNotBefore, certNotAfter, certSan;
    private int[] contentType, opaqueType, alertLevel, alertDesc, resumptionMethod, resumptionOffered, tlsProto;
    private Field resumedExpert;
    private boolean tls;
    private final TlsOrigins origins = new TlsOrigins();

    /** Marks a stream that came after the limit: counted, not kept. */
    private static final Conn NOT_KEPT = new Conn();

    private final int limit;
    private long notKept;
    private int highestStream = -1;
    private Conn[] conns = new Conn[64];
    private final List<Conn> order = new ArrayList<>();
    private final byte[] src = new byte[16];
    private final byte[] dst = new byte[16];
    private int[] hsNodes = new int[16];
    private int[] recNodes = new int[16];

    /** @param limit connections kept (the first ones); later ones are only counted ({@link #notKept()}) */
    HandshakeCollector(int limit) {
        this.limit = limit;
    }

    /** Connections seen after {@code limit} were kept, which the report leaves out. */
    long notKept() {
        return notKept;
    }

    /** The connections in order of their first packet. */
    List<Conn> connections() {
        return order;
    }

    /** Marks the TCP, IP and (when loaded) TLS fields read per packet. */
    void prime(Engine engine) {
        tcp.prime(engine);
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
            sessionId = ReportFormat.want(engine, "tls.handshake.session_id");
            originFrame = ReportFormat.want(engine, "tls.resumption.origin_frame");
            certSubject = ReportFormat.want(engine, "tls.x509.subject");
            certIssuer = ReportFormat.want(engine, "tls.x509.issuer");
            certSan = ReportFormat.want(engine, "tls.x509.san");
            certNotBefore = ReportFormat.want(engine, "tls.x509.not_before");
            certNotAfter = ReportFormat.want(engine, "tls.x509.not_after");
        }
    }

    /** Adds one packet (every TCP packet not inside an ICMP error) to its connection. */
    void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        int s = tcp.segment(p);
        if (s < 0) {
            return;
        }
        int n = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        System.arraycopy(p.netSrc(), 0, src, 0, n);
        System.arraycopy(p.netDst(), 0, dst, 0, n);
        int srcPort = (int) ReportFormat.value(t, tcp.srcPort, 0);
        int dstPort = (int) ReportFormat.value(t, tcp.dstPort, 0);
        int flags = (int) ReportFormat.value(t, tcp.flags, 0);
        long stream = t.value(s);
        if (stream < 0 || stream >= Integer.MAX_VALUE - 8) {
            return;
        }
        int si = (int) stream;
        if (si >= conns.length) {
            if (order.size() >= limit) {
                // past the limit the index array stops growing: stream numbers only grow, so a number above
                // every one seen is a new connection
                if (si > highestStream) {
                    highestStream = si;
                    notKept++;
                }
                return;
            }
            conns = Arrays.copyOf(conns, Math.max(si + 1, conns.length * 2));
        }
        highestStream = Math.max(highestStream, si);
        Conn c = conns[si];
        if (c == NOT_KEPT) {
            return;
        }
        if (c == null) {
            if (order.size() >= limit) {
                conns[si] = NOT_KEPT;
                notKept++;
                return;
            }
            c = open(si, frame, t, flags, srcPort, dstPort, n);
        }
        long now = frame.timestampNanos();
        int side = srcPort == c.clientPort && Arrays.equals(c.client, 0, c.client.length, src, 0, n) ? CLIENT : SERVER;
        long len = ReportFormat.value(t, tcp.len, 0);
        c.life.segment(side, flags, ReportFormat.value(t, tcp.seq, 0), ReportFormat.value(t, tcp.ack, 0), len,
                frame.number(), now);
        c.frames[side]++;
        c.bytes[side] += len;
        c.lastFrame = frame.number();
        c.lastTime = now;
        if ((flags & FlowCollector.SYN) != 0 && !c.opts[side].seen) {
            synOptions(c.opts[side], t, flags);
        }
        if (tls && ReportFormat.first(t, tlsProto) >= 0) {
            tls(c, side, t, frame.number(), now);
        }
    }

    /** The ISN, window and options of a side's first SYN (or SYN/ACK). */
    private void synOptions(Opts o, Tree t, int flags) {
        o.seen = true;
        o.synAck = (flags & FlowCollector.ACK) != 0;
        o.isn = ReportFormat.value(t, tcp.seqRaw, -1);
        o.window = ReportFormat.value(t, tcp.windowValue, -1);
        o.mss = ReportFormat.value(t, tcp.mss, -1);
        o.ws = ReportFormat.value(t, tcp.ws, -1);
        o.sackPerm = ReportFormat.first(t, tcp.sackPerm) >= 0;
        o.timestamps = ReportFormat.first(t, tcp.tsVal) >= 0;
    }

    /** A new connection whose first packet is the current one; a SYN or SYN/ACK tells the roles. */
    private Conn open(int si, Frame frame, Tree t, int flags, int srcPort, int dstPort, int n) {
        Conn c = new Conn();
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
        c.firstTime = frame.timestampNanos();
        c.firstRel = ReportFormat.value(t, tcp.rel, 0);
        conns[si] = c;
        order.add(c);
        return c;
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
            if (type == 2 || type == 4) {
                origins.record(frameNo, c.stream);
            }
            if (type == 1 && side == CLIENT) {
                if (x.clientHelloFrame < 0) {
                    clientHello(x, t, h, hs, i, frameNo, now);
                }
            } else if (type == 2 && side == SERVER) {
                serverHello(x, t, h, hs, i, frameNo);
            } else if (type == 11 && side == SERVER && x.certSubject == null) {
                certificate(x, t, h, hs, i);
            } else if (type == 8 && side == SERVER) {
                // TLS 1.3 EncryptedExtensions, seen when decrypted with a key log: the negotiated ALPN
                String a = string(t, alpn, h, hs, i);
                if (a != null) {
                    x.alpnSelected = a;
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
        if (side == CLIENT) {
            clientFinished(x, t, recs, frameNo, now);
        }
        alerts(x, side, t, frameNo);
    }

    private void clientHello(Tls x, Tree t, int h, int hs, int i, long frameNo, long now) {
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

    /** A ServerHello (the first one that is not a HelloRetryRequest counts). */
    private void serverHello(Tls x, Tree t, int h, int hs, int i, long frameNo) {
        int r = owned(t, random, h, hs, i);
        if (r >= 0 && isHrr(t, r)) {
            x.hrrFrame = x.hrrFrame < 0 ? frameNo : x.hrrFrame;
            return;
        }
        if (x.serverHelloFrame >= 0) {
            return;
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
        int id = owned(t, sessionId, h, hs, i);
        if (id >= 0 && t.length(id) > 0) {
            x.sessionId = FlowTls.hex(t, id);
        }
        int o = ReportFormat.first(t, originFrame);
        if (o >= 0) {
            x.originFrame = t.value(o);
            x.originStream = origins.streamOf(x.originFrame);
        }
    }

    /** The server's (first, leaf) certificate: subject, issuer, validity. */
    private void certificate(Tls x, Tree t, int h, int hs, int i) {
        x.certSubject = string(t, certSubject, h, hs, i);
        x.certIssuer = string(t, certIssuer, h, hs, i);
        x.certSan = strings(t, certSan, h, hs, i);
        int nb = owned(t, certNotBefore, h, hs, i);
        int na = owned(t, certNotAfter, h, hs, i);
        x.certNotBefore = nb >= 0 ? t.value(nb) : Long.MIN_VALUE;
        x.certNotAfter = na >= 0 ? t.value(na) : Long.MIN_VALUE;
    }

    /**
     * The client's records of this packet: its first encrypted handshake message or application data after
     * the ServerHello is its Finished (TLS 1.2: after its ChangeCipherSpec; TLS 1.3: an opaque record).
     */
    private void clientFinished(Tls x, Tree t, int recs, long frameNo, long now) {
        for (int i = 0; i < recs; i++) {
            int r = recNodes[i];
            long ct = t.value(r);
            if (x.serverHelloFrame < 0 || x.finishedFrame >= 0) {
                continue;
            }
            if (ct == 20) {
                x.clientCcs = true;
            } else if (ct == 23 || (ct == 22 && x.clientCcs && !handshakeTypeVisible(t, r, i + 1 < recs ? recNodes[i + 1] : Integer.MAX_VALUE))) {
                x.finishedFrame = frameNo;
                x.finishedTime = now;
            }
        }
    }

    /** The alerts in clear of this packet, as "client fatal Unknown CA (#8)". */
    private void alerts(Tls x, int side, Tree t, long frameNo) {
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
        return FlowTls.name(t, node);
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    // ---- per-connection state ------------------------------------------------------------------

    /** One TCP connection (stream): its endpoints, roles, counts each way, lifecycle and TLS handshake. */
    static final class Conn {
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

        /**
         * Whether window scaling is in effect (RFC 7323 §2.2: both SYNs carry WS): {@code on (x1024 / x128)}
         * (client's / server's multiplier), {@code off (server did not send WS)}, or unknown when a SYN is missing.
         */
        String windowScaling() {
            Opts c = opts[TcpLifecycle.CLIENT];
            Opts s = opts[TcpLifecycle.SERVER];
            if (!c.seen || !s.seen || c.synAck || !s.synAck) {
                return "unknown (" + (!c.seen || c.synAck ? "SYN" : "SYN/ACK") + " not seen)";
            }
            if (c.ws >= 0 && s.ws >= 0) {
                return "on (x" + c.multiplier() + " / x" + s.multiplier() + ")";
            }
            return "off (" + (c.ws < 0 && s.ws < 0 ? "neither side sent" : c.ws < 0 ? "client did not send" : "server did not send") + " WS)";
        }

        /** {@code true}/{@code false} when both SYNs were seen, else null. */
        Boolean windowScalingOn() {
            String w = windowScaling();
            return w.startsWith("unknown") ? null : w.startsWith("on");
        }
    }

    /** A side's SYN (or SYN/ACK): its ISN, window and options. */
    static final class Opts {
        boolean seen;
        boolean synAck;
        long isn = -1;
        long window = -1;
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
            l.add(ws >= 0 ? "WS " + ws + " (x" + multiplier() + ")" : "no WS");
            l.add(sackPerm ? "SACK_PERM" : "no SACK_PERM");
            l.add(timestamps ? "TS" : "no TS");
            return String.join(", ", l) + "; ISN " + isn + ", window " + window;
        }

        long multiplier() {
            return 1L << Math.min(ws, 14);
        }
    }

    /** What the TLS handshake of one connection showed. */
    static final class Tls {
        long clientHelloFrame = -1, clientHelloTime;
        long serverHelloFrame = -1;
        long hrrFrame = -1;
        long finishedFrame = -1, finishedTime;
        boolean clientCcs;
        String sni, ja3, ja4, ja3s, version, cipher, alpnSelected, resumed, offered;
        /** The ServerHello's session ID (hex), the frame and stream a resumed session was issued in. */
        String sessionId;
        long originFrame = -1;
        int originStream = -1;
        /** The server's leaf certificate; validity in nanoseconds since the epoch (MIN_VALUE: not seen). */
        String certSubject, certIssuer;
        /** Subject alternative names of the certificates of the server's Certificate message (the leaf's, normally). */
        List<String> certSan = List.of();
        long certNotBefore = Long.MIN_VALUE, certNotAfter = Long.MIN_VALUE;
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
