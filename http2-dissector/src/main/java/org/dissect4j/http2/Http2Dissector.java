package org.dissect4j.http2;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Field;
import org.dissect4j.api.HttpStatusNames;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamPdus;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * HTTP/2 (RFC 9113) over a byte stream: the connection preface, then frames, each reassembled across TCP segments or
 * TLS records by {@link StreamPdus} and dissected in Wireshark 4.0's order.
 *
 * <pre>
 *  +-----------------------------------------------+
 *  |                 Length (24)                   |
 *  +---------------+---------------+---------------+
 *  |   Type (8)    |   Flags (8)   |
 *  +-+-------------+---------------+-------------------------------+
 *  |R|                 Stream Identifier (31)                      |
 *  +=+=============================================================+
 *  |                   Frame Payload (0...)                      ...
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * The Info column lists the frames of the packet as tshark does: {@code Magic, SETTINGS[0], HEADERS[1]: GET /,
 * DATA[1] (text/plain)}. A frame whose length runs past the data is asked for from the layer below, so a peer that
 * talks HTTP/1.x after ALPN chose {@code h2} shows "[TLS segment of a reassembled PDU]", as in tshark.
 */
final class Http2Dissector implements StreamPdus.Framing {
    static final int FRAME_HEADER_LENGTH = 9;
    static final byte[] MAGIC = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    static final int DATA = 0;
    static final int HEADERS = 1;
    static final int PRIORITY = 2;
    static final int RST_STREAM = 3;
    static final int SETTINGS = 4;
    static final int PUSH_PROMISE = 5;
    static final int PING = 6;
    static final int GOAWAY = 7;
    static final int WINDOW_UPDATE = 8;
    static final int CONTINUATION = 9;
    static final int ALTSVC = 10;
    static final int FLAG_END_STREAM = 0x01;
    static final int FLAG_ACK = 0x01;
    static final int FLAG_END_HEADERS = 0x04;
    static final int FLAG_PADDED = 0x08;
    static final int FLAG_PRIORITY = 0x20;
    private static final Field[][] FLAG_FIELDS = new Field[11][];

    static {
        Field[] none = {Http2Fields.FLAGS_UNUSED};
        FLAG_FIELDS[DATA] = new Field[] {Http2Fields.FLAGS_UNUSED_DATA, Http2Fields.FLAGS_PADDED, Http2Fields.FLAGS_END_STREAM};
        FLAG_FIELDS[HEADERS] = new Field[] {Http2Fields.FLAGS_UNUSED_HEADERS, Http2Fields.FLAGS_PRIORITY, Http2Fields.FLAGS_PADDED,
            Http2Fields.FLAGS_EH, Http2Fields.FLAGS_END_STREAM};
        FLAG_FIELDS[PRIORITY] = none;
        FLAG_FIELDS[RST_STREAM] = none;
        FLAG_FIELDS[SETTINGS] = new Field[] {Http2Fields.FLAGS_UNUSED_SETTINGS, Http2Fields.FLAGS_ACK_SETTINGS};
        FLAG_FIELDS[PUSH_PROMISE] = new Field[] {Http2Fields.FLAGS_UNUSED_PUSH_PROMISE, Http2Fields.FLAGS_PADDED,
            Http2Fields.FLAGS_EH};
        FLAG_FIELDS[PING] = new Field[] {Http2Fields.FLAGS_UNUSED_PING, Http2Fields.FLAGS_ACK_PING};
        FLAG_FIELDS[GOAWAY] = none;
        FLAG_FIELDS[WINDOW_UPDATE] = none;
        // Wireshark 4.0 shows a Padded bit for CONTINUATION too (and honours it), though RFC 9113 gives it none
        FLAG_FIELDS[CONTINUATION] = new Field[] {Http2Fields.FLAGS_UNUSED_CONTINUATION, Http2Fields.FLAGS_PADDED,
            Http2Fields.FLAGS_EH};
        FLAG_FIELDS[ALTSVC] = none;
    }

    private final StreamPdus pdus = new StreamPdus(FRAME_HEADER_LENGTH, this);
    private final Http2Headers headers;
    final Http2Bodies bodies = new Http2Bodies();
    private final StringBuilder label = new StringBuilder();
    private final StringBuilder frameInfo = new StringBuilder();
    private int nameEnd;
    private int detailStart;
    private ConversationData<Http2Connection> connections;
    private DissectorHandle self;
    /** The frame whose Info column this dissector last wrote (later PDUs of it append with ", "). */
    private long infoFrame = -1;

    Http2Dissector(Http2Headers headers) {
        this.headers = headers;
    }

    void wire(ConversationData<Http2Connection> connections, DissectorHandle self) {
        this.connections = connections;
        this.self = self;
    }

    int dissect(Packet p, int offset, int length) {
        return pdus.dissect(p, offset, length);
    }

    /** The {@code tls} heuristic: the data starts with the connection preface; the connection is then HTTP/2's. */
    int heuristic(Packet p, int offset, int length) {
        if (length < MAGIC.length || p.captured(offset) < MAGIC.length || !isMagic(p, offset)) {
            return 0;
        }
        StreamReassembly s = p.stream();
        if (s != null) {
            s.claim(self);
        }
        return dissect(p, offset, length);
    }

    private static boolean isMagic(Packet p, int offset) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (p.u8(offset + i) != (MAGIC[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMagicPrefix(Packet p, int offset, int available) {
        for (int i = 0; i < available; i++) {
            if (p.u8(offset + i) != (MAGIC[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int pduLength(Packet p, int offset, int available) {
        if (available >= MAGIC.length && isMagic(p, offset)) {
            return MAGIC.length;
        }
        if (available < FRAME_HEADER_LENGTH || available < MAGIC.length && isMagicPrefix(p, offset, available)) {
            // a preface cut by the segment: wait for the rest (tshark would read "PRI" as a 5 MB frame length and
            // wait for that; a frame header really starting with those three bytes is as good as never seen)
            return 0;
        }
        return FRAME_HEADER_LENGTH + p.u24(offset);
    }

    @Override
    public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) {
        Tree t = p.tree();
        // one "HyperText Transfer Protocol 2" item per frame, as Wireshark's tree shows it
        t.open(Http2Fields.HTTP2.field(), offset, reportedLength);
        if (reportedLength == MAGIC.length && capturedLength >= MAGIC.length && isMagic(p, offset)) {
            int magic = t.open(Http2Fields.STREAM, offset, MAGIC.length);
            if (magic >= 0 && t.wantsLabels()) {
                t.setLabel(magic, "Stream: Magic");
            }
            t.add(Http2Fields.MAGIC, offset, MAGIC.length);
            t.close();
            t.close();
            if (p.columns()) {
                info(p).append("Magic");
            }
            return reportedLength;
        }
        int length = p.u24(offset);
        int type = p.u8(offset + 3);
        int flags = p.u8(offset + 4);
        long streamWord = p.u32(offset + 5);
        int stream = (int) (streamWord & 0x7fffffffL);
        int node = t.open(Http2Fields.STREAM, offset, FRAME_HEADER_LENGTH + length);
        t.addUint(Http2Fields.LENGTH, offset, 3, length);
        t.addUint(Http2Fields.TYPE, offset + 3, 1, type);
        int flagsNode = t.openUint(Http2Fields.FLAGS, offset + 4, 1, flags);
        Field[] flagFields = type < FLAG_FIELDS.length ? FLAG_FIELDS[type] : null;
        for (Field f : flagFields != null ? flagFields : FLAG_FIELDS[PRIORITY]) {
            t.addUint(f, offset + 4, 1, flags);
        }
        if (flagsNode >= 0 && t.wantsLabels()) {
            flagsLabel(t, flagsNode, flags, flagFields != null ? flagFields : FLAG_FIELDS[PRIORITY]);
        }
        t.close();
        t.addUint(Http2Fields.RESERVED, offset + 5, 4, streamWord);
        t.addUint(Http2Fields.STREAM_ID, offset + 5, 4, streamWord);
        Http2Connection c = connections == null ? null : connections.getOrCreate(p);
        int dir = c == null ? 0 : c.direction(p.srcPort());
        Http2Frames.payload(p, c, dir, headers, offset + FRAME_HEADER_LENGTH, length, type, flags, stream);
        boolean withLabel = node >= 0 && t.wantsLabels();
        if (p.columns() || withLabel) {
            summary(type, stream);
            if (p.columns()) {
                info(p).append(frameInfo);
            }
            if (withLabel) {
                label.setLength(0);
                label.append("Stream: ").append(frameInfo, 0, nameEnd).append(", Stream ID: ").append(stream)
                        .append(", Length ").append(length);
                if (detailStart >= 0) {
                    label.append(", ").append(frameInfo, detailStart, frameInfo.length());
                }
                t.setLabel(node, label);
            }
        }
        t.close();
        if (type == DATA && (flags & FLAG_END_STREAM) == 0 && c != null) {
            c.partialBody(stream, dir);
        } else if (type == DATA && length > 0) {
            // after the frame's Info: the body's dissector appends to it (Wireshark 4.0 passes the padding along too)
            int data = (flags & FLAG_PADDED) != 0 ? offset + FRAME_HEADER_LENGTH + 1 : offset + FRAME_HEADER_LENGTH;
            bodies.body(p, c, dir, stream, data, offset + FRAME_HEADER_LENGTH + length - data);
        }
        t.close();
        return reportedLength;
    }

    /** {@code Flags: 0x25, Priority, End Headers, End Stream}: the names of the set bits, highest first. */
    private void flagsLabel(Tree t, int node, int flags, Field[] fields) {
        label.setLength(0);
        label.append("Flags: 0x").append(Character.forDigit(flags >> 4, 16)).append(Character.forDigit(flags & 0xf, 16));
        for (Field f : fields) {
            if (f.type() == org.dissect4j.api.FieldType.BOOLEAN && (flags & f.bitmask()) != 0) {
                label.append(", ").append(f.name());
            }
        }
        t.setLabel(node, label);
    }

    /**
     * The frame's Info text into {@link #frameInfo}: {@code TYPE[stream]}, then {@code : METHOD PATH} or
     * {@code : STATUS REASON} for a header block (a DATA frame's body dissector may append {@code (text/plain)});
     * {@link #nameEnd} and
     * {@link #detailStart} mark the type name and the part after ": " for the -V line.
     */
    private void summary(int type, int stream) {
        StringBuilder sb = frameInfo;
        sb.setLength(0);
        String typeName = Http2Fields.TYPES.name(type);
        if (typeName != null) {
            sb.append(typeName);
        } else {
            sb.append("Unknown type (").append(type).append(')');
        }
        nameEnd = sb.length();
        sb.append('[').append(stream).append(']');
        detailStart = -1;
        if (type == HEADERS || type == PUSH_PROMISE) {
            if (headers.method.length() > 0) {
                sb.append(": ");
                detailStart = sb.length();
                sb.append(headers.method).append(' ').append(headers.path);
            } else if (headers.status >= 0) {
                sb.append(": ");
                detailStart = sb.length();
                sb.append(headers.status);
                String reason = HttpStatusNames.reason(headers.status);
                if (reason != null) {
                    sb.append(' ').append(reason);
                }
            }
        }
    }

    /** The Info builder: cleared for the first HTTP/2 frame of a packet, else with ", " appended. */
    private StringBuilder info(Packet p) {
        StringBuilder sb = p.info();
        long frame = p.frame().number();
        if (frame != infoFrame) {
            infoFrame = frame;
            sb = p.clearInfo();
        } else if (!sb.isEmpty()) {
            sb.append(", ");
        }
        return sb;
    }
}
