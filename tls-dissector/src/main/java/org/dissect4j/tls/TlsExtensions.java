package org.dissect4j.tls;

import static org.dissect4j.tls.TlsVectors.bytes;
import static org.dissect4j.tls.TlsVectors.digitallySigned;
import static org.dissect4j.tls.TlsVectors.endVector;
import static org.dissect4j.tls.TlsVectors.vector;

import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The extensions block of a handshake message, walked in place: each extension by the message it sits in
 * ({@code hsType}), ClientHello extensions feeding {@link TlsFingerprint}, and what a hello's extensions say
 * about the version and resumption kept for the hello that is being dissected.
 */
final class TlsExtensions {
    private final TlsFingerprint fp;

    // What the extensions of the hello being dissected said (reset by TlsHelloMessages before each walk).
    /** The ClientHello's supported_versions lists TLS 1.3 or a draft of it. */
    boolean helloHasTls13;
    /** The ClientHello carries early_data (RFC 8446 §4.2.10). */
    boolean helloOffersEarlyData;
    /** The ServerHello's pre_shared_key selected an identity. */
    boolean serverSelectedPsk;
    /** The version the ServerHello's supported_versions selects, else 0. */
    int serverSelectedVersion;

    /**
     * Whether the hello being walked feeds a fingerprint that is wanted (JA3, JA3S, JA4): only then are its lists
     * collected, and a list neither collected nor wanted in the tree is not walked (set before each hello's walk).
     */
    boolean collect = true;

    /** Told the ALPN the server chose (set when the dissector is built). */
    TlsDecryption decryption;

    TlsExtensions(TlsFingerprint fp) {
        this.fp = fp;
    }

    /** {@code tls.certificate_status}: dissectors of a stapled status by CertificateStatusType (OCSP's for ocsp). */
    DissectorTable statusTypes;

    /** The extensions block {@code Extension extensions<0..2^16-1>} at {@code at}; {@code hello} collects fingerprints. */
    void extensions(Packet p, TlsSession s, int at, int end, int hsType, boolean hello) {
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
            t.open(TlsFields.EXTENSION, at, 4 + p.u16(at + 2));
            t.addUint(TlsFields.EXT_TYPE, at, 2, type);
            if (hello && collect) {
                fp.extension(type);
            }
            at += 2;
            int len = vector(p, at, extsEnd, TlsFields.EXT_LEN, 2, 0, 0xffff);
            if (len < 0) {
                t.close();
                return;
            }
            at += 2;
            int next = at + len;
            at = extension(p, s, type, at, next, len, hsType, client && hello);
            if (!endVector(p, at, next)) {
                at = next;
            }
            t.close();
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
                return serverName(p, at, end, clientHello);
            }
            case TlsWire.EXT_MAX_FRAGMENT_LENGTH -> {
                t.addUint(TlsFields.MAX_FRAGMENT_LENGTH, at, 1, p.u8(at));
                return at + 1;
            }
            case TlsWire.EXT_STATUS_REQUEST -> {
                return statusRequest(p, s, at, end, hsType);
            }
            case TlsWire.EXT_SUPPORTED_GROUPS -> {
                return supportedGroups(p, at, end, clientHello);
            }
            case TlsWire.EXT_EC_POINT_FORMATS -> {
                return ecPointFormats(p, at, end, clientHello);
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
            case TlsWire.EXT_NEXT_PROTOCOL_NEGOTIATION -> {
                return TlsProtocolLists.npn(p, at, end);
            }
            case TlsWire.EXT_APPLICATION_SETTINGS -> {
                return TlsProtocolLists.alps(p, at, end, len, hsType);
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
                if (type == TlsWire.EXT_ENCRYPT_THEN_MAC && s.keys != null && !p.visited()) {
                    // RFC 7366: in force when the client offers it and the server echoes it.
                    if (clientHello) {
                        s.keys.etmOffered = true;
                    } else if (hsType == TlsWire.HS_SERVER_HELLO) {
                        s.keys.etmAccepted = true;
                    }
                }
                return at;
            }
            case TlsWire.EXT_COMPRESS_CERTIFICATE -> {
                return compressCertificate(p, at, end);
            }
            case TlsWire.EXT_RECORD_SIZE_LIMIT -> {
                t.addUint(TlsFields.RECORD_SIZE_LIMIT, at, 2, p.u16(at));
                return at + 2;
            }
            case TlsWire.EXT_SESSION_TICKET -> {
                return sessionTicket(p, s, at, len, clientHello);
            }
            case TlsWire.EXT_KEY_SHARE_OLD, TlsWire.EXT_KEY_SHARE -> {
                return keyShare(p, at, end, hsType);
            }
            case TlsWire.EXT_PRE_SHARED_KEY -> {
                return preSharedKey(p, s, at, end, hsType);
            }
            case TlsWire.EXT_EARLY_DATA, TlsWire.EXT_TICKET_EARLY_DATA_INFO -> {
                if (clientHello && type == TlsWire.EXT_EARLY_DATA) {
                    helloOffersEarlyData = true;
                    if (s.keys != null && !p.visited()) {
                        s.keys.earlyDataOffered = true;
                    }
                }
                if (hsType == TlsWire.HS_NEW_SESSION_TICKET && end - at >= 4) {
                    t.addUint(TlsFields.MAX_EARLY_DATA_SIZE, at, 4, p.u32(at));
                    return at + 4;
                }
                return at;
            }
            case TlsWire.EXT_SUPPORTED_VERSIONS -> {
                return supportedVersions(p, at, end, hsType, clientHello);
            }
            case TlsWire.EXT_COOKIE -> {
                return cookie(p, at, end);
            }
            case TlsWire.EXT_CONNECTION_ID, TlsWire.EXT_CONNECTION_ID_DEPRECATED -> {
                return connectionId(p, at, end);
            }
            case TlsWire.EXT_USE_SRTP -> {
                if (s.datagram != null && (hsType == TlsWire.HS_CLIENT_HELLO || hsType == TlsWire.HS_SERVER_HELLO)) {
                    return s.datagram.useSrtp(p, at, end);
                }
                bytes(p, TlsFields.EXT_DATA, at, len);
                return end;
            }
            case TlsWire.EXT_PSK_KEY_EXCHANGE_MODES -> {
                return pskKeyExchangeModes(p, at, end);
            }
            case TlsWire.EXT_RENEGOTIATION_INFO -> {
                return renegotiationInfo(p, at, end);
            }
            default -> {
                bytes(p, TlsFields.EXT_DATA, at, len);
                return at + len;
            }
        }
    }

    /** server_name (RFC 6066 §3): the list of names. */
    private int serverName(Packet p, int at, int end, boolean clientHello) {
        Tree t = p.tree();
        if (clientHello) {
            fp.sni = true;
        }
        if (at == end) {
            return at;
        }
        t.open(TlsFields.SNI_EXTENSION, at, end - at);
        int list = vector(p, at, end, TlsFields.SNI_LIST_LEN, 2, 1, 0xffff);
        if (list < 0) {
            t.close();
            return end;
        }
        at += 2;
        int next = at + list;
        while (at < next) {
            t.addUint(TlsFields.SNI_TYPE, at, 1, p.u8(at));
            at++;
            int n = vector(p, at, next, TlsFields.SNI_LEN, 2, 1, 0xffff);
            if (n < 0) {
                t.close();
                return next;
            }
            at += 2;
            bytes(p, TlsFields.SNI, at, n);
            at += n;
        }
        t.close();
        return at;
    }

    /**
     * status_request (RFC 6066 §8): the ClientHello's request; in a TLS 1.3 CertificateEntry (RFC 8446 §4.4.2.1) the
     * stapled CertificateStatus, as tshark.
     */
    private int statusRequest(Packet p, TlsSession s, int at, int end, int hsType) {
        Tree t = p.tree();
        if (hsType == TlsWire.HS_CERTIFICATE && s.version == TlsWire.TLS13 && end > at) {
            TlsCertificateMessages.certificateStatus(p, at, end, statusTypes);
            return end;
        }
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

    /** supported_groups (RFC 8446 §4.2.7). */
    private int supportedGroups(Packet p, int at, int end, boolean clientHello) {
        Tree t = p.tree();
        int n = vector(p, at, end, TlsFields.GROUPS_LEN, 2, 2, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        int next = at + n;
        t.open(TlsFields.GROUPS, at, n);
        clientHello &= collect;
        if (!clientHello && !t.wants(TlsFields.GROUP) && skippable(p, at, next, 2)) {
            at = elementsEnd(at, next, 2);
        }
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

    /** ec_point_formats (RFC 8422 §5.1.2). */
    private int ecPointFormats(Packet p, int at, int end, boolean clientHello) {
        Tree t = p.tree();
        int n = vector(p, at, end, TlsFields.EC_POINT_FORMATS_LEN, 1, 1, 0xff);
        if (n < 0) {
            return end;
        }
        at++;
        int next = at + n;
        t.open(TlsFields.EC_POINT_FORMATS, at, n);
        clientHello &= collect;
        if (!clientHello && !t.wants(TlsFields.EC_POINT_FORMAT) && skippable(p, at, next, 1)) {
            at = next;
        }
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

    /** compress_certificate (RFC 8879 §3): the algorithms. */
    private int compressCertificate(Packet p, int at, int end) {
        Tree t = p.tree();
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

    /** session_ticket (RFC 5077 §3.2): a non-empty one in a ClientHello is a ticket offer. */
    private int sessionTicket(Packet p, TlsSession s, int at, int len, boolean clientHello) {
        // Wireshark 4.0 shows the ticket of the extension as extension data ("Data (n bytes)").
        bytes(p, TlsFields.EXT_DATA, at, len);
        if (clientHello && len > 0 && !p.visited()) {
            s.offered |= TlsFields.OFFER_TICKET;
            s.offeredTicketLength = len;
            s.offeredTicketHash = TlsResumption.hash(p.segment(), p.base() + at, len);
        }
        return at + len;
    }

    /** supported_versions (RFC 8446 §4.2.1): the ClientHello's list, the version a ServerHello or HelloRetryRequest selects. */
    private int supportedVersions(Packet p, int at, int end, int hsType, boolean clientHello) {
        Tree t = p.tree();
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

    /** cookie (RFC 8446 §4.2.2). */
    private int cookie(Packet p, int at, int end) {
        int n = vector(p, at, end, TlsFields.COOKIE_LEN, 2, 1, 0xffff);
        if (n < 0) {
            return end;
        }
        bytes(p, TlsFields.COOKIE, at + 2, n);
        return at + 2 + n;
    }

    /** connection_id (RFC 9146 §3; 53 is the draft's code): the CID the sender wants to receive. */
    private int connectionId(Packet p, int at, int end) {
        int n = vector(p, at, end, TlsFields.CONNECTION_ID_LEN, 1, 0, 0xff);
        if (n < 0) {
            return end;
        }
        bytes(p, TlsFields.CONNECTION_ID, at + 1, n);
        return at + 1 + n;
    }

    /** psk_key_exchange_modes (RFC 8446 §4.2.9). */
    private int pskKeyExchangeModes(Packet p, int at, int end) {
        Tree t = p.tree();
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

    /** renegotiation_info (RFC 5746 §3.2). */
    private int renegotiationInfo(Packet p, int at, int end) {
        Tree t = p.tree();
        t.open(TlsFields.RENEG_INFO_EXTENSION, at, end - at);
        int n = vector(p, at, end, TlsFields.RENEG_INFO_LEN, 1, 0, 0xff);
        if (n < 0) {
            t.close();
            return end;
        }
        at++;
        if (n > 0) {
            bytes(p, TlsFields.RENEG_INFO, at, n);
        }
        t.close();
        return at + n;
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
                if ((hsType == TlsWire.HS_SERVER_HELLO || hsType == TlsWire.HS_ENCRYPTED_EXTENSIONS) && !p.visited()) {
                    s.alpnApp = alpnApp(p, at, len);
                    if (decryption != null) {
                        decryption.alpn(p, s, at, len);
                    }
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

    /**
     * Whether a list's elements of {@code size} bytes in {@code [at, next)} may be skipped unread: every read of the
     * loop that walks them would succeed (the walk would throw on a cut frame, as Wireshark's items do).
     */
    static boolean skippable(Packet p, int at, int next, int size) {
        return elementsEnd(at, next, size) <= p.capturedEnd();
    }

    /** Where the whole elements of {@code size} bytes from {@code at} end before {@code next}. */
    static int elementsEnd(int at, int next, int size) {
        return next <= at ? at : at + (next - at) / size * size;
    }

    int sigHashAlgs(Packet p, int at, int end, boolean fingerprint) {
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
        fingerprint &= collect;
        if (!fingerprint && !record && skippable(p, at, next, 2)) {
            at = elementsEnd(at, next, 2);
        }
        while (at + 2 <= next) {
            int alg = p.u16(at);
            if (fingerprint) {
                fp.sigAlg(alg);
            }
            if (record) {
                TlsVectors.signatureAlgorithm(p, at, alg);
            }
            at += 2;
        }
        t.close();
        return endVector(p, at, next) ? at : next;
    }

    private int keyShare(Packet p, int at, int end, int hsType) {
        Tree t = p.tree();
        t.open(TlsFields.KEY_SHARE_EXTENSION, at, end - at);
        int next = keyShareContents(p, at, end, hsType);
        t.close();
        return next;
    }

    private int keyShareContents(Packet p, int at, int end, int hsType) {
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
        // Wireshark sizes the entry by its key exchange length before reading it
        t.open(TlsFields.KEY_SHARE_ENTRY, at, end - at >= 4 ? Math.min(4 + p.u16(at + 2), end - at) : end - at);
        t.addUint(TlsFields.KEY_SHARE_GROUP, at, 2, p.u16(at));
        at += 2;
        int n = vector(p, at, end, TlsFields.KEY_SHARE_KE_LEN, 2, 1, 0xffff);
        if (n < 0) {
            t.close();
            return end;
        }
        at += 2;
        bytes(p, TlsFields.KEY_SHARE_KE, at, n);
        t.close();
        return at + n;
    }

    private int preSharedKey(Packet p, TlsSession s, int at, int end, int hsType) {
        Tree t = p.tree();
        t.open(TlsFields.PSK_EXTENSION, at, end - at);
        int next = preSharedKeyContents(p, s, at, end, hsType);
        t.close();
        return next;
    }

    private int preSharedKeyContents(Packet p, TlsSession s, int at, int end, int hsType) {
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
                t.open(TlsFields.PSK_IDENTITY_ITEM, at, next - at >= 2 ? Math.min(2 + p.u16(at) + 4, next - at) : next - at);
                int id = vector(p, at, next, TlsFields.PSK_IDENTITY_LEN, 2, 1, 0xffff);
                if (id < 0) {
                    t.close();
                    return end;
                }
                at += 2;
                bytes(p, TlsFields.PSK_IDENTITY, at, id);
                at += id;
                if (next - at < 4) {
                    TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, at, next - at);
                    t.close();
                    at = next;
                    break;
                }
                t.addUint(TlsFields.PSK_TICKET_AGE, at, 4, p.u32(at));
                at += 4;
                t.close();
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
}
