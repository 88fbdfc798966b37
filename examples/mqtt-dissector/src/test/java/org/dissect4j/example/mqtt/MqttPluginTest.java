package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.props;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Settings;
import org.dissect4j.net.NetPlugin;
import org.junit.jupiter.api.Test;

/** What the plugin registers, how it is found, and its preferences. */
class MqttPluginTest {
    @Test
    void registersProtocolFieldsTablesAndHeuristics() {
        Engine e = MqttTestKit.engine();
        assertThat(e.protocol("mqtt")).isSameAs(MqttFields.MQTT);
        assertThat(e.protocol("mqtt").shortName()).isEqualTo("MQTT");
        for (Field f : MqttFields.fields()) {
            assertThat(e.fields(f.abbrev())).as(f.abbrev()).contains(f);
            assertThat(e.protocolOf(f)).as(f.abbrev()).isSameAs(MqttFields.MQTT);
        }
        assertThat(e.fields("mqtt.conack.flags.reserved")).hasSize(2);     // as Wireshark: two fields, one name
        assertThat(e.field("mqtt.unknown_version")).isNotNull();
        DissectorHandle h = e.table("tcp.port").get(MqttPlugin.TCP_PORT);
        assertThat(h.name()).isEqualTo("mqtt");
        assertThat(e.table("tcp.port").decodeAsChoices()).contains(h);
        assertThat(e.dissector("mqtt")).isSameAs(h);
        assertThat(e.heuristicLists()).anyMatch(l -> l.name().equals("mqtt.topic"));
        assertThat(e.plugins()).anyMatch(p -> p.name().equals("mqtt") && p.apiVersion() == DissectorPlugin.API_VERSION);
    }

    @Test
    void loadsWithoutTcp() {
        Engine e = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new MqttPlugin()).build();
        assertThat(e.protocol("mqtt")).isNotNull();
        assertThat(e.table("tcp.port")).isNull();
    }

    @Test
    void isFoundOnTheClassPathThroughMetaInfServices() {
        List<String> found = ServiceLoader.load(DissectorPlugin.class).stream().map(p -> p.type().getName()).toList();
        assertThat(found).contains(MqttPlugin.class.getName());
        assertThat(Engine.load().plugins()).anyMatch(p -> p.className().equals(MqttPlugin.class.getName()));
    }

    @Test
    void manifestApiVersionInThePomIsTheApiItIsBuiltAgainst() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<dissect4j.api.version>" + DissectorPlugin.API_VERSION + "</dissect4j.api.version>");
        assertThat(new MqttPlugin().apiVersion()).isEqualTo(DissectorPlugin.API_VERSION);
        assertThat(Files.readString(Path.of("src/main/resources/META-INF/services/org.dissect4j.api.DissectorPlugin")).trim())
                .isEqualTo(MqttPlugin.class.getName());
    }

    @Test
    void defaultVersionPreferenceAppliesToConnectionsWithoutAConnect() {
        Engine e = MqttTestKit.engine(new Settings().set("mqtt.default_version", "v50"));
        MqttTestKit.Conn c = new MqttTestKit.Conn(e, 40000, MqttPlugin.TCP_PORT).open();
        c.client(MqttTestKit.publish(0, "t", 0, props(bytes(0x01, 1)), "x"));
        assertThat(value(e, "mqtt.unknown_version")).isEmpty();
        assertThat(value(e, "mqtt.property_id")).isEqualTo("0x01");
        assertThat(MqttPlugin.version("v31")).isEqualTo(3);
        assertThat(MqttPlugin.version("V311")).isEqualTo(4);
        assertThat(MqttPlugin.version("none")).isZero();
        assertThatThrownBy(() -> MqttTestKit.engine(new Settings().set("mqtt.default_version", "v6")))
                .hasMessageContaining("mqtt.default_version");
    }

    @Test
    void showMessageAsTextPreference() {
        Engine e = MqttTestKit.engine(new Settings().set("mqtt.show_msg_as_text", "TRUE"));
        MqttTestKit.Conn c = new MqttTestKit.Conn(e, 40000, MqttPlugin.TCP_PORT).open();
        c.client(MqttTestKit.connect(4, 0x06, 30, new byte[0], "c", concat(str("w"), str("last words"))));
        assertThat(value(e, "mqtt.willmsg_text")).isEqualTo("last words");
        assertThat(value(e, "mqtt.willmsg")).isEmpty();
        c.client(MqttTestKit.publish(0, "t", 0, new byte[0], "hello"));
        assertThat(value(e, "mqtt.msg_text")).isEqualTo("hello");
        assertThat(value(e, "mqtt.msg")).isEmpty();
    }

    @Test
    void propertyLengthAsTshark40OrDecoded() {
        byte[] longProps = props(bytes(0x26), str("k".repeat(100)), str("v".repeat(100)));   // 205 bytes: 0xcd 0x01
        for (String decoded : new String[] {"FALSE", "TRUE"}) {
            Engine e = MqttTestKit.engine(new Settings().set("mqtt.decode_property_length", decoded));
            MqttTestKit.Conn c = new MqttTestKit.Conn(e, 40000, MqttPlugin.TCP_PORT).open();
            c.client(MqttTestKit.connect(5, "c"));
            c.client(MqttTestKit.publish(0, "t", 0, longProps, "x"));
            assertThat(value(e, "mqtt.property_len")).isEqualTo(decoded.equals("TRUE") ? "205" : "52481");
            assertThat(value(e, "mqtt.msg")).isEqualTo("78");
        }
    }
}
