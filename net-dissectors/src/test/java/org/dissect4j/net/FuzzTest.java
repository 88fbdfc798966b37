package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes: the module's captures mutated at random (seeded, so failures replay) by flipping
 * bytes, overwriting length fields and cutting frames short. No mutation may make a dissector throw
 * an unexpected exception (the engine would show it as a dissector bug).
 */
class FuzzTest {
    @Test
    void mutatedFramesNeverBreakADissector() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        List<Integer> linkTypes = new ArrayList<>();
        for (Path cap : OwnCapturesTest.captures()) {
            for (Frame f : TestCaptures.read(cap)) {
                byte[] b = new byte[f.capturedLength()];
                MemorySegment.copy(f.segment(), Bytes.U8, f.offset(), b, 0, b.length);
                seeds.add(b);
                linkTypes.add(f.linkType());
            }
        }
        Engine e = NetTestKit.engine();
        SplittableRandom rnd = new SplittableRandom(20261127);
        int bugs = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            int s = rnd.nextInt(seeds.size());
            byte[] b = seeds.get(s).clone();
            int flips = 1 + rnd.nextInt(6);
            for (int k = 0; k < flips && b.length > 0; k++) {
                int at = rnd.nextInt(b.length);
                b[at] = switch (rnd.nextInt(4)) {
                    case 0 -> (byte) rnd.nextInt(256);
                    case 1 -> 0;
                    case 2 -> (byte) 0xFF;
                    default -> (byte) (b[at] ^ (1 << rnd.nextInt(8)));
                };
            }
            int captured = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length + 1) : b.length;
            Frame f = NetTestKit.frame(b, captured, linkTypes.get(s), i + 1, 1_700_000_000_000_000_000L + i * 1000L);
            Packet p = e.dissect(f);
            List<String> past = NetTestKit.pastTheCapturedBytes(e.tree(), captured);
            if (!past.isEmpty() && examples.size() < 5) {
                examples.add("field past the captured bytes: " + past + " seed " + s + " captured " + captured + " "
                        + java.util.HexFormat.of().formatHex(b));
            }
            if (NetTestKit.bug(e, p)) {
                bugs++;
                if (examples.size() < 5) {
                    examples.add(NetTestKit.value(e, "_ws.malformed.dissector_bug.message") + " seed " + s + " "
                            + java.util.HexFormat.of().formatHex(b));
                }
            }
        }
        assertThat(examples).isEmpty();
        assertThat(bugs).isZero();
    }
}
