package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.packet;
import static org.dissect4j.example.mqtt.MqttTestKit.protocols;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.text;
import static org.dissect4j.example.mqtt.MqttTestKit.u16;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Engine;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.example.mqtt.MqttTestKit.Conn;
import org.junit.jupiter.api.Test;

/**
 * The {@code mqtt_tcp} heuristic: off by default (tshark 4.0 has no MQTT heuristic, so MQTT on a port other
 * than 1883 is TCP data there too); when enabled it recognises a CONNECT, claims the connection so the
 * broker's answers are MQTT as well, and leaves everything else alone.
 */
class MqttHeuristicTest {
    private static final int PORT = 18830;

    @Test
    void offByDefaultLikeTshark() {
        Engine e = MqttTestKit.engine();
        HeuristicList tcp = e.heuristicLists().stream().filter(l -> l.name().equals("tcp")).findFirst().orElseThrow();
        HeuristicList.Entry entry = tcp.entries().stream().filter(x -> x.shortName().equals(MqttPlugin.HEURISTIC))
                .findFirst().orElseThrow();
        assertThat(entry.enabled()).isFalse();
        assertThat(entry.handle().protocol()).isSameAs(MqttFields.MQTT);
        Packet p = new Conn(e, 40000, PORT).open().client(MqttTestKit.connect(4, "x"));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:tcp:data");
    }

    @Test
    void enabledItClaimsTheConnectionFromItsConnect() {
        Engine e = MqttTestKit.engine();
        e.enableHeuristic(MqttPlugin.HEURISTIC, true);
        Conn c = new Conn(e, 40000, PORT).open();
        Packet p = c.client(MqttTestKit.connect(5, "found"));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:tcp:mqtt");
        assertThat(p.info().toString()).isEqualTo("Connect Command");
        // the CONNACK alone would not be recognised: the claim routes it to MQTT
        p = c.server(packet(0x20, bytes(0, 0, 0)));
        assertThat(p.info().toString()).isEqualTo("Connect Ack");
        assertThat(MqttTestKit.value(e, "mqtt.connack.reason_code")).isEqualTo("0");
        p = c.client(packet(0xC0, new byte[0]));
        assertThat(p.info().toString()).isEqualTo("Ping Request");
    }

    @Test
    void mqtt31IsRecognisedToo() {
        Engine e = MqttTestKit.engine();
        e.enableHeuristic(MqttPlugin.HEURISTIC, true);
        Packet p = new Conn(e, 40000, PORT).open().client(MqttTestKit.connect(3, "old"));
        assertThat(MqttTestKit.value(e, "mqtt.protoname")).isEqualTo("MQIsdp");
        assertThat(p.protocolColumn()).isEqualTo("MQTT");
    }

    @Test
    void otherProtocolsAreLeftAlone() {
        Engine e = MqttTestKit.engine();
        e.enableHeuristic(MqttPlugin.HEURISTIC, true);
        byte[][] others = {
            text("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
            bytes(0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00),     // a TLS record
            bytes(0x10, 0x0C, 0x00, 0x04, 'M', 'Q', 'T', 'X', 4, 2, 0, 60, 0, 0), // wrong protocol name
            concat(bytes(0x10, 0x0C), str("MQTT"), bytes(9, 2), u16(60), u16(0)), // unknown level
            concat(bytes(0x10, 0x0C), str("MQTT"), bytes(4, 3), u16(60), u16(0)), // reserved flag set
            concat(bytes(0x10, 0x0C), str("MQIsdp"), bytes(4, 2)),                 // MQIsdp is level 3 only
            bytes(0x10, 0xff, 0xff, 0xff, 0xff, 0x01),                              // five length bytes
            bytes(0x30, 0x05, 0, 1, 't', 'h', 'i'),                                 // a PUBLISH is not a start
            bytes(0x10, 0x02, 0, 4)};                                               // too short for a CONNECT
        int port = 41000;
        for (byte[] data : others) {
            Packet p = new Conn(e, port++, PORT).open().client(data);
            assertThat(protocols(p)).as(java.util.HexFormat.of().formatHex(data)).doesNotContain("mqtt");
        }
    }

    @Test
    void prefixOfAConnect() {
        byte[] connect = MqttTestKit.connect(4, "prefix");
        for (int n = 0; n <= connect.length; n++) {
            int verdict = MqttDissector.connectPrefix(MemorySegment.ofArray(connect), 0, n);
            // the level and flags come at bytes 8 and 9
            int expected = n >= 10 ? MqttDissector.CONNECT : n >= 4 ? MqttDissector.NEED_MORE : MqttDissector.NOT_MQTT;
            assertThat(verdict).as("%d bytes", n).isEqualTo(expected);
        }
    }

    @Test
    void disablingItAgainStopsIt() {
        Engine e = MqttTestKit.engine();
        e.enableHeuristic(MqttPlugin.HEURISTIC, true);
        e.enableHeuristic(MqttPlugin.HEURISTIC, false);
        Packet p = new Conn(e, 40000, PORT).open().client(MqttTestKit.connect(4, "x"));
        assertThat(protocols(p)).doesNotContain("mqtt");
    }
}
