package org.dissect4j.example.mqtt;

import org.dissect4j.api.Base;
import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;
import org.dissect4j.api.TreeView;
import org.dissect4j.api.ValueNames;

/**
 * The MQTT protocol, its fields and expert items, with Wireshark 4.0's abbreviations, names, types,
 * bases, bitmasks and value names ({@code tshark -G fields}, {@code tshark -G values}), so that
 * {@code -e}, {@code -Y} and {@code -V} read as they do with tshark.
 *
 * <p>The protocol's tree line is "MQ Telemetry Transport Protocol, Publish Message": the dissector keeps the
 * packet type in the value of the protocol node and the {@link #MQTT labeler} names it, so the label is
 * composed only when an output asks for it.
 */
public final class MqttFields {
    private MqttFields() {
    }

    static final ValueNames MSG_TYPES = ValueNames.of(MqttPacketType.valuePairs());

    /**
     * The fixed header's line as packet-mqtt.c writes it (a bitmask item with flags): the message type, then
     * of the bits recorded below it (which depend on the packet type and version) the QoS level and the
     * names of the flags that are set.
     */
    private static void headerFlags(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        int flags = (int) t.value(n);
        String type = MSG_TYPES.name(flags >>> 4);
        out.append(", Message Type: ").append(type != null ? type : "Unknown");
        if (isSet(t, Labeler.child(t, n, DUPFLAG))) {
            out.append(", DUP Flag");
        }
        if (Labeler.child(t, n, QOS_LEVEL) >= 0) {
            String qos = QOS.name((flags >>> 1) & 3);
            out.append(", QoS Level: ").append(qos != null ? qos : "Unknown");
        }
        if (isSet(t, Labeler.child(t, n, RETAIN))) {
            out.append(", Retain");
        }
    }

    private static boolean isSet(TreeView t, int node) {
        return node >= 0 && t.value(node) != 0;
    }

    public static final Protocol MQTT = new Protocol("MQ Telemetry Transport Protocol", "MQTT", "mqtt")
            .labeler((tree, node, out) -> {
                out.append("MQ Telemetry Transport Protocol, ");
                long type = tree.value(node);
                String name = MqttPacketType.name(type);
                if (name != null) {
                    out.append(name);
                } else {
                    out.append("Unknown (0x").append(Character.forDigit((int) (type >> 4) & 0xF, 16))
                            .append(Character.forDigit((int) type & 0xF, 16)).append(')');
                }
            });

    static final ValueNames QOS = ValueNames.of(0, "At most once delivery (Fire and Forget)",
            1, "At least once delivery (Acknowledged deliver)", 2, "Exactly once delivery (Assured Delivery)", 3, "Reserved");
    static final ValueNames GRANTED_QOS = ValueNames.of(0, "At most once delivery (Fire and Forget)",
            1, "At least once delivery (Acknowledged deliver)", 2, "Exactly once delivery (Assured Delivery)", 3, "Reserved",
            128, "Failure");
    static final ValueNames VERSIONS = ValueNames.of(3, "MQTT v3.1", 4, "MQTT v3.1.1", 5, "MQTT v5.0");
    static final ValueNames CONNACK_RETURN_CODES = ValueNames.of(0, "Connection Accepted",
            1, "Connection Refused: unacceptable protocol version", 2, "Connection Refused: identifier rejected",
            3, "Connection Refused: server unavailable", 4, "Connection Refused: bad user name or password",
            5, "Connection Refused: not authorized");
    static final ValueNames RETAIN_HANDLING = ValueNames.of(0, "Send msgs at subscription time",
            1, "Send msgs if subscription does not exist", 2, "Do not send msgs at subscription time", 3, "Reserved");
    static final ValueNames PROPERTY_IDS = ValueNames.of(MqttProperty.valuePairs());

    // ---- MQTT 5.0 reason codes (§2.4), as Wireshark groups them per packet type ------------------------
    static final ValueNames RC_CONNACK = ValueNames.of(0x00, "Success", 0x80, "Unspecified error",
            0x81, "Malformed Packet", 0x82, "Protocol Error", 0x83, "Implementation specific error",
            0x84, "Unsupported Protocol Version", 0x85, "Client Identifier not valid", 0x86, "Bad User Name or Password",
            0x87, "Not authorized", 0x88, "Server unavailable", 0x89, "Server busy", 0x8A, "Banned",
            0x8C, "Bad authentication method", 0x90, "Topic Name invalid", 0x95, "Packet too large", 0x97, "Quota exceeded",
            0x9A, "Retain not supported", 0x9B, "QoS not supported", 0x9C, "Use another server", 0x9D, "Server moved",
            0x9F, "Connection rate exceeded");
    static final ValueNames RC_PUBACK = ValueNames.of(0x00, "Success", 0x10, "No matching subscribers",
            0x80, "Unspecified error", 0x83, "Implementation specific error", 0x87, "Not authorized",
            0x90, "Topic Name invalid", 0x91, "Packet Identifier in use", 0x97, "Quota exceeded",
            0x99, "Payload format invalid");
    static final ValueNames RC_PUBREL = ValueNames.of(0x00, "Success", 0x92, "Packet Identifier not found");
    static final ValueNames RC_SUBACK = ValueNames.of(0x00, "Granted QoS 0", 0x01, "Granted QoS 1", 0x02, "Granted QoS 2",
            0x80, "Unspecified error", 0x83, "Implementation specific error", 0x87, "Not authorized",
            0x8F, "Topic Filter invalid", 0x91, "Packet Identifier in use", 0x97, "Quota exceeded",
            0x9E, "Shared Subscription not supported", 0xA1, "Subscription Identifiers not supported",
            0xA2, "Wildcard Subscription not supported");
    static final ValueNames RC_UNSUBACK = ValueNames.of(0x00, "Success", 0x11, "No subscription existed",
            0x83, "Implementation specific error", 0x87, "Not authorized", 0x8F, "Topic Filter invalid",
            0x91, "Packet Identifier in use");
    static final ValueNames RC_DISCONNECT = ValueNames.of(0x00, "Normal disconnection",
            0x04, "Disconnect with Will Message", 0x80, "Unspecified error", 0x81, "Malformed Packet", 0x82, "Protocol Error",
            0x83, "Implementation specific error", 0x87, "Not authorized", 0x89, "Server busy",
            0x8B, "Server shutting down", 0x8C, "Bad authentication method", 0x8D, "Keep Alive timeout",
            0x8E, "Session taken over", 0x8F, "Topic Filter invalid", 0x90, "Topic Name invalid",
            0x93, "Receive Maximum exceeded", 0x94, "Topic Alias invalid", 0x95, "Packet too large",
            0x96, "Message rate too high", 0x97, "Quota exceeded", 0x98, "Administrative action",
            0x99, "Payload format invalid", 0x9A, "Retain not supported", 0x9B, "QoS not supported",
            0x9C, "Use another server", 0x9D, "Server moved", 0x9E, "Shared Subscription not supported",
            0x9F, "Connection rate exceeded", 0xA0, "Maximum connect time", 0xA1, "Subscription Identifiers not supported",
            0xA2, "Wildcard Subscription not supported");
    static final ValueNames RC_AUTH = ValueNames.of(0x00, "Success", 0x18, "Continue authentication",
            0x19, "Re-authenticate");

    // ---- fixed header ---------------------------------------------------------------------------------
    static final Field LEN = Field.define("mqtt.len", "Msg Len", FieldType.UINT64).build();
    /** "Header Flags: 0x32, Message Type: Publish Message, QoS Level: At least once delivery (Acknowledged deliver)". */
    static final Field HDRFLAGS = Field.define("mqtt.hdrflags", "Header Flags", FieldType.UINT8).base(Base.HEX)
            .labeler(MqttFields::headerFlags).build();
    static final Field MSGTYPE = Field.define("mqtt.msgtype", "Message Type", FieldType.UINT8).mask(0xF0)
            .values(MSG_TYPES).build();
    static final Field HDR_RESERVED = Field.define("mqtt.hdr_reserved", "Reserved", FieldType.UINT8).mask(0x0F)
            .description("Fixed Header Reserved Field").build();
    static final Field RETAIN_RESERVED = Field.define("mqtt.retain_reserved", "Reserved", FieldType.UINT8).mask(0x01)
            .description("Fixed Header Reserved Field").build();
    static final Field DUPFLAG = Field.define("mqtt.dupflag", "DUP Flag", FieldType.BOOLEAN).mask(0x08, 8).build();
    static final Field QOS_LEVEL = Field.define("mqtt.qos", "QoS Level", FieldType.UINT8).mask(0x06).values(QOS).build();
    static final Field RETAIN = Field.define("mqtt.retain", "Retain", FieldType.BOOLEAN).mask(0x01, 8).build();

    // ---- CONNACK --------------------------------------------------------------------------------------
    /** MQTT 3.1: the whole first byte is reserved. Wireshark registers two fields with this name. */
    static final Field CONACK_RESERVED_V31 = Field.define("mqtt.conack.flags.reserved", "Reserved", FieldType.BOOLEAN)
            .mask(0, 8).build();
    static final Field CONACK_FLAGS = Field.define("mqtt.conack.flags", "Acknowledge Flags", FieldType.UINT8)
            .base(Base.HEX).build();
    static final Field CONACK_FLAGS_RESERVED = Field.define("mqtt.conack.flags.reserved", "Reserved", FieldType.BOOLEAN)
            .mask(0xFE, 8).build();
    static final Field CONACK_FLAGS_SP = Field.define("mqtt.conack.flags.sp", "Session Present", FieldType.BOOLEAN)
            .mask(0x01, 8).description("Session Present (version 3.1.1)").build();
    static final Field CONACK_VAL = Field.define("mqtt.conack.val", "Return Code", FieldType.UINT8)
            .values(CONNACK_RETURN_CODES).build();

    // ---- identifiers, topics, payloads ----------------------------------------------------------------
    static final Field MSGID = Field.define("mqtt.msgid", "Message Identifier", FieldType.UINT16).build();
    static final Field SUB_QOS = Field.define("mqtt.sub.qos", "Requested QoS", FieldType.UINT8).values(QOS).build();
    static final Field SUBACK_QOS = Field.define("mqtt.suback.qos", "Granted QoS", FieldType.UINT8).values(GRANTED_QOS)
            .build();
    static final Field TOPIC_LEN = Field.define("mqtt.topic_len", "Topic Length", FieldType.UINT16).build();
    static final Field TOPIC = Field.define("mqtt.topic", "Topic", FieldType.STRING).build();
    static final Field WILLTOPIC_LEN = Field.define("mqtt.willtopic_len", "Will Topic Length", FieldType.UINT16).build();
    static final Field WILLTOPIC = Field.define("mqtt.willtopic", "Will Topic", FieldType.STRING).build();
    static final Field WILLMSG = Field.define("mqtt.willmsg", "Will Message", FieldType.BYTES).build();
    static final Field WILLMSG_TEXT = Field.define("mqtt.willmsg_text", "Will Message", FieldType.STRING).build();
    static final Field WILLMSG_LEN = Field.define("mqtt.willmsg_len", "Will Message Length", FieldType.UINT16).build();
    static final Field USERNAME_LEN = Field.define("mqtt.username_len", "User Name Length", FieldType.UINT16).build();
    static final Field USERNAME = Field.define("mqtt.username", "User Name", FieldType.STRING).build();
    static final Field PASSWD_LEN = Field.define("mqtt.passwd_len", "Password Length", FieldType.UINT16).build();
    static final Field PASSWD = Field.define("mqtt.passwd", "Password", FieldType.STRING).build();
    static final Field MSG = Field.define("mqtt.msg", "Message", FieldType.BYTES).build();
    static final Field MSG_TEXT = Field.define("mqtt.msg_text", "Message", FieldType.STRING).build();
    static final Field MSG_DECODED_AS = Field.define("mqtt.msg_decoded_as", "Message decoded as", FieldType.STRING)
            .build();

    // ---- CONNECT --------------------------------------------------------------------------------------
    static final Field PROTO_LEN = Field.define("mqtt.proto_len", "Protocol Name Length", FieldType.UINT16).build();
    static final Field PROTONAME = Field.define("mqtt.protoname", "Protocol Name", FieldType.STRING).build();
    static final Field CLIENTID_LEN = Field.define("mqtt.clientid_len", "Client ID Length", FieldType.UINT16).build();
    static final Field CLIENTID = Field.define("mqtt.clientid", "Client ID", FieldType.STRING).build();
    static final Field VER = Field.define("mqtt.ver", "Version", FieldType.UINT8).values(VERSIONS)
            .description("MQTT version").build();
    static final Field CONFLAGS = Field.define("mqtt.conflags", "Connect Flags", FieldType.UINT8).base(Base.HEX).build();
    static final Field CONFLAG_UNAME = Field.define("mqtt.conflag.uname", "User Name Flag", FieldType.BOOLEAN)
            .mask(0x80, 8).build();
    static final Field CONFLAG_PASSWD = Field.define("mqtt.conflag.passwd", "Password Flag", FieldType.BOOLEAN)
            .mask(0x40, 8).build();
    static final Field CONFLAG_RETAIN = Field.define("mqtt.conflag.retain", "Will Retain", FieldType.BOOLEAN)
            .mask(0x20, 8).build();
    static final Field CONFLAG_QOS = Field.define("mqtt.conflag.qos", "QoS Level", FieldType.UINT8).mask(0x18)
            .values(QOS).build();
    static final Field CONFLAG_WILLFLAG = Field.define("mqtt.conflag.willflag", "Will Flag", FieldType.BOOLEAN)
            .mask(0x04, 8).build();
    static final Field CONFLAG_CLEANSESS = Field.define("mqtt.conflag.cleansess", "Clean Session Flag", FieldType.BOOLEAN)
            .mask(0x02, 8).build();
    static final Field CONFLAG_RESERVED = Field.define("mqtt.conflag.reserved", "(Reserved)", FieldType.BOOLEAN)
            .mask(0x01, 8).build();
    static final Field KALIVE = Field.define("mqtt.kalive", "Keep Alive", FieldType.UINT16).build();

    // ---- MQTT 5.0 subscription options (§3.8.3.1) ----------------------------------------------------
    static final Field SUBSCRIPTION_OPTIONS = Field.define("mqtt.subscription_options", "Subscription Options",
            FieldType.UINT8).base(Base.HEX).build();
    static final Field SUBSCRIPTION_QOS = Field.define("mqtt.subscription_options_qos", "QoS", FieldType.UINT8)
            .mask(0x03).values(QOS).build();
    static final Field SUBSCRIPTION_NL = Field.define("mqtt.subscription_options_nl", "No Local", FieldType.BOOLEAN)
            .mask(0x04, 8).build();
    static final Field SUBSCRIPTION_RAP = Field.define("mqtt.subscription_options_rap", "Retain As Published",
            FieldType.BOOLEAN).mask(0x08, 8).build();
    static final Field SUBSCRIPTION_RETAIN = Field.define("mqtt.subscription_options_retain", "Retain Handling",
            FieldType.UINT8).mask(0x30).values(RETAIN_HANDLING).build();
    static final Field SUBSCRIPTION_RESERVED = Field.define("mqtt.subscription_options_reserved", "Reserved",
            FieldType.UINT8).base(Base.HEX).mask(0xC0).build();

    // ---- MQTT 5.0 reason codes, one field per packet type ---------------------------------------------
    static final Field RC_CONNACK_FIELD = reasonCode("connack", RC_CONNACK);
    static final Field RC_PUBACK_FIELD = reasonCode("puback", RC_PUBACK);
    static final Field RC_PUBREC_FIELD = reasonCode("pubrec", RC_PUBACK);
    static final Field RC_PUBREL_FIELD = reasonCode("pubrel", RC_PUBREL);
    static final Field RC_PUBCOMP_FIELD = reasonCode("pubcomp", RC_PUBREL);
    static final Field RC_SUBACK_FIELD = reasonCode("suback", RC_SUBACK);
    static final Field RC_UNSUBACK_FIELD = reasonCode("unsuback", RC_UNSUBACK);
    static final Field RC_DISCONNECT_FIELD = reasonCode("disconnect", RC_DISCONNECT);
    static final Field RC_AUTH_FIELD = reasonCode("auth", RC_AUTH);

    /** The reason code field of each packet type (index: type), {@code null} for types without one. */
    static final Field[] REASON_CODE_BY_TYPE = {null, null, RC_CONNACK_FIELD, null, RC_PUBACK_FIELD, RC_PUBREC_FIELD,
            RC_PUBREL_FIELD, RC_PUBCOMP_FIELD, null, RC_SUBACK_FIELD, null, RC_UNSUBACK_FIELD, null, null,
            RC_DISCONNECT_FIELD, RC_AUTH_FIELD};

    // ---- MQTT 5.0 properties (§2.2.2) -----------------------------------------------------------------
    static final Field PROPERTIES = Field.define("mqtt.properties", "Properties", FieldType.NONE).build();
    static final Field WILL_PROPERTIES = Field.define("mqtt.will_properties", "Will Properties", FieldType.NONE).build();
    static final Field PROPERTY_LEN = Field.define("mqtt.property_len", "Total Length", FieldType.UINT64).build();
    static final Field PROPERTY_ID = Field.define("mqtt.property_id", "ID", FieldType.UINT8).base(Base.HEX)
            .values(PROPERTY_IDS).description("Property Id").build();
    static final Field PROP_NUMBER = Field.define("mqtt.prop_number", "Value", FieldType.UINT32).build();
    /** Wireshark's type is FT_UINT_STRING (the 2-byte length is part of the item); the value is the string. */
    static final Field PROP_CONTENT_TYPE = Field.define("mqtt.property.content_type", "Content Type", FieldType.STRING)
            .build();
    static final Field PROP_MAX_QOS = Field.define("mqtt.property.max_qos", "QoS", FieldType.UINT8).values(QOS).build();
    static final Field PROP_TOPIC_ALIAS = Field.define("mqtt.property.topic_alias", "Topic Alias", FieldType.UINT16)
            .build();
    static final Field PROP_UNKNOWN = Field.define("mqtt.prop_unknown", "Unknown Property", FieldType.STRING).build();
    static final Field PROP_STRING_LEN = Field.define("mqtt.prop_string_len", "Length", FieldType.UINT32).build();
    static final Field PROP_STRING = Field.define("mqtt.prop_string", "Value", FieldType.STRING).build();
    static final Field PROP_KEY_LEN = Field.define("mqtt.prop_key_len", "Key Length", FieldType.UINT32).build();
    static final Field PROP_KEY = Field.define("mqtt.prop_key", "Key", FieldType.STRING).build();
    static final Field PROP_VALUE_LEN = Field.define("mqtt.prop_value_len", "Value Length", FieldType.UINT32).build();
    static final Field PROP_VALUE = Field.define("mqtt.prop_value", "Value", FieldType.STRING).build();

    // ---- expert items ---------------------------------------------------------------------------------
    static final Expert ILLEGAL_TOPIC_LENGTH = new Expert("mqtt.illegal_topic_length", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Length cannot be 0");
    static final Expert UNKNOWN_VERSION = new Expert("mqtt.unknown_version", ExpertGroup.PROTOCOL, Severity.NOTE,
            "Unknown version (missing the CONNECT packet?)");
    static final Expert UNKNOWN_TOPIC_ALIAS = new Expert("mqtt.unknown_topic_alias", ExpertGroup.PROTOCOL,
            Severity.NOTE, "Unknown topic alias");

    private static Field reasonCode(String packet, ValueNames names) {
        return Field.define("mqtt." + packet + ".reason_code", "Reason Code", FieldType.UINT8).values(names)
                .description("MQTT Reason Code").build();
    }

    /** Every field, in Wireshark's registration order (as {@code -G fields} lists them). */
    static Field[] fields() {
        return new Field[] {LEN, HDRFLAGS, MSGTYPE, HDR_RESERVED, RETAIN_RESERVED, DUPFLAG, QOS_LEVEL, RETAIN,
                CONACK_RESERVED_V31, CONACK_FLAGS, CONACK_FLAGS_RESERVED, CONACK_FLAGS_SP, CONACK_VAL, MSGID, SUB_QOS,
                SUBACK_QOS, TOPIC_LEN, TOPIC, WILLTOPIC_LEN, WILLTOPIC, WILLMSG, WILLMSG_TEXT, WILLMSG_LEN, USERNAME_LEN,
                USERNAME, PASSWD_LEN, PASSWD, MSG, MSG_TEXT, MSG_DECODED_AS, PROTO_LEN, PROTONAME, CLIENTID_LEN, CLIENTID,
                VER, CONFLAGS, CONFLAG_UNAME, CONFLAG_PASSWD, CONFLAG_RETAIN, CONFLAG_QOS, CONFLAG_WILLFLAG,
                CONFLAG_CLEANSESS, CONFLAG_RESERVED, KALIVE, SUBSCRIPTION_OPTIONS, SUBSCRIPTION_QOS, SUBSCRIPTION_NL,
                SUBSCRIPTION_RAP, SUBSCRIPTION_RETAIN, SUBSCRIPTION_RESERVED, RC_CONNACK_FIELD, RC_PUBACK_FIELD,
                RC_PUBREC_FIELD, RC_PUBREL_FIELD, RC_PUBCOMP_FIELD, RC_SUBACK_FIELD, RC_UNSUBACK_FIELD,
                RC_DISCONNECT_FIELD, RC_AUTH_FIELD, PROPERTIES, WILL_PROPERTIES, PROPERTY_LEN, PROPERTY_ID, PROP_NUMBER,
                PROP_CONTENT_TYPE, PROP_MAX_QOS, PROP_TOPIC_ALIAS, PROP_UNKNOWN, PROP_STRING_LEN, PROP_STRING,
                PROP_KEY_LEN, PROP_KEY, PROP_VALUE_LEN, PROP_VALUE};
    }

    static Expert[] experts() {
        return new Expert[] {ILLEGAL_TOPIC_LENGTH, UNKNOWN_VERSION, UNKNOWN_TOPIC_ALIAS};
    }
}
