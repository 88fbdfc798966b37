package org.dissect4j.http2;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/** The payload of each frame type (RFC 9113 section 6), in Wireshark 4.0's field order. */
final class Http2Frames {
    private static final int SETTING_HEADER_TABLE_SIZE = 1;
    private static final Field[] SETTING_FIELDS = {null, Http2Fields.SETTINGS_HEADER_TABLE_SIZE, Http2Fields.SETTINGS_ENABLE_PUSH,
        Http2Fields.SETTINGS_MAX_CONCURRENT_STREAMS, Http2Fields.SETTINGS_INITIAL_WINDOW_SIZE, Http2Fields.SETTINGS_MAX_FRAME_SIZE,
        Http2Fields.SETTINGS_MAX_HEADER_LIST_SIZE, null, Http2Fields.SETTINGS_EXTENDED_CONNECT};

    private Http2Frames() {
    }

    static void payload(Packet p, Http2Connection c, int dir, Http2Headers headers, int at, int length, int type, int flags,
                        int stream) {
        headers.reset();
        Tree t = p.tree();
        int end = at + length;
        switch (type) {
            case Http2Dissector.DATA -> {
                int pad = padding(p, t, at, flags);
                int data = (flags & Http2Dissector.FLAG_PADDED) != 0 ? at + 1 : at;
                // Wireshark 4.0 shows the padding inside Data as well (the data runs to the frame's end)
                t.add(Http2Fields.DATA, data, end - data);
                if (pad > 0) {
                    t.add(Http2Fields.DATA_PADDING, end - pad, pad);
                }
            }
            case Http2Dissector.HEADERS -> {
                int pad = padding(p, t, at, flags);
                int from = (flags & Http2Dissector.FLAG_PADDED) != 0 ? at + 1 : at;
                if ((flags & Http2Dissector.FLAG_PRIORITY) != 0) {
                    priority(p, t, from);
                    from += 5;
                }
                int fragment = Math.max(0, end - pad - from);
                t.add(Http2Fields.HEADERS, from, fragment);
                headers.decode(p, c, dir, stream, from, fragment, true, (flags & Http2Dissector.FLAG_END_HEADERS) != 0);
                if (pad > 0) {
                    t.add(Http2Fields.HEADERS_PADDING, end - pad, pad);
                }
            }
            case Http2Dissector.PRIORITY -> priority(p, t, at);
            case Http2Dissector.RST_STREAM -> t.addUint(Http2Fields.RST_STREAM_ERROR, at, 4, p.u32(at));
            case Http2Dissector.SETTINGS -> settings(p, t, c, dir, at, end);
            case Http2Dissector.PUSH_PROMISE -> {
                int pad = padding(p, t, at, flags);
                int from = (flags & Http2Dissector.FLAG_PADDED) != 0 ? at + 1 : at;
                long promised = p.u32(from);
                t.addUint(Http2Fields.PUSH_PROMISE_RESERVED, from, 4, promised);
                t.addUint(Http2Fields.PROMISED_STREAM_ID, from, 4, promised);
                from += 4;
                int fragment = Math.max(0, end - pad - from);
                t.add(Http2Fields.PUSH_PROMISE_HEADER, from, fragment);
                headers.decode(p, c, dir, (int) (promised & 0x7fffffffL), from, fragment, true,
                        (flags & Http2Dissector.FLAG_END_HEADERS) != 0);
                if (pad > 0) {
                    t.add(Http2Fields.PUSH_PROMISE_PADDING, end - pad, pad);
                }
            }
            case Http2Dissector.PING -> t.add((flags & Http2Dissector.FLAG_ACK) != 0 ? Http2Fields.PONG : Http2Fields.PING, at, 8);
            case Http2Dissector.GOAWAY -> {
                long last = p.u32(at);
                t.addUint(Http2Fields.GOAWAY_RESERVED, at, 4, last);
                t.addUint(Http2Fields.GOAWAY_LAST_STREAM_ID, at, 4, last);
                t.addUint(Http2Fields.GOAWAY_ERROR, at + 4, 4, p.u32(at + 4));
                if (length > 8) {
                    t.add(Http2Fields.GOAWAY_DEBUG_DATA, at + 8, length - 8);
                }
            }
            case Http2Dissector.WINDOW_UPDATE -> {
                long increment = p.u32(at);
                t.addUint(Http2Fields.WINDOW_UPDATE_RESERVED, at, 4, increment);
                t.addUint(Http2Fields.WINDOW_SIZE_INCREMENT, at, 4, increment);
            }
            case Http2Dissector.CONTINUATION -> {
                int pad = padding(p, t, at, flags);
                int from = (flags & Http2Dissector.FLAG_PADDED) != 0 ? at + 1 : at;
                int fragment = Math.max(0, end - pad - from);
                headers.asciiString(p, Http2Fields.CONTINUATION_HEADER, from, fragment);
                headers.decode(p, c, dir, stream, from, fragment, false, (flags & Http2Dissector.FLAG_END_HEADERS) != 0);
                if (pad > 0) {
                    t.add(Http2Fields.CONTINUATION_PADDING, end - pad, pad);
                }
            }
            case Http2Dissector.ALTSVC -> {
                int originLength = p.u16(at);
                t.addUint(Http2Fields.ALTSVC_ORIGIN_LENGTH, at, 2, originLength);
                t.add(Http2Fields.ALTSVC_ORIGIN, at + 2, originLength);
                t.add(Http2Fields.ALTSVC_FIELD_VALUE, at + 2 + originLength, length - 2 - originLength);
            }
            default -> {
                if (length > 0) {
                    t.add(Http2Fields.UNKNOWN, at, length);
                }
            }
        }
    }

    /** The pad length field of a padded frame and Wireshark's generated {@code http2.pad_length}; returns the padding. */
    private static int padding(Packet p, Tree t, int at, int flags) {
        int pad = 0;
        if ((flags & Http2Dissector.FLAG_PADDED) != 0) {
            pad = p.u8(at);
            t.addUint(Http2Fields.PADDING_LENGTH, at, 1, pad);
        }
        t.addGenerated(Http2Fields.PAD_LENGTH, pad);
        return pad;
    }

    private static void priority(Packet p, Tree t, int at) {
        long dependency = p.u32(at);
        int weight = p.u8(at + 4);
        t.addUint(Http2Fields.EXCLUSIVE, at, 4, dependency);
        t.addUint(Http2Fields.STREAM_DEPENDENCY, at, 4, dependency);
        t.addUint(Http2Fields.WEIGHT, at + 4, 1, weight);
        t.addGenerated(Http2Fields.WEIGHT_REAL, weight + 1);
    }

    private static void settings(Packet p, Tree t, Http2Connection c, int dir, int at, int end) {
        for (int s = at; s + 6 <= end; s += 6) {
            int id = p.u16(s);
            long value = p.u32(s + 2);
            int node = t.open(Http2Fields.SETTINGS, s, 6);
            if (node >= 0 && t.wantsLabels()) {
                String name = Http2Fields.SETTINGS_IDS.name(id);
                t.setLabel(node, "Settings - " + (name != null ? name : "Unknown") + " : " + value);
            }
            t.addUint(Http2Fields.SETTINGS_ID, s, 2, id);
            Field f = id < SETTING_FIELDS.length && SETTING_FIELDS[id] != null ? SETTING_FIELDS[id] : Http2Fields.SETTINGS_UNKNOWN;
            t.addUint(f, s + 2, 4, value);
            t.close();
            if (id == SETTING_HEADER_TABLE_SIZE && c != null) {
                // the sender's decoder table: the other direction's encoder may now size its table up to this
                c.directions[1 - dir].hpack.allowed(value);
            }
        }
    }
}
