package org.dissect4j.example.mqtt;

/**
 * MQTT control packet types, the high nibble of the fixed header's first byte (MQTT 5.0 §2.1.2,
 * MQTT 3.1.1 §2.2.1), with the names Wireshark shows in the Info column and {@code mqtt.msgtype}.
 * Plain int constants, so unknown values stay representable (every 4-bit value has a name here).
 */
final class MqttPacketType {
    static final int RESERVED = 0;
    static final int CONNECT = 1;
    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int PUBREC = 5;
    static final int PUBREL = 6;
    static final int PUBCOMP = 7;
    static final int SUBSCRIBE = 8;
    static final int SUBACK = 9;
    static final int UNSUBSCRIBE = 10;
    static final int UNSUBACK = 11;
    static final int PINGREQ = 12;
    static final int PINGRESP = 13;
    static final int DISCONNECT = 14;
    static final int AUTH = 15;

    /** Wireshark's {@code mqtt_msgtype_vals}, indexed by type (16 is a Wireshark-only "Reserved"). */
    private static final String[] NAMES = {"Reserved", "Connect Command", "Connect Ack", "Publish Message",
            "Publish Ack", "Publish Received", "Publish Release", "Publish Complete", "Subscribe Request", "Subscribe Ack",
            "Unsubscribe Request", "Unsubscribe Ack", "Ping Request", "Ping Response", "Disconnect Req",
            "Authentication Exchange", "Reserved"};

    private MqttPacketType() {
    }

    /** The name of {@code type} (0..16), or {@code null}. */
    static String name(long type) {
        return type >= 0 && type < NAMES.length ? NAMES[(int) type] : null;
    }

    /** Pairs for {@link org.dissect4j.api.ValueNames#of}. */
    static Object[] valuePairs() {
        Object[] pairs = new Object[NAMES.length * 2];
        for (int i = 0; i < NAMES.length; i++) {
            pairs[2 * i] = i;
            pairs[2 * i + 1] = NAMES[i];
        }
        return pairs;
    }
}
