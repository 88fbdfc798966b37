package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.packet;
import static org.dissect4j.example.mqtt.MqttTestKit.props;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.u16;
import static org.dissect4j.example.mqtt.MqttTestKit.u32;
import static org.dissect4j.example.mqtt.MqttTestKit.values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.example.mqtt.MqttTestKit.Conn;
import org.junit.jupiter.api.Test;

/**
 * MQTT over the project's TCP reassembly: a client's byte stream cut at every byte boundary (and at every
 * pair of boundaries) into segments must dissect to the same control packets as the whole stream in one
 * segment, on port 1883 and, with the heuristic on, on another port.
 */
class MqttSplitTest {
    /** CONNECT (5.0, properties), a PUBLISH with a two-byte Remaining Length, SUBSCRIBE, PINGREQ, DISCONNECT. */
    static final byte[] CLIENT = concat(
            MqttTestKit.connect(5, 0x02, 30, props(bytes(0x11), u32(60), bytes(0x21), u16(16)), "splitter", new byte[0]),
            MqttTestKit.publish(1, "big/topic", 42, props(bytes(0x26), str("origin"), str("split-test")), "x".repeat(150)),
            packet(0x82, concat(u16(43), props(bytes(0x0B, 5)), str("s/#"), bytes(0x01))),
            packet(0xC0, new byte[0]),
            packet(0xE0, concat(bytes(0x00), props())));
    static final List<String> TYPES = List.of("1", "3", "8", "12", "14");
    static final List<String> TOPICS = List.of("big/topic", "s/#");

    /** What the frames of one connection showed: every msgtype and topic, and whether anything went wrong. */
    record Seen(List<String> types, List<String> topics, List<String> problems) {
    }

    static Seen run(int port, Settings settings, int... cuts) {
        return run(MqttTestKit.engine(settings), 40000, port, cuts);
    }

    /** One connection from {@code clientPort}: an engine can carry many (each is a TCP stream of its own). */
    static Seen run(Engine e, int clientPort, int port, int... cuts) {
        Conn c = new Conn(e, clientPort, port).open();
        Seen seen = new Seen(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int last = 0;
        int[] all = Arrays.copyOf(cuts, cuts.length + 1);
        all[cuts.length] = CLIENT.length;
        for (int cut : all) {
            collect(e, c.client(Arrays.copyOfRange(CLIENT, last, cut)), seen);
            last = cut;
        }
        // the broker's answers, read with the version the CONNECT announced
        collect(e, c.server(packet(0x20, concat(bytes(0, 0), props(bytes(0x24, 1))))), seen);
        return seen;
    }

    private static void collect(Engine e, Packet p, Seen seen) {
        seen.types().addAll(values(e, "mqtt.msgtype"));
        seen.topics().addAll(values(e, "mqtt.topic"));
        if (p.malformed() || p.truncated() || MqttTestKit.bug(e)) {
            seen.problems().add("frame " + p.frame().number() + ": " + p.info());
        }
    }

    private static List<String> withConnack(List<String> types) {
        List<String> l = new ArrayList<>(types);
        l.add("2");
        return l;
    }

    @Test
    void wholeStreamInOneSegment() {
        Seen s = run(MqttPlugin.TCP_PORT, new Settings());
        assertThat(s.types()).isEqualTo(withConnack(TYPES));
        assertThat(s.topics()).isEqualTo(TOPICS);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void splitAtEveryByteBoundary() {
        for (int cut = 1; cut < CLIENT.length; cut++) {
            Seen s = run(MqttPlugin.TCP_PORT, new Settings(), cut);
            assertThat(s.types()).as("cut at %d", cut).isEqualTo(withConnack(TYPES));
            assertThat(s.topics()).as("cut at %d", cut).isEqualTo(TOPICS);
            assertThat(s.problems()).as("cut at %d", cut).isEmpty();
        }
    }

    @Test
    void splitInThreeAtEveryPairOfBoundaries() {
        int cases = 0;
        Engine e = MqttTestKit.engine();
        for (int a = 1; a < CLIENT.length; a++) {
            for (int b = a + 1; b < CLIENT.length; b++) {
                Seen s = run(e, 10000 + cases, MqttPlugin.TCP_PORT, a, b);
                assertThat(s.types()).as("cuts %d, %d", a, b).isEqualTo(withConnack(TYPES));
                assertThat(s.problems()).as("cuts %d, %d", a, b).isEmpty();
                cases++;
            }
        }
        System.out.println("MQTT stream of " + CLIENT.length + " bytes cut in three at " + cases + " pairs of boundaries");
        assertThat(cases).isGreaterThan(20_000);
    }

    @Test
    void oneByteSegments() {
        int[] cuts = new int[CLIENT.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        Seen s = run(MqttPlugin.TCP_PORT, new Settings(), cuts);
        assertThat(s.types()).isEqualTo(withConnack(TYPES));
        assertThat(s.topics()).isEqualTo(TOPICS);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void heuristicOnAnotherPortAtEveryByteBoundary() {
        Settings none = new Settings();
        for (int cut = 1; cut < CLIENT.length; cut++) {
            Seen off = run(18830, none, cut);
            assertThat(off.types()).as("heuristic off, cut at %d", cut).isEmpty();

            Engine probe = MqttTestKit.engine();
            probe.enableHeuristic(MqttPlugin.HEURISTIC, true);
            Seen on = runWith(probe, cut);
            if (cut < 4) {
                // too little of the CONNECT to tell it from other protocols: not claimed (as HTTP's heuristic)
                assertThat(on.types()).as("cut at %d", cut).isEmpty();
            } else {
                assertThat(on.types()).as("cut at %d", cut).isEqualTo(withConnack(TYPES));
                assertThat(on.problems()).as("cut at %d", cut).isEmpty();
            }
        }
    }

    private static Seen runWith(Engine e, int cut) {
        Conn c = new Conn(e, 40000, 18830).open();
        Seen seen = new Seen(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        collect(e, c.client(Arrays.copyOfRange(CLIENT, 0, cut)), seen);
        collect(e, c.client(Arrays.copyOfRange(CLIENT, cut, CLIENT.length)), seen);
        collect(e, c.server(packet(0x20, concat(bytes(0, 0), props(bytes(0x24, 1))))), seen);
        return seen;
    }

    @Test
    void theFrameThatCompletesAPacketShowsItAndTheOthersAreSegmentsOfIt() {
        Engine e = MqttTestKit.engine();
        Conn c = new Conn(e, 40000, MqttPlugin.TCP_PORT).open();
        c.client(MqttTestKit.connect(4, "seg"));
        byte[] pub = MqttTestKit.publish(0, "long", 0, new byte[0], "y".repeat(300));
        Packet p = c.client(Arrays.copyOfRange(pub, 0, 100));
        assertThat(p.info().toString()).isEqualTo("[TCP segment of a reassembled PDU]");
        assertThat(p.protocolColumn()).isEqualTo("TCP");
        assertThat(values(e, "mqtt.msgtype")).isEmpty();
        p = c.client(Arrays.copyOfRange(pub, 100, pub.length));
        assertThat(p.info().toString()).isEqualTo("Publish Message [long]");
        assertThat(p.protocolColumn()).isEqualTo("MQTT");
        assertThat(values(e, "mqtt.msg").get(0)).hasSize(600);
        assertThat(values(e, "tcp.reassembled.length")).containsExactly(String.valueOf(pub.length));
    }
}
