package org.dissect4j.tls;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamPdus;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * TLS and SSL over a byte stream, Wireshark 4.0's {@code dissect_ssl}: the records of a segment one after the other,
 * framed by {@link StreamPdus} (a record cut by the segment end is requested from the transport: the header with
 * "one more segment", the rest by its exact length), the SSL 2.0-compatible ClientHello, and per record the change
 * cipher spec, alert, handshake ({@link TlsHandshake}), application data and heartbeat contents.
 *
 * <pre>
 * TLSPlaintext/TLSCiphertext { ContentType type; ProtocolVersion version; uint16 length; opaque fragment[length]; }
 * </pre>
 *
 * <p>Columns as tshark 4.0.17: Protocol is the connection's version ({@code TLSv1.2}, or the record's before it is
 * known, {@code SSL} if neither), Info lists the records' contents comma-separated and is fenced at the end.
 * Data that starts with four printable characters is not TLS (returns 0, so plaintext HTTP on port 443 goes to the
 * HTTP heuristic, as in Wireshark). Nothing is allocated per packet.
 */
public final class TlsDissector implements Dissector, StreamPdus.Framing {
    /** Wireshark 4.0's {@code tcp.port} entries for TLS. */
    public static final int[] PORTS = {324, 443, 465, 636, 802, 853, 993, 995, 1300, 2221, 2443, 3249, 3250, 3251, 3252,
            3496, 5061, 5671, 5684, 5868, 8883, 11207, 19999, 27017};

    final boolean[] tlsPorts = new boolean[65536];
    final TlsSessions sessions = new TlsSessions();
    final TlsHandshake handshake = new TlsHandshake(this);
    private final Ssl2Messages ssl2 = new Ssl2Messages(this, handshake.certificates);
    final TlsDecryption decryption = new TlsDecryption(this);
    private DissectorHandle self;
    /**
     * Frames the records. Unnarrowed, as Wireshark's hand-written record loop: a record is dissected in TLS's window
     * (an extension whose length overruns its record is read from the bytes after it) and a bounds exception ends the
     * TLS call, not one record. Fixed length 1: {@link #pduLength} tells a cut header by the kind of record.
     */
    private final StreamPdus records = StreamPdus.unnarrowed(1, this);

    /** What {@link #pduLength} found at a record's start, for {@link #dissectPdu}. */
    private static final int RECORD = 0, SSL2_RECORD = 1, IGNORED = 2, CONTINUATION = 3;

    // Per call (reused): the connection, the direction and the end of the data; what pduLength read of the record
    // it framed (kind, header length, content type, version, length, SSL 2.0 padding).
    private TlsSession session;
    private boolean fromServer;
    private int dataEnd;
    private int dataStart;
    /** Where tshark 4.0 places a record's generated Application Data Protocol item (PDML pos), see record(). */
    private int appProtocolAt;
    private int kind;
    private int headerLength;
    private int contentType;
    private int recordVersion;
    private int recordLength;
    private int ssl2Padding;

    public TlsDissector() {
        handshake.extensions.decryption = decryption;
        for (int port : PORTS) {
            tlsPorts[port] = true;
        }
    }

    void wire(DissectorHandle self) {
        this.self = self;
    }

    /** The handle that {@link #heuristic} claims connections for. */
    DissectorHandle self() {
        return self;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        if (p.captured(offset) > 4 && printable(p, offset)) {
            // Wireshark: real TLS never starts with four printable characters; leave it to someone else.
            return 0;
        }
        TlsSession s = sessions.get(p);
        session = s;
        if (s.keys == null && decryption.enabled()) {
            decryption.keys(p, s);
        }
        fromServer = s.fromServer(p, tlsPorts);
        dataEnd = offset + length;
        dataStart = offset;
        if (p.columns()) {
            p.protocolColumn(TlsWire.shortName(s.version, "SSL"));
            p.clearInfo();
        }
        Tree t = p.tree();
        t.open(TlsFields.TLS.field(), offset, length);
        boolean needMore = records.dissect(p, offset, length) < length;
        t.close();
        if (!needMore && p.columns()) {
            p.fenceInfo();
        }
        return length;
    }

    /**
     * The {@code tls_tcp} heuristic: a record header of a handshake or application data record with an SSL 3.0 to
     * TLS 1.2 version and a sane length, or an SSL 2.0-compatible ClientHello; then claims the connection.
     */
    int heuristic(Packet p, int offset, int length) {
        if (!isSslv3OrTls(p, offset) && !isSslv2ClientHello(p, offset)) {
            return 0;
        }
        StreamReassembly s = p.stream();
        if (s != null && self != null) {
            s.claim(self);
        }
        return dissect(p, offset, length);
    }

    private static boolean printable(Packet p, int at) {
        for (int i = 0; i < 4; i++) {
            int c = p.u8(at + i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    // ---- record framing (StreamPdus.Framing) -----------------------------------------------------

    /**
     * The record at {@code offset}, told as {@code dissect_ssl}'s loop does by the connection's version: an SSL 2.0
     * record (2- or 3-byte header), an SSLv3/TLS record, an unknown record type on a TLS 1.0-1.2 connection (ignored to
     * the end of the data) or data that is no record ("Continuation Data"). 0 while the header is cut by the end of
     * the data (one more segment is requested; without desegmentation the rest is left). The header's reads are
     * checked: a capture cut inside it ends the TLS call as truncated.
     */
    @Override
    public int pduLength(Packet p, int offset, int available) {
        // the bytes handed over, not the captured ones: a header cut by the snaplen is read (and ends as truncated)
        int rest = dataEnd - offset;
        int v = session.version;
        if (v == TlsWire.SSLV2) {
            return ssl2Length(p, offset, rest);
        }
        if (rest < TlsWire.RECORD_HEADER_LENGTH) {
            return 0;
        }
        boolean known = v == TlsWire.SSLV3 || v == TlsWire.TLS10 || v == TlsWire.TLS11 || v == TlsWire.TLS12 || v == TlsWire.GMTLS;
        if (known ? isV2ClientHello(p, offset) : looksLikeSslv2(p, offset)) {
            return ssl2Length(p, offset, rest);
        }
        if (known || looksLikeSslv3(p, offset)) {
            return recordLength(p, offset, rest);
        }
        kind = CONTINUATION;
        return rest;
    }

    /** An SSLv3/TLS record header at {@code at}, {@code rest} bytes (at least a header) before the end of the data. */
    private int recordLength(Packet p, int at, int rest) {
        int sv = session.version;
        if ((sv == TlsWire.TLS10 || sv == TlsWire.TLS11 || sv == TlsWire.TLS12 || sv == TlsWire.GMTLS)
                && !TlsWire.validContentType(p.u8(at))) {
            kind = IGNORED;
            return rest;
        }
        contentType = p.u8(at);
        recordVersion = p.u16(at + 1);
        recordLength = p.u16(at + 3);
        if (!TlsWire.validContentType(contentType)) {
            // skipped by its length, without asking for the rest of it
            kind = CONTINUATION;
            return Math.min(TlsWire.RECORD_HEADER_LENGTH + recordLength, rest);
        }
        kind = RECORD;
        return TlsWire.RECORD_HEADER_LENGTH + recordLength;
    }

    /** An SSL 2.0 record header: 2-byte length with the high bit set, or 3-byte length with padding (draft-hickman-netscape-ssl-00). */
    private int ssl2Length(Packet p, int at, int rest) {
        int first = p.u8(at);
        headerLength = (first & 0x80) != 0 ? 2 : 3;
        if (rest < headerLength) {
            return 0;
        }
        int mask = headerLength == 2 ? 0x7f : 0x3f;
        recordLength = ((first & mask) << 8) | p.u8(at + 1);
        if (headerLength == 3) {
            ssl2Padding = p.u8(at + 2);
        }
        kind = SSL2_RECORD;
        return headerLength + recordLength;
    }

    /** The record {@link #pduLength} framed at {@code offset}, {@code reportedLength} bytes. */
    @Override
    public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) {
        switch (kind) {
            case IGNORED -> {
                // RFC 2246 §6: unknown record types are ignored.
                TlsExpert.add(p, TlsExpert.IGNORED_UNKNOWN_RECORD, offset, reportedLength);
                info(p, "Ignored Unknown Record");
            }
            case CONTINUATION -> info(p, "Continuation Data");
            default -> {
                if (offset + reportedLength > dataEnd) {
                    // Not enough data and no reassembly: Wireshark stops here without showing the record.
                    return StreamPdus.STOP;
                }
                if (kind == SSL2_RECORD) {
                    ssl2Record(p, session, offset);
                } else {
                    record(p, session, offset);
                }
            }
        }
        return reportedLength;
    }

    // ---- SSLv3 / TLS records ---------------------------------------------------------------------

    private void record(Packet p, TlsSession s, int at) {
        Tree t = p.tree();
        int contentType = this.contentType;
        int version = recordVersion;
        int recordLength = this.recordLength;
        int recordEnd = at + TlsWire.RECORD_HEADER_LENGTH + recordLength;
        int recordNode = t.open(TlsFields.RECORD, at, TlsWire.RECORD_HEADER_LENGTH + recordLength);
        boolean tls13AppData = contentType == TlsWire.CT_APPLICATION_DATA
                && (s.version == TlsWire.TLS13 || s.keys != null && !fromServer && s.keys.earlyCandidates != null);
        t.addUint(tls13AppData ? TlsFields.OPAQUE_TYPE : TlsFields.CONTENT_TYPE, at, 1, contentType);
        t.addUint(TlsFields.RECORD_VERSION, at + 1, 2, version);
        int lengthNode = t.addUint(TlsFields.RECORD_LENGTH, at + 3, 2, recordLength);
        int body = at + TlsWire.RECORD_HEADER_LENGTH;
        int nextByte = p.u8(body);
        if (s.version == TlsWire.VERSION_UNKNOWN) {
            if (!p.visited()) {
                int v = TlsWire.tryVersion(contentType, nextByte, version);
                if (v != TlsWire.VERSION_UNKNOWN) {
                    s.version = v;
                }
            }
            if (p.columns()) {
                p.protocolColumn(TlsWire.shortName(version, "SSL"));
            }
        } else {
            version = s.version;
        }
        // the version the record's line names: a handshake's as it was before its messages, others' as after
        t.setValue(recordNode, contentType == TlsWire.CT_HANDSHAKE ? version : s.version);
        // tshark shows nothing of a record's content unless all of it was captured.
        if (s.keys != null && p.captured(body) < recordLength && contentType != TlsWire.CT_CHANGE_CIPHER_SPEC) {
            // a protected record cut short still used up its sequence number: the next ones decrypt
            decryption.skip(p, s, fromServer, contentType);
        }
        p.require(body, recordLength);
        // measured on tshark 4.0.17's PDML: at TLS's start for the first record of the data, else as many bytes past
        // the record's own offset as TLS starts into the frame (an offset counted twice)
        appProtocolAt = at == dataStart ? dataStart : dataStart + at;
        int maxExpansion = version == TlsWire.TLS13 ? 256 : 2048;
        if (recordLength > TlsWire.MAX_RECORD_LENGTH + maxExpansion) {
            TlsExpert.add(p, TlsExpert.RECORD_LENGTH_INVALID, at + 3, 2);
        }
        if (s.keys != null && contentType != TlsWire.CT_CHANGE_CIPHER_SPEC
                && decryption.record(p, s, fromServer, body, recordLength, contentType, recordVersion)) {
            t.close();
            decryption.addSegmentData(t);
            return;
        }
        switch (contentType) {
            case TlsWire.CT_CHANGE_CIPHER_SPEC -> changeCipherSpec(p, s, fromServer, body, recordLength, version);
            case TlsWire.CT_ALERT -> alert(p, body, recordLength);
            case TlsWire.CT_HANDSHAKE -> handshake.records(p, s, fromServer, body, recordEnd, version);
            case TlsWire.CT_APPLICATION_DATA -> applicationData(p, s, body, recordLength);
            case TlsWire.CT_HEARTBEAT -> {
                if (version == TlsWire.TLS13) {
                    TlsExpert.add(p, TlsExpert.UNEXPECTED_MESSAGE, at, 1);
                } else {
                    heartbeat(p, body, recordLength);
                }
            }
            default -> {
            }
        }
        if (contentType != TlsWire.CT_HANDSHAKE) {
            t.setValue(recordNode, s.version);
        }
        t.close();
    }

    private void changeCipherSpec(Packet p, TlsSession s, boolean fromServer, int at, int length, int version) {
        Tree t = p.tree();
        info(p, "Change Cipher Spec");
        int ccs = t.add(TlsFields.CHANGE_CIPHER_SPEC, at, Math.min(1, length));
        if (version == TlsWire.TLS13 || s.version == TlsWire.TLS13) {
            return;
        }
        long frame = p.frame().number();
        if (!p.visited()) {
            if (fromServer) {
                if (s.serverCcsFrame == 0) {
                    s.serverCcsFrame = frame;
                }
            } else if (s.clientCcsFrame == 0) {
                s.clientCcsFrame = frame;
            }
        }
        if (s.keys != null) {
            decryption.changeCipherSpec(p, s, fromServer);
        }
        // The server's: an abbreviated handshake is a resumption (the client's changes nothing).
        TlsHandshakeStates.step(p, s, TlsHandshakeStates.CHANGE_CIPHER_SPEC, fromServer, at, ccs);
    }

    static void alert(Packet p, int at, int length) {
        alert(p, at, length, null);
    }

    /** An alert; {@code decrypted} places the item of a decrypted one (null for a plaintext record). */
    static void alert(Packet p, int at, int length, TlsDecryption decrypted) {
        Tree t = p.tree();
        if (decrypted != null) {
            decrypted.openMessage(t, TlsFields.ALERT, at, length);
        } else {
            t.open(TlsFields.ALERT, at, length);
        }
        if (length != 2) {
            // Alerts are never fragmented: anything else is an encrypted alert.
            info(p, "Encrypted Alert");
            t.close();
            return;
        }
        int level = p.u8(at);
        int desc = p.u8(at + 1);
        if (p.columns()) {
            StringBuilder sb = sep(p);
            sb.append("Alert (Level: ").append(TlsNames.ALERT_LEVELS.name(level, "Unknown"))
                    .append(", Description: ").append(TlsNames.ALERT_DESCRIPTIONS.name(desc, "Unknown")).append(')');
        }
        t.addUint(TlsFields.ALERT_LEVEL, at, 1, level);
        t.addUint(TlsFields.ALERT_DESC, at + 1, 1, desc);
        t.close();
    }

    void applicationData(Packet p, TlsSession s, int at, int length) {
        Tree t = p.tree();
        info(p, "Application Data");
        TlsVectors.bytes(p, TlsFields.APP_DATA, at, length);
        if (t.wants(TlsFields.APP_DATA_PROTO)) {
            // Wireshark names the ALPN's protocol, else the tls.port table's (not one a heuristic found)
            DissectorHandle byPort = s.alpnApp == 0 ? decryption.portHandle(p) : null;
            String app = s.alpnApp == 2 ? "HyperText Transfer Protocol 2"
                    : s.alpnApp == 1 ? "Hypertext Transfer Protocol"
                    : byPort != null && byPort.protocol() != null ? byPort.protocol().name() : null;
            if (app != null) {
                t.showAt(t.addString(TlsFields.APP_DATA_PROTO, app), appProtocolAt, 0);
            }
        }
    }

    private static void heartbeat(Packet p, int at, int length) {
        Tree t = p.tree();
        t.open(TlsFields.HEARTBEAT, at, length);
        int type = p.u8(at);
        int payloadLength = p.u16(at + 1);
        String name = TlsNames.HEARTBEAT_TYPES.name(type);
        // Heartbeats before ChangeCipherSpec are plaintext; without decryption Wireshark assumes plaintext.
        if (name != null) {
            if (p.columns()) {
                sep(p).append("Heartbeat ").append(name);
            }
            t.addUint(TlsFields.HEARTBEAT_TYPE, at, 1, type);
            int n = t.addUint(TlsFields.HEARTBEAT_PAYLOAD_LENGTH, at + 1, 2, payloadLength);
            int padding = length - 3 - payloadLength;
            if (3 + payloadLength + 16 > length) {
                // below the length, as Wireshark; its label tells the length used instead (TlsLabels)
                t.expertOn(n, TlsExpert.HEARTBEAT_PAYLOAD_LENGTH, at + 1, 2, t.wantsExpertMessages()
                        ? "Invalid heartbeat payload length (" + payloadLength + ")" : null);
                payloadLength = Math.max(0, length - 3);
                padding = 0;
                if (t.wantsLabels()) {
                    t.appendLabel(n, " (invalid, using " + payloadLength + " to decode payload)");
                }
            }
            TlsVectors.bytes(p, TlsFields.HEARTBEAT_PAYLOAD, at + 3, payloadLength);
            if (padding > 0) {
                p.require(at + 3 + payloadLength, padding);
                t.add(TlsFields.HEARTBEAT_PADDING, at + 3 + payloadLength, padding);
            }
        } else {
            info(p, "Encrypted Heartbeat");
        }
        t.close();
    }

    // ---- SSL 2.0 ---------------------------------------------------------------------------------

    /** An SSL 2.0 record as {@link #ssl2Length} read its header. */
    private void ssl2Record(Packet p, TlsSession s, int at) {
        Tree t = p.tree();
        int lengthLength = headerLength;
        int recordLength = this.recordLength;
        int body = at + lengthLength;
        int recordEnd = body + recordLength;
        // the node's value names the record's version for its line: "SSLv2 Record Layer: Server Hello"
        t.setValue(t.open(TlsFields.RECORD, at, lengthLength + recordLength), TlsWire.SSLV2);
        int msgType = p.u8(body);
        if (s.version == TlsWire.VERSION_UNKNOWN && msgType >= 2 && msgType <= 8 && !p.visited()) {
            s.version = TlsWire.SSLV2;
        }
        if (p.columns()) {
            p.protocolColumn("SSLv2");
        }
        String name = TlsNames.SSL2_MSG_TYPES.name(msgType);
        if (name == null || !validV2Handshake(p, body, recordLength)) {
            t.setFlags(t.addUint(TlsFields.RECORD_VERSION, at, 0, TlsWire.SSLV2), Tree.GENERATED);
            info(p, "Encrypted Data");
            t.close();
            return;
        }
        info(p, name);
        t.setFlags(t.addUint(TlsFields.RECORD_VERSION, at, 0, TlsWire.SSLV2), Tree.GENERATED);
        t.addUint(TlsFields.RECORD_LENGTH, at, lengthLength, recordLength);
        if (lengthLength == 3) {
            t.addUint(TlsFields.SSL2_IS_ESCAPE, at, 1, (p.u8(at) & 0x40) != 0 ? 1 : 0);
            t.addUint(TlsFields.SSL2_PADDING_LENGTH, at + 2, 1, ssl2Padding);
        }
        t.addUint(TlsFields.SSL2_MSG_TYPE, body, 1, msgType);
        switch (msgType) {
            case 1 -> handshake.ssl2ClientHello(p, s, body + 1, recordEnd);
            case Ssl2Messages.CLIENT_MASTER_KEY -> Ssl2Messages.clientMasterKey(p, body + 1);
            case Ssl2Messages.SERVER_HELLO -> ssl2.serverHello(p, body + 1);
            default -> { }
        }
        t.close();
    }

    private static boolean validV2Handshake(Packet p, int at, int length) {
        return switch (p.u8(at)) {
            case 1 -> validSslVersion(p.u16(at + 1));
            case 4 -> validSslVersion(p.u16(at + 3));
            case 2 -> p.u16(at + 4) + p.u16(at + 6) + p.u16(at + 8) <= length;
            default -> false;
        };
    }

    /** Wireshark's {@code ssl_versions} value list (SSL 2.0 to TLS 1.3, drafts, DTLS). */
    static boolean validSslVersion(int v) {
        return TlsNames.VERSIONS.name(v) != null;
    }

    private static boolean isV2ClientHello(Packet p, int at) {
        return p.u8(at) == 0x80 && p.u8(at + 2) == 0x01;
    }

    private static boolean looksLikeSslv2(Packet p, int at) {
        if (p.u8(at) < 0x80) {
            return false;
        }
        int type = p.u8(at + 2);
        return type == 0 || type == 1 || type == 2 || type == 4;
    }

    private static boolean looksLikeSslv3(Packet p, int at) {
        if (!TlsWire.validContentType(p.u8(at))) {
            return false;
        }
        int v = p.u16(at + 1);
        return v == TlsWire.SSLV3 || v == TlsWire.TLS10 || v == TlsWire.TLS11 || v == TlsWire.TLS12
                || v == TlsWire.TLS13 || v == TlsWire.GMTLS;
    }

    /** {@code is_sslv3_or_tls}: handshake or application data, SSL 3.0 to TLS 1.2 (or GM/TLCP), length 1..2^14+2047. */
    private static boolean isSslv3OrTls(Packet p, int at) {
        if (p.captured(at) < TlsWire.RECORD_HEADER_LENGTH) {
            return false;
        }
        int ct = p.u8(at);
        if (ct != TlsWire.CT_HANDSHAKE && ct != TlsWire.CT_APPLICATION_DATA) {
            return false;
        }
        int v = p.u16(at + 1);
        if (v != TlsWire.SSLV3 && v != TlsWire.TLS10 && v != TlsWire.TLS11 && v != TlsWire.TLS12 && v != TlsWire.GMTLS) {
            return false;
        }
        int len = p.u16(at + 3);
        return len != 0 && len < TlsWire.MAX_RECORD_LENGTH + 2048;
    }

    /** {@code is_sslv2_clienthello}: 0x80 length, type 1, cipher spec length a multiple of 3, challenge 32 bytes. */
    private static boolean isSslv2ClientHello(Packet p, int at) {
        if (p.captured(at) < 46 || p.u8(at) != 0x80 || p.u8(at + 2) != 1) {
            return false;
        }
        int specs = p.u16(at + 5);
        int sid = p.u16(at + 7);
        return specs != 0 && specs % 3 == 0 && (sid == 0 || sid == 16) && p.u16(at + 9) == 32;
    }

    // ---- columns ---------------------------------------------------------------------------------

    /** {@code col_append_sep_str(..., NULL, s)}: appends with ", " when the Info column is not empty. */
    static void info(Packet p, String s) {
        if (p.columns()) {
            sep(p).append(s);
        }
    }

    static StringBuilder sep(Packet p) {
        StringBuilder sb = p.info();
        if (!sb.isEmpty()) {
            sb.append(", ");
        }
        return sb;
    }

    /** Frame.protocols field, looked up once (null when no frame dissector declares it). */
    private Field frameProtocols;
    private boolean frameProtocolsResolved;

    Field frameProtocols(Packet p) {
        if (!frameProtocolsResolved) {
            frameProtocols = p.engine().findField("frame.protocols").orElse(null);
            frameProtocolsResolved = true;
        }
        return frameProtocols;
    }
}
