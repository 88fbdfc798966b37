package org.dissect4j.tls;

import org.dissect4j.api.Base;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.ValueNames;

/**
 * The fields of the TLS dissector. Abbreviations, display names, types and bases are Wireshark 4.0's
 * ({@code tshark -G fields}); {@code tls.handshake.ja4}/{@code ja4_r} are Wireshark 4.2's; the
 * resumption-tracking and certificate summary fields ({@code tls.resumption*}, {@code tls.x509.*}) are ours and
 * documented in the module README.
 */
public final class TlsFields {
    private TlsFields() {
    }

    /** {@code tls}: Transport Layer Security. */
    public static final Protocol TLS = new Protocol("Transport Layer Security", "TLS", "tls");

    // ---- record layer ------------------------------------------------------------------------
    public static final Field RECORD = f("tls.record", "Record Layer", FieldType.NONE).labeler(TlsLabels::record).build();
    public static final Field CONTENT_TYPE = u("tls.record.content_type", "Content Type", FieldType.UINT8, Base.DEC,
            TlsNames.CONTENT_TYPES);
    public static final Field OPAQUE_TYPE = u("tls.record.opaque_type", "Opaque Type", FieldType.UINT8, Base.DEC,
            TlsNames.CONTENT_TYPES);
    public static final Field RECORD_VERSION = u("tls.record.version", "Version", FieldType.UINT16, Base.HEX,
            TlsNames.VERSIONS);
    public static final Field RECORD_LENGTH = u("tls.record.length", "Length", FieldType.UINT16, Base.DEC, null);
    public static final Field APP_DATA = f("tls.app_data", "Encrypted Application Data", FieldType.BYTES).build();
    public static final Field APP_DATA_PROTO = f("tls.app_data_proto", "Application Data Protocol", FieldType.STRING).build();
    // Application data reassembled across records (decryption only).
    public static final Field SEGMENT_DATA = f("tls.segment.data", "TLS segment data", FieldType.BYTES)
            .labeler(TlsLabels::segmentData).build();
    public static final Field SEGMENTS = f("tls.segments", "Reassembled TLS segments", FieldType.NONE).build();
    public static final Field SEGMENT = f("tls.segment", "TLS segment", FieldType.FRAMENUM).build();
    public static final Field SEGMENT_COUNT = u("tls.segment.count", "Segment count", FieldType.UINT32, Base.DEC, null);
    public static final Field REASSEMBLED_LENGTH = u("tls.reassembled.length", "Reassembled PDU length", FieldType.UINT32,
            Base.DEC, null);
    public static final Field CHANGE_CIPHER_SPEC = f("tls.change_cipher_spec", "Change Cipher Spec Message",
            FieldType.NONE).build();
    public static final Field ALERT = f("tls.alert_message", "Alert Message", FieldType.NONE).labeler(TlsLabels::alert).build();
    public static final Field ALERT_LEVEL = u("tls.alert_message.level", "Level", FieldType.UINT8, Base.DEC,
            TlsNames.ALERT_LEVELS);
    public static final Field ALERT_DESC = u("tls.alert_message.desc", "Description", FieldType.UINT8, Base.DEC,
            TlsNames.ALERT_DESCRIPTIONS);
    public static final Field HEARTBEAT = f("tls.heartbeat_message", "Heartbeat Message", FieldType.NONE)
            .labeler(TlsLabels::heartbeat).build();
    public static final Field HEARTBEAT_TYPE = u("tls.heartbeat_message.type", "Type", FieldType.UINT8, Base.DEC,
            TlsNames.HEARTBEAT_TYPES);
    public static final Field HEARTBEAT_PAYLOAD_LENGTH = u("tls.heartbeat_message.payload_length", "Payload Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field HEARTBEAT_PAYLOAD = f("tls.heartbeat_message.payload", "Payload Length", FieldType.BYTES)
            .labeler(TlsLabels::heartbeatPayload).build();
    public static final Field HEARTBEAT_PADDING = f("tls.heartbeat_message.padding", "Payload Length", FieldType.BYTES)
            .labeler(TlsLabels::heartbeatPadding).build();

    // ---- SSL 2.0 compatible ClientHello --------------------------------------------------------
    public static final Field SSL2_MSG_TYPE = u("tls.handshake.type", "Handshake Message Type", FieldType.UINT8, Base.DEC,
            TlsNames.SSL2_MSG_TYPES);
    public static final Field SSL2_PADDING_LENGTH = u("tls.record.padding_length", "Padding Length", FieldType.UINT8,
            Base.DEC, null);
    public static final Field SSL2_IS_ESCAPE = f("tls.record.is_escape", "Is Escape", FieldType.BOOLEAN).build();
    public static final Field SSL2_CIPHER_SPEC_LEN = u("tls.handshake.cipher_spec_len", "Cipher Spec Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SSL2_SESSION_ID_LEN = u("tls.handshake.session_id_length", "Session ID Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SSL2_CHALLENGE_LEN = u("tls.handshake.challenge_length", "Challenge Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field SSL2_CIPHER_SPEC = u("tls.handshake.cipherspec", "Cipher Spec", FieldType.UINT24, Base.HEX,
            TlsNames.SSL2_CIPHER_SPECS);
    public static final Field SSL2_CHALLENGE = f("tls.handshake.challenge", "Challenge", FieldType.NONE).build();
    // SSL 2.0 SERVER-HELLO and CLIENT-MASTER-KEY (Ssl2Messages)
    public static final Field SSL2_SESSION_ID_HIT = f("tls.handshake.session_id_hit", "Session ID Hit", FieldType.BOOLEAN)
            .build();
    public static final Field SSL2_CERT_TYPE = u("tls.handshake.cert_type", "Certificate Type", FieldType.UINT8, Base.DEC,
            ValueNames.of(1, "X.509 Certificate"));
    public static final Field SSL2_CONNECTION_ID_LEN = u("tls.handshake.connection_id_length", "Connection ID Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SSL2_CONNECTION_ID = f("tls.handshake.connection_id", "Connection ID", FieldType.NONE).build();
    public static final Field SSL2_CLEAR_KEY_LEN = u("tls.handshake.clear_key_length", "Clear Key Data Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SSL2_ENCRYPTED_KEY_LEN = u("tls.handshake.encrypted_key_length", "Encrypted Key Data Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SSL2_KEY_ARG_LEN = u("tls.handshake.key_arg_length", "Key Argument Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field SSL2_CLEAR_KEY = f("tls.handshake.clear_key_data", "Clear Key Data", FieldType.NONE).build();
    public static final Field SSL2_ENCRYPTED_KEY = f("tls.handshake.encrypted_key", "Encrypted Key", FieldType.NONE).build();
    public static final Field SSL2_KEY_ARG = f("tls.handshake.key_arg", "Key Argument", FieldType.NONE).build();

    // ---- handshake -----------------------------------------------------------------------------
    public static final Field HANDSHAKE = f("tls.handshake", "Handshake Protocol", FieldType.NONE).labeler(TlsLabels::handshake).build();
    public static final Field HS_TYPE = u("tls.handshake.type", "Handshake Type", FieldType.UINT8, Base.DEC,
            TlsNames.HANDSHAKE_TYPES);
    public static final Field HS_LENGTH = u("tls.handshake.length", "Length", FieldType.UINT24, Base.DEC, null);
    public static final Field HS_FRAGMENTS = f("tls.handshake.fragments", "Reassembled Handshake Fragments",
            FieldType.NONE).build();
    public static final Field HS_FRAGMENT = f("tls.handshake.fragment", "Handshake Fragment", FieldType.FRAMENUM).build();
    public static final Field HS_FRAGMENT_COUNT = u("tls.handshake.fragment.count", "Handshake Fragment count",
            FieldType.UINT32, Base.DEC, null);
    public static final Field HS_VERSION = u("tls.handshake.version", "Version", FieldType.UINT16, Base.HEX,
            TlsNames.VERSIONS);
    public static final Field HS_RANDOM = f("tls.handshake.random", "Random", FieldType.BYTES).build();
    public static final Field HS_RANDOM_TIME = f("tls.handshake.random_time", "GMT Unix Time", FieldType.ABSOLUTE_TIME)
            .base(Base.LOCAL).build();
    public static final Field HS_RANDOM_BYTES = f("tls.handshake.random_bytes", "Random Bytes", FieldType.BYTES).build();
    public static final Field HS_SESSION_ID_LEN = u("tls.handshake.session_id_length", "Session ID Length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field HS_SESSION_ID = f("tls.handshake.session_id", "Session ID", FieldType.BYTES).build();
    public static final Field HS_CIPHER_SUITES_LEN = u("tls.handshake.cipher_suites_length", "Cipher Suites Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field HS_CIPHER_SUITES = f("tls.handshake.ciphersuites", "Cipher Suites", FieldType.NONE)
            .labeler(TlsLabels::cipherSuites).build();
    public static final Field HS_CIPHER_SUITE = u("tls.handshake.ciphersuite", "Cipher Suite", FieldType.UINT16, Base.HEX,
            TlsNames.CIPHER_SUITES);
    public static final Field HS_COMP_METHODS_LEN = u("tls.handshake.comp_methods_length", "Compression Methods Length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field HS_COMP_METHODS = f("tls.handshake.comp_methods", "Compression Methods", FieldType.NONE)
            .labeler(TlsLabels::compressionMethods).build();
    public static final Field HS_COMP_METHOD = u("tls.handshake.comp_method", "Compression Method", FieldType.UINT8,
            Base.DEC, TlsNames.COMPRESSION_METHODS);
    public static final Field JA3_FULL = f("tls.handshake.ja3_full", "JA3 Fullstring", FieldType.STRING).build();
    public static final Field JA3 = f("tls.handshake.ja3", "JA3", FieldType.STRING).build();
    public static final Field JA3S_FULL = f("tls.handshake.ja3s_full", "JA3S Fullstring", FieldType.STRING).build();
    public static final Field JA3S = f("tls.handshake.ja3s", "JA3S", FieldType.STRING).build();
    /** Wireshark 4.2's {@code tls.handshake.ja4} (FoxIO JA4). */
    public static final Field JA4 = f("tls.handshake.ja4", "JA4", FieldType.STRING).build();
    /** Wireshark 4.2's {@code tls.handshake.ja4_r} (JA4 raw, sorted). */
    public static final Field JA4_R = f("tls.handshake.ja4_r", "JA4 Raw", FieldType.STRING).build();

    // ---- extensions ----------------------------------------------------------------------------
    public static final Field EXTS_LEN = u("tls.handshake.extensions_length", "Extensions Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field EXT_TYPE = u("tls.handshake.extension.type", "Type", FieldType.UINT16, Base.DEC,
            TlsNames.EXTENSION_TYPES);
    public static final Field EXT_LEN = u("tls.handshake.extension.len", "Length", FieldType.UINT16, Base.DEC, null);
    public static final Field EXT_DATA = f("tls.handshake.extension.data", "Data", FieldType.BYTES).labeler(TlsLabels::extensionData).build();
    /** {@code Extension: server_name (len=16)}: an extension's type, length and contents. */
    static final Field EXTENSION = Field.define("", "Extension", FieldType.NONE).labeler(TlsLabels::extension).build();
    static final Field SNI_EXTENSION = Field.text("Server Name Indication extension");
    static final Field KEY_SHARE_EXTENSION = Field.text("Key Share extension");
    static final Field KEY_SHARE_ENTRY = Field.define("", "Key Share Entry", FieldType.NONE)
            .labeler(TlsLabels::keyShareEntry).build();
    static final Field PSK_EXTENSION = Field.text("Pre-Shared Key extension");
    static final Field PSK_IDENTITY_ITEM = Field.define("", "PSK Identity", FieldType.NONE)
            .labeler(TlsLabels::pskIdentity).build();
    static final Field RENEG_INFO_EXTENSION = Field.text("Renegotiation Info extension");
    static final Field NPN_EXTENSION = Field.text("Next Protocol Negotiation");
    // the parameters of ServerKeyExchange and ClientKeyExchange, by key exchange
    static final Field ECDH_SERVER_PARAMS = Field.text("EC Diffie-Hellman Server Params");
    static final Field DH_SERVER_PARAMS = Field.text("Diffie-Hellman Server Params");
    static final Field RSA_SERVER_PARAMS = Field.text("RSA-EXPORT Server Params");
    static final Field PSK_SERVER_PARAMS = Field.text("PSK Server Params");
    static final Field ECDH_CLIENT_PARAMS = Field.text("EC Diffie-Hellman Client Params");
    static final Field DH_CLIENT_PARAMS = Field.text("Diffie-Hellman Client Params");
    static final Field RSA_EPMS = Field.text("RSA Encrypted PreMaster Secret");
    static final Field PSK_CLIENT_PARAMS = Field.text("PSK Client Params");
    static final Field RSA_PSK_CLIENT_PARAMS = Field.text("RSA PSK Client Params");
    public static final Field SNI_LIST_LEN = u("tls.handshake.extensions_server_name_list_len", "Server Name list length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SNI_TYPE = u("tls.handshake.extensions_server_name_type", "Server Name Type",
            FieldType.UINT8, Base.DEC, TlsNames.SERVER_NAME_TYPES);
    public static final Field SNI_LEN = u("tls.handshake.extensions_server_name_len", "Server Name length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SNI = f("tls.handshake.extensions_server_name", "Server Name", FieldType.STRING).build();
    public static final Field MAX_FRAGMENT_LENGTH = u("tls.handshake.max_fragment_length", "Maximum Fragment Length",
            FieldType.UINT8, Base.DEC, TlsNames.MAX_FRAGMENT_LENGTHS);
    public static final Field STATUS_REQUEST_TYPE = u("tls.handshake.extensions_status_request_type",
            "Certificate Status Type", FieldType.UINT8, Base.DEC, TlsNames.STATUS_REQUEST_TYPES);
    public static final Field STATUS_REQUEST_RESPONDER_IDS_LEN = u(
            "tls.handshake.extensions_status_request_responder_ids_len", "Responder ID list Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field STATUS_REQUEST_EXTS_LEN = u("tls.handshake.extensions_status_request_exts_len",
            "Request Extensions Length", FieldType.UINT16, Base.DEC, null);
    public static final Field GROUPS_LEN = u("tls.handshake.extensions_supported_groups_length",
            "Supported Groups List Length", FieldType.UINT16, Base.DEC, null);
    public static final Field GROUPS = f("tls.handshake.extensions_supported_groups", "Supported Groups List",
            FieldType.NONE).labeler(TlsLabels::groups).build();
    public static final Field GROUP = u("tls.handshake.extensions_supported_group", "Supported Group", FieldType.UINT16,
            Base.HEX, TlsNames.GROUPS);
    public static final Field EC_POINT_FORMATS_LEN = u("tls.handshake.extensions_ec_point_formats_length",
            "EC point formats Length", FieldType.UINT8, Base.DEC, null);
    public static final Field EC_POINT_FORMATS = f("tls.handshake.extensions_ec_point_formats", "EC point formats",
            FieldType.NONE).labeler(TlsLabels::ecPointFormats).build();
    public static final Field EC_POINT_FORMAT = u("tls.handshake.extensions_ec_point_format", "EC point format",
            FieldType.UINT8, Base.DEC, TlsNames.EC_POINT_FORMATS);
    public static final Field SIG_HASH_ALG_LEN = u("tls.handshake.sig_hash_alg_len", "Signature Hash Algorithms Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SIG_HASH_ALGS = f("tls.handshake.sig_hash_algs", "Signature Algorithms", FieldType.NONE)
            .labeler(TlsLabels::signatureAlgorithms).build();
    public static final Field SIG_HASH_ALG = f("tls.handshake.sig_hash_alg", "Signature Algorithm", FieldType.UINT16)
            .base(Base.HEX).values(TlsNames.SIGNATURE_SCHEMES).labeler(TlsLabels::signatureAlgorithm).build();
    public static final Field SIG_HASH_HASH = u("tls.handshake.sig_hash_hash", "Signature Hash Algorithm Hash",
            FieldType.UINT8, Base.DEC, TlsNames.SIG_HASH);
    public static final Field SIG_HASH_SIG = u("tls.handshake.sig_hash_sig", "Signature Hash Algorithm Signature",
            FieldType.UINT8, Base.DEC, TlsNames.SIG_SIG);
    public static final Field HEARTBEAT_MODE = u("tls.handshake.extension.heartbeat.mode", "Mode", FieldType.UINT8,
            Base.DEC, TlsNames.HEARTBEAT_MODES);
    public static final Field ALPN_LEN = u("tls.handshake.extensions_alpn_len", "ALPN Extension Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field ALPN_LIST = f("tls.handshake.extensions_alpn_list", "ALPN Protocol", FieldType.NONE).build();
    public static final Field ALPN_STR_LEN = u("tls.handshake.extensions_alpn_str_len", "ALPN string length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field ALPN_STR = f("tls.handshake.extensions_alpn_str", "ALPN Next Protocol", FieldType.STRING).build();
    public static final Field NPN_STR_LEN = u("tls.handshake.extensions_npn_str_len", "Protocol string length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field NPN_STR = f("tls.handshake.extensions_npn", "Next Protocol", FieldType.STRING).build();
    public static final Field ALPS_LEN = u("tls.handshake.extensions_alps_len", "ALPS Extension Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field ALPS_ALPN_LIST = f("tls.handshake.extensions_alps_alpn_list", "Supported ALPN List",
            FieldType.NONE).build();
    public static final Field ALPS_ALPN_STR_LEN = u("tls.handshake.extensions_alps_alpn_str_len", "Supported ALPN Length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field ALPS_ALPN_STR = f("tls.handshake.extensions_alps_alpn_str", "Supported ALPN",
            FieldType.STRING).build();
    public static final Field ALPS_SETTINGS = f("tls.handshake.extensions_alps.settings", "ALPN Opaque Settings",
            FieldType.BYTES).build();
    public static final Field PADDING_DATA = f("tls.handshake.extensions_padding_data", "Padding Data", FieldType.BYTES).build();
    public static final Field RENEG_INFO_LEN = u("tls.handshake.extensions_reneg_info_len",
            "Renegotiation info extension length", FieldType.UINT8, Base.DEC, null);
    public static final Field RENEG_INFO = f("tls.handshake.extensions_reneg_info", "Renegotiation info", FieldType.BYTES).build();
    public static final Field KEY_SHARE_CLIENT_LEN = u("tls.handshake.extensions_key_share_client_length",
            "Client Key Share Length", FieldType.UINT16, Base.DEC, null);
    public static final Field KEY_SHARE_GROUP = u("tls.handshake.extensions_key_share_group", "Group", FieldType.UINT16,
            Base.DEC, TlsNames.GROUPS);
    public static final Field KEY_SHARE_KE_LEN = u("tls.handshake.extensions_key_share_key_exchange_length",
            "Key Exchange Length", FieldType.UINT16, Base.DEC, null);
    public static final Field KEY_SHARE_KE = f("tls.handshake.extensions_key_share_key_exchange", "Key Exchange",
            FieldType.BYTES).build();
    public static final Field KEY_SHARE_SELECTED_GROUP = u("tls.handshake.extensions_key_share_selected_group",
            "Selected Group", FieldType.UINT16, Base.DEC, TlsNames.GROUPS);
    public static final Field PSK_IDENTITIES_LEN = u("tls.handshake.extensions.psk.identities.length",
            "Identities Length", FieldType.UINT16, Base.DEC, null);
    public static final Field PSK_IDENTITY_LEN = u("tls.handshake.extensions.psk.identity.identity_length",
            "Identity Length", FieldType.UINT16, Base.DEC, null);
    public static final Field PSK_IDENTITY = f("tls.handshake.extensions.psk.identity.identity", "Identity",
            FieldType.BYTES).build();
    public static final Field PSK_TICKET_AGE = u("tls.handshake.extensions.psk.identity.obfuscated_ticket_age",
            "Obfuscated Ticket Age", FieldType.UINT32, Base.DEC, null);
    public static final Field PSK_BINDERS_LEN = u("tls.handshake.extensions.psk.binders_len", "PSK Binders length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field PSK_BINDERS = f("tls.handshake.extensions.psk.binders", "PSK Binders", FieldType.NONE).build();
    public static final Field PSK_SELECTED = u("tls.handshake.extensions.psk.identity.selected", "Selected Identity",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SUPPORTED_VERSIONS_LEN = u("tls.handshake.extensions.supported_versions_len",
            "Supported Versions length", FieldType.UINT8, Base.DEC, null);
    public static final Field SUPPORTED_VERSION = u("tls.handshake.extensions.supported_version", "Supported Version",
            FieldType.UINT16, Base.HEX, TlsNames.VERSIONS);
    public static final Field COOKIE_LEN = u("tls.handshake.extensions.cookie_len", "Cookie length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field COOKIE = f("tls.handshake.extensions.cookie", "Cookie", FieldType.BYTES).build();
    public static final Field CONNECTION_ID_LEN = u("tls.connection_id_length", "Connection ID length", FieldType.UINT8,
            Base.DEC, null);
    public static final Field CONNECTION_ID = f("tls.connection_id", "Connection ID", FieldType.BYTES).build();
    public static final Field PSK_KE_MODES_LEN = u("tls.extension.psk_ke_modes_length", "PSK Key Exchange Modes Length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field PSK_KE_MODE = u("tls.extension.psk_ke_mode", "PSK Key Exchange Mode", FieldType.UINT8,
            Base.DEC, TlsNames.PSK_KE_MODES);
    public static final Field MAX_EARLY_DATA_SIZE = u("tls.early_data.max_early_data_size", "Maximum Early Data Size",
            FieldType.UINT32, Base.DEC, null);
    public static final Field RECORD_SIZE_LIMIT = u("tls.record_size_limit", "Record Size Limit", FieldType.UINT16,
            Base.DEC, null);
    public static final Field COMPRESS_CERT_ALGS_LEN = u("tls.compress_certificate.algorithms_length", "Algorithms Length",
            FieldType.UINT8, Base.DEC, null);
    public static final Field COMPRESS_CERT_ALG = u("tls.compress_certificate.algorithm", "Algorithm", FieldType.UINT16,
            Base.DEC, TlsNames.CERT_COMPRESSION_ALGORITHMS);
    public static final Field COMPRESS_CERT_UNCOMPRESSED_LEN = u("tls.compress_certificate.uncompressed_length",
            "Uncompressed Length", FieldType.UINT24, Base.DEC, null);
    public static final Field COMPRESS_CERT_MSG_LEN = u("tls.compress_certificate.compressed_certificate_message.length",
            "Length", FieldType.UINT24, Base.DEC, null);
    public static final Field COMPRESS_CERT_MSG = f("tls.compress_certificate.compressed_certificate_message",
            "Compressed Certificate Message", FieldType.BYTES).build();
    public static final Field SCT_SCTS_LEN = u("tls.sct.scts_length", "Serialized SCT List Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field SCT_LEN = u("tls.sct.sct_length", "Serialized SCT Length", FieldType.UINT16, Base.DEC, null);
    public static final Field SCT_VERSION = u("tls.sct.sct_version", "SCT Version", FieldType.UINT8, Base.DEC, null);
    public static final Field SCT_LOGID = f("tls.sct.sct_logid", "Log ID", FieldType.BYTES).build();
    public static final Field SCT_TIMESTAMP = f("tls.sct.sct_timestamp", "Timestamp", FieldType.ABSOLUTE_TIME)
            .base(Base.LOCAL).build();
    public static final Field SCT_EXTS_LEN = u("tls.sct.sct_extensions_length", "Extensions length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field SCT_SIG_LEN = u("tls.sct.sct_signature_length", "Signature Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field SCT_SIG = f("tls.sct.sct_signature", "Signature", FieldType.BYTES).build();

    // ---- other handshake messages ----------------------------------------------------------------
    public static final Field CERTIFICATES_LEN = u("tls.handshake.certificates_length", "Certificates Length",
            FieldType.UINT24, Base.DEC, null);
    public static final Field CERTIFICATES = f("tls.handshake.certificates", "Certificates", FieldType.NONE)
            .labeler(TlsLabels::certificates).build();
    public static final Field CERTIFICATE_LEN = u("tls.handshake.certificate_length", "Certificate Length",
            FieldType.UINT24, Base.DEC, null);
    public static final Field CERTIFICATE = f("tls.handshake.certificate", "Certificate", FieldType.BYTES)
            .labeler(X509Labels::certificate).build();
    public static final Field CERT_REQUEST_CONTEXT_LEN = u("tls.handshake.certificate_request_context_length",
            "Certificate Request Context Length", FieldType.UINT8, Base.DEC, null);
    public static final Field CERT_REQUEST_CONTEXT = f("tls.handshake.certificate_request_context",
            "Certificate Request Context", FieldType.BYTES).build();
    public static final Field CERT_TYPES_COUNT = u("tls.handshake.cert_types_count", "Certificate types count",
            FieldType.UINT8, Base.DEC, null);
    public static final Field CERT_TYPES = f("tls.handshake.cert_types", "Certificate types", FieldType.NONE)
            .labeler(TlsLabels::certificateTypes).build();
    public static final Field CERT_TYPE = u("tls.handshake.cert_type", "Certificate type", FieldType.UINT8, Base.DEC,
            TlsNames.CLIENT_CERT_TYPES);
    public static final Field DNAMES_LEN = u("tls.handshake.dnames_len", "Distinguished Names Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field DNAMES = f("tls.handshake.dnames", "Distinguished Names", FieldType.NONE)
            .labeler(TlsLabels::distinguishedNames).build();
    public static final Field DNAME_LEN = u("tls.handshake.dname_len", "Distinguished Name Length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field DNAME = f("tls.handshake.dname", "Distinguished Name", FieldType.NONE)
            .labeler(X509Labels::distinguishedName).build();
    public static final Field SESSION_TICKET_LIFETIME = f("tls.handshake.session_ticket_lifetime_hint",
            "Session Ticket Lifetime Hint", FieldType.UINT32).base(Base.DEC).labeler(TlsLabels::ticketLifetime).build();
    static final Field SESSION_TICKET_ITEM = Field.text("TLS Session Ticket");
    public static final Field SESSION_TICKET_AGE_ADD = u("tls.handshake.session_ticket_age_add", "Session Ticket Age Add",
            FieldType.UINT32, Base.DEC, null);
    public static final Field SESSION_TICKET_NONCE_LEN = u("tls.handshake.session_ticket_nonce_length",
            "Session Ticket Nonce Length", FieldType.UINT8, Base.DEC, null);
    public static final Field SESSION_TICKET_NONCE = f("tls.handshake.session_ticket_nonce", "Session Ticket Nonce",
            FieldType.BYTES).build();
    public static final Field SESSION_TICKET_LEN = u("tls.handshake.session_ticket_length", "Session Ticket Length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field SESSION_TICKET = f("tls.handshake.session_ticket", "Session Ticket", FieldType.BYTES).build();
    public static final Field VERIFY_DATA = f("tls.handshake.verify_data", "Verify Data", FieldType.NONE).build();
    public static final Field CERT_VERIFY_SIG_LEN = u("tls.handshake.client_cert_vrfy.sig_len", "Signature length",
            FieldType.UINT16, Base.DEC, null);
    public static final Field CERT_VERIFY_SIG = f("tls.handshake.client_cert_vrfy.sig", "Signature", FieldType.BYTES).build();
    public static final Field KEY_UPDATE_REQUEST = u("tls.handshake.key_update.request_update", "Key Update Request",
            FieldType.UINT8, Base.DEC, TlsNames.KEY_UPDATE_REQUESTS);
    public static final Field CERT_STATUS_TYPE = STATUS_REQUEST_TYPE;
    public static final Field OCSP_RESPONSE_LEN = u("tls.handshake.ocsp_response_len", "OCSP Response Length",
            FieldType.UINT24, Base.DEC, null);
    // ServerKeyExchange / ClientKeyExchange
    public static final Field CURVE_TYPE = u("tls.handshake.server_curve_type", "Curve Type", FieldType.UINT8, Base.HEX,
            TlsNames.CURVE_TYPES);
    public static final Field NAMED_CURVE = u("tls.handshake.server_named_curve", "Named Curve", FieldType.UINT16,
            Base.HEX, TlsNames.GROUPS);
    public static final Field SERVER_POINT_LEN = u("tls.handshake.server_point_len", "Pubkey Length", FieldType.UINT8,
            Base.DEC, null);
    public static final Field SERVER_POINT = f("tls.handshake.server_point", "Pubkey", FieldType.BYTES).build();
    public static final Field CLIENT_POINT_LEN = u("tls.handshake.client_point_len", "Pubkey Length", FieldType.UINT8,
            Base.DEC, null);
    public static final Field CLIENT_POINT = f("tls.handshake.client_point", "Pubkey", FieldType.BYTES).build();
    public static final Field P_LEN = u("tls.handshake.p_len", "p Length", FieldType.UINT16, Base.DEC, null);
    public static final Field P = f("tls.handshake.p", "p", FieldType.BYTES).build();
    public static final Field G_LEN = u("tls.handshake.g_len", "g Length", FieldType.UINT16, Base.DEC, null);
    public static final Field G = f("tls.handshake.g", "g", FieldType.BYTES).build();
    public static final Field YS_LEN = u("tls.handshake.ys_len", "Pubkey Length", FieldType.UINT16, Base.DEC, null);
    public static final Field YS = f("tls.handshake.ys", "Pubkey", FieldType.BYTES).build();
    public static final Field YC_LEN = u("tls.handshake.yc_len", "Pubkey Length", FieldType.UINT16, Base.DEC, null);
    public static final Field YC = f("tls.handshake.yc", "Pubkey", FieldType.BYTES).build();
    public static final Field MODULUS_LEN = u("tls.handshake.modulus_len", "Modulus Length", FieldType.UINT16, Base.DEC, null);
    public static final Field MODULUS = f("tls.handshake.modulus", "Modulus", FieldType.BYTES).build();
    public static final Field EXPONENT_LEN = u("tls.handshake.exponent_len", "Exponent Length", FieldType.UINT16, Base.DEC,
            null);
    public static final Field EXPONENT = f("tls.handshake.exponent", "Exponent", FieldType.BYTES).build();
    public static final Field SIG_LEN = u("tls.handshake.sig_len", "Signature Length", FieldType.UINT16, Base.DEC, null);
    public static final Field SIG = f("tls.handshake.sig", "Signature", FieldType.BYTES).build();
    public static final Field EPMS_LEN = u("tls.handshake.epms_len", "Encrypted PreMaster length", FieldType.UINT16,
            Base.DEC, null);
    public static final Field EPMS = f("tls.handshake.epms", "Encrypted PreMaster", FieldType.BYTES).build();
    public static final Field HINT_LEN = u("tls.handshake.hint_len", "Hint Length", FieldType.UINT16, Base.DEC, null);
    public static final Field HINT = f("tls.handshake.hint", "Hint", FieldType.BYTES).build();
    public static final Field IDENTITY_LEN = u("tls.handshake.identity_len", "Identity Length", FieldType.UINT16, Base.DEC,
            null);
    public static final Field IDENTITY = f("tls.handshake.identity", "Identity", FieldType.BYTES).build();

    // ---- session resumption (ours, see README) -------------------------------------------------------
    /** Resumption methods of {@link #RESUMPTION_METHOD}. */
    public static final int RESUMED_SESSION_ID = 1, RESUMED_TICKET = 2, RESUMED_PSK = 3;
    public static final ValueNames RESUMPTION_METHODS = ValueNames.of(RESUMED_SESSION_ID, "Session ID",
            RESUMED_TICKET, "Session Ticket", RESUMED_PSK, "TLS 1.3 PSK");
    /** Bits of {@link #RESUMPTION_OFFERED}. */
    public static final int OFFER_SESSION_ID = 1, OFFER_TICKET = 2, OFFER_PSK = 4;
    public static final Field RESUMPTION_OFFERED = f("tls.resumption.offered", "Resumption offered by the client",
            FieldType.UINT8).base(Base.HEX).values(ValueNames.of(1, "Session ID", 2, "Session Ticket", 3,
            "Session ID and Session Ticket", 4, "PSK", 5, "Session ID and PSK", 6, "Session Ticket and PSK", 7,
            "Session ID, Session Ticket and PSK")).description("Bit set: 1 session ID, 2 session ticket, 4 TLS 1.3 PSK").build();
    public static final Field RESUMPTION_METHOD = f("tls.resumption_method", "Resumption method", FieldType.UINT8)
            .values(RESUMPTION_METHODS).build();
    public static final Field RESUMPTION_ORIGIN = f("tls.resumption.origin_frame",
            "Session ID or ticket issued in frame", FieldType.FRAMENUM).build();

    // ---- certificate summary (ours, see README) --------------------------------------------------------
    public static final Field X509_SUBJECT = f("tls.x509.subject", "Certificate subject", FieldType.STRING).build();
    public static final Field X509_ISSUER = f("tls.x509.issuer", "Certificate issuer", FieldType.STRING).build();
    public static final Field X509_NOT_BEFORE = f("tls.x509.not_before", "Certificate valid from",
            FieldType.ABSOLUTE_TIME).base(Base.UTC).build();
    public static final Field X509_NOT_AFTER = f("tls.x509.not_after", "Certificate valid until",
            FieldType.ABSOLUTE_TIME).base(Base.UTC).build();
    public static final Field X509_SAN = f("tls.x509.san", "Certificate subject alternative name", FieldType.STRING).build();
    public static final Field X509_SIG_ALG = f("tls.x509.signature_algorithm", "Certificate signature algorithm",
            FieldType.STRING).build();

    /** Every field above, for registration. */
    static Field[] all() {
        return new Field[] {RECORD, CONTENT_TYPE, OPAQUE_TYPE, RECORD_VERSION, RECORD_LENGTH, APP_DATA, APP_DATA_PROTO,
                SEGMENT_DATA, SEGMENTS, SEGMENT, SEGMENT_COUNT, REASSEMBLED_LENGTH,
                CHANGE_CIPHER_SPEC, ALERT, ALERT_LEVEL, ALERT_DESC, HEARTBEAT, HEARTBEAT_TYPE, HEARTBEAT_PAYLOAD_LENGTH,
                HEARTBEAT_PAYLOAD, HEARTBEAT_PADDING, SSL2_MSG_TYPE, SSL2_PADDING_LENGTH, SSL2_IS_ESCAPE,
                SSL2_CIPHER_SPEC_LEN, SSL2_SESSION_ID_LEN, SSL2_CHALLENGE_LEN, SSL2_CIPHER_SPEC, SSL2_CHALLENGE,
                SSL2_SESSION_ID_HIT, SSL2_CERT_TYPE, SSL2_CONNECTION_ID_LEN, SSL2_CONNECTION_ID, SSL2_CLEAR_KEY_LEN,
                SSL2_ENCRYPTED_KEY_LEN, SSL2_KEY_ARG_LEN, SSL2_CLEAR_KEY, SSL2_ENCRYPTED_KEY, SSL2_KEY_ARG,
                HANDSHAKE, HS_TYPE, HS_LENGTH, HS_FRAGMENTS, HS_FRAGMENT, HS_FRAGMENT_COUNT, HS_VERSION, HS_RANDOM,
                HS_RANDOM_TIME, HS_RANDOM_BYTES, HS_SESSION_ID_LEN, HS_SESSION_ID, HS_CIPHER_SUITES_LEN, HS_CIPHER_SUITES,
                HS_CIPHER_SUITE, HS_COMP_METHODS_LEN, HS_COMP_METHODS, HS_COMP_METHOD, JA3_FULL, JA3, JA3S_FULL, JA3S,
                JA4, JA4_R, EXTS_LEN, EXT_TYPE, EXT_LEN, EXT_DATA, SNI_LIST_LEN, SNI_TYPE, SNI_LEN, SNI,
                MAX_FRAGMENT_LENGTH, STATUS_REQUEST_TYPE, STATUS_REQUEST_RESPONDER_IDS_LEN, STATUS_REQUEST_EXTS_LEN,
                GROUPS_LEN, GROUPS, GROUP, EC_POINT_FORMATS_LEN, EC_POINT_FORMATS, EC_POINT_FORMAT, SIG_HASH_ALG_LEN,
                SIG_HASH_ALGS, SIG_HASH_ALG, SIG_HASH_HASH, SIG_HASH_SIG, HEARTBEAT_MODE, ALPN_LEN, ALPN_LIST,
                ALPN_STR_LEN, ALPN_STR, NPN_STR_LEN, NPN_STR, ALPS_LEN, ALPS_ALPN_LIST, ALPS_ALPN_STR_LEN, ALPS_ALPN_STR,
                ALPS_SETTINGS, PADDING_DATA, RENEG_INFO_LEN, RENEG_INFO, KEY_SHARE_CLIENT_LEN, KEY_SHARE_GROUP,
                KEY_SHARE_KE_LEN, KEY_SHARE_KE, KEY_SHARE_SELECTED_GROUP, PSK_IDENTITIES_LEN, PSK_IDENTITY_LEN,
                PSK_IDENTITY, PSK_TICKET_AGE, PSK_BINDERS_LEN, PSK_BINDERS, PSK_SELECTED, SUPPORTED_VERSIONS_LEN,
                SUPPORTED_VERSION, COOKIE_LEN, COOKIE, CONNECTION_ID_LEN, CONNECTION_ID, PSK_KE_MODES_LEN, PSK_KE_MODE, MAX_EARLY_DATA_SIZE,
                RECORD_SIZE_LIMIT, COMPRESS_CERT_ALGS_LEN, COMPRESS_CERT_ALG, COMPRESS_CERT_UNCOMPRESSED_LEN,
                COMPRESS_CERT_MSG_LEN, COMPRESS_CERT_MSG, SCT_SCTS_LEN, SCT_LEN, SCT_VERSION, SCT_LOGID, SCT_TIMESTAMP,
                SCT_EXTS_LEN, SCT_SIG_LEN, SCT_SIG, CERTIFICATES_LEN, CERTIFICATES, CERTIFICATE_LEN, CERTIFICATE,
                CERT_REQUEST_CONTEXT_LEN, CERT_REQUEST_CONTEXT, CERT_TYPES_COUNT, CERT_TYPES, CERT_TYPE, DNAMES_LEN,
                DNAMES, DNAME_LEN, DNAME, SESSION_TICKET_LIFETIME, SESSION_TICKET_AGE_ADD, SESSION_TICKET_NONCE_LEN,
                SESSION_TICKET_NONCE, SESSION_TICKET_LEN, SESSION_TICKET, VERIFY_DATA, CERT_VERIFY_SIG_LEN,
                CERT_VERIFY_SIG, KEY_UPDATE_REQUEST, OCSP_RESPONSE_LEN, CURVE_TYPE, NAMED_CURVE, SERVER_POINT_LEN,
                SERVER_POINT, CLIENT_POINT_LEN, CLIENT_POINT, P_LEN, P, G_LEN, G, YS_LEN, YS, YC_LEN, YC, MODULUS_LEN,
                MODULUS, EXPONENT_LEN, EXPONENT, SIG_LEN, SIG, EPMS_LEN, EPMS, HINT_LEN, HINT, IDENTITY_LEN, IDENTITY,
                RESUMPTION_OFFERED, RESUMPTION_METHOD, RESUMPTION_ORIGIN, X509_SUBJECT, X509_ISSUER, X509_NOT_BEFORE,
                X509_NOT_AFTER, X509_SAN, X509_SIG_ALG, EXTENSION, SNI_EXTENSION, KEY_SHARE_EXTENSION,
                KEY_SHARE_ENTRY, PSK_EXTENSION, PSK_IDENTITY_ITEM, RENEG_INFO_EXTENSION, NPN_EXTENSION, ECDH_SERVER_PARAMS, DH_SERVER_PARAMS,
                RSA_SERVER_PARAMS, PSK_SERVER_PARAMS, ECDH_CLIENT_PARAMS, DH_CLIENT_PARAMS, RSA_EPMS, PSK_CLIENT_PARAMS,
                RSA_PSK_CLIENT_PARAMS, SESSION_TICKET_ITEM};
    }

    private static Field.Builder f(String abbrev, String name, FieldType type) {
        return Field.define(abbrev, name, type);
    }

    private static Field u(String abbrev, String name, FieldType type, Base base, ValueNames values) {
        Field.Builder b = Field.define(abbrev, name, type).base(base);
        if (values != null) {
            b.values(values);
        }
        return b.build();
    }
}
