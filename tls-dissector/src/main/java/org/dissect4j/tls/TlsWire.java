package org.dissect4j.tls;

/**
 * TLS wire codes as open int constants (unknown values stay representable) and the small predicates Wireshark's
 * dissector is built on: which content types and versions are valid, which version a message makes authoritative,
 * the Protocol column name of a version, GREASE.
 *
 * <pre>
 * TLSPlaintext { ContentType type(1); ProtocolVersion legacy_record_version(2); uint16 length; opaque fragment[length]; }
 * Handshake    { HandshakeType msg_type(1); uint24 length; select (msg_type) ... }
 * </pre>
 * (RFC 8446 §5.1 and §4.)
 */
final class TlsWire {
    private TlsWire() {
    }

    static final int RECORD_HEADER_LENGTH = 5;
    static final int HANDSHAKE_HEADER_LENGTH = 4;
    /** 2^14: the largest plaintext fragment. */
    static final int MAX_RECORD_LENGTH = 0x4000;

    // ContentType
    static final int CT_CHANGE_CIPHER_SPEC = 20, CT_ALERT = 21, CT_HANDSHAKE = 22, CT_APPLICATION_DATA = 23,
            CT_HEARTBEAT = 24, CT_TLS12_CID = 25;

    // ProtocolVersion
    static final int VERSION_UNKNOWN = 0, SSLV2 = 0x0002, SSLV3 = 0x0300, TLS10 = 0x0301, TLS11 = 0x0302, TLS12 = 0x0303,
            TLS13 = 0x0304, GMTLS = 0x0101, DTLS12 = 0xfefd;

    // HandshakeType
    static final int HS_HELLO_REQUEST = 0, HS_CLIENT_HELLO = 1, HS_SERVER_HELLO = 2, HS_HELLO_VERIFY_REQUEST = 3,
            HS_NEW_SESSION_TICKET = 4, HS_END_OF_EARLY_DATA = 5, HS_HELLO_RETRY_REQUEST = 6, HS_ENCRYPTED_EXTENSIONS = 8,
            HS_CERTIFICATE = 11, HS_SERVER_KEY_EXCHANGE = 12, HS_CERTIFICATE_REQUEST = 13, HS_SERVER_HELLO_DONE = 14,
            HS_CERTIFICATE_VERIFY = 15, HS_CLIENT_KEY_EXCHANGE = 16, HS_FINISHED = 20, HS_CERTIFICATE_URL = 21,
            HS_CERTIFICATE_STATUS = 22, HS_SUPPLEMENTAL_DATA = 23, HS_KEY_UPDATE = 24, HS_COMPRESSED_CERTIFICATE = 25,
            HS_NPN_ENCRYPTED_EXTENSIONS = 67;

    // ExtensionType
    static final int EXT_SERVER_NAME = 0, EXT_MAX_FRAGMENT_LENGTH = 1, EXT_STATUS_REQUEST = 5, EXT_SUPPORTED_GROUPS = 10,
            EXT_EC_POINT_FORMATS = 11, EXT_SIGNATURE_ALGORITHMS = 13, EXT_USE_SRTP = 14, EXT_HEARTBEAT = 15, EXT_ALPN = 16,
            EXT_SIGNED_CERTIFICATE_TIMESTAMP = 18, EXT_PADDING = 21, EXT_ENCRYPT_THEN_MAC = 22,
            EXT_EXTENDED_MASTER_SECRET = 23, EXT_COMPRESS_CERTIFICATE = 27, EXT_RECORD_SIZE_LIMIT = 28,
            EXT_SESSION_TICKET = 35, EXT_KEY_SHARE_OLD = 40, EXT_PRE_SHARED_KEY = 41, EXT_EARLY_DATA = 42,
            EXT_SUPPORTED_VERSIONS = 43, EXT_COOKIE = 44, EXT_PSK_KEY_EXCHANGE_MODES = 45,
            EXT_TICKET_EARLY_DATA_INFO = 46, EXT_POST_HANDSHAKE_AUTH = 49, EXT_SIGNATURE_ALGORITHMS_CERT = 50,
            EXT_KEY_SHARE = 51, EXT_CONNECTION_ID_DEPRECATED = 53, EXT_CONNECTION_ID = 54, EXT_RENEGOTIATION_INFO = 0xff01,
            EXT_NEXT_PROTOCOL_NEGOTIATION = 0x3374, EXT_APPLICATION_SETTINGS = 0x4469;

    /** SHA-256("HelloRetryRequest"): the ServerHello random of a HelloRetryRequest (RFC 8446 §4.1.3). */
    static final byte[] HRR_RANDOM = {(byte) 0xcf, 0x21, (byte) 0xad, 0x74, (byte) 0xe5, (byte) 0x9a, 0x61, 0x11,
            (byte) 0xbe, 0x1d, (byte) 0x8c, 0x02, 0x1e, 0x65, (byte) 0xb8, (byte) 0x91, (byte) 0xc2, (byte) 0xa2, 0x11,
            0x16, 0x7a, (byte) 0xbb, (byte) 0x8c, 0x5e, 0x07, (byte) 0x9e, 0x09, (byte) 0xe2, (byte) 0xc8, (byte) 0xa8,
            0x33, (byte) 0x9c};

    static boolean validContentType(int t) {
        return t >= CT_CHANGE_CIPHER_SPEC && t <= CT_HEARTBEAT;
    }

    /** Handshake types Wireshark 4.0 knows for TLS (hello_verify_request is DTLS only). */
    static boolean validHandshakeType(int t) {
        return t != HS_HELLO_VERIFY_REQUEST && TlsNames.HANDSHAKE_TYPES.name(t) != null;
    }

    /** RFC 8701 GREASE: 0x?a?a with both bytes equal. */
    static boolean isGrease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
    }

    /** Wireshark's {@code ssl_version_short_names}, {@code dflt} for others. */
    static String shortName(int version, String dflt) {
        return switch (version) {
            case SSLV2 -> "SSLv2";
            case SSLV3 -> "SSLv3";
            case TLS10 -> "TLSv1";
            case GMTLS -> "GMTLS";
            case TLS11 -> "TLSv1.1";
            case TLS12 -> "TLSv1.2";
            case TLS13 -> "TLSv1.3";
            case 0xfeff -> "DTLSv1.0";
            case 0xfefd -> "DTLSv1.2";
            case 0x0100 -> "DTLS 1.0 (OpenSSL pre 0.9.8f)";
            default -> dflt;
        };
    }

    /** The TLS 1.3 draft number of a draft version code (0x7fXX, Facebook's 0xfb17/0xfb1a), else 0. */
    static int tls13Draft(int version) {
        if ((version & 0xff00) == 0x7f00) {
            return version & 0xff;
        }
        if (version == 0xfb17) {
            return 23;
        }
        if (version == 0xfb1a) {
            return 26;
        }
        return 0;
    }

    /** Whether a record of {@code contentType} starting with {@code hsType} tells the connection's version (not a ClientHello). */
    static boolean authoritative(int contentType, int hsType) {
        return contentType == CT_HANDSHAKE && validHandshakeType(hsType) && hsType != HS_CLIENT_HELLO
                || contentType != CT_HANDSHAKE && validContentType(contentType);
    }

    /** Wireshark's {@code ssl_try_set_version}: the version to store, or {@link #VERSION_UNKNOWN} to keep the old one. */
    static int tryVersion(int contentType, int hsType, int version) {
        if (!authoritative(contentType, hsType)) {
            return VERSION_UNKNOWN;
        }
        if (hsType == HS_SERVER_HELLO && tls13Draft(version) != 0) {
            return TLS13;
        }
        return switch (version) {
            case SSLV3, TLS10, TLS11, TLS12, TLS13 -> version;
            default -> VERSION_UNKNOWN;
        };
    }

    /** JA4's two-character version code. */
    static String ja4Version(int v) {
        return switch (v) {
            case TLS13 -> "13";
            case TLS12 -> "12";
            case TLS11 -> "11";
            case TLS10 -> "10";
            case SSLV3 -> "s3";
            case SSLV2 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }
}
