package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.connect;
import static org.dissect4j.example.mqtt.MqttTestKit.packet;
import static org.dissect4j.example.mqtt.MqttTestKit.props;
import static org.dissect4j.example.mqtt.MqttTestKit.protocols;
import static org.dissect4j.example.mqtt.MqttTestKit.publish;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.text;
import static org.dissect4j.example.mqtt.MqttTestKit.u16;
import static org.dissect4j.example.mqtt.MqttTestKit.u32;
import static org.dissect4j.example.mqtt.MqttTestKit.value;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.example.mqtt.MqttTestKit.Conn;
import org.junit.jupiter.api.Test;

/**
 * Every control packet type, MQTT 3.1, 3.1.1 and 5.0, from hand-built bytes on a TCP connection to port 1883:
 * the fields as {@code tshark -T fields} prints them, the Info and Protocol columns, the protocol label.
 */
class MqttPacketTypesTest {
    private final Engine e = MqttTestKit.engine();

    private Conn conn() {
        return new Conn(e, 50000, MqttPlugin.TCP_PORT).open();
    }

    @Test
    void connectWithWillUserNameAndPassword() {
        Conn c = conn();
        byte[] rest = concat(str("w/t"), str("bye"), str("u"), str("p"));
        Packet p = c.client(connect(4, 0xEE, 60, new byte[0], "c1", rest));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:tcp:mqtt");
        assertThat(p.protocolColumn()).isEqualTo("MQTT");
        assertThat(p.info().toString()).isEqualTo("Connect Command");
        assertThat(value(e, "mqtt")).isEqualTo("MQ Telemetry Transport Protocol, Connect Command");
        assertThat(value(e, "mqtt.hdrflags")).isEqualTo("0x10");
        assertThat(value(e, "mqtt.msgtype")).isEqualTo("1");
        assertThat(value(e, "mqtt.hdr_reserved")).isEqualTo("0");
        assertThat(value(e, "mqtt.len")).isEqualTo("30");
        assertThat(value(e, "mqtt.proto_len")).isEqualTo("4");
        assertThat(value(e, "mqtt.protoname")).isEqualTo("MQTT");
        assertThat(value(e, "mqtt.ver")).isEqualTo("4");
        assertThat(value(e, "mqtt.conflags")).isEqualTo("0xee");
        assertThat(value(e, "mqtt.conflag.uname")).isEqualTo("1");
        assertThat(value(e, "mqtt.conflag.passwd")).isEqualTo("1");
        assertThat(value(e, "mqtt.conflag.retain")).isEqualTo("1");
        assertThat(value(e, "mqtt.conflag.qos")).isEqualTo("1");
        assertThat(value(e, "mqtt.conflag.willflag")).isEqualTo("1");
        assertThat(value(e, "mqtt.conflag.cleansess")).isEqualTo("1");
        assertThat(value(e, "mqtt.conflag.reserved")).isEqualTo("0");
        assertThat(value(e, "mqtt.kalive")).isEqualTo("60");
        assertThat(value(e, "mqtt.clientid_len")).isEqualTo("2");
        assertThat(value(e, "mqtt.clientid")).isEqualTo("c1");
        assertThat(value(e, "mqtt.willtopic_len")).isEqualTo("3");
        assertThat(value(e, "mqtt.willtopic")).isEqualTo("w/t");
        assertThat(value(e, "mqtt.willmsg_len")).isEqualTo("3");
        assertThat(value(e, "mqtt.willmsg")).isEqualTo("627965");
        assertThat(value(e, "mqtt.username")).isEqualTo("u");
        assertThat(value(e, "mqtt.passwd")).isEqualTo("p");
        assertThat(value(e, "mqtt.unknown_version")).isEmpty();
    }

    @Test
    void mqtt311Session() {
        Conn c = conn();
        c.client(connect(4, "c2"));
        Packet p = c.server(packet(0x20, bytes(0x01, 0x00)));
        assertThat(p.info().toString()).isEqualTo("Connect Ack");
        assertThat(value(e, "mqtt.conack.flags")).isEqualTo("0x01");
        assertThat(value(e, "mqtt.conack.flags.sp")).isEqualTo("1");
        assertThat(value(e, "mqtt.conack.flags.reserved")).isEqualTo("0");
        assertThat(value(e, "mqtt.conack.val")).isEqualTo("0");
        assertThat(value(e, "mqtt.connack.reason_code")).isEmpty();

        p = c.client(publish(1, "a/b", 7, new byte[0], "hi"));
        assertThat(p.info().toString()).isEqualTo("Publish Message (id=7) [a/b]");
        assertThat(value(e, "mqtt.hdrflags")).isEqualTo("0x32");
        assertThat(value(e, "mqtt.dupflag")).isEqualTo("0");
        assertThat(value(e, "mqtt.qos")).isEqualTo("1");
        assertThat(value(e, "mqtt.retain")).isEqualTo("0");
        assertThat(value(e, "mqtt.topic_len")).isEqualTo("3");
        assertThat(value(e, "mqtt.topic")).isEqualTo("a/b");
        assertThat(value(e, "mqtt.msgid")).isEqualTo("7");
        assertThat(value(e, "mqtt.msg")).isEqualTo("6869");
        assertThat(value(e, "mqtt.hdr_reserved")).isEmpty();

        p = c.client(packet(0x39, concat(str("r"), text("kept"))));     // QoS 0, DUP and RETAIN set
        assertThat(p.info().toString()).isEqualTo("Publish Message [r]");
        assertThat(value(e, "mqtt.dupflag") + value(e, "mqtt.qos") + value(e, "mqtt.retain")).isEqualTo("101");
        assertThat(value(e, "mqtt.msgid")).isEmpty();

        p = c.server(packet(0x40, u16(7)));
        assertThat(p.info().toString()).isEqualTo("Publish Ack (id=7)");
        assertThat(value(e, "mqtt.msgid")).isEqualTo("7");
        assertThat(c.client(packet(0x50, u16(8))).info().toString()).isEqualTo("Publish Received (id=8)");
        assertThat(c.client(packet(0x62, u16(8))).info().toString()).isEqualTo("Publish Release (id=8)");
        assertThat(value(e, "mqtt.hdr_reserved")).isEqualTo("2");
        assertThat(c.client(packet(0x70, u16(8))).info().toString()).isEqualTo("Publish Complete (id=8)");
        assertThat(value(e, "mqtt.puback.reason_code") + value(e, "mqtt.pubcomp.reason_code")).isEmpty();

        p = c.client(packet(0x82, concat(u16(9), str("a/#"), bytes(1), str("b"), bytes(2))));
        assertThat(p.info().toString()).isEqualTo("Subscribe Request (id=9) [a/#] [b]");
        assertThat(value(e, "mqtt.topic")).isEqualTo("a/#,b");
        assertThat(value(e, "mqtt.topic_len")).isEqualTo("3,1");
        assertThat(value(e, "mqtt.sub.qos")).isEqualTo("1,2");
        assertThat(value(e, "mqtt.subscription_options")).isEmpty();

        p = c.server(packet(0x90, concat(u16(9), bytes(1, 0x80))));
        assertThat(p.info().toString()).isEqualTo("Subscribe Ack (id=9)");
        assertThat(value(e, "mqtt.suback.qos")).isEqualTo("1,128");

        p = c.client(packet(0xA2, concat(u16(10), str("a/#"), str("b"))));
        assertThat(p.info().toString()).isEqualTo("Unsubscribe Request (id=10)");
        assertThat(value(e, "mqtt.topic")).isEqualTo("a/#,b");
        assertThat(c.server(packet(0xB0, u16(10))).info().toString()).isEqualTo("Unsubscribe Ack (id=10)");

        assertThat(c.client(packet(0xC0, new byte[0])).info().toString()).isEqualTo("Ping Request");
        assertThat(value(e, "mqtt.len")).isEqualTo("0");
        assertThat(c.server(packet(0xD0, new byte[0])).info().toString()).isEqualTo("Ping Response");
        assertThat(c.client(packet(0xF0, new byte[0])).info().toString()).isEqualTo("Authentication Exchange");
        p = c.client(packet(0xE0, new byte[0]));
        assertThat(p.info().toString()).isEqualTo("Disconnect Req");
        assertThat(value(e, "mqtt")).isEqualTo("MQ Telemetry Transport Protocol, Disconnect Req");
        assertThat(value(e, "mqtt.disconnect.reason_code")).isEmpty();
    }

    @Test
    void mqtt5Session() {
        Conn c = conn();
        byte[] connectProps = props(bytes(0x11), u32(30), bytes(0x21), u16(20), bytes(0x26), str("k"), str("v"));
        byte[] willProps = props(bytes(0x18), u32(5));
        Packet p = c.client(connect(5, 0x0E, 10, connectProps, "c5", concat(willProps, str("w"), str("gone"))));
        assertThat(p.info().toString()).isEqualTo("Connect Command");
        assertThat(value(e, "mqtt.ver")).isEqualTo("5");
        assertThat(value(e, "mqtt.properties")).isEqualTo("1");
        assertThat(value(e, "mqtt.will_properties")).isEqualTo("1");
        assertThat(value(e, "mqtt.property_len")).isEqualTo("15,5");
        assertThat(value(e, "mqtt.property_id")).isEqualTo("0x11,0x21,0x26,0x18");
        assertThat(value(e, "mqtt.prop_number")).isEqualTo("30,20,5");
        assertThat(value(e, "mqtt.prop_key") + "=" + value(e, "mqtt.prop_value")).isEqualTo("k=v");
        assertThat(value(e, "mqtt.willtopic")).isEqualTo("w");

        p = c.server(packet(0x20, concat(bytes(0x00, 0x00), props(bytes(0x22), u16(10), bytes(0x24, 1), bytes(0x12),
                str("assigned")))));
        assertThat(p.info().toString()).isEqualTo("Connect Ack");
        assertThat(value(e, "mqtt.connack.reason_code")).isEqualTo("0");
        assertThat(value(e, "mqtt.conack.val")).isEmpty();
        assertThat(value(e, "mqtt.property.max_qos")).isEqualTo("1");
        assertThat(value(e, "mqtt.prop_string")).isEqualTo("assigned");
        assertThat(value(e, "mqtt.prop_string_len")).isEqualTo("8");

        p = c.client(publish(1, "t/5", 3, props(bytes(0x01, 1), bytes(0x02), u32(60), bytes(0x08), str("re/ply"),
                bytes(0x09), str("cd"), bytes(0x0B, 0xAC, 0x02)), "v5 body"));
        assertThat(p.info().toString()).isEqualTo("Publish Message (id=3) [t/5]");
        assertThat(value(e, "mqtt.prop_number")).isEqualTo("1,60,300");
        assertThat(value(e, "mqtt.prop_string")).isEqualTo("re/ply,cd");
        assertThat(value(e, "mqtt.msg")).isEqualTo("763520626f6479");

        p = c.server(packet(0x40, concat(u16(3), bytes(0x10), props(bytes(0x1F), str("nobody")))));
        assertThat(p.info().toString()).isEqualTo("Publish Ack (id=3)");
        assertThat(value(e, "mqtt.puback.reason_code")).isEqualTo("16");
        assertThat(value(e, "mqtt.prop_string")).isEqualTo("nobody");
        p = c.server(packet(0x50, concat(u16(4), bytes(0x80))));   // Remaining Length 3: reason code, no properties
        assertThat(value(e, "mqtt.pubrec.reason_code")).isEqualTo("128");
        assertThat(value(e, "mqtt.properties")).isEmpty();
        c.client(packet(0x62, concat(u16(4), bytes(0x92), props())));
        assertThat(value(e, "mqtt.pubrel.reason_code")).isEqualTo("146");
        assertThat(value(e, "mqtt.property_len")).isEqualTo("0");
        c.server(packet(0x70, u16(4)));                               // Remaining Length 2: success, nothing else
        assertThat(value(e, "mqtt.pubcomp.reason_code")).isEmpty();

        p = c.client(packet(0x82, concat(u16(11), props(bytes(0x0B, 7)), str("s/#"), bytes(0x2E), str("x"), bytes(0x01))));
        assertThat(p.info().toString()).isEqualTo("Subscribe Request (id=11) [s/#] [x]");
        assertThat(value(e, "mqtt.subscription_options")).isEqualTo("0x2e,0x01");
        assertThat(value(e, "mqtt.subscription_options_qos")).isEqualTo("2,1");
        assertThat(value(e, "mqtt.subscription_options_nl")).isEqualTo("1,0");
        assertThat(value(e, "mqtt.subscription_options_rap")).isEqualTo("1,0");
        assertThat(value(e, "mqtt.subscription_options_retain")).isEqualTo("2,0");
        assertThat(value(e, "mqtt.subscription_options_reserved")).isEqualTo("0x00,0x00");
        assertThat(value(e, "mqtt.sub.qos")).isEmpty();

        p = c.server(packet(0x90, concat(u16(11), props(), bytes(0x02, 0x87))));
        assertThat(value(e, "mqtt.suback.reason_code")).isEqualTo("2,135");
        assertThat(value(e, "mqtt.suback.qos")).isEmpty();

        c.client(packet(0xA2, concat(u16(12), props(bytes(0x26), str("a"), str("b")), str("s/#"))));
        assertThat(value(e, "mqtt.topic")).isEqualTo("s/#");
        assertThat(value(e, "mqtt.prop_key")).isEqualTo("a");
        p = c.server(packet(0xB0, concat(u16(12), props(), bytes(0x00, 0x11))));
        assertThat(p.info().toString()).isEqualTo("Unsubscribe Ack (id=12)");
        assertThat(value(e, "mqtt.unsuback.reason_code")).isEqualTo("0,17");

        p = c.client(packet(0xF0, concat(bytes(0x18), props(bytes(0x15), str("SCRAM"), bytes(0x16), str("data")))));
        assertThat(p.info().toString()).isEqualTo("Authentication Exchange");
        assertThat(value(e, "mqtt.auth.reason_code")).isEqualTo("24");
        assertThat(value(e, "mqtt.prop_string")).isEqualTo("SCRAM,data");

        p = c.server(packet(0xE0, concat(bytes(0x8E), props(bytes(0x1C), str("elsewhere")))));
        assertThat(p.info().toString()).isEqualTo("Disconnect Req");
        assertThat(value(e, "mqtt.disconnect.reason_code")).isEqualTo("142");
        assertThat(value(e, "mqtt.prop_string")).isEqualTo("elsewhere");
        c.client(packet(0xE0, bytes(0x04)));                          // Remaining Length 1: reason code only
        assertThat(value(e, "mqtt.disconnect.reason_code")).isEqualTo("4");
        assertThat(value(e, "mqtt.properties")).isEmpty();
    }

    @Test
    void mqtt31UsesMqisdpAndTheOldHeaderFlags() {
        Conn c = conn();
        Packet p = c.client(connect(3, "old"));
        assertThat(value(e, "mqtt.protoname")).isEqualTo("MQIsdp");
        assertThat(value(e, "mqtt.ver")).isEqualTo("3");
        p = c.server(packet(0x20, bytes(0x00, 0x05)));
        assertThat(value(e, "mqtt.conack.flags.reserved")).isEqualTo("0");
        assertThat(value(e, "mqtt.conack.flags")).isEmpty();
        assertThat(value(e, "mqtt.conack.val")).isEqualTo("5");
        p = c.client(packet(0x8A, concat(u16(1), str("t"), bytes(1))));   // DUP set, QoS 1 (MQTT 3.1 allowed it)
        assertThat(value(e, "mqtt.dupflag")).isEqualTo("1");
        assertThat(value(e, "mqtt.qos")).isEqualTo("1");
        assertThat(value(e, "mqtt.retain_reserved")).isEqualTo("0");
        assertThat(value(e, "mqtt.hdr_reserved")).isEmpty();
        c.server(packet(0x90, concat(u16(1), bytes(1))));
        assertThat(value(e, "mqtt.suback.qos")).isEqualTo("1");
        p = c.client(packet(0x62, u16(2)));
        assertThat(value(e, "mqtt.retain_reserved")).isEqualTo("0");
    }

    @Test
    void packetsOfAConnectionWhoseConnectWasNotSeenAreFlagged() {
        Conn c = conn();
        Packet p = c.client(publish(0, "t", 0, new byte[0], "x"));
        assertThat(p.info().toString()).isEqualTo("Publish Message [t]");
        assertThat(value(e, "mqtt.unknown_version")).isEqualTo("1");
        // without a CONNECT a CONNACK is read with MQTT 5.0 reason codes, as Wireshark does
        c.server(packet(0x20, bytes(0x00, 0x00)));
        assertThat(value(e, "mqtt.connack.reason_code")).isEqualTo("0");
        c.client(connect(4, "late"));
        assertThat(value(e, "mqtt.unknown_version")).isEmpty();
        c.client(publish(0, "t", 0, new byte[0], "x"));
        assertThat(value(e, "mqtt.unknown_version")).isEmpty();
    }

    @Test
    void severalPacketsInOneSegmentShareTheInfoColumn() {
        Conn c = conn();
        c.client(connect(4, "many"));
        Packet p = c.client(concat(publish(0, "a", 0, new byte[0], "1"), publish(1, "b", 5, new byte[0], "2"),
                packet(0xC0, new byte[0])));
        assertThat(p.info().toString()).isEqualTo("Publish Message [a], Publish Message (id=5) [b], Ping Request");
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:tcp:mqtt");
        assertThat(value(e, "mqtt")).isEqualTo("MQ Telemetry Transport Protocol, Publish Message,"
                + "MQ Telemetry Transport Protocol, Publish Message,MQ Telemetry Transport Protocol, Ping Request");
        assertThat(value(e, "mqtt.msgtype")).isEqualTo("3,3,12");
        assertThat(value(e, "mqtt.topic")).isEqualTo("a,b");
        assertThat(value(e, "mqtt.msgid")).isEqualTo("5");
    }

    @Test
    void topicAliasesAreRememberedPerConnection() {
        Conn c = conn();
        c.client(connect(5, "alias"));
        c.client(publish(0, "long/topic/name", 0, props(bytes(0x23), u16(4)), "first"));
        assertThat(value(e, "mqtt.property.topic_alias")).isEqualTo("4");
        Packet p = c.client(publish(0, "", 0, props(bytes(0x23), u16(4)), "second"));
        assertThat(p.info().toString()).isEqualTo("Publish Message [long/topic/name]");
        assertThat(value(e, "mqtt.topic")).isEqualTo("long/topic/name");
        assertThat(value(e, "mqtt.unknown_topic_alias")).isEmpty();
        assertThat(value(e, "mqtt.illegal_topic_length")).isEmpty();
        p = c.client(publish(0, "", 0, props(bytes(0x23), u16(9)), "unknown"));
        assertThat(p.info().toString()).isEqualTo("Publish Message []");
        assertThat(value(e, "mqtt.unknown_topic_alias")).isEqualTo("1");
        assertThat(value(e, "mqtt.topic")).isEqualTo("");
        p = c.client(publish(0, "", 0, props(), "no topic at all"));
        assertThat(value(e, "mqtt.illegal_topic_length")).isEqualTo("1");
        // another connection does not see this one's aliases
        Conn other = new Conn(e, 50001, MqttPlugin.TCP_PORT).open();
        other.client(connect(5, "other"));
        other.client(publish(0, "", 0, props(bytes(0x23), u16(4)), "?"));
        assertThat(value(e, "mqtt.unknown_topic_alias")).isEqualTo("1");
    }

    @Test
    void contentTypeHandsTheMessageToTheMediaTypeTable() {
        Conn c = conn();
        c.client(connect(5, "ct"));
        Packet p = c.client(publish(0, "doc", 0, props(bytes(0x03), str("Text/Plain")), "line one\nline two\n"));
        assertThat(p.info().toString()).isEqualTo("Publish Message [doc] (text/plain)");
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:tcp:mqtt:data-text-lines");
        assertThat(p.protocolColumn()).isEqualTo("MQTT");
        assertThat(value(e, "mqtt.property.content_type")).isEqualTo("Text/Plain");
        p = c.client(publish(0, "doc", 0, props(bytes(0x03), str("application/x-unknown")), "{}"));
        assertThat(p.info().toString()).isEqualTo("Publish Message [doc]");
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:tcp:mqtt");
    }

    @Test
    void reservedTypeZeroHasOnlyAFixedHeader() {
        Conn c = conn();
        c.client(connect(4, "z"));
        Packet p = c.client(packet(0x00, bytes(1, 2)));
        assertThat(p.info().toString()).isEqualTo("Reserved");
        assertThat(value(e, "mqtt.msgtype")).isEqualTo("0");
        assertThat(value(e, "mqtt.len")).isEqualTo("2");
        assertThat(p.malformed()).isFalse();
    }
}
