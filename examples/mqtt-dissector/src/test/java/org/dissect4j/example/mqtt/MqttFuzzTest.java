package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Settings;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes (seeded, so a failure replays): the hand-built packets of every type and the frames of the
 * project's captures, with bytes flipped, lengths overwritten and frames cut, through MQTT alone and through
 * the full engine (TCP reassembly included). No input may make the dissector throw anything but the bounds
 * exceptions the engine turns into truncated/malformed marks.
 */
class MqttFuzzTest {
    @Test
    void mutatedMqttNeverBreaksTheDissector() {
        List<byte[]> seeds = new ArrayList<>();
        for (int v : new int[] {4, 5}) {
            seeds.addAll(MqttTruncationTest.samples(v).values());
        }
        SplittableRandom rnd = new SplittableRandom(1883);
        List<String> bugs = new ArrayList<>();
        for (String version : new String[] {"v311", "v50", "none"}) {
            Engine e = MqttTestKit.direct(new Settings().set("mqtt.default_version", version));
            for (int i = 0; i < 20_000; i++) {
                byte[] b = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                int captured = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length + 1) : b.length;
                e.dissect(MqttTestKit.frame(b, captured));
                if (MqttTestKit.bug(e) && bugs.size() < 5) {
                    bugs.add(MqttTestKit.value(e, "_ws.malformed.dissector_bug.message") + " " + HexFormat.of().formatHex(b));
                }
            }
        }
        assertThat(bugs).isEmpty();
    }

    @Test
    void mutatedCaptureFramesNeverBreakTheDissector() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (var cap : MqttCapturesTest.captures()) {
            try (CaptureReader r = CaptureFiles.open(cap)) {
                for (Frame f = r.next(); f != null; f = r.next()) {
                    byte[] b = new byte[f.capturedLength()];
                    MemorySegment.copy(f.segment(), Bytes.U8, f.offset(), b, 0, b.length);
                    seeds.add(b);
                }
            }
        }
        Engine e = MqttTestKit.engine();
        e.enableHeuristic(MqttPlugin.HEURISTIC, true);
        SplittableRandom rnd = new SplittableRandom(20261127);
        List<String> bugs = new ArrayList<>();
        Frame frame = new Frame();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = seeds.get(rnd.nextInt(seeds.size()));
            // keep the Ethernet/IP/TCP headers mostly intact so that MQTT is reached
            byte[] m = b.clone();
            if (m.length > 54) {
                byte[] tail = mutate(java.util.Arrays.copyOfRange(m, 54, m.length), rnd);
                System.arraycopy(tail, 0, m, 54, Math.min(tail.length, m.length - 54));
            }
            int captured = rnd.nextInt(5) == 0 ? rnd.nextInt(m.length + 1) : m.length;
            frame.set(i + 1, MemorySegment.ofArray(m), 0, captured, m.length, 1_700_000_000_000_000_000L + i * 1000L, 0, 1);
            e.dissect(frame);
            if (MqttTestKit.bug(e) && bugs.size() < 5) {
                bugs.add(MqttTestKit.value(e, "_ws.malformed.dissector_bug.message") + " " + HexFormat.of().formatHex(m));
            }
        }
        assertThat(bugs).isEmpty();
    }

    private static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] b = seed.clone();
        int flips = 1 + rnd.nextInt(4);
        for (int k = 0; k < flips && b.length > 0; k++) {
            int at = rnd.nextInt(b.length);
            b[at] = switch (rnd.nextInt(5)) {
                case 0 -> (byte) rnd.nextInt(256);
                case 1 -> 0;
                case 2 -> (byte) 0xFF;
                case 3 -> (byte) 0x80;
                default -> (byte) (b[at] ^ (1 << rnd.nextInt(8)));
            };
        }
        return b;
    }
}
