package org.dissect4j.tls.dtls;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.TlsHandshakeCode;
import org.dissect4j.tls.TlsNames;

/**
 * DTLS over UDP, Wireshark 4.0's {@code dissect_dtls}: the records of a datagram one after the other, each with its
 * epoch and sequence number, and per record the change cipher spec, alert, handshake ({@link DtlsHandshake}),
 * application data and heartbeat contents. Records are not decrypted.
 *
 * <pre>
 * DTLSPlaintext { ContentType type; ProtocolVersion version; uint16 epoch; uint48 sequence_number;
 *                 uint16 length; opaque fragment[length]; }                                (RFC 6347 §4.1)
 * DTLSCiphertext with a connection ID: type tls12_cid(25), ..., opaque cid[cid_length], uint16 length, ...  (RFC 9146)
 * </pre>
 *
 * <p>Columns as tshark 4.0.17: Protocol {@code DTLS}, then per record the association's version ({@code DTLSv1.0},
 * {@code DTLSv1.2}) once a message other than a ClientHello told it; Info lists the records' contents comma-separated.
 * DTLS 1.3's unified header (first bits 001) is not a record Wireshark 4.0 knows: the heuristic leaves such datagrams
 * to {@code data}, as tshark does. Nothing is allocated per packet.
 */
final class DtlsDissector implements Dissector {
    /** The record header: type, version, epoch, sequence number, length. */
    static final int RECORD_HEADER_LENGTH = 13;
    static final int CT_CHANGE_CIPHER_SPEC = 20, CT_ALERT = 21, CT_HANDSHAKE = 22, CT_APPLICATION_DATA = 23,
            CT_HEARTBEAT = 24, CT_TLS12_CID = 25;
    static final int DTLS10 = 0xfeff, DTLS12 = 0xfefd, DTLS10_OPENSSL = 0x0100;
    /** Wireshark 4.0's {@code udp.port} entries for DTLS (853 DNS, 2221 CIP, 5684 CoAP, 5868 Diameter: {@code dtls.port}). */
    static final int[] PORTS = {853, 2221, 5684, 5868};

    final boolean[] serverPorts = new boolean[65536];
    static final DtlsHelloParts HELLO_PARTS = new DtlsHelloParts();
    final TlsHandshakeCode code = new TlsHandshakeCode(HELLO_PARTS);
    final DtlsAssociations associations = new DtlsAssociations(code);
    final DtlsHandshake handshake = new DtlsHandshake(this);
    /** {@code dtls.port}: the applications over DTLS by port (for {@code dtls.app_data_proto}). */
    DissectorTable applications;

    DtlsDissector() {
        for (int port : PORTS) {
            serverPorts[port] = true;
        }
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        DtlsAssociation a = associations.get(p);
        boolean fromServer = TlsHandshakeCode.fromServer(a.tls, p, serverPorts);
        if (p.columns()) {
            p.protocolColumn("DTLS");
            p.clearInfo();
        }
        Tree t = p.tree();
        t.open(DtlsFields.DTLS.field(), offset, length);
        int at = offset;
        int end = offset + length;
        try {
            while (at < end) {
                int v = TlsHandshakeCode.version(a.tls);
                if (v == DTLS10 || v == DTLS12 || v == DTLS10_OPENSSL || looksLikeDtls(p, at)) {
                    at = record(p, a, fromServer, at);
                } else {
                    info(p, "Continuation Data");
                    if (p.columns()) {
                        p.protocolColumn("DTLS");
                    }
                    at = end;
                }
            }
        } finally {
            t.close();
        }
        return length;
    }

    /**
     * The {@code dtls_udp} heuristic ({@code dissect_dtls_heur}): a datagram made of whole DTLS records exactly, or,
     * cut by the snaplen, records that look like DTLS as far as they were captured.
     */
    int heuristic(Packet p, int offset, int length) {
        int captured = Math.min(length, p.captured(offset));
        int off = 0;
        if (captured == length) {
            while (off + RECORD_HEADER_LENGTH <= length && looksLikeDtls(p, offset + off)) {
                off += p.u16(offset + off + 11) + RECORD_HEADER_LENGTH;
                if (off == length) {
                    return dissect(p, offset, length);
                }
            }
            return 0;
        }
        while (captured - off >= 3) {
            if (!looksLikeDtls(p, offset + off)) {
                return 0;
            }
            off += 3;
            if (captured - off < 10) {
                return dissect(p, offset, length);
            }
            off += p.u16(offset + off + 8) + 10;
            if (off == length) {
                return dissect(p, offset, length);
            }
        }
        return captured >= 3 && off <= length ? dissect(p, offset, length) : 0;
    }

    /** {@code looks_like_dtls}: a valid content type and a DTLS 1.0/1.2 (or OpenSSL's pre-standard) version. */
    static boolean looksLikeDtls(Packet p, int at) {
        if (p.captured(at) < 3 || !validContentType(p.u8(at))) {
            return false;
        }
        int v = p.u16(at + 1);
        return v == DTLS10 || v == DTLS12 || v == DTLS10_OPENSSL;
    }

    static boolean validContentType(int t) {
        return t >= CT_CHANGE_CIPHER_SPEC && t <= CT_TLS12_CID;
    }

    /** One record at {@code at}; returns the offset after it. */
    private int record(Packet p, DtlsAssociation a, boolean fromServer, int at) {
        Tree t = p.tree();
        int contentType = p.u8(at);
        int version = p.u16(at + 1);
        int epoch = p.u16(at + 3);
        long sequence = ((long) p.u16(at + 5) << 32) | p.u32(at + 7);
        // The connection ID's length is negotiated (connection_id extension), which is not tracked: taken as 0.
        int length = p.u16(at + 11);
        int body = at + RECORD_HEADER_LENGTH;
        if (!validContentType(contentType)) {
            info(p, "Continuation Data");
            if (p.columns()) {
                p.protocolColumn("DTLS");
            }
            return body + length;
        }
        int recordNode = t.open(DtlsFields.RECORD, at, RECORD_HEADER_LENGTH + length);
        try {
            t.addUint(contentType == CT_TLS12_CID ? DtlsFields.SPECIAL_TYPE : DtlsFields.CONTENT_TYPE, at, 1, contentType);
            t.addUint(DtlsFields.RECORD_VERSION, at + 1, 2, version);
            t.addUint(DtlsFields.EPOCH, at + 3, 2, epoch);
            t.addLong(DtlsFields.SEQUENCE_NUMBER, at + 5, 6, sequence);
            t.addUint(DtlsFields.RECORD_LENGTH, at + 11, 2, length);
            int nextByte = p.u8(body);
            if (TlsHandshakeCode.version(a.tls) == 0 && !p.visited()) {
                trySetVersion(a, contentType, nextByte, version);
            }
            if (p.columns()) {
                p.protocolColumn(shortName(TlsHandshakeCode.version(a.tls)));
            }
            switch (contentType) {
                case CT_TLS12_CID -> {
                    info(p, "Connection ID");
                    label(p, recordNode, a, "Connection ID", null);
                    p.require(body, length);
                    t.add(DtlsFields.ENCRYPTED_CONTENT, body, length);
                }
                case CT_CHANGE_CIPHER_SPEC -> {
                    info(p, "Change Cipher Spec");
                    label(p, recordNode, a, "Change Cipher Spec Protocol: ", "Change Cipher Spec");
                    t.add(DtlsFields.CHANGE_CIPHER_SPEC, body, 1);
                }
                case CT_ALERT -> alert(p, a, recordNode, body);
                case CT_HANDSHAKE -> handshake.records(p, a, fromServer, recordNode, body, body + length);
                case CT_APPLICATION_DATA -> applicationData(p, a, recordNode, body, length);
                default -> heartbeat(p, a, recordNode, body, length);
            }
        } finally {
            t.close();
        }
        return body + length;
    }

    /**
     * Application data (not decrypted): the bytes, and the protocol {@code dtls.port} names for the source port, else
     * the destination port (Wireshark's {@code app_handle}).
     */
    private void applicationData(Packet p, DtlsAssociation a, int recordNode, int body, int length) {
        Tree t = p.tree();
        info(p, "Application Data");
        DissectorHandle app = null;
        if (applications != null && (t.wantsLabels() || t.wants(DtlsFields.APP_DATA_PROTO))) {
            app = applications.get(p.srcPort());
            app = app != null ? app : applications.get(p.dstPort());
        }
        label(p, recordNode, a, "Application Data Protocol: ", app != null ? app.name() : "Application Data");
        p.require(body, length);
        t.add(DtlsFields.APP_DATA, body, length);
        if (app != null && app.protocol() != null) {
            t.addString(DtlsFields.APP_DATA_PROTO, app.protocol().name());
        }
    }

    /**
     * {@code ssl_try_set_version} for DTLS: a record that is not a ClientHello tells the association's version, when
     * that is DTLS 1.0, 1.2 or OpenSSL's pre-standard 1.0.
     */
    void trySetVersion(DtlsAssociation a, int contentType, int hsType, int version) {
        boolean authoritative = contentType == CT_HANDSHAKE
                ? TlsNames.HANDSHAKE_TYPES.name(hsType) != null && hsType != 1
                : contentType >= CT_CHANGE_CIPHER_SPEC && contentType <= CT_HEARTBEAT;
        if (authoritative && (version == DTLS10 || version == DTLS12 || version == DTLS10_OPENSSL)) {
            TlsHandshakeCode.version(a.tls, version);
        }
    }

    /** Wireshark's {@code ssl_version_short_names} for DTLS, {@code DTLS} for others. */
    static String shortName(int version) {
        return switch (version) {
            case DTLS10 -> "DTLSv1.0";
            case DTLS12 -> "DTLSv1.2";
            case DTLS10_OPENSSL -> "DTLS 1.0 (OpenSSL pre 0.9.8f)";
            default -> "DTLS";
        };
    }

    /** {@code dissect_dtls_alert}: both bytes named, else an encrypted alert (two bytes read either way). */
    private void alert(Packet p, DtlsAssociation a, int recordNode, int at) {
        Tree t = p.tree();
        int node = t.open(DtlsFields.ALERT, at, 2);
        try {
            int level = p.u8(at);
            int desc = p.u8(at + 1);
            String levelName = TlsNames.ALERT_LEVELS.name(level);
            String descName = TlsNames.ALERT_DESCRIPTIONS.name(desc);
            if (levelName != null && descName != null) {
                if (p.columns()) {
                    sep(p).append("Alert (Level: ").append(levelName).append(", Description: ").append(descName).append(')');
                }
                if (t.wantsLabels()) {
                    StringBuilder sb = label.append("Alert (Level: ").append(levelName);
                    sb.append(", Description: ").append(descName).append(')');
                    label(p, recordNode, a, sb, null);
                }
                t.addUint(DtlsFields.ALERT_LEVEL, at, 1, level);
                t.addUint(DtlsFields.ALERT_DESC, at + 1, 1, desc);
            } else {
                info(p, "Encrypted Alert");
                label(p, recordNode, a, "Encrypted Alert", null);
                if (t.wantsLabels()) {
                    t.setLabel(node, "Alert Message: Encrypted Alert");
                }
            }
        } finally {
            t.close();
        }
    }

    /** {@code dissect_dtls_heartbeat} without decryption: plaintext when the payload length leaves room for padding. */
    private void heartbeat(Packet p, DtlsAssociation a, int recordNode, int at, int length) {
        Tree t = p.tree();
        int node = t.open(DtlsFields.HEARTBEAT, at, Math.max(0, length - 32));
        try {
            int type = p.u8(at);
            int payloadLength = p.u16(at + 1);
            String name = TlsNames.HEARTBEAT_TYPES.name(type);
            boolean plaintext = name != null && payloadLength <= length - 16 - 3;
            if (!plaintext) {
                info(p, "Encrypted Heartbeat");
                label(p, recordNode, a, "Encrypted Heartbeat", null);
                if (t.wantsLabels()) {
                    t.setLabel(node, "Encrypted Heartbeat Message");
                }
                return;
            }
            if (p.columns()) {
                sep(p).append("Heartbeat ").append(name);
            }
            label(p, recordNode, a, "Heartbeat ", name);
            t.addUint(DtlsFields.HEARTBEAT_TYPE, at, 1, type);
            t.addUint(DtlsFields.HEARTBEAT_PAYLOAD_LENGTH, at + 1, 2, payloadLength);
            p.require(at + 3, length - 3);
            int padding = length - 3 - payloadLength;
            int payloadNode = t.add(DtlsFields.HEARTBEAT_PAYLOAD, at + 3, payloadLength);
            int paddingNode = t.add(DtlsFields.HEARTBEAT_PADDING, at + 3 + payloadLength, padding);
            if (t.wantsLabels()) {
                t.setLabel(payloadNode, label.append("Payload (").append(payloadLength).append(payloadLength == 1 ? " byte)" : " bytes)"));
                label.setLength(0);
                t.setLabel(paddingNode, label.append("Padding and HMAC (").append(padding).append(padding == 1 ? " byte)" : " bytes)"));
                label.setLength(0);
            }
        } finally {
            t.close();
        }
    }

    /** Reused for composing labels (only when an output shows them). */
    private final StringBuilder label = new StringBuilder();
    private final StringBuilder recordLabel = new StringBuilder();

    /**
     * {@code proto_item_set_text(record, "%s Record Layer: %s%s", version, what, more)}: the record's line, with the
     * association's version as it is now (so a ServerHello's record still shows the version before it).
     */
    void label(Packet p, int recordNode, DtlsAssociation a, CharSequence what, CharSequence more) {
        Tree t = p.tree();
        if (recordNode < 0 || !t.wantsLabels()) {
            label.setLength(0);
            return;
        }
        StringBuilder sb = recordLabel;
        sb.setLength(0);
        sb.append(shortName(TlsHandshakeCode.version(a.tls))).append(" Record Layer: ").append(what);
        if (more != null) {
            sb.append(more);
        }
        t.setLabel(recordNode, sb);
        label.setLength(0);
    }

    /** {@code col_append_sep_str(..., NULL, s)}: appends with ", " when the Info column is not empty. */
    static void info(Packet p, String s) {
        TlsHandshakeCode.info(p, s);
    }

    static StringBuilder sep(Packet p) {
        return TlsHandshakeCode.infoSeparator(p);
    }
}
