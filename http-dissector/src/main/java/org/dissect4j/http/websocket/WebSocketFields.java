package org.dissect4j.http.websocket;

import org.dissect4j.api.Base;
import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;
import org.dissect4j.api.ValueNames;

/**
 * Fields of WebSocket (RFC 6455), with the abbreviations, names, types, masks, descriptions and value names of
 * tshark 4.0.17's {@code -G fields} and {@code -G values} for {@code websocket}.
 */
public final class WebSocketFields {
    /** The protocol: "WebSocket" in the tree and the Protocol column. */
    public static final Protocol WEBSOCKET = new Protocol("WebSocket", "WebSocket", "websocket");

    /** Opcodes (RFC 6455 section 5.2). */
    static final int CONTINUATION = 0, TEXT = 1, BINARY = 2, CLOSE = 8, PING = 9, PONG = 10;
    static final ValueNames OPCODES = ValueNames.of(0, "Continuation", 1, "Text", 2, "Binary", 8, "Connection Close",
            9, "Ping", 10, "Pong");
    static final ValueNames CLOSE_CODES = ValueNames.of(1000, "Normal Closure", 1001, "Going Away", 1002, "Protocol error",
            1003, "Unsupported Data", 1004, "---Reserved----", 1005, "No Status Rcvd", 1006, "Abnormal Closure",
            1007, "Invalid frame payload data", 1008, "Policy Violation", 1009, "Message Too Big", 1010, "Mandatory Ext.",
            1011, "Internal Server", 1015, "TLS handshake");

    static final Field FIN = Field.define("websocket.fin", "Fin", FieldType.BOOLEAN).mask(0x80L, 8).trueFalse("True", "False")
            .description("Indicates that this is the final fragment in a message").build();
    static final Field RSV = Field.define("websocket.rsv", "Reserved", FieldType.UINT8).base(Base.HEX).mask(0x70L)
            .description("Must be zero").build();
    static final Field OPCODE = Field.define("websocket.opcode", "Opcode", FieldType.UINT8).mask(0x0fL).values(OPCODES)
            .description("Defines the interpretation of the Payload data").build();
    static final Field MASK = Field.define("websocket.mask", "Mask", FieldType.BOOLEAN).mask(0x80L, 8).trueFalse("True", "False")
            .description("Defines whether the Payload data is masked").build();
    static final Field PAYLOAD_LENGTH = Field.define("websocket.payload_length", "Payload length", FieldType.UINT8)
            .mask(0x7fL).description("The length of the Payload data").labeler(WebSocketFields::payloadLength).build();
    static final Field PAYLOAD_LENGTH_16 = Field.define("websocket.payload_length_ext_16", "Extended Payload length (16 bits)",
            FieldType.UINT16).description("The length (16 bits) of the Payload data").build();
    static final Field PAYLOAD_LENGTH_64 = Field.define("websocket.payload_length_ext_64", "Extended Payload length (64 bits)",
            FieldType.UINT64).description("The length (64 bits) of the Payload data").build();
    static final Field MASKING_KEY = Field.define("websocket.masking_key", "Masking-Key", FieldType.BYTES)
            .description("All frames sent from the client to the server are masked by a 32-bit value that is contained "
                    + "within the frame").build();
    static final Field PAYLOAD = Field.define("websocket.payload", "Payload", FieldType.NONE)
            .description("Payload (after unmasking)").build();
    static final Field MASKED_PAYLOAD = Field.define("websocket.masked_payload", "Masked payload", FieldType.NONE).build();
    static final Field CONTINUE = Field.define("websocket.payload.continue", "Continue", FieldType.BYTES).build();
    static final Field TEXT_PAYLOAD = Field.define("websocket.payload.text", "Text", FieldType.STRING).build();
    static final Field CLOSE_PAYLOAD = Field.define("websocket.payload.close", "Close", FieldType.NONE).build();
    static final Field CLOSE_STATUS = Field.define("websocket.payload.close.status_code", "Status code", FieldType.UINT16)
            .values(CLOSE_CODES).build();
    static final Field CLOSE_REASON = Field.define("websocket.payload.close.reason", "Reason", FieldType.STRING).build();
    static final Field PING_PAYLOAD = Field.define("websocket.payload.ping", "Ping", FieldType.BYTES).build();
    static final Field PONG_PAYLOAD = Field.define("websocket.payload.pong", "Pong", FieldType.BYTES).build();
    static final Field UNKNOWN_PAYLOAD = Field.define("websocket.payload.unknown", "Unknown", FieldType.BYTES).build();
    static final Field FRAGMENTS = Field.define("websocket.fragments", "Reassembled websocket Fragments", FieldType.NONE)
            .description("Fragments").labeler(WebSocketFields::fragments).build();
    static final Field FRAGMENT = Field.define("websocket.fragment", "Websocket Fragment", FieldType.FRAMENUM)
            .labeler(Labeler::fragmentPart).build();
    static final Field FRAGMENT_COUNT = Field.define("websocket.fragment.count", "Fragment count", FieldType.UINT32).build();
    static final Field REASSEMBLED_LENGTH = Field.define("websocket.reassembled.length", "Reassembled websocket Payload length",
            FieldType.UINT32).description("The total length of the reassembled payload").build();

    /** {@code websocket.payload.unknown.expert}: an opcode RFC 6455 does not define. */
    static final Expert UNKNOWN_OPCODE = new Expert("websocket.payload.unknown.expert", ExpertGroup.UNDECODED, Severity.NOTE,
            "Dissector for Websocket Opcode");

    private WebSocketFields() {
    }

    /** Every field, for registration. */
    static Field[] all() {
        return new Field[] {FIN, RSV, OPCODE, MASK, PAYLOAD_LENGTH, PAYLOAD_LENGTH_16, PAYLOAD_LENGTH_64, MASKING_KEY,
            PAYLOAD, MASKED_PAYLOAD, CONTINUE, TEXT_PAYLOAD, CLOSE_PAYLOAD, CLOSE_STATUS, CLOSE_REASON, PING_PAYLOAD,
            PONG_PAYLOAD, UNKNOWN_PAYLOAD, FRAGMENTS, FRAGMENT, FRAGMENT_COUNT, REASSEMBLED_LENGTH};
    }

    /** {@code .111 1110 = Payload length: 126 Extended Payload Length (16 bits)}: the 7-bit value says where the length is. */
    private static void payloadLength(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        if (v == 126) {
            out.append(" Extended Payload Length (16 bits)");
        } else if (v == 127) {
            out.append(" Extended Payload Length (64 bits)");
        }
    }

    /** {@code 3 Reassembled websocket Fragments (11 bytes): #9(3), #10(3), #11(5)}: each fragment's frame and length. */
    private static void fragments(TreeView t, int n, StringBuilder out) {
        Labeler.fragmentList(t, n, FRAGMENT, " Reassembled websocket Fragments (", out);
    }
}
