package org.dissect4j.cli;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * What the SVG flow reads of TLS, when the TLS dissector's fields are there: whether a segment carries
 * handshake records (handshake messages, ChangeCipherSpec, encrypted handshake) or only application
 * data, and per connection the {@link Session} its handshake negotiated: version, full or resumed, the
 * session ID and the frame the resumed session came from ({@code tls.resumption.origin_frame}).
 */
final class FlowTls {
    /** Bits of {@link #kinds}. */
    static final int HANDSHAKE = 1, APP_DATA_ONLY = 2;
    private static final int CCS = 20, HANDSHAKE_RECORD = 22, APP_DATA = 23;
    private static final int SERVER_HELLO = 2, NEW_SESSION_TICKET = 4;

    private int[] hsType = {}, contentType = {}, supportedVersion = {}, hsVersion = {}, sessionId = {}, method = {}, origin = {};

    /** One connection's TLS handshake, as the flow labels it; rows are found by frame (folding moves rows). */
    static final class Session {
        long firstFrame = -1, lastFrame = -1;
        String version;
        String resumed;
        String sessionId;
        long originFrame = -1;
        int originStream = -1;
    }

    void prime(Engine engine) {
        hsType = ReportFormat.want(engine, "tls.handshake.type");
        if (hsType.length == 0) {
            return;
        }
        ReportFormat.want(engine, "tls");
        contentType = ReportFormat.want(engine, "tls.record.content_type");
        supportedVersion = ReportFormat.want(engine, "tls.handshake.extensions.supported_version");
        hsVersion = ReportFormat.want(engine, "tls.handshake.version");
        sessionId = ReportFormat.want(engine, "tls.handshake.session_id");
        method = ReportFormat.want(engine, "tls.resumption_method");
        origin = ReportFormat.want(engine, "tls.resumption.origin_frame");
    }

    /** {@link #HANDSHAKE} when a record of the packet is a handshake or ChangeCipherSpec, {@link #APP_DATA_ONLY} when all are data. */
    int kinds(Tree t) {
        if (ReportFormat.first(t, hsType) >= 0) {
            return HANDSHAKE;
        }
        boolean any = false;
        boolean data = true;
        for (int id : contentType) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                long ct = t.value(n);
                if (ct == CCS || ct == HANDSHAKE_RECORD) {
                    return HANDSHAKE;
                }
                any = true;
                data &= ct == APP_DATA;
            }
        }
        return any && data ? APP_DATA_ONLY : 0;
    }

    /**
     * Records where sessions start in {@code origins} and notes the handshake segment of frame {@code frame}
     * in {@code s} (null for a stream that is not drawn: its sessions may still be resumed by a drawn one).
     */
    void handshake(Tree t, long frame, int stream, Session s, TlsOrigins origins) {
        if (s != null) {
            s.firstFrame = s.firstFrame < 0 ? frame : s.firstFrame;
            s.lastFrame = frame;
        }
        for (int id : hsType) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                long type = t.value(n);
                if (type == SERVER_HELLO || type == NEW_SESSION_TICKET) {
                    origins.record(frame, stream);
                }
                if (type == SERVER_HELLO && s != null && s.version == null) {
                    serverHello(t, n, s, origins);
                }
            }
        }
    }

    private void serverHello(Tree t, int hello, Session s, TlsOrigins origins) {
        int v = ReportFormat.firstAfter(t, supportedVersion, hello);
        if (v < 0) {
            v = ReportFormat.firstAfter(t, hsVersion, hello);
        }
        if (v >= 0) {
            s.version = name(t, v);
        }
        int id = ReportFormat.firstAfter(t, sessionId, hello);
        if (id >= 0 && t.length(id) > 0) {
            s.sessionId = hex(t, id);
        }
        int m = ReportFormat.first(t, method);
        if (m >= 0) {
            s.resumed = name(t, m);
        }
        int o = ReportFormat.first(t, origin);
        if (o >= 0) {
            s.originFrame = t.value(o);
            s.originStream = origins.streamOf(s.originFrame);
        }
    }

    /** The value's name ({@code TLS 1.2}, {@code Session ID}) or its number. */
    static String name(Tree t, int node) {
        ValueNames names = t.field(node).values();
        String n = names != null ? names.name(t.value(node)) : null;
        return n != null ? n : Long.toString(t.value(node));
    }

    /** A bytes node as lower-case hex. */
    static String hex(Tree t, int node) {
        StringBuilder sb = new StringBuilder(2 * t.length(node));
        for (int k = 0, n = t.length(node); k < n; k++) {
            int b = t.byteAt(node, k) & 0xFF;
            sb.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
