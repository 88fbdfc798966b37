package org.dissect4j.example.mqtt;

/**
 * MQTT 5.0 property identifiers (§2.2.2.2) and the wire form of each value. A property is an identifier
 * (a Variable Byte Integer, one byte for every identifier defined so far) followed by its value:
 *
 * <pre>
 * +----+-----------------------------+
 * | id | value: byte | u16 | u32 | VBI | UTF-8 string (u16 length + bytes) | string pair |
 * +----+-----------------------------+
 * </pre>
 *
 * Binary Data values (Correlation Data, Authentication Data) have the same form as strings and are shown
 * as strings, as Wireshark does. An identifier not listed here ends the walk: its value's length is
 * unknown, so the rest of the property block is shown as {@code mqtt.prop_unknown}.
 */
final class MqttProperty {
    static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
    static final int PUBLICATION_EXPIRY_INTERVAL = 0x02;
    static final int CONTENT_TYPE = 0x03;
    static final int RESPONSE_TOPIC = 0x08;
    static final int CORRELATION_DATA = 0x09;
    static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
    static final int SESSION_EXPIRY_INTERVAL = 0x11;
    static final int ASSIGNED_CLIENT_IDENTIFIER = 0x12;
    static final int SERVER_KEEP_ALIVE = 0x13;
    static final int AUTH_METHOD = 0x15;
    static final int AUTH_DATA = 0x16;
    static final int REQUEST_PROBLEM_INFORMATION = 0x17;
    static final int WILL_DELAY_INTERVAL = 0x18;
    static final int REQUEST_RESPONSE_INFORMATION = 0x19;
    static final int RESPONSE_INFORMATION = 0x1A;
    static final int SERVER_REFERENCE = 0x1C;
    static final int REASON_STRING = 0x1F;
    static final int RECEIVE_MAXIMUM = 0x21;
    static final int TOPIC_ALIAS_MAXIMUM = 0x22;
    static final int TOPIC_ALIAS = 0x23;
    static final int MAXIMUM_QOS = 0x24;
    static final int RETAIN_AVAILABLE = 0x25;
    static final int USER_PROPERTY = 0x26;
    static final int MAXIMUM_PACKET_SIZE = 0x27;
    static final int WILDCARD_SUBSCRIPTION_AVAILABLE = 0x28;
    static final int SUBSCRIPTION_IDENTIFIER_AVAILABLE = 0x29;
    static final int SHARED_SUBSCRIPTION_AVAILABLE = 0x2A;

    /** Value forms ({@link #form(int)}). */
    static final int UNKNOWN = 0, BYTE = 1, TWO_BYTES = 2, FOUR_BYTES = 4, VARINT = 5, STRING = 6, STRING_PAIR = 7;

    private static final byte[] FORMS = new byte[0x2B];

    static {
        for (int id : new int[] {PAYLOAD_FORMAT_INDICATOR, REQUEST_PROBLEM_INFORMATION, REQUEST_RESPONSE_INFORMATION,
                RETAIN_AVAILABLE, WILDCARD_SUBSCRIPTION_AVAILABLE, SUBSCRIPTION_IDENTIFIER_AVAILABLE,
                SHARED_SUBSCRIPTION_AVAILABLE, MAXIMUM_QOS}) {
            FORMS[id] = BYTE;
        }
        for (int id : new int[] {SERVER_KEEP_ALIVE, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, TOPIC_ALIAS}) {
            FORMS[id] = TWO_BYTES;
        }
        for (int id : new int[] {PUBLICATION_EXPIRY_INTERVAL, SESSION_EXPIRY_INTERVAL, WILL_DELAY_INTERVAL,
                MAXIMUM_PACKET_SIZE}) {
            FORMS[id] = FOUR_BYTES;
        }
        FORMS[SUBSCRIPTION_IDENTIFIER] = VARINT;
        for (int id : new int[] {CONTENT_TYPE, RESPONSE_TOPIC, CORRELATION_DATA, ASSIGNED_CLIENT_IDENTIFIER, AUTH_METHOD,
                AUTH_DATA, RESPONSE_INFORMATION, SERVER_REFERENCE, REASON_STRING}) {
            FORMS[id] = STRING;
        }
        FORMS[USER_PROPERTY] = STRING_PAIR;
    }

    private MqttProperty() {
    }

    /** How the value of property {@code id} is encoded: one of the form constants, {@link #UNKNOWN} if not defined. */
    static int form(int id) {
        return id >= 0 && id < FORMS.length ? FORMS[id] : UNKNOWN;
    }

    /** Pairs for {@link org.dissect4j.api.ValueNames#of}: Wireshark's {@code mqtt_property_vals}. */
    static Object[] valuePairs() {
        return new Object[] {PAYLOAD_FORMAT_INDICATOR, "Payload Format Indicator", PUBLICATION_EXPIRY_INTERVAL,
                "Publication Expiry Interval", CONTENT_TYPE, "Content Type", RESPONSE_TOPIC, "Response Topic",
                CORRELATION_DATA, "Correlation Data", SUBSCRIPTION_IDENTIFIER, "Subscription Identifier",
                SESSION_EXPIRY_INTERVAL, "Session Expiry Interval", ASSIGNED_CLIENT_IDENTIFIER, "Assigned Client Identifier",
                SERVER_KEEP_ALIVE, "Server Keep Alive", AUTH_METHOD, "Authentication Method", AUTH_DATA,
                "Authentication Data", REQUEST_PROBLEM_INFORMATION, "Request Problem Information", WILL_DELAY_INTERVAL,
                "Will Delay Interval", REQUEST_RESPONSE_INFORMATION, "Request Response Information", RESPONSE_INFORMATION,
                "Response Information", SERVER_REFERENCE, "Server Reference", REASON_STRING, "Reason String",
                RECEIVE_MAXIMUM, "Receive Maximum", TOPIC_ALIAS_MAXIMUM, "Topic Alias Maximum", TOPIC_ALIAS, "Topic Alias",
                MAXIMUM_QOS, "Maximum QoS", RETAIN_AVAILABLE, "Retain Available", USER_PROPERTY, "User Property",
                MAXIMUM_PACKET_SIZE, "Maximum Packet Size", WILDCARD_SUBSCRIPTION_AVAILABLE,
                "Wildcard Subscription Available", SUBSCRIPTION_IDENTIFIER_AVAILABLE, "Subscription Identifier Available",
                SHARED_SUBSCRIPTION_AVAILABLE, "Shared Subscription Available"};
    }
}
