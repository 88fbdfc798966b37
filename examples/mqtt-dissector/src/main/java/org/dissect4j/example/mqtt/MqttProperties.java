package org.dissect4j.example.mqtt;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Tree;

/**
 * MQTT 5.0 property blocks (§2.2.2), walked in place: a Variable Byte Integer length, then properties, each an
 * identifier and a value whose form the identifier tells ({@link MqttProperty}). The values recorded are
 * Wireshark's fields: {@code mqtt.prop_number} for numbers, {@code mqtt.prop_string(_len)} for strings and
 * binary data, {@code mqtt.prop_key}/{@code mqtt.prop_value} for user properties, and dedicated fields for
 * Content Type, Maximum QoS and Topic Alias. The Topic Alias and Content Type of the last block walked are kept
 * for the PUBLISH that carried them. One instance per dissector, reset per control packet.
 */
final class MqttProperties {
    private final boolean decodeLength;

    /** The Topic Alias of the block, 0 if none. */
    int topicAlias;
    /** Where the Content Type's string is in the current data source, -1 if none. */
    int contentTypeOffset;
    int contentTypeLength;

    /** {@code decodeLength}: show {@code mqtt.property_len} decoded (Wireshark 4.2+) rather than as tshark 4.0 does. */
    MqttProperties(boolean decodeLength) {
        this.decodeLength = decodeLength;
        reset();
    }

    void reset() {
        topicAlias = 0;
        contentTypeOffset = -1;
        contentTypeLength = 0;
    }

    /**
     * A property block, MQTT 5.0 §2.2.2: a Variable Byte Integer length, then properties. Records them under
     * {@code which} ({@code mqtt.properties} or {@code mqtt.will_properties}), remembers the Topic Alias and
     * Content Type for the caller, and returns the block's size as its length says (as Wireshark does, even
     * when a malformed property ran past it).
     */
    int dissect(Packet p, Tree t, int off, Field which) {
        int len = 0;
        int n = 0;
        while (true) {
            int b = p.u8(off + n);
            len |= (b & 0x7F) << (7 * n);
            n++;
            if (b < 0x80) {
                break;
            }
            if (n == VarInt.MAX_BYTES) {
                p.markMalformed(off);
                throw PacketBoundsException.MALFORMED;
            }
        }
        t.open(which, off, n + len);
        t.addUint(MqttFields.PROPERTY_LEN, off, n,
                decodeLength ? len : VarInt.bigEndianBytes(p.segment(), p.base() + off, n));
        int at = off + n;
        int end = at + len;
        while (at < end) {
            int id = p.u8(at);
            t.addUint(MqttFields.PROPERTY_ID, at, 1, id);
            at++;
            switch (MqttProperty.form(id)) {
                case MqttProperty.BYTE -> {
                    t.addUint(id == MqttProperty.MAXIMUM_QOS ? MqttFields.PROP_MAX_QOS : MqttFields.PROP_NUMBER,
                            at, 1, p.u8(at));
                    at += 1;
                }
                case MqttProperty.TWO_BYTES -> {
                    int v = p.u16(at);
                    if (id == MqttProperty.TOPIC_ALIAS) {
                        t.addUint(MqttFields.PROP_TOPIC_ALIAS, at, 2, v);
                        topicAlias = v;
                    } else {
                        t.addUint(MqttFields.PROP_NUMBER, at, 2, v);
                    }
                    at += 2;
                }
                case MqttProperty.FOUR_BYTES -> {
                    t.addUint(MqttFields.PROP_NUMBER, at, 4, p.u32(at));
                    at += 4;
                }
                case MqttProperty.VARINT -> {
                    int v = 0;
                    int k = 0;
                    while (true) {
                        int b = p.u8(at + k);
                        v |= (b & 0x7F) << (7 * k);
                        k++;
                        if (b < 0x80) {
                            break;
                        }
                        if (k == VarInt.MAX_BYTES) {
                            throw PacketBoundsException.MALFORMED;
                        }
                    }
                    t.addUint(MqttFields.PROP_NUMBER, at, k, v);
                    at += k;
                }
                case MqttProperty.STRING -> {
                    int slen = p.u16(at);
                    if (id == MqttProperty.CONTENT_TYPE) {
                        p.require(at + 2, slen);
                        t.add(MqttFields.PROP_CONTENT_TYPE, at + 2, slen);
                        contentTypeOffset = at + 2;
                        contentTypeLength = slen;
                        at += 2 + slen;
                    } else {
                        at = lengthAndString(p, t, at, MqttFields.PROP_STRING_LEN, MqttFields.PROP_STRING);
                    }
                }
                case MqttProperty.STRING_PAIR -> {
                    at = lengthAndString(p, t, at, MqttFields.PROP_KEY_LEN, MqttFields.PROP_KEY);
                    at = lengthAndString(p, t, at, MqttFields.PROP_VALUE_LEN, MqttFields.PROP_VALUE);
                }
                default -> {
                    // an identifier this version of MQTT does not define: its length is unknown
                    p.require(at, end - at);
                    t.add(MqttFields.PROP_UNKNOWN, at, end - at);
                    at = end;
                }
            }
        }
        t.close();
        return n + len;
    }

    /** A 2-byte length and the string (or bytes) it announces; returns the offset after them. */
    static int lengthAndString(Packet p, Tree t, int off, Field lengthField, Field valueField) {
        int len = p.u16(off);
        t.addUint(lengthField, off, 2, len);
        p.require(off + 2, len);
        t.add(valueField, off + 2, len);
        return off + 2 + len;
    }
}
