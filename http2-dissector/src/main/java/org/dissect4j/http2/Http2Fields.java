package org.dissect4j.http2;

import org.dissect4j.api.Base;
import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;
import org.dissect4j.api.ValueNames;

/** HTTP/2 fields with Wireshark 4.0's abbreviations, names and types, and the module's expert items. */
public final class Http2Fields {
    private Http2Fields() {
    }

    public static final Protocol HTTP2 = new Protocol("HyperText Transfer Protocol 2", "HTTP2", "http2");

    /** Frame types (RFC 9113 section 6, RFC 7838 ALTSVC, RFC 8336 ORIGIN, RFC 9218 PRIORITY_UPDATE). */
    static final ValueNames TYPES = ValueNames.of(0, "DATA", 1, "HEADERS", 2, "PRIORITY", 3, "RST_STREAM", 4, "SETTINGS",
            5, "PUSH_PROMISE", 6, "PING", 7, "GOAWAY", 8, "WINDOW_UPDATE", 9, "CONTINUATION", 10, "ALTSVC",
            11, "BLOCKED", 12, "ORIGIN", 16, "PRIORITY_UPDATE");
    /** Error codes (RFC 9113 section 7). */
    static final ValueNames ERRORS = ValueNames.of(0, "NO_ERROR", 1, "PROTOCOL_ERROR", 2, "INTERNAL_ERROR",
            3, "FLOW_CONTROL_ERROR", 4, "SETTINGS_TIMEOUT", 5, "STREAM_CLOSED", 6, "FRAME_SIZE_ERROR",
            7, "REFUSED_STREAM", 8, "CANCEL", 9, "COMPRESSION_ERROR", 10, "CONNECT_ERROR", 11, "ENHANCE_YOUR_CALM",
            12, "INADEQUATE_SECURITY", 13, "HTTP_1_1_REQUIRED");
    /** Setting identifiers as Wireshark names them. */
    static final ValueNames SETTINGS_IDS = ValueNames.of(1, "Header table size", 2, "Enable PUSH", 3, "Max concurrent streams",
            4, "Initial Windows size", 5, "Max frame size", 6, "Max header list size", 8, "Extended CONNECT");

    static final Field MAGIC = Field.define("http2.magic", "Magic", FieldType.STRING).build();
    static final Field STREAM = Field.define("http2.stream", "Stream", FieldType.NONE).build();
    static final Field LENGTH = Field.define("http2.length", "Length", FieldType.UINT24).build();
    static final Field TYPE = Field.define("http2.type", "Type", FieldType.UINT8).values(TYPES).build();
    static final Field FLAGS = Field.define("http2.flags", "Flags", FieldType.UINT8).base(Base.HEX).build();
    static final Field FLAGS_END_STREAM = flag("http2.flags.end_stream", "End Stream", 0x01);
    static final Field FLAGS_EH = flag("http2.flags.eh", "End Headers", 0x04);
    static final Field FLAGS_PADDED = flag("http2.flags.padded", "Padded", 0x08);
    static final Field FLAGS_PRIORITY = flag("http2.flags.priority", "Priority", 0x20);
    static final Field FLAGS_ACK_PING = flag("http2.flags.ack.ping", "ACK", 0x01);
    static final Field FLAGS_ACK_SETTINGS = flag("http2.flags.ack.settings", "ACK", 0x01);
    static final Field FLAGS_UNUSED = unused("http2.flags.unused", 0xff);
    static final Field FLAGS_UNUSED_SETTINGS = unused("http2.flags.unused_settings", 0xfe);
    static final Field FLAGS_UNUSED_PING = unused("http2.flags.unused_ping", 0xfe);
    static final Field FLAGS_UNUSED_CONTINUATION = unused("http2.flags.unused_continuation", 0xfb);
    static final Field FLAGS_UNUSED_PUSH_PROMISE = unused("http2.flags.unused_push_promise", 0xf3);
    static final Field FLAGS_UNUSED_DATA = unused("http2.flags.unused_data", 0xf6);
    static final Field FLAGS_UNUSED_HEADERS = unused("http2.flags.unused_headers", 0xd2);
    static final Field RESERVED = Field.define("http2.r", "Reserved", FieldType.UINT32).base(Base.HEX).mask(0x80000000L).build();
    static final Field STREAM_ID = Field.define("http2.streamid", "Stream Identifier", FieldType.UINT32).mask(0x7fffffffL).build();
    static final Field PADDING_LENGTH = Field.define("http2.padding", "Pad Length", FieldType.UINT8).base(Base.HEX).build();
    static final Field PAD_LENGTH = Field.define("http2.pad_length", "Pad Length", FieldType.UINT16).build();
    static final Field EXCLUSIVE = Field.define("http2.exclusive", "Exclusive", FieldType.BOOLEAN).mask(0x80000000L, 32)
            .trueFalse("True", "False").build();
    static final Field STREAM_DEPENDENCY = Field.define("http2.stream_dependency", "Stream Dependency", FieldType.UINT32)
            .mask(0x7fffffffL).build();
    static final Field WEIGHT = Field.define("http2.headers.weight", "Weight", FieldType.UINT8).build();
    static final Field WEIGHT_REAL = Field.define("http2.headers.weight_real", "Weight real", FieldType.UINT8).build();
    static final Field DATA = Field.define("http2.data.data", "Data", FieldType.BYTES).build();
    static final Field DATA_PADDING = Field.define("http2.data.padding", "Padding", FieldType.BYTES).build();
    static final Field HEADERS = Field.define("http2.headers", "Header Block Fragment", FieldType.BYTES).build();
    static final Field HEADERS_PADDING = Field.define("http2.headers.padding", "Padding", FieldType.BYTES).build();
    static final Field HEADER = Field.define("http2.header", "Header", FieldType.NONE).build();
    static final Field HEADER_LENGTH = Field.define("http2.header.length", "Header Length", FieldType.UINT32).build();
    static final Field HEADER_COUNT = Field.define("http2.header.count", "Header Count", FieldType.UINT32).build();
    static final Field HEADER_NAME_LENGTH = Field.define("http2.header.name.length", "Name Length", FieldType.UINT32).build();
    static final Field HEADER_NAME = Field.define("http2.header.name", "Name", FieldType.STRING).build();
    static final Field HEADER_VALUE_LENGTH = Field.define("http2.header.value.length", "Value Length", FieldType.UINT32).build();
    static final Field HEADER_VALUE = Field.define("http2.header.value", "Value", FieldType.STRING).build();
    static final Field HEADER_UNESCAPED = Field.define("http2.header.unescaped", "Unescaped", FieldType.STRING).build();
    static final Field HEADER_REPR = Field.define("http2.header.repr", "Representation", FieldType.STRING).build();
    static final Field HEADER_INDEX = Field.define("http2.header.index", "Index", FieldType.UINT32).build();
    static final Field TABLE_SIZE_UPDATE = Field.define("http2.header_table_size_update", "Header table size update",
            FieldType.NONE).build();
    static final Field TABLE_SIZE = Field.define("http2.header_table_size_update.header_table_size", "Header table size",
            FieldType.UINT32).build();
    static final Field FULL_URI = Field.define("http2.request.full_uri", "Full request URI", FieldType.STRING).build();
    static final Field RST_STREAM_ERROR = Field.define("http2.rst_stream.error", "Error", FieldType.UINT32).values(ERRORS).build();
    static final Field SETTINGS = Field.define("http2.settings", "Settings", FieldType.NONE).build();
    static final Field SETTINGS_ID = Field.define("http2.settings.id", "Settings Identifier", FieldType.UINT16)
            .values(SETTINGS_IDS).build();
    static final Field SETTINGS_HEADER_TABLE_SIZE = setting("http2.settings.header_table_size", "Header table size");
    static final Field SETTINGS_ENABLE_PUSH = setting("http2.settings.enable_push", "Enable PUSH");
    static final Field SETTINGS_MAX_CONCURRENT_STREAMS = setting("http2.settings.max_concurrent_streams", "Max concurrent streams");
    static final Field SETTINGS_INITIAL_WINDOW_SIZE = setting("http2.settings.initial_window_size", "Initial Windows Size");
    static final Field SETTINGS_MAX_FRAME_SIZE = setting("http2.settings.max_frame_size", "Max frame size");
    static final Field SETTINGS_MAX_HEADER_LIST_SIZE = setting("http2.settings.max_header_list_size", "Max header list size");
    static final Field SETTINGS_EXTENDED_CONNECT = setting("http2.settings.extended_connect", "Extended CONNECT");
    static final Field SETTINGS_UNKNOWN = setting("http2.settings.unknown", "Unknown Settings");
    static final Field PUSH_PROMISE_RESERVED = Field.define("http2.push_promise.r", "Reserved", FieldType.UINT32).base(Base.HEX)
            .mask(0x80000000L).build();
    static final Field PROMISED_STREAM_ID = Field.define("http2.push_promise.promised_stream_id", "Promised-Stream-ID",
            FieldType.UINT32).mask(0x7fffffffL).build();
    static final Field PUSH_PROMISE_HEADER = Field.define("http2.push_promise.header", "Header Block Fragment", FieldType.BYTES)
            .build();
    static final Field PUSH_PROMISE_PADDING = Field.define("http2.push_promise.padding", "Padding", FieldType.BYTES).build();
    static final Field PING = Field.define("http2.ping", "Ping", FieldType.BYTES).build();
    static final Field PONG = Field.define("http2.pong", "Pong", FieldType.BYTES).build();
    static final Field GOAWAY_RESERVED = Field.define("http2.goway.r", "Reserved", FieldType.UINT32).base(Base.HEX)
            .mask(0x80000000L).build();
    static final Field GOAWAY_LAST_STREAM_ID = Field.define("http2.goaway.last_stream_id", "Last-Stream-ID", FieldType.UINT32)
            .mask(0x7fffffffL).build();
    static final Field GOAWAY_ERROR = Field.define("http2.goaway.error", "Error", FieldType.UINT32).values(ERRORS).build();
    static final Field GOAWAY_DEBUG_DATA = Field.define("http2.goaway.addata", "Additional Debug Data", FieldType.BYTES).build();
    static final Field WINDOW_UPDATE_RESERVED = Field.define("http2.window_update.r", "Reserved", FieldType.UINT32).base(Base.HEX)
            .mask(0x80000000L).build();
    static final Field WINDOW_SIZE_INCREMENT = Field.define("http2.window_update.window_size_increment", "Window Size Increment",
            FieldType.UINT32).mask(0x7fffffffL).build();
    /** Wireshark declares the CONTINUATION fragment as a string field (it is shown as bytes in the tree). */
    static final Field CONTINUATION_HEADER = Field.define("http2.continuation.header", "Continuation Header", FieldType.STRING)
            .build();
    static final Field CONTINUATION_PADDING = Field.define("http2.continuation.padding", "Padding", FieldType.BYTES).build();
    static final Field ALTSVC_ORIGIN_LENGTH = Field.define("http2.altsvc.origin.len", "Origin Length", FieldType.UINT16).build();
    static final Field ALTSVC_ORIGIN = Field.define("http2.altsvc.origin", "Origin", FieldType.STRING).build();
    static final Field ALTSVC_FIELD_VALUE = Field.define("http2.altsvc.field_value", "Field/Value", FieldType.STRING).build();
    static final Field UNKNOWN = Field.define("http2.unknown", "Unknown", FieldType.BYTES).build();

    static final Expert HPACK_ERROR = new Expert("http2.hpack.decoding_error", ExpertGroup.MALFORMED, Severity.ERROR,
            "HPACK decoding error: the header block cannot be decoded (index out of range, bad Huffman code or integer)");
    static final Expert TABLE_SIZE_LIMIT = new Expert("http2.hpack.table_size_limit", ExpertGroup.PROTOCOL, Severity.WARNING,
            "HPACK dynamic table size above the bound (http2.max_header_table_size), the peer's SETTINGS_HEADER_TABLE_SIZE"
            + " or what http2.max_state_bytes leaves: the connection's headers are no longer decoded");
    static final Expert HEADER_LIST_LIMIT = new Expert("http2.header_list_limit", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Header list larger than the bound (http2.max_header_list_size bytes or http2.max_header_lines lines): rest not shown");
    static final Expert CONTINUATION_LIMIT = new Expert("http2.continuation_limit", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Header block never ends within the bound (http2.max_header_block_size): the connection's headers are no longer decoded");
    static final Expert HPACK_STOPPED = new Expert("http2.hpack.stopped", ExpertGroup.PROTOCOL, Severity.NOTE,
            "Header decoding stopped earlier on this connection (its HPACK state is lost)");

    private static Field flag(String abbrev, String name, int mask) {
        return Field.define(abbrev, name, FieldType.BOOLEAN).mask(mask, 8).trueFalse("True", "False").build();
    }

    private static Field unused(String abbrev, int mask) {
        return Field.define(abbrev, "Unused", FieldType.UINT8).base(Base.HEX).mask(mask).build();
    }

    private static Field setting(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.UINT32).build();
    }

    static Field[] fields() {
        java.util.List<Field> all = new java.util.ArrayList<>(java.util.List.of(MAGIC, STREAM, LENGTH, TYPE, FLAGS,
                FLAGS_END_STREAM, FLAGS_EH, FLAGS_PADDED, FLAGS_PRIORITY, FLAGS_ACK_PING, FLAGS_ACK_SETTINGS, FLAGS_UNUSED,
                FLAGS_UNUSED_SETTINGS, FLAGS_UNUSED_PING, FLAGS_UNUSED_CONTINUATION, FLAGS_UNUSED_PUSH_PROMISE, FLAGS_UNUSED_DATA,
                FLAGS_UNUSED_HEADERS, RESERVED, STREAM_ID, PADDING_LENGTH, PAD_LENGTH, EXCLUSIVE, STREAM_DEPENDENCY, WEIGHT,
                WEIGHT_REAL, DATA, DATA_PADDING, HEADERS, HEADERS_PADDING, HEADER, HEADER_LENGTH, HEADER_COUNT,
                HEADER_NAME_LENGTH, HEADER_NAME, HEADER_VALUE_LENGTH, HEADER_VALUE, HEADER_UNESCAPED, HEADER_REPR,
                HEADER_INDEX, TABLE_SIZE_UPDATE, TABLE_SIZE, FULL_URI, RST_STREAM_ERROR, SETTINGS, SETTINGS_ID,
                SETTINGS_HEADER_TABLE_SIZE, SETTINGS_ENABLE_PUSH, SETTINGS_MAX_CONCURRENT_STREAMS, SETTINGS_INITIAL_WINDOW_SIZE,
                SETTINGS_MAX_FRAME_SIZE, SETTINGS_MAX_HEADER_LIST_SIZE, SETTINGS_EXTENDED_CONNECT, SETTINGS_UNKNOWN,
                PUSH_PROMISE_RESERVED, PROMISED_STREAM_ID, PUSH_PROMISE_HEADER, PUSH_PROMISE_PADDING, PING, PONG,
                GOAWAY_RESERVED, GOAWAY_LAST_STREAM_ID, GOAWAY_ERROR, GOAWAY_DEBUG_DATA, WINDOW_UPDATE_RESERVED,
                WINDOW_SIZE_INCREMENT, CONTINUATION_HEADER, CONTINUATION_PADDING, ALTSVC_ORIGIN_LENGTH, ALTSVC_ORIGIN,
                ALTSVC_FIELD_VALUE, UNKNOWN));
        all.addAll(java.util.Arrays.asList(Http2HeaderFields.FIELDS));
        return all.toArray(Field[]::new);
    }

    static Expert[] experts() {
        return new Expert[] {HPACK_ERROR, TABLE_SIZE_LIMIT, HEADER_LIST_LIMIT, CONTINUATION_LIMIT, HPACK_STOPPED};
    }
}
