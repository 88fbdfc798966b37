package org.dissect4j.tls;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The TLS handshake protocol (RFC 8446 §4, RFC 5246 §7.4), Wireshark 4.0's {@code dissect_tls_handshake}: one
 * complete message dispatched by its type to the part that decodes it.
 *
 * <pre>
 * struct { HandshakeType msg_type; uint24 length; select (msg_type) { ClientHello; ServerHello; ... } } Handshake;
 * </pre>
 *
 * <p>The parts: {@link TlsHandshakeReassembly} (records, messages over several records, encrypted messages),
 * {@link TlsHelloMessages} (hellos, NewSessionTicket, JA3/JA3S/JA4, what a hello offers or accepts for resumption),
 * {@link TlsExtensions}, {@link TlsCertificateMessages}, {@link TlsKeyExchange}, and {@link TlsVectors} (the
 * vector checks of Wireshark's {@code ssl_add_vector}/{@code ssl_end_vector}). Every message type is decoded
 * (hello_request to key_update and compressed_certificate) with Wireshark's fields. Session resumption is tracked
 * by {@link TlsHandshakeStates} (see the README).
 */
final class TlsHandshake {
    final TlsFingerprint fp = new TlsFingerprint();
    final TlsExtensions extensions = new TlsExtensions(fp);
    final TlsHelloMessages hellos = new TlsHelloMessages(fp, extensions);
    final TlsCertificateMessages certificates;
    private final TlsHandshakeReassembly reassembly;
    private final TlsDissector tls;

    TlsHandshake(TlsDissector tls) {
        this.tls = tls;
        this.certificates = new TlsCertificateMessages(tls, extensions);
        this.reassembly = new TlsHandshakeReassembly(tls, this);
    }

    /** The handshake record body {@code [offset, end)} (dissect_tls_handshake with maybe_encrypted). */
    void records(Packet p, TlsSession s, boolean fromServer, int offset, int end, int version) {
        reassembly.records(p, s, fromServer, offset, end, version, false);
    }

    /** A decrypted handshake record body {@code [offset, end)} (current source: the decrypted bytes). */
    void decryptedRecords(Packet p, TlsSession s, boolean fromServer, int offset, int end, int version) {
        reassembly.records(p, s, fromServer, offset, end, version, true);
    }

    /** The SSL 2.0-compatible ClientHello (RFC 5246 Appendix E.2); {@code at} is past the message type. */
    void ssl2ClientHello(Packet p, TlsSession s, int at, int end) {
        hellos.ssl2ClientHello(p, s, at, end);
    }

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
        int node = tls.decryption.openMessage(t, TlsFields.HANDSHAKE, at, length + TlsWire.HANDSHAKE_HEADER_LENGTH);
        if (hrr) {
            t.setValue(node, 1);   // for the label: a ServerHello shown as Hello Retry Request
        }
        if (name == null) {
            t.close();
            return;
        }
        t.addUint(TlsFields.HS_TYPE, at, 1, type);
        t.addUint(TlsFields.HS_LENGTH, at + 1, 3, length);
        body(p, s, fromServer, type, at, body, length, hrr);
        t.close();
        if (type == TlsWire.HS_SERVER_HELLO && p.columns()) {
            // ssl_dissect_hnd_srv_hello sets the Protocol column to the (possibly just negotiated) version.
            p.protocolColumn(TlsWire.shortName(s.version, "SSL"));
        }
    }

    /**
     * The body {@code [body, body + length)} of a message of {@code type} whose header starts at {@code at}: what
     * follows the header fields, by type (also DTLS's, whose header is longer: {@link TlsHandshakeCode}).
     */
    void body(Packet p, TlsSession s, boolean fromServer, int type, int at, int body, int length, boolean hrr) {
        Tree t = p.tree();
        int end = body + length;
        switch (type) {
            case TlsWire.HS_CLIENT_HELLO -> {
                if (s.keys != null) {
                    s.keys.earlyDataOffered = false;
                }
                hellos.clientHello(p, s, fromServer, body, end);
                if (s.keys != null && length >= 34) {
                    tls.decryption.clientHello(p, s, body, end);
                }
            }
            case TlsWire.HS_SERVER_HELLO -> {
                hellos.serverHello(p, s, fromServer, body, end, hrr);
                if (s.keys != null && length >= 34) {
                    tls.decryption.serverHello(p, s, body + 2, hrr);
                }
            }
            case TlsWire.HS_NEW_SESSION_TICKET -> {
                t.open(TlsFields.SESSION_TICKET_ITEM, body, length);
                hellos.newSessionTicket(p, s, fromServer, body, end);
                t.close();
            }
            case TlsWire.HS_HELLO_RETRY_REQUEST -> {
                // TLS 1.3 drafts before -22.
                t.addUint(TlsFields.HS_VERSION, body, 2, p.u16(body));
                t.addUint(TlsFields.HS_CIPHER_SUITE, body + 2, 2, p.u16(body + 2));
                extensions.extensions(p, s, body + 4, end, TlsWire.HS_HELLO_RETRY_REQUEST, false);
            }
            case TlsWire.HS_ENCRYPTED_EXTENSIONS -> extensions.extensions(p, s, body, end, TlsWire.HS_ENCRYPTED_EXTENSIONS, false);
            case TlsWire.HS_CERTIFICATE -> {
                // only a certificate list that fits the message is a full handshake's (Zeek's tls1.2-protocol-violation:
                // 3820 bytes announced in 256, and tshark 4.0.17 still calls the ticket resumed)
                if (end - body >= 3 && p.u24(body) <= end - body - 3) {
                    serverFlight(p, s, TlsHandshakeStates.CERTIFICATE, fromServer, at);
                }
                certificates.certificate(p, s, body, end);
            }
            case TlsWire.HS_SERVER_KEY_EXCHANGE -> {
                serverFlight(p, s, TlsHandshakeStates.SERVER_KEY_EXCHANGE, fromServer, at);
                TlsKeyExchange.serverKeyExchange(p, s, body, end);
            }
            case TlsWire.HS_CERTIFICATE_REQUEST -> certificates.certificateRequest(p, s, body, end);
            case TlsWire.HS_SERVER_HELLO_DONE -> serverFlight(p, s, TlsHandshakeStates.SERVER_HELLO_DONE, fromServer, at);
            case TlsWire.HS_CERTIFICATE_VERIFY -> TlsVectors.digitallySigned(p, s.version, body, end, TlsFields.CERT_VERIFY_SIG_LEN,
                    TlsFields.CERT_VERIFY_SIG);
            case TlsWire.HS_CLIENT_KEY_EXCHANGE -> TlsKeyExchange.clientKeyExchange(p, s, body, end);
            case TlsWire.HS_FINISHED -> {
                t.add(TlsFields.VERIFY_DATA, body, length);
                tls.decryption.finished(s, fromServer);
            }
            case TlsWire.HS_CERTIFICATE_STATUS -> TlsCertificateMessages.certificateStatus(p, body, end, extensions.statusTypes);
            case TlsWire.HS_KEY_UPDATE -> {
                t.addUint(TlsFields.KEY_UPDATE_REQUEST, body, 1, p.u8(body));
                tls.decryption.keyUpdate(s, fromServer);
            }
            case TlsWire.HS_COMPRESSED_CERTIFICATE -> TlsCertificateMessages.compressedCertificate(p, body, end);
            case TlsWire.HS_END_OF_EARLY_DATA -> tls.decryption.finished(s, fromServer);
            default -> {
                // hello_request, supplemental data, certificate URL: nothing (more) to show.
            }
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

    /** Certificate, ServerKeyExchange or ServerHelloDone: events of {@link TlsHandshakeStates} before TLS 1.3. */
    private static void serverFlight(Packet p, TlsSession s, int event, boolean fromServer, int at) {
        if (s.version != TlsWire.TLS13) {
            TlsHandshakeStates.step(p, s, event, fromServer, at);
        }
    }
}
