package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.props;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.u16;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Settings;
import org.dissect4j.http.HttpPlugin;
import org.junit.jupiter.api.Test;

/**
 * The MQTT parse path allocates nothing at steady state: every control packet type of both versions (topic
 * aliases, a Content Type handed to the media_type table, several packets per frame, a malformed one
 * included), with every field wanted and the Info column composed, dissected again and again.
 */
class MqttZeroAllocationTest {
    @Test
    void steadyStateDissectionAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        for (int version : new int[] {4, 5}) {
            Engine e = MqttTestKit.direct(new Settings().set("mqtt.default_version", version == 5 ? "v50" : "v311"),
                    new HttpPlugin());
            List<Frame> frames = new ArrayList<>();
            List<byte[]> all = new ArrayList<>(MqttTruncationTest.samples(version).values());
            if (version == 5) {
                all.add(MqttTestKit.publish(0, "alias/topic", 0, props(bytes(0x23), u16(3)), "defines"));
                all.add(MqttTestKit.publish(0, "", 0, props(bytes(0x23), u16(3)), "uses"));
                all.add(MqttTestKit.publish(0, "doc", 0, props(bytes(0x03), str("text/plain")), "a\nb\n"));
            }
            all.add(concat(all.get(2), all.get(11), all.get(3)));                 // several per frame
            all.add(MqttTestKit.packet(0x30, concat(u16(0xFF), bytes('x'))));       // malformed
            for (byte[] b : all) {
                frames.add(MqttTestKit.frame(b, b.length));
            }
            for (int round = 0; round < 20_000; round++) {
                run(e, frames);
            }
            long before = mx.getThreadAllocatedBytes(tid);
            long sink = 0;
            for (int round = 0; round < 20_000; round++) {
                sink += run(e, frames);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertThat(sink).isPositive();
            // reading the counter allocates a little itself; one allocation per packet would be megabytes
            assertThat(allocated).as("MQTT %d: bytes allocated for %d packets", version, frames.size() * 20_000L)
                    .isLessThan(1024);
        }
    }

    private static long run(Engine e, List<Frame> frames) {
        long n = 0;
        for (int i = 0, size = frames.size(); i < size; i++) {       // no iterator: the test must not allocate either
            org.dissect4j.api.Packet p = e.dissect(frames.get(i));
            n += p.tree().size() + p.info().length();
        }
        return n;
    }
}
