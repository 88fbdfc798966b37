package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.packet;
import static org.dissect4j.example.mqtt.MqttTestKit.props;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.text;
import static org.dissect4j.example.mqtt.MqttTestKit.u16;
import static org.dissect4j.example.mqtt.MqttTestKit.u32;
import static org.dissect4j.example.mqtt.MqttTestKit.value;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.junit.jupiter.api.Test;

/**
 * Cut and broken packets. A packet cut by the capture (every captured length from 0 to its end) keeps every
 * field that lies before the cut, is marked truncated, never malformed, and never costs a dissector bug. A
 * packet whose own lengths contradict each other is marked malformed where it breaks, keeps what came before,
 * and the next packet of the same segment is dissected as usual.
 */
class MqttTruncationTest {
    /** One sample of every type, per version (3.1.1, 5.0), as MQTT-only data. */
    static Map<String, byte[]> samples(int version) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        boolean v5 = version == 5;
        byte[] noProps = v5 ? props() : new byte[0];
        byte[] connectProps = v5 ? props(bytes(0x11), u32(30), bytes(0x26), str("k"), str("v")) : new byte[0];
        byte[] will = concat(v5 ? props(bytes(0x18), u32(2)) : new byte[0], str("will/t"), str("gone"));
        m.put("CONNECT", MqttTestKit.connect(version, 0xCE, 30, connectProps, "client-1",
                concat(will, str("user"), str("pass"))));
        m.put("CONNACK", packet(0x20, concat(bytes(0x01, 0x00), v5 ? props(bytes(0x22), u16(10), bytes(0x12),
                str("id")) : new byte[0])));
        byte[] pubProps = v5 ? props(bytes(0x01, 1), bytes(0x03), str("text/plain"), bytes(0x23), u16(2), bytes(0x0B, 0x81,
                0x01), bytes(0x26), str("a"), str("b")) : new byte[0];
        m.put("PUBLISH", MqttTestKit.publish(2, "sensors/temp", 513, pubProps, "21.5"));
        byte[] ackTail = v5 ? concat(bytes(0x10), props(bytes(0x1F), str("why"))) : new byte[0];
        m.put("PUBACK", packet(0x40, concat(u16(513), ackTail)));
        m.put("PUBREC", packet(0x50, concat(u16(513), ackTail)));
        m.put("PUBREL", packet(0x62, concat(u16(513), ackTail)));
        m.put("PUBCOMP", packet(0x70, concat(u16(513), ackTail)));
        m.put("SUBSCRIBE", packet(0x82, concat(u16(7), v5 ? props(bytes(0x0B, 9)) : new byte[0], str("a/#"), bytes(0x01),
                str("b/+"), bytes(0x02))));
        m.put("SUBACK", packet(0x90, concat(u16(7), noProps, bytes(0x01, 0x80))));
        m.put("UNSUBSCRIBE", packet(0xA2, concat(u16(8), noProps, str("a/#"), str("b/+"))));
        m.put("UNSUBACK", packet(0xB0, concat(u16(8), v5 ? concat(props(), bytes(0x00, 0x11)) : new byte[0])));
        m.put("PINGREQ", packet(0xC0, new byte[0]));
        m.put("PINGRESP", packet(0xD0, new byte[0]));
        m.put("DISCONNECT", packet(0xE0, v5 ? concat(bytes(0x04), props(bytes(0x1F), str("bye"))) : new byte[0]));
        m.put("AUTH", packet(0xF0, v5 ? concat(bytes(0x18), props(bytes(0x15), str("M"), bytes(0x16), str("d")))
                : new byte[0]));
        return m;
    }

    private static Settings version(int v) {
        return new Settings().set("mqtt.default_version", v == 5 ? "v50" : "v311");
    }

    @Test
    void everyCapturedLengthOfEveryPacketKeepsWhatCameBeforeTheCut() {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (int version : new int[] {4, 5}) {
            Engine e = MqttTestKit.direct(version(version));
            for (Map.Entry<String, byte[]> s : samples(version).entrySet()) {
                byte[] b = s.getValue();
                e.dissect(MqttTestKit.frame(b, b.length));
                List<String> full = fields(e.tree(), b.length);
                assertThat(full).as("v%d %s", version, s.getKey()).isNotEmpty();
                for (int captured = 0; captured <= b.length; captured++) {
                    cases++;
                    Packet p = e.dissect(MqttTestKit.frame(b, captured));
                    String what = "v" + version + " " + s.getKey() + " captured " + captured + "/" + b.length;
                    if (MqttTestKit.bug(e)) {
                        problems.add(what + ": dissector bug " + value(e, "_ws.malformed.dissector_bug.message"));
                    }
                    if (p.malformed()) {
                        problems.add(what + ": marked malformed");
                    }
                    if (captured > 0 && captured < b.length && !p.truncated()) {
                        problems.add(what + ": not marked truncated");
                    }
                    List<String> kept = fields(e.tree(), captured);
                    int cut = captured;
                    List<String> expected = full.stream().filter(f -> end(f) <= cut).toList();
                    if (!kept.containsAll(expected)) {
                        List<String> missing = new ArrayList<>(expected);
                        missing.removeAll(kept);
                        problems.add(what + ": lost " + missing);
                    }
                }
            }
        }
        assertThat(cases).isGreaterThan(400);
        assertThat(problems).isEmpty();
    }

    /** Recorded fields as "abbrev@offset+length=value" (protocols, FT_NONE nodes and expert items left out). */
    private static List<String> fields(Tree t, int limit) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < t.size(); n++) {
            FieldType type = t.field(n).type();
            if (type == FieldType.PROTOCOL || type == FieldType.NONE || (t.flags(n) & (Tree.EXPERT | Tree.GENERATED)) != 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            FieldFormat.value(t, n, sb);
            out.add(t.field(n).abbrev() + "@" + t.offset(n) + "+" + t.length(n) + "=" + sb);
        }
        return out;
    }

    private static int end(String field) {
        int at = field.indexOf('@');
        int plus = field.indexOf('+', at);
        int eq = field.indexOf('=', plus);
        return Integer.parseInt(field.substring(at + 1, plus)) + Integer.parseInt(field.substring(plus + 1, eq));
    }

    // ---- malformed ------------------------------------------------------------------------------------

    private static Packet dissect(Engine e, byte[] data) {
        return e.dissect(MqttTestKit.frame(data, data.length));
    }

    @Test
    void aTopicLongerThanItsPacketIsMalformedAndTheNextPacketIsStillRead() {
        Engine e = MqttTestKit.direct(version(4));
        byte[] bad = packet(0x30, concat(u16(0xFF), text("abc")));    // topic length 255, 3 bytes left
        Packet p = dissect(e, concat(bad, packet(0xC0, new byte[0])));
        assertThat(p.malformed()).isTrue();
        assertThat(p.truncated()).isFalse();
        assertThat(MqttTestKit.bug(e)).isFalse();
        assertThat(value(e, "mqtt.topic_len")).isEqualTo("255");
        assertThat(value(e, "mqtt.topic")).isEmpty();
        assertThat(value(e, "mqtt.msgtype")).isEqualTo("3,12");
        assertThat(p.info().toString()).isEqualTo("Publish Message[Malformed Packet], Ping Request");
        assertThat(value(e, "_ws.malformed")).isNotEmpty();
    }

    @Test
    void propertiesLongerThanTheirPacketAreMalformed() {
        Engine e = MqttTestKit.direct(version(5));
        Packet p = dissect(e, packet(0x40, concat(u16(1), bytes(0x00, 50))));    // 50 bytes of properties announced, none there
        assertThat(p.malformed()).isTrue();
        assertThat(value(e, "mqtt.puback.reason_code")).isEqualTo("0");
        assertThat(value(e, "mqtt.property_len")).isEqualTo("50");
        assertThat(value(e, "mqtt.property_id")).isEmpty();
    }

    @Test
    void anUnknownPropertyTakesTheRestOfItsBlock() {
        Engine e = MqttTestKit.direct(version(5));
        Packet p = dissect(e, packet(0x40, concat(u16(1), bytes(0x00), props(bytes(0x1F), str("r"), bytes(0x7E), text("??")))));
        assertThat(p.malformed()).isFalse();
        assertThat(value(e, "mqtt.property_id")).isEqualTo("0x1f,0x7e");
        assertThat(value(e, "mqtt.prop_string")).isEqualTo("r");
        assertThat(value(e, "mqtt.prop_unknown")).isEqualTo("??");
    }

    @Test
    void aSubscriptionWithoutItsOptionsByteIsMalformed() {
        Engine e = MqttTestKit.direct(version(4));
        Packet p = dissect(e, packet(0x82, concat(u16(3), str("a/b"))));
        assertThat(p.malformed()).isTrue();
        assertThat(value(e, "mqtt.topic")).isEqualTo("a/b");
        assertThat(value(e, "mqtt.sub.qos")).isEmpty();
        assertThat(p.info().toString()).isEqualTo("Subscribe Request (id=3) [a/b][Malformed Packet]");
    }

    @Test
    void aConnectWhoseWillIsMissingIsMalformed() {
        Engine e = MqttTestKit.direct(version(4));
        Packet p = dissect(e, MqttTestKit.connect(4, 0x06, 30, new byte[0], "c", new byte[0]));
        assertThat(p.malformed()).isTrue();
        assertThat(value(e, "mqtt.clientid")).isEqualTo("c");
        assertThat(value(e, "mqtt.conflag.willflag")).isEqualTo("1");
        assertThat(value(e, "mqtt.willtopic_len")).isEmpty();
    }

    @Test
    void aPacketLongerThanTheDataWithoutReassemblyIsCutNotMalformed() {
        Engine e = MqttTestKit.direct(version(4));
        byte[] whole = MqttTestKit.publish(0, "t", 0, new byte[0], "0123456789");
        for (int n = 1; n < whole.length; n++) {
            byte[] part = java.util.Arrays.copyOf(whole, n);
            Packet p = dissect(e, part);
            assertThat(MqttTestKit.bug(e)).as("%s", HexFormat.of().formatHex(part)).isFalse();
            assertThat(p.malformed()).as("%d bytes", n).isFalse();
            assertThat(p.truncated()).as("%d bytes", n).isTrue();
            assertThat(value(e, "mqtt.msgtype")).isEqualTo("3");
        }
    }
}
