package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.dns.DnsTestKit.T0;
import static org.dissect4j.dns.DnsTestKit.bug;
import static org.dissect4j.dns.DnsTestKit.engine;
import static org.dissect4j.dns.DnsTestKit.frame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.testkit.Captures;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: every DNS frame of the module's captures cut at every length, and randomly corrupted; nothing
 * may throw out of the dissector (no "dissector bug"), a frame cut by the capture is truncated and not malformed,
 * and a DNS message cut inside the bytes it declared is malformed.
 */
class DnsBadInputTest {
    static List<byte[]> samples() throws Exception {
        List<byte[]> out = new ArrayList<>();
        Path dir = Path.of(DnsBadInputTest.class.getResource("/captures").toURI());
        try (var s = Files.list(dir)) {
            for (Path cap : s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList()) {
                for (Captures.Packet p : Captures.read(cap)) {
                    if (p.linkType() == 1) {
                        out.add(p.data());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyCapturedLengthIsTruncatedNeverABug() throws Exception {
        Engine e = engine();
        int frames = 0;
        for (byte[] b : samples()) {
            Packet whole = e.dissect(frame(b, ++frames, T0));
            boolean wholeMalformed = whole.malformed();
            for (int cut = 0; cut < b.length; cut++) {
                Packet p = e.dissect(frame(b, cut, ++frames, T0));
                assertThat(bug(e)).as("cut at %d of %d", cut, b.length).isFalse();
                if (!wholeMalformed && p.protocolCount() > 0) {
                    assertThat(p.malformed()).as("cut at %d of %d", cut, b.length).isFalse();
                }
            }
        }
        assertThat(frames).isGreaterThan(1000);
    }

    @Test
    void randomCorruptionNeverThrows() throws Exception {
        Engine e = engine();
        Random rnd = new Random(4242);
        List<byte[]> samples = samples();
        long frames = 0;
        int malformed = 0;
        for (int round = 0; round < 40; round++) {
            for (byte[] original : samples) {
                byte[] b = original.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = 42 + rnd.nextInt(Math.max(1, b.length - 42));     // past Ethernet/IPv4/UDP
                    if (at < b.length) {
                        b[at] = (byte) (rnd.nextInt(4) == 0 ? 0xC0 | rnd.nextInt(64) : rnd.nextInt(256));
                    }
                }
                Packet p = e.dissect(frame(b, ++frames, T0 + frames));
                assertThat(bug(e)).as("round %d", round).isFalse();
                malformed += p.malformed() ? 1 : 0;
            }
        }
        assertThat(malformed).isPositive();
    }
}
