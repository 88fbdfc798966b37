package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The TLS handshake protocol (RFC 8446 §4, RFC 5246 §7.4), Wireshark 4.0's {@code dissect_tls_handshake}: the
 * messages of a handshake record, a message continued over several records (reassembled per direction into the
 * session and dissected from a "Reassembled TLS Handshake" data source once complete), and the heuristic that
 * tells encrypted handshake messages (Finished after ChangeCipherSpec) from plaintext ones.
 *
 * <pre>
 * struct { HandshakeType msg_type; uint24 length; select (msg_type) { ClientHello; ServerHello; ... } } Handshake;
 * ClientHello { ProtocolVersion; Random[32]; SessionID<0..32>; CipherSuite<2..2^16-2>; CompressionMethod<1..2^8-1>;
 *               Extension<0..2^16-1> }
 * </pre>
 *
 * <p>Every message type is decoded (hello_request to key_update and compressed_certificate) with Wireshark's
 * fields; vectors are checked as Wireshark's {@code ssl_add_vector}/{@code ssl_end_vector} do (expert items,
 * lengths truncated to what fits). Extensions are walked in place by {@link #extensions}. JA3/JA3S/JA4 are
 * collected into {@link TlsFingerprint} during the hello walk and composed only when wanted; certificates are
 * decoded by {@link X509Decoder} only when something wants them. Session resumption is tracked here too
 * (see the README).
 */
final class TlsHandshake implements Dissector {
    /** Key exchange algorithm of a cipher suite (what ServerKeyExchange/ClientKeyExchange carry). */
    static final int KEX_UNKNOWN = 0, KEX_RSA = 1, KEX_DHE = 2, KEX_DH_ANON = 3, KEX_ECDHE = 4, KEX_ECDH_ANON = 5,
            KEX_PSK = 6, KEX_RSA_PSK = 7, KEX_DHE_PSK = 8, KEX_ECDHE_PSK = 9, KEX_DH = 10, KEX_ECDH = 11;
    private static final byte[] KEX = new byte[65536];

    static {
        for (int i = 0; i < TlsNames.CIPHER_SUITES.size(); i++) {
            int suite = (int) TlsNames.CIPHER_SUITES.key(i);
            if (suite >= 0 && suite < 65536) {
                KEX[suite] = (byte) kexOf(TlsNames.CIPHER_SUITES.nameAt(i));
            }
        }
    }

    static int kexOf(String name) {
        if (name.contains("_ECDHE_PSK_")) {
            return KEX_ECDHE_PSK;
        }
        if (name.contains("_DHE_PSK_")) {
            return KEX_DHE_PSK;
        }
        if (name.contains("_RSA_PSK_")) {
            return KEX_RSA_PSK;
        }
        if (name.startsWith("TLS_PSK_")) {
            return KEX_PSK;
        }
        if (name.contains("_ECDH_anon_")) {
            return KEX_ECDH_ANON;
        }
        if (name.contains("_ECDHE_")) {
            return KEX_ECDHE;
        }
        if (name.contains("_ECDH_")) {
            return KEX_ECDH;
        }
        if (name.contains("_DH_anon_")) {
            return KEX_DH_ANON;
        }
        if (name.contains("_DHE_")) {
            return KEX_DHE;
        }
        if (name.contains("_DH_")) {
            return KEX_DH;
        }
        if (name.startsWith("TLS_RSA_") || name.startsWith("SSL_RSA_")) {
            return KEX_RSA;
        }
        return KEX_UNKNOWN;
    }

    private final TlsDissector tls;
    final TlsFingerprint fp = new TlsFingerprint();
    final TlsResumption resumption = new TlsResumption();
    final X509Decoder x509 = new X509Decoder();
    private final DissectorHandle reassembledHandle;

    /** Per-frame area for reassembled handshake messages (a data source must stay valid for the whole frame). */
    private byte[] arena = new byte[8192];
    private MemorySegment arenaSegment = MemorySegment.ofArray(arena);
    private int arenaUsed;
    private long arenaFrame = -1;

    // Context of a reassembled message, handed to dissect() through Packet.callOnSource.
    private TlsSession ctxSession;
    private boolean ctxFromServer;
    private int ctxVersion;

    // Per-hello state.
    private boolean helloHasTls13;
    private int serverSessionIdAt;
    private int serverSessionIdLength;
    private boolean serverSelectedPsk;
    private int serverSelectedVersion;

    TlsHandshake(TlsDissector tls) {
        this.tls = tls;
        this.reassembledHandle = new DissectorHandle("tls.handshake.reassembled", null, this);
    }

    /** Dissects a reassembled message (current source: the reassembled bytes, offset 0). */
    @Override
    public int dissect(Packet p, int offset, int length) {
        message(p, ctxSession, ctxFromServer, offset, ctxVersion, true);
        return length;
    }

    // ---- records -----------------------------------------------------------------------------------

    /** The handshake record body {@code [offset, end)} (dissect_tls_handshake with maybe_encrypted). */
    void records(Packet p, TlsSession s, boolean fromServer, int offset, int end, int version) {
        Tree t = p.tree();
        TlsSession.HsReassembly r = s.hs[fromServer ? TlsSession.SERVER : TlsSession.CLIENT];
        boolean first = true;
        boolean continued = false;
        boolean completed = false;
        int subset = 0;
        if (!p.visited() && r.active) {
            int fragsLen = r.length;
            subset = end - offset;
            int msgLen = 0;
            if (fragsLen + subset >= TlsWire.HANDSHAKE_HEADER_LENGTH) {
                msgLen = TlsWire.HANDSHAKE_HEADER_LENGTH
                        + ((headerByte(p, r, offset, 1) << 16) | (headerByte(p, r, offset, 2) << 8) | headerByte(p, r, offset, 3));
                if (subset > msgLen - fragsLen) {
                    subset = msgLen - fragsLen;
                }
            }
            if (p.captured(offset) < subset) {
                // Missing data: the message cannot be completed, nor is it known where the next one starts.
                r.clear();
            } else if (msgLen > TlsDissector.MAX_HANDSHAKE_MESSAGE) {
                TlsExpert.add(p, TlsExpert.REASSEMBLY_LIMIT, offset, subset);
                r.clear();
            } else if (append(p, r, offset, subset)) {
                continued = true;
                completed = msgLen != 0 && fragsLen + subset == msgLen;
                if (completed) {
                    r.active = false;
                }
            }
        }
        if (continued) {
            if (!completed) {
                // The middle of a message: shown as a handshake item, the Info column untouched.
                t.add(TlsFields.HANDSHAKE, offset, end - offset);
                return;
            }
            t.add(TlsFields.HANDSHAKE, offset, subset);
            offset += subset;
            reassembled(p, s, fromServer, r, version);
            release(r);
            first = false;
        } else if (encrypted(p, s, fromServer, offset, end)) {
            TlsDissector.info(p, "Encrypted Handshake Message");
            t.add(TlsFields.HANDSHAKE, offset, end - offset);
            return;
        }
        while (offset < end) {
            int available = end - offset;
            int msgLen = available >= TlsWire.HANDSHAKE_HEADER_LENGTH
                    ? TlsWire.HANDSHAKE_HEADER_LENGTH + p.u24(offset + 1) : 0;
            if (msgLen == 0 || available < msgLen) {
                int type = p.u8(offset);
                if (!p.visited()) {
                    startReassembly(p, r, offset, available, msgLen);
                }
                if (first && p.columns()) {
                    TlsDissector.sep(p).append('[')
                            .append(TlsNames.HANDSHAKE_TYPES.name(type, "Encrypted Handshake Message")).append(" Fragment]");
                }
                t.add(TlsFields.HANDSHAKE, offset, available);
                break;
            }
            message(p, s, fromServer, offset, version, first);
            offset += msgLen;
            first = false;
        }
    }

    /** Byte {@code i} of the message header: from the fragments kept so far, then from the current record. */
    private static int headerByte(Packet p, TlsSession.HsReassembly r, int offset, int i) {
        return i < r.length ? r.buf[i] & 0xff : p.u8(offset + i - r.length);
    }

    private void startReassembly(Packet p, TlsSession.HsReassembly r, int offset, int available, int msgLen) {
        r.clear();
        if (p.captured(offset) < available) {
            return;
        }
        if (msgLen > TlsDissector.MAX_HANDSHAKE_MESSAGE) {
            TlsExpert.add(p, TlsExpert.REASSEMBLY_LIMIT, offset, available);
            return;
        }
        r.active = true;
        r.msgType = p.u8(offset);
        append(p, r, offset, available);
    }


    /** Appends {@code n} bytes to the message being reassembled; false (nothing kept) past the global bound. */
    private boolean append(Packet p, TlsSession.HsReassembly r, int offset, int n) {
        int need = r.length + n;
        if (need > r.buf.length) {
            int size = Math.min(Math.max(need, r.buf.length * 2),
                    TlsDissector.MAX_HANDSHAKE_MESSAGE + TlsWire.HANDSHAKE_HEADER_LENGTH);
            TlsSessions sessions = tls.sessions;
            if (sessions.reassemblyBytes + size - r.buf.length > TlsSessions.MAX_REASSEMBLY_BYTES) {
                TlsExpert.add(p, TlsExpert.REASSEMBLY_LIMIT, offset, n);
                release(r);
                return false;
            }
            sessions.reassemblyBytes += size - r.buf.length;
            r.buf = java.util.Arrays.copyOf(r.buf, size);
        }
        MemorySegment.copy(p.segment(), Bytes.U8, p.base() + offset, r.buf, r.length, n);
        r.length = need;
        r.addFragment(p.frame().number(), n);
        return true;
    }

    static final byte[] NO_BYTES = new byte[0];

    /** Gives the reassembly buffer back: memory grows with sessions, and few fragment a second message. */
    private void release(TlsSession.HsReassembly r) {
        r.clear();
        tls.sessions.reassemblyBytes -= r.buf.length;
        r.buf = NO_BYTES;
    }

    /** Dissects the message completed in {@code r} from a new data source of this frame. */
    private void reassembled(Packet p, TlsSession s, boolean fromServer, TlsSession.HsReassembly r, int version) {
        long frame = p.frame().number();
        if (frame != arenaFrame) {
            arenaFrame = frame;
            arenaUsed = 0;
        }
        int len = r.length;
        if (arena.length - arenaUsed < len) {
            // Earlier sources of this frame keep the old array alive through their segment.
            arena = new byte[Math.max(len, arena.length * 2)];
            arenaSegment = MemorySegment.ofArray(arena);
            arenaUsed = 0;
        }
        System.arraycopy(r.buf, 0, arena, arenaUsed, len);
        Tree t = p.tree();
        int src = t.addSource(arenaSegment, arenaUsed, len, "Reassembled TLS Handshake");
        arenaUsed += len;
        if (t.wants(TlsFields.HS_FRAGMENTS) || t.wants(TlsFields.HS_FRAGMENT) || t.wants(TlsFields.HS_FRAGMENT_COUNT)) {
            int saved = t.currentSource();
            t.useSource(src);
            t.open(TlsFields.HS_FRAGMENTS, 0, len);
            int off = 0;
            int n = Math.min(r.fragments, TlsSession.HsReassembly.MAX_FRAGMENT_FRAMES);
            for (int i = 0; i < n; i++) {
                t.addLong(TlsFields.HS_FRAGMENT, off, r.fragmentLength[i], r.fragmentFrame[i]);
                off += r.fragmentLength[i];
            }
            t.addGenerated(TlsFields.HS_FRAGMENT_COUNT, r.fragments);
            t.close();
            t.useSource(saved);
        }
        ctxSession = s;
        ctxFromServer = fromServer;
        ctxVersion = version;
        p.callOnSource(src, reassembledHandle, 0, len);
    }

    /** Wireshark's {@code is_encrypted_handshake_message} (no decryption: a record may be encrypted). */
    private static boolean encrypted(Packet p, TlsSession s, boolean fromServer, int at, int end) {
        if (end - at < 16) {
            // Encryption adds at least 16 bytes (MAC, or explicit nonce and tag): shorter is plaintext.
            return false;
        }
        // Two HelloRequests in a row (00 00 00 00 00) are more likely a GCM explicit nonce of zero.
        boolean maybe = p.u32(at) == 0 && p.u8(at + 4) == 0;
        if (!maybe) {
            long ccs = fromServer ? s.serverCcsFrame : s.clientCcsFrame;
            maybe = ccs != 0 && p.frame().number() > ccs;
        }
        if (!maybe) {
            maybe = TlsNames.HANDSHAKE_TYPES.name(p.u8(at)) == null || p.u24(at + 1) >= 0x10000;
        }
        return maybe;
    }

    // ---- one message ---------------------------------------------------------------------------------

    /** One complete handshake message at {@code at} (dissect_tls_handshake_full). */
    void message(Packet p, TlsSession s, boolean fromServer, int at, int version, boolean first) {
        Tree t = p.tree();
        int type = p.u8(at);
        int length = p.u24(at + 1);
        String name = TlsNames.HANDSHAKE_TYPES.name(type);
        if (name == null && !first) {
            return;
        }
        int body = at + TlsWire.HANDSHAKE_HEADER_LENGTH;
        int end = body + length;
        boolean hrr = false;
        if (first && type == TlsWire.HS_SERVER_HELLO && length > 2) {
            int serverVersion = scanServerHello(p, body, end);
            hrr = serverVersion < 0;
            if (hrr) {
                serverVersion = -serverVersion;
                name = "Hello Retry Request";
            }
            if (!p.visited()) {
                int v = TlsWire.tryVersion(TlsWire.CT_HANDSHAKE, TlsWire.HS_SERVER_HELLO, serverVersion);
                if (v != TlsWire.VERSION_UNKNOWN) {
                    s.version = v;
                }
            }
        }
        TlsDissector.info(p, name != null ? name : "Encrypted Handshake Message");
        t.open(TlsFields.HANDSHAKE, at, length + TlsWire.HANDSHAKE_HEADER_LENGTH);
        if (name == null) {
            t.close();
            return;
        }
        t.addUint(TlsFields.HS_TYPE, at, 1, type);
        t.addUint(TlsFields.HS_LENGTH, at + 1, 3, length);
        switch (type) {
            case TlsWire.HS_CLIENT_HELLO -> clientHello(p, s, body, end);
            case TlsWire.HS_SERVER_HELLO -> serverHello(p, s, body, end, hrr);
            case TlsWire.HS_NEW_SESSION_TICKET -> newSessionTicket(p, s, body, end);
            case TlsWire.HS_HELLO_RETRY_REQUEST -> {
                // TLS 1.3 drafts before -22.
                t.addUint(TlsFields.HS_VERSION, body, 2, p.u16(body));
                t.addUint(TlsFields.HS_CIPHER_SUITE, body + 2, 2, p.u16(body + 2));
                extensions(p, s, body + 4, end, TlsWire.HS_HELLO_RETRY_REQUEST, false);
            }
            case TlsWire.HS_ENCRYPTED_EXTENSIONS -> extensions(p, s, body, end, TlsWire.HS_ENCRYPTED_EXTENSIONS, false);
            case TlsWire.HS_CERTIFICATE -> {
                if (fromServer) {
                    fullHandshake(p, s, at);
                }
                certificate(p, s, body, end);
            }
            case TlsWire.HS_SERVER_KEY_EXCHANGE -> {
                fullHandshake(p, s, at);
                serverKeyExchange(p, s, body, end);
            }
            case TlsWire.HS_CERTIFICATE_REQUEST -> certificateRequest(p, s, body, end);
            case TlsWire.HS_SERVER_HELLO_DONE -> fullHandshake(p, s, at);
            case TlsWire.HS_CERTIFICATE_VERIFY -> digitallySigned(p, s.version, body, end, TlsFields.CERT_VERIFY_SIG_LEN,
                    TlsFields.CERT_VERIFY_SIG);
            case TlsWire.HS_CLIENT_KEY_EXCHANGE -> clientKeyExchange(p, s, body, end);
            case TlsWire.HS_FINISHED -> t.add(TlsFields.VERIFY_DATA, body, length);
            case TlsWire.HS_CERTIFICATE_STATUS -> certificateStatus(p, body, end);
            case TlsWire.HS_KEY_UPDATE -> t.addUint(TlsFields.KEY_UPDATE_REQUEST, body, 1, p.u8(body));
            case TlsWire.HS_COMPRESSED_CERTIFICATE -> {
                t.addUint(TlsFields.COMPRESS_CERT_ALG, body, 2, p.u16(body));
                t.addUint(TlsFields.COMPRESS_CERT_UNCOMPRESSED_LEN, body + 2, 3, p.u24(body + 2));
                int n = vector(p, body + 5, end, TlsFields.COMPRESS_CERT_MSG_LEN, 3, 1, 0xffffff);
                if (n >= 0) {
                    bytes(p, TlsFields.COMPRESS_CERT_MSG, body + 8, n);
                }
            }
            default -> {
                // hello_request, end_of_early_data, supplemental data, certificate URL: nothing (more) to show.
            }
        }
        t.close();
        if (type == TlsWire.HS_SERVER_HELLO && p.columns()) {
            // ssl_dissect_hnd_srv_hello sets the Protocol column to the (possibly just negotiated) version.
            p.protocolColumn(TlsWire.shortName(s.version, "SSL"));
        }
    }

    /**
     * {@code tls_scan_server_hello}: the version a ServerHello selects (supported_versions over the legacy field);
     * negated when the random is the HelloRetryRequest magic.
     */
    private static int scanServerHello(Packet p, int at, int end) {
        int version = p.u16(at);
        if (version != TlsWire.TLS12 || end - at < 46) {
            return version;
        }
        boolean hrr = true;
        for (int i = 0; i < 32; i++) {
            if ((byte) p.u8(at + 2 + i) != TlsWire.HRR_RANDOM[i]) {
                hrr = false;
                break;
            }
        }
        int off = at + 34;
        int sid = p.u8(off);
        off++;
        if (end - off < sid + 5) {
            return hrr ? -version : version;
        }
        off += sid + 5;
        while (end - off >= 6) {
            int type = p.u16(off);
            int len = p.u16(off + 2);
            if (end - off < 4 + len) {
                break;
            }
            if (type == TlsWire.EXT_SUPPORTED_VERSIONS && len == 2) {
                version = p.u16(off + 4);
                break;
            }
            off += 4 + len;
        }
        return hrr ? -version : version;
    }

    // ---- hellos --------------------------------------------------------------------------------------

    /** Random and session ID (ssl_dissect_hnd_hello_common); returns the offset after them. */
    private int helloCommon(Packet p, TlsSession s, int at, boolean fromServer, boolean hrr) {
        Tree t = p.tree();
        p.require(at, 32);
        if (!hrr && s.version != TlsWire.TLS13) {
            t.open(TlsFields.HS_RANDOM, at, 32);
            t.addLong(TlsFields.HS_RANDOM_TIME, at, 4, p.u32(at) * 1_000_000_000L);
            t.add(TlsFields.HS_RANDOM_BYTES, at + 4, 28);
            t.close();
        } else {
            t.add(TlsFields.HS_RANDOM, at, 32);
        }
        at += 32;
        int sidLength = p.u8(at);
        t.addUint(TlsFields.HS_SESSION_ID_LEN, at, 1, sidLength);
        at++;
        if (sidLength > 0) {
            p.require(at, sidLength);
            t.add(TlsFields.HS_SESSION_ID, at, sidLength);
        }
        return at + sidLength;
    }

    private void clientHello(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        boolean wantJa3 = t.wants(TlsFields.JA3) || t.wants(TlsFields.JA3_FULL);
        boolean wantJa4 = t.wants(TlsFields.JA4) || t.wants(TlsFields.JA4_R);
        if (!p.visited()) {
            s.setServer(p);
            s.resetResumption();
        }
        int version = p.u16(at);
        t.addUint(TlsFields.HS_VERSION, at, 2, version);
        fp.reset(version);
        helloHasTls13 = false;
        int sidAt = at + 2 + 32 + 1;
        at = helloCommon(p, s, at + 2, false, false);
        int sidLength = at - sidAt;
        if (!p.visited() && sidLength > 0 && sidLength <= 32) {
            MemorySegment.copy(p.segment(), Bytes.U8, p.base() + sidAt, s.offeredSessionId, 0, sidLength);
            s.offeredSessionIdLength = sidLength;
        }
        int csLength = vector(p, at, end, TlsFields.HS_CIPHER_SUITES_LEN, 2, 2, 0xffff);
        if (csLength < 0) {
            return;
        }
        at += 2;
        int next = at + csLength;
        t.open(TlsFields.HS_CIPHER_SUITES, at, csLength);
        while (at + 2 <= next) {
            int c = p.u16(at);
            t.addUint(TlsFields.HS_CIPHER_SUITE, at, 2, c);
            fp.cipher(c);
            at += 2;
        }
        t.close();
        if (!endVector(p, at, next)) {
            at = next;
        }
        int cmLength = vector(p, at, end, TlsFields.HS_COMP_METHODS_LEN, 1, 1, 0xff);
        if (cmLength < 0) {
            return;
        }
        at++;
        next = at + cmLength;
        t.open(TlsFields.HS_COMP_METHODS, at, cmLength);
        while (at < next) {
            t.addUint(TlsFields.HS_COMP_METHOD, at, 1, p.u8(at));
            at++;
        }
        t.close();
        boolean withExtensions = at < end;
        if (withExtensions) {
            extensions(p, s, at, end, TlsWire.HS_CLIENT_HELLO, true);
        }
        if (!p.visited()) {
            clientHelloOffers(p, s);
        }
        if (wantJa3) {
            CharSequence full = fp.ja3(withExtensions);
            t.addString(TlsFields.JA3_FULL, full);
            t.addString(TlsFields.JA3, fp.md5(full));
        }
        if (wantJa4) {
            if (t.wants(TlsFields.JA4)) {
                AsciiText ja4 = fp.ja4(false);
                t.addBytes(TlsFields.JA4, ja4.segment(), 0, ja4.length());
            }
            if (t.wants(TlsFields.JA4_R)) {
                AsciiText ja4r = fp.ja4(true);
                t.addBytes(TlsFields.JA4_R, ja4r.segment(), 0, ja4r.length());
            }
        }
    }

    /** The SSL 2.0-compatible ClientHello (RFC 5246 Appendix E.2); {@code at} is past the message type. */
    void ssl2ClientHello(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int version = p.u16(at);
        if (!TlsDissector.validSslVersion(version)) {
            return;
        }
        if (!p.visited()) {
            s.setServer(p);
        }
        t.addUint(TlsFields.HS_VERSION, at, 2, version);
        at += 2;
        int specLength = p.u16(at);
        t.addUint(TlsFields.SSL2_CIPHER_SPEC_LEN, at, 2, specLength);
        at += 2;
        int sidLength = p.u16(at);
        t.addUint(TlsFields.SSL2_SESSION_ID_LEN, at, 2, sidLength);
        if (sidLength > 16) {
            TlsExpert.add(p, TlsExpert.VECTOR_LENGTH, at, 2);
            return;
        }
        at += 2;
        int challengeLength = p.u16(at);
        t.addUint(TlsFields.SSL2_CHALLENGE_LEN, at, 2, challengeLength);
        at += 2;
        t.open(TlsFields.HS_CIPHER_SUITES, at, specLength);
        while (specLength >= 3) {
            t.addUint(TlsFields.SSL2_CIPHER_SPEC, at, 3, p.u24(at));
            at += 3;
            specLength -= 3;
        }
        t.close();
        if (sidLength > 0) {
            bytes(p, TlsFields.HS_SESSION_ID, at, sidLength);
            at += sidLength;
        }
        if (challengeLength > 0) {
            p.require(at, challengeLength);
            t.add(TlsFields.SSL2_CHALLENGE, at, challengeLength);
        }
    }

    private void serverHello(Packet p, TlsSession s, int at, int end, boolean hrr) {
        Tree t = p.tree();
        boolean wantJa3s = t.wants(TlsFields.JA3S) || t.wants(TlsFields.JA3S_FULL);
        int version = p.u16(at);
        t.addUint(TlsFields.HS_VERSION, at, 2, version);
        fp.reset(version);
        int sidAt = at + 2 + 32 + 1;
        int draft = TlsWire.tls13Draft(version);
        boolean noSessionId = s.version == TlsWire.TLS13 && draft > 0 && draft < 22;
        if (noSessionId) {
            p.require(at + 2, 32);
            t.add(TlsFields.HS_RANDOM, at + 2, 32);
            at += 34;
            sidAt = at;
        } else {
            at = helloCommon(p, s, at + 2, true, hrr);
        }
        serverSessionIdAt = sidAt;
        serverSessionIdLength = at - sidAt;
        int cipher = p.u16(at);
        t.addUint(TlsFields.HS_CIPHER_SUITE, at, 2, cipher);
        at += 2;
        if (!(s.version == TlsWire.TLS13 && draft > 0 && draft < 22)) {
            t.addUint(TlsFields.HS_COMP_METHOD, at, 1, p.u8(at));
            at++;
        }
        if (!p.visited()) {
            s.cipher = cipher;
            s.alpnApp = 0;
        }
        serverSelectedPsk = false;
        serverSelectedVersion = 0;
        boolean withExtensions = at < end;
        if (withExtensions) {
            extensions(p, s, at, end, hrr ? TlsWire.HS_HELLO_RETRY_REQUEST : TlsWire.HS_SERVER_HELLO, true);
        }
        if (wantJa3s) {
            CharSequence full = fp.ja3s(cipher, withExtensions);
            t.addString(TlsFields.JA3S_FULL, full);
            t.addString(TlsFields.JA3S, fp.md5(full));
        }
        if (!hrr) {
            serverHelloResumption(p, s);
        }
    }

    private void newSessionTicket(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        boolean tls13 = s.version == TlsWire.TLS13;
        t.addUint(TlsFields.SESSION_TICKET_LIFETIME, at, 4, p.u32(at));
        at += 4;
        if (tls13) {
            t.addUint(TlsFields.SESSION_TICKET_AGE_ADD, at, 4, p.u32(at));
            at += 4;
            int nonce = vector(p, at, end, TlsFields.SESSION_TICKET_NONCE_LEN, 1, 0, 0xff);
            if (nonce < 0) {
                return;
            }
            at++;
            bytes(p, TlsFields.SESSION_TICKET_NONCE, at, nonce);
            at += nonce;
        }
        int ticket = vector(p, at, end, TlsFields.SESSION_TICKET_LEN, 2, tls13 ? 1 : 0, 0xffff);
        if (ticket < 0) {
            return;
        }
        at += 2;
        bytes(p, TlsFields.SESSION_TICKET, at, ticket);
        if (!tls13 && ticket > 0 && !p.visited() && s.serverKnown) {
            resumption.remember(TlsResumption.endpoint(s), TlsResumption.KIND_TICKET,
                    TlsResumption.hash(p.segment(), p.base() + at, ticket), p.frame().number());
        }
        if (s.ticketPending) {
            // A NewSessionTicket right after the ServerHello: the server accepted the offered ticket.
            s.ticketPending = false;
            s.resumption = TlsFields.RESUMED_TICKET;
        }
        at += ticket;
        if (tls13) {
            extensions(p, s, at, end, TlsWire.HS_NEW_SESSION_TICKET, false);
        }
    }

    // ---- extensions ----------------------------------------------------------------------------------

    /** The extensions block {@code Extension extensions<0..2^16-1>} at {@code at}; {@code hello} collects fingerprints. */
    private void extensions(Packet p, TlsSession s, int at, int end, int hsType, boolean hello) {
        Tree t = p.tree();
        int total = vector(p, at, end, TlsFields.EXTS_LEN, 2, 0, 0xffff);
        if (total < 0) {
            return;
        }
        at += 2;
        int extsEnd = at + total;
        boolean client = hsType == TlsWire.HS_CLIENT_HELLO;
        while (extsEnd - at >= 4) {
            int type = p.u16(at);
            // Wireshark adds the "Extension: ..." subtree over type, length and data first: past the data it throws.
            p.require(at, 4 + p.u16(at + 2));
            t.addUint(TlsFields.EXT_TYPE, at, 2, type);
            if (hello) {
                fp.extension(type);
            }
            at += 2;
            int len = vector(p, at, extsEnd, TlsFields.EXT_LEN, 2, 0, 0xffff);
            if (len < 0) {
                return;
            }
            at += 2;
            int next = at + len;
            at = extension(p, s, type, at, next, len, hsType, client && hello);
            if (!endVector(p, at, next)) {
                at = next;
            }
        }
        endVector(p, at, extsEnd);
        if (hello) {
            fp.extensionsComplete = true;
        }
    }

    private int extension(Packet p, TlsSession s, int type, int at, int end, int len, int hsType, boolean clientHello) {
        Tree t = p.tree();
        switch (type) {
            case TlsWire.EXT_SERVER_NAME -> {
                if (clientHello) {
                    fp.sni = true;
                }
                if (at == end) {
                    return at;
                }
                int list = vector(p, at, end, TlsFields.SNI_LIST_LEN, 2, 1, 0xffff);
                if (list < 0) {
                    return end;
                }
                at += 2;
                int next = at + list;
                while (at < next) {
                    t.addUint(TlsFields.SNI_TYPE, at, 1, p.u8(at));
                    at++;
                    int n = vector(p, at, next, TlsFields.SNI_LEN, 2, 1, 0xffff);
                    if (n < 0) {
                        return next;
                    }
                    at += 2;
                    bytes(p, TlsFields.SNI, at, n);
                    at += n;
                }
                return at;
            }
            case TlsWire.EXT_MAX_FRAGMENT_LENGTH -> {
                t.addUint(TlsFields.MAX_FRAGMENT_LENGTH, at, 1, p.u8(at));
                return at + 1;
            }
            case TlsWire.EXT_STATUS_REQUEST -> {
                if (hsType != TlsWire.HS_CLIENT_HELLO) {
                    return at;
                }
                int statusType = p.u8(at);
                t.addUint(TlsFields.STATUS_REQUEST_TYPE, at, 1, statusType);
                at++;
                if (statusType == 1) {
                    int ids = vector(p, at, end, TlsFields.STATUS_REQUEST_RESPONDER_IDS_LEN, 2, 0, 0xffff);
                    if (ids < 0) {
                        return end;
                    }
                    at += 2 + ids;
                    int exts = vector(p, at, end, TlsFields.STATUS_REQUEST_EXTS_LEN, 2, 0, 0xffff);
                    if (exts < 0) {
                        return end;
                    }
                    at += 2 + exts;
                }
                return at;
            }
            case TlsWire.EXT_SUPPORTED_GROUPS -> {
                int n = vector(p, at, end, TlsFields.GROUPS_LEN, 2, 2, 0xffff);
                if (n < 0) {
                    return end;
                }
                at += 2;
                int next = at + n;
                t.open(TlsFields.GROUPS, at, n);
                while (at + 2 <= next) {
                    int g = p.u16(at);
                    t.addUint(TlsFields.GROUP, at, 2, g);
                    if (clientHello) {
                        fp.group(g);
                    }
                    at += 2;
                }
                t.close();
                return endVector(p, at, next) ? at : next;
            }
            case TlsWire.EXT_EC_POINT_FORMATS -> {
                int n = vector(p, at, end, TlsFields.EC_POINT_FORMATS_LEN, 1, 1, 0xff);
                if (n < 0) {
                    return end;
                }
                at++;
                int next = at + n;
                t.open(TlsFields.EC_POINT_FORMATS, at, n);
                while (at < next) {
                    int f = p.u8(at);
                    t.addUint(TlsFields.EC_POINT_FORMAT, at, 1, f);
                    if (clientHello) {
                        fp.pointFormat(f);
                    }
                    at++;
                }
                t.close();
                return at;
            }
            case TlsWire.EXT_SIGNATURE_ALGORITHMS, TlsWire.EXT_SIGNATURE_ALGORITHMS_CERT -> {
                return sigHashAlgs(p, at, end, clientHello && type == TlsWire.EXT_SIGNATURE_ALGORITHMS);
            }
            case TlsWire.EXT_HEARTBEAT -> {
                t.addUint(TlsFields.HEARTBEAT_MODE, at, 1, p.u8(at));
                return at + 1;
            }
            case TlsWire.EXT_ALPN -> {
                return alpn(p, s, at, end, hsType, clientHello);
            }
            case TlsWire.EXT_SIGNED_CERTIFICATE_TIMESTAMP -> {
                if (hsType == TlsWire.HS_SERVER_HELLO || hsType == TlsWire.HS_ENCRYPTED_EXTENSIONS
                        || hsType == TlsWire.HS_CERTIFICATE) {
                    return sctList(p, s, at, end);
                }
                return at;
            }
            case TlsWire.EXT_PADDING -> {
                bytes(p, TlsFields.PADDING_DATA, at, len);
                return at + len;
            }
            case TlsWire.EXT_ENCRYPT_THEN_MAC, TlsWire.EXT_EXTENDED_MASTER_SECRET, TlsWire.EXT_POST_HANDSHAKE_AUTH -> {
                return at;
            }
            case TlsWire.EXT_COMPRESS_CERTIFICATE -> {
                int n = vector(p, at, end, TlsFields.COMPRESS_CERT_ALGS_LEN, 1, 2, 0xfe);
                if (n < 0) {
                    return end;
                }
                at++;
                int next = at + n;
                while (at + 2 <= next) {
                    t.addUint(TlsFields.COMPRESS_CERT_ALG, at, 2, p.u16(at));
                    at += 2;
                }
                return at;
            }
            case TlsWire.EXT_RECORD_SIZE_LIMIT -> {
                t.addUint(TlsFields.RECORD_SIZE_LIMIT, at, 2, p.u16(at));
                return at + 2;
            }
            case TlsWire.EXT_SESSION_TICKET -> {
                // Wireshark 4.0 shows the ticket of the extension as extension data ("Data (n bytes)").
                bytes(p, TlsFields.EXT_DATA, at, len);
                if (clientHello && len > 0 && !p.visited()) {
                    s.offered |= TlsFields.OFFER_TICKET;
                    s.offeredTicketLength = len;
                    s.offeredTicketHash = TlsResumption.hash(p.segment(), p.base() + at, len);
                }
                return at + len;
            }
            case TlsWire.EXT_KEY_SHARE_OLD, TlsWire.EXT_KEY_SHARE -> {
                return keyShare(p, at, end, hsType);
            }
            case TlsWire.EXT_PRE_SHARED_KEY -> {
                return preSharedKey(p, s, at, end, hsType);
            }
            case TlsWire.EXT_EARLY_DATA, TlsWire.EXT_TICKET_EARLY_DATA_INFO -> {
                if (hsType == TlsWire.HS_NEW_SESSION_TICKET && end - at >= 4) {
                    t.addUint(TlsFields.MAX_EARLY_DATA_SIZE, at, 4, p.u32(at));
                    return at + 4;
                }
                return at;
            }
            case TlsWire.EXT_SUPPORTED_VERSIONS -> {
                if (hsType == TlsWire.HS_CLIENT_HELLO) {
                    int n = vector(p, at, end, TlsFields.SUPPORTED_VERSIONS_LEN, 1, 2, 254);
                    if (n < 0) {
                        return end;
                    }
                    at++;
                    int next = at + n;
                    while (at + 2 <= next) {
                        int v = p.u16(at);
                        t.addUint(TlsFields.SUPPORTED_VERSION, at, 2, v);
                        if (clientHello) {
                            fp.supportedVersion(v);
                        }
                        if (v == TlsWire.TLS13 || TlsWire.tls13Draft(v) != 0) {
                            helloHasTls13 = true;
                        }
                        at += 2;
                    }
                    return endVector(p, at, next) ? at : next;
                }
                if (hsType == TlsWire.HS_SERVER_HELLO || hsType == TlsWire.HS_HELLO_RETRY_REQUEST) {
                    int v = p.u16(at);
                    t.addUint(TlsFields.SUPPORTED_VERSION, at, 2, v);
                    serverSelectedVersion = v;
                    return at + 2;
                }
                return at;
            }
            case TlsWire.EXT_COOKIE -> {
                int n = vector(p, at, end, TlsFields.COOKIE_LEN, 2, 1, 0xffff);
                if (n < 0) {
                    return end;
                }
                bytes(p, TlsFields.COOKIE, at + 2, n);
                return at + 2 + n;
            }
            case TlsWire.EXT_PSK_KEY_EXCHANGE_MODES -> {
                int n = vector(p, at, end, TlsFields.PSK_KE_MODES_LEN, 1, 1, 0xff);
                if (n < 0) {
                    return end;
                }
                at++;
                int next = at + n;
                while (at < next) {
                    t.addUint(TlsFields.PSK_KE_MODE, at, 1, p.u8(at));
                    at++;
                }
                return at;
            }
            case TlsWire.EXT_RENEGOTIATION_INFO -> {
                int n = vector(p, at, end, TlsFields.RENEG_INFO_LEN, 1, 0, 0xff);
                if (n < 0) {
                    return end;
                }
                at++;
                if (n > 0) {
                    bytes(p, TlsFields.RENEG_INFO, at, n);
                }
                return at + n;
            }
            default -> {
                bytes(p, TlsFields.EXT_DATA, at, len);
                return at + len;
            }
        }
    }

    private int alpn(Packet p, TlsSession s, int at, int end, int hsType, boolean clientHello) {
        Tree t = p.tree();
        if (clientHello) {
            fp.alpnLength = 0;
        }
        int n = vector(p, at, end, TlsFields.ALPN_LEN, 2, 2, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        int next = at + n;
        t.open(TlsFields.ALPN_LIST, at, n);
        boolean firstName = true;
        while (at < next) {
            int len = vector(p, at, next, TlsFields.ALPN_STR_LEN, 1, 1, 0xff);
            if (len < 0) {
                t.close();
                return next;
            }
            at++;
            bytes(p, TlsFields.ALPN_STR, at, len);
            if (firstName) {
                if (clientHello && len > 0) {
                    fp.alpnLength = len;
                    fp.alpnFirst = p.u8(at);
                    fp.alpnLast = p.u8(at + len - 1);
                }
                if (hsType == TlsWire.HS_SERVER_HELLO && !p.visited()) {
                    s.alpnApp = alpnApp(p, at, len);
                }
                firstName = false;
            }
            at += len;
        }
        t.close();
        return at;
    }

    /** The application protocol Wireshark maps an ALPN name to (1 HTTP, 2 HTTP/2), else 0. */
    private static int alpnApp(Packet p, int at, int len) {
        if (len == 2 && p.u8(at) == 'h' && p.u8(at + 1) == '2') {
            return 2;
        }
        if (len == 8 && p.u8(at) == 'h' && p.u8(at + 5) == '1' && p.u8(at + 7) == '1') {
            return 1;
        }
        return 0;
    }

    private int sigHashAlgs(Packet p, int at, int end, boolean fingerprint) {
        Tree t = p.tree();
        int n = vector(p, at, end, TlsFields.SIG_HASH_ALG_LEN, 2, 2, 0xfffe);
        if (n < 0) {
            return end;
        }
        at += 2;
        int next = at + n;
        t.open(TlsFields.SIG_HASH_ALGS, at, n);
        // a ClientHello offers some twenty: skip the three nodes of each when nobody wants them
        boolean record = t.wants(TlsFields.SIG_HASH_ALG) || t.wants(TlsFields.SIG_HASH_HASH) || t.wants(TlsFields.SIG_HASH_SIG);
        while (at + 2 <= next) {
            int alg = p.u16(at);
            if (fingerprint) {
                fp.sigAlg(alg);
            }
            if (record) {
                signatureAlgorithm(p, at, alg);
            }
            at += 2;
        }
        t.close();
        return endVector(p, at, next) ? at : next;
    }

    private static void signatureAlgorithm(Packet p, int at, int alg) {
        Tree t = p.tree();
        t.openUint(TlsFields.SIG_HASH_ALG, at, 2, alg);
        t.addUint(TlsFields.SIG_HASH_HASH, at, 1, alg >> 8);
        t.addUint(TlsFields.SIG_HASH_SIG, at + 1, 1, alg & 0xff);
        t.close();
    }

    private int keyShare(Packet p, int at, int end, int hsType) {
        Tree t = p.tree();
        switch (hsType) {
            case TlsWire.HS_CLIENT_HELLO -> {
                int n = vector(p, at, end, TlsFields.KEY_SHARE_CLIENT_LEN, 2, 0, 0xffff);
                if (n < 0) {
                    return end;
                }
                at += 2;
                int next = at + n;
                while (next - at >= 4) {
                    at = keyShareEntry(p, at, next);
                }
                return endVector(p, at, next) ? at : next;
            }
            case TlsWire.HS_SERVER_HELLO -> {
                return keyShareEntry(p, at, end);
            }
            case TlsWire.HS_HELLO_RETRY_REQUEST -> {
                t.addUint(TlsFields.KEY_SHARE_SELECTED_GROUP, at, 2, p.u16(at));
                return at + 2;
            }
            default -> {
                return at;
            }
        }
    }

    private int keyShareEntry(Packet p, int at, int end) {
        Tree t = p.tree();
        t.addUint(TlsFields.KEY_SHARE_GROUP, at, 2, p.u16(at));
        at += 2;
        int n = vector(p, at, end, TlsFields.KEY_SHARE_KE_LEN, 2, 1, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        bytes(p, TlsFields.KEY_SHARE_KE, at, n);
        return at + n;
    }

    private int preSharedKey(Packet p, TlsSession s, int at, int end, int hsType) {
        Tree t = p.tree();
        if (hsType == TlsWire.HS_CLIENT_HELLO) {
            if (!p.visited()) {
                s.offered |= TlsFields.OFFER_PSK;
            }
            int n = vector(p, at, end, TlsFields.PSK_IDENTITIES_LEN, 2, 7, 0xffff);
            if (n < 0) {
                return end;
            }
            at += 2;
            int next = at + n;
            while (at < next) {
                int id = vector(p, at, next, TlsFields.PSK_IDENTITY_LEN, 2, 1, 0xffff);
                if (id < 0) {
                    return end;
                }
                at += 2;
                bytes(p, TlsFields.PSK_IDENTITY, at, id);
                at += id;
                if (next - at < 4) {
                    TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, at, next - at);
                    at = next;
                    break;
                }
                t.addUint(TlsFields.PSK_TICKET_AGE, at, 4, p.u32(at));
                at += 4;
            }
            int b = vector(p, at, end, TlsFields.PSK_BINDERS_LEN, 2, 33, 0xffff);
            if (b < 0) {
                return end;
            }
            at += 2;
            t.add(TlsFields.PSK_BINDERS, at, b);
            return at + b;
        }
        if (hsType == TlsWire.HS_SERVER_HELLO) {
            t.addUint(TlsFields.PSK_SELECTED, at, 2, p.u16(at));
            serverSelectedPsk = true;
            return at + 2;
        }
        return at;
    }

    /** RFC 6962 §3.3 SignedCertificateTimestampList. */
    private int sctList(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int n = vector(p, at, end, TlsFields.SCT_SCTS_LEN, 2, 1, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        while (at < end) {
            int len = vector(p, at, end, TlsFields.SCT_LEN, 2, 1, 0xffff);
            if (len < 0) {
                return end;
            }
            at += 2;
            int next = at + len;
            int version = p.u8(at);
            t.addUint(TlsFields.SCT_VERSION, at, 1, version);
            at++;
            if (version == 0 && next - at >= 32 + 8 + 2) {
                bytes(p, TlsFields.SCT_LOGID, at, 32);
                at += 32;
                long ms = p.u64(at);
                t.addLong(TlsFields.SCT_TIMESTAMP, at, 8, ms * 1_000_000L);
                at += 8;
                int exts = vector(p, at, next, TlsFields.SCT_EXTS_LEN, 2, 0, 0xffff);
                if (exts >= 0) {
                    at += 2 + exts;
                    at = digitallySigned(p, s.version, at, next, TlsFields.SCT_SIG_LEN, TlsFields.SCT_SIG);
                }
            }
            if (!endVector(p, at, next)) {
                at = next;
            }
        }
        return at;
    }

    // ---- certificates and key exchange ----------------------------------------------------------------------

    private void certificate(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        boolean tls13 = s.version == TlsWire.TLS13;
        boolean decode = X509Decoder.wanted(t, tls.frameProtocols(p));
        if (tls13) {
            int ctx = vector(p, at, end, TlsFields.CERT_REQUEST_CONTEXT_LEN, 1, 0, 0xff);
            if (ctx < 0) {
                return;
            }
            at++;
            if (ctx > 0) {
                bytes(p, TlsFields.CERT_REQUEST_CONTEXT, at, ctx);
                at += ctx;
            }
        }
        int listLength = vector(p, at, end, TlsFields.CERTIFICATES_LEN, 3, 0, 0xffffff);
        if (listLength < 0) {
            return;
        }
        at += 3;
        int next = at + listLength;
        boolean opened = listLength > 0;
        if (opened) {
            t.open(TlsFields.CERTIFICATES, at, listLength);
        }
        while (at < next) {
            int certLength = vector(p, at, next, TlsFields.CERTIFICATE_LEN, 3, 1, 0xffffff);
            if (certLength < 0) {
                break;
            }
            at += 3;
            p.require(at, certLength);
            t.open(TlsFields.CERTIFICATE, at, certLength);
            if (decode) {
                x509.certificate(p, at, certLength);
            }
            t.close();
            at += certLength;
            if (tls13) {
                // Per-entry extensions: Extension extensions<0..2^16-1>.
                int extsLength = next - at >= 2 ? p.u16(at) : 0;
                extensions(p, s, at, Math.min(next, at + 2 + extsLength), TlsWire.HS_CERTIFICATE, false);
                at = Math.min(next, at + 2 + extsLength);
            }
        }
        if (opened) {
            t.close();
        }
    }

    private void certificateRequest(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        boolean tls13 = s.version == TlsWire.TLS13;
        if (tls13) {
            int ctx = vector(p, at, end, TlsFields.CERT_REQUEST_CONTEXT_LEN, 1, 0, 0xff);
            if (ctx < 0) {
                return;
            }
            at++;
            if (ctx > 0) {
                bytes(p, TlsFields.CERT_REQUEST_CONTEXT, at, ctx);
                at += ctx;
            }
            extensions(p, s, at, end, TlsWire.HS_CERTIFICATE_REQUEST, false);
            return;
        }
        int types = vector(p, at, end, TlsFields.CERT_TYPES_COUNT, 1, 1, 0xff);
        if (types < 0) {
            return;
        }
        at++;
        int next = at + types;
        t.open(TlsFields.CERT_TYPES, at, types);
        while (at < next) {
            t.addUint(TlsFields.CERT_TYPE, at, 1, p.u8(at));
            at++;
        }
        t.close();
        if (s.version == TlsWire.TLS12) {
            at = sigHashAlgs(p, at, end, false);
        }
        int dnames = vector(p, at, end, TlsFields.DNAMES_LEN, 2, 0, 0xffff);
        if (dnames < 0) {
            return;
        }
        at += 2;
        next = at + dnames;
        boolean decode = X509Decoder.wanted(t, tls.frameProtocols(p));
        if (dnames > 0) {
            t.open(TlsFields.DNAMES, at, dnames);
            while (at < next) {
                int n = vector(p, at, next, TlsFields.DNAME_LEN, 2, 1, 0xffff);
                if (n < 0) {
                    break;
                }
                at += 2;
                p.require(at, n);
                t.open(TlsFields.DNAME, at, n);
                if (decode) {
                    x509.distinguishedName(p, at, n);
                }
                t.close();
                at += n;
            }
            t.close();
        }
    }

    private void serverKeyExchange(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int kex = s.cipher >= 0 ? KEX[s.cipher] : KEX_UNKNOWN;
        switch (kex) {
            case KEX_ECDHE, KEX_ECDH, KEX_ECDH_ANON -> {
                int curveType = p.u8(at);
                t.addUint(TlsFields.CURVE_TYPE, at, 1, curveType);
                at++;
                if (curveType != 3) {
                    return;
                }
                t.addUint(TlsFields.NAMED_CURVE, at, 2, p.u16(at));
                at += 2;
                int n = p.u8(at);
                t.addUint(TlsFields.SERVER_POINT_LEN, at, 1, n);
                bytes(p, TlsFields.SERVER_POINT, at + 1, n);
                at += 1 + n;
                if (kex != KEX_ECDH_ANON) {
                    digitallySigned(p, s.version, at, end, TlsFields.SIG_LEN, TlsFields.SIG);
                }
            }
            case KEX_DHE, KEX_DH_ANON -> {
                at = lengthPrefixed(p, at, TlsFields.P_LEN, TlsFields.P);
                at = lengthPrefixed(p, at, TlsFields.G_LEN, TlsFields.G);
                at = lengthPrefixed(p, at, TlsFields.YS_LEN, TlsFields.YS);
                if (kex != KEX_DH_ANON) {
                    digitallySigned(p, s.version, at, end, TlsFields.SIG_LEN, TlsFields.SIG);
                }
            }
            case KEX_RSA -> {
                at = lengthPrefixed(p, at, TlsFields.MODULUS_LEN, TlsFields.MODULUS);
                at = lengthPrefixed(p, at, TlsFields.EXPONENT_LEN, TlsFields.EXPONENT);
                digitallySigned(p, s.version, at, end, TlsFields.SIG_LEN, TlsFields.SIG);
            }
            case KEX_PSK, KEX_RSA_PSK -> lengthPrefixed(p, at, TlsFields.HINT_LEN, TlsFields.HINT);
            default -> {
            }
        }
    }

    private void clientKeyExchange(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int kex = s.cipher >= 0 ? KEX[s.cipher] : KEX_UNKNOWN;
        switch (kex) {
            case KEX_ECDHE, KEX_ECDH, KEX_ECDH_ANON -> {
                int n = p.u8(at);
                t.addUint(TlsFields.CLIENT_POINT_LEN, at, 1, n);
                bytes(p, TlsFields.CLIENT_POINT, at + 1, n);
            }
            case KEX_DHE, KEX_DH_ANON, KEX_DH -> lengthPrefixed(p, at, TlsFields.YC_LEN, TlsFields.YC);
            case KEX_RSA -> {
                if (s.version == TlsWire.SSLV3 || s.version == TlsWire.SSLV2) {
                    bytes(p, TlsFields.EPMS, at, end - at);
                } else {
                    lengthPrefixed(p, at, TlsFields.EPMS_LEN, TlsFields.EPMS);
                }
            }
            case KEX_PSK -> lengthPrefixed(p, at, TlsFields.IDENTITY_LEN, TlsFields.IDENTITY);
            case KEX_RSA_PSK -> {
                at = lengthPrefixed(p, at, TlsFields.IDENTITY_LEN, TlsFields.IDENTITY);
                lengthPrefixed(p, at, TlsFields.EPMS_LEN, TlsFields.EPMS);
            }
            default -> {
            }
        }
    }

    private static int lengthPrefixed(Packet p, int at, Field lengthField, Field valueField) {
        int n = p.u16(at);
        p.tree().addUint(lengthField, at, 2, n);
        bytes(p, valueField, at + 2, n);
        return at + 2 + n;
    }

    /** RFC 5246 §4.7 digitally-signed: the scheme (TLS 1.2 and 1.3) and the signature vector. */
    private int digitallySigned(Packet p, int version, int at, int end, Field lengthField, Field sigField) {
        if (version == TlsWire.TLS12 || version == TlsWire.TLS13) {
            signatureAlgorithm(p, at, p.u16(at));
            at += 2;
        }
        int n = vector(p, at, end, lengthField, 2, 0, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        bytes(p, sigField, at, n);
        return at + n;
    }

    private void certificateStatus(Packet p, int at, int end) {
        Tree t = p.tree();
        int type = p.u8(at);
        t.addUint(TlsFields.CERT_STATUS_TYPE, at, 1, type);
        if (type == 1) {
            t.addUint(TlsFields.OCSP_RESPONSE_LEN, at + 1, 3, p.u24(at + 1));
        }
    }

    // ---- session resumption ---------------------------------------------------------------------------

    /** After the ClientHello: what it offers (a session ID counts when it was issued before or the client is TLS 1.2-only). */
    private void clientHelloOffers(Packet p, TlsSession s) {
        Tree t = p.tree();
        long ep = TlsResumption.endpoint(s);
        long origin = 0;
        if (s.offeredSessionIdLength > 0) {
            origin = resumption.find(ep, TlsResumption.KIND_SESSION_ID,
                    TlsResumption.hash(s.offeredSessionId, s.offeredSessionIdLength));
            if (origin != 0 || !helloHasTls13) {
                s.offered |= TlsFields.OFFER_SESSION_ID;
            }
        }
        if ((s.offered & TlsFields.OFFER_TICKET) != 0) {
            long o = resumption.find(ep, TlsResumption.KIND_TICKET, s.offeredTicketHash);
            if (o != 0) {
                origin = o;
            }
        }
        s.offeredOriginFrame = origin;
        if (s.offered != 0) {
            t.addGenerated(TlsFields.RESUMPTION_OFFERED, s.offered);
        }
    }

    /** After the ServerHello: TLS 1.3 decides here; TLS 1.2 and earlier remember the session ID and wait for the next message. */
    private void serverHelloResumption(Packet p, TlsSession s) {
        Tree t = p.tree();
        if (p.visited()) {
            return;
        }
        s.ticketPending = false;
        if (serverSelectedVersion == TlsWire.TLS13 || s.version == TlsWire.TLS13) {
            if (serverSelectedPsk) {
                s.resumption = TlsFields.RESUMED_PSK;
                TlsExpert.add(p, TlsExpert.RESUMED, serverSessionIdAt, 0);
                t.addGenerated(TlsFields.RESUMPTION_METHOD, TlsFields.RESUMED_PSK);
            } else {
                s.resumption = -1;
                if ((s.offered & TlsFields.OFFER_PSK) != 0) {
                    TlsExpert.add(p, TlsExpert.RESUMPTION_REFUSED, serverSessionIdAt, 0);
                }
            }
            return;
        }
        boolean echoed = false;
        if (serverSessionIdLength > 0 && serverSessionIdLength <= 32) {
            if (serverSessionIdLength == s.offeredSessionIdLength) {
                echoed = true;
                for (int i = 0; i < serverSessionIdLength; i++) {
                    if ((byte) p.u8(serverSessionIdAt + i) != s.offeredSessionId[i]) {
                        echoed = false;
                        break;
                    }
                }
            }
            if (!echoed && s.serverKnown) {
                resumption.remember(TlsResumption.endpoint(s), TlsResumption.KIND_SESSION_ID,
                        TlsResumption.hash(p.segment(), p.base() + serverSessionIdAt, serverSessionIdLength),
                        p.frame().number());
            }
        }
        if (echoed) {
            s.resumption = (s.offered & TlsFields.OFFER_TICKET) != 0 ? TlsFields.RESUMED_TICKET : TlsFields.RESUMED_SESSION_ID;
        } else if ((s.offered & TlsFields.OFFER_TICKET) != 0) {
            // A ticket may be accepted without echoing the ID: wait for NewSessionTicket/CCS or Certificate/ServerHelloDone.
            s.ticketPending = true;
        } else {
            s.resumption = -1;
            if ((s.offered & TlsFields.OFFER_SESSION_ID) != 0) {
                TlsExpert.add(p, TlsExpert.RESUMPTION_REFUSED, serverSessionIdAt, 0);
            }
        }
    }

    /** The server's Certificate, ServerKeyExchange or ServerHelloDone: this handshake is a full one. */
    private void fullHandshake(Packet p, TlsSession s, int at) {
        if (p.visited() || s.version == TlsWire.TLS13) {
            return;
        }
        if (s.ticketPending || s.resumption > 0) {
            TlsExpert.add(p, TlsExpert.RESUMPTION_REFUSED, at, 0);
        }
        s.ticketPending = false;
        s.resumption = -1;
    }

    /** The server's ChangeCipherSpec (TLS 1.2 and earlier): an abbreviated handshake is a resumption. */
    void serverChangeCipherSpec(Packet p, TlsSession s, int at, int ccsNode) {
        Tree t = p.tree();
        if (s.ticketPending && !p.visited()) {
            s.ticketPending = false;
            s.resumption = TlsFields.RESUMED_TICKET;
        }
        if (s.resumption > 0 && s.resumption != TlsFields.RESUMED_PSK) {
            TlsExpert.add(p, TlsExpert.RESUMED, at, 0);
            t.addGenerated(TlsFields.RESUMPTION_METHOD, s.resumption);
            if (s.offeredOriginFrame != 0) {
                t.addGenerated(TlsFields.RESUMPTION_ORIGIN, s.offeredOriginFrame);
            }
            if (!p.visited()) {
                // Any later ChangeCipherSpec is not a resumption of this session.
                s.resumption = -1;
            }
        }
    }

    // ---- vectors ----------------------------------------------------------------------------------

    /**
     * Wireshark's {@code ssl_add_vector}: reads a {@code lenSize}-byte length at {@code at}, records it, checks
     * it against {@code [min, max]} and the room before {@code end}; returns the length, or -1 (with an expert item)
     * when the length cannot be read or the vector does not fit (Wireshark 4.0 then stops dissecting the structure).
     */
    static int vector(Packet p, int at, int end, Field lengthField, int lenSize, int min, int max) {
        Tree t = p.tree();
        if (at > end) {
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, end, 0);
            return -1;
        }
        if (end - at < lenSize) {
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, at, end - at);
            return -1;
        }
        int v = lenSize == 1 ? p.u8(at) : lenSize == 2 ? p.u16(at) : p.u24(at);
        t.addUint(lengthField, at, lenSize, v);
        if (v < min || v > max) {
            TlsExpert.add(p, TlsExpert.VECTOR_LENGTH, at, lenSize);
        }
        if (end - at - lenSize < v) {
            // Wireshark 4.0 reports "Vector length %u is too large, truncating it to %u" and gives up on the vector.
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, at, lenSize);
            return -1;
        }
        return v;
    }

    /** Wireshark's {@code ssl_end_vector}: false (with an expert item) unless {@code at == end}. */
    static boolean endVector(Packet p, int at, int end) {
        if (at < end) {
            TlsExpert.add(p, TlsExpert.TRAILING_DATA, at, end - at);
            return false;
        }
        if (at > end) {
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, end, at - end);
            return false;
        }
        return true;
    }

    /**
     * A byte-range field, checked against the captured data first (as proto_tree_add_item would throw); an empty one
     * prints as {@code <MISSING>}, as tshark's does.
     */
    static void bytes(Packet p, Field f, int at, int len) {
        p.require(at, len);
        int n = p.tree().add(f, at, len);
        if (len == 0) {
            p.tree().setFlags(n, Tree.MISSING);
        }
    }
}
