package org.dissect4j.tunnel.socks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * Hostile SOCKS input stays bounded: a greeting that claims more methods than it brings, a domain name longer than
 * the data, bytes that are no SOCKS version, and every frame of the module's capture cut at every length and
 * mutated at random, through one engine (so the handshake state meets them in every state). Nothing may show a
 * dissector bug.
 */
class SocksHostileTest {
    @Test
    void shortAndForeignMessagesEndAsTsharkEndsThem() throws Exception {
        Runner r = new Runner(new Settings(), SocksCapturesTest.plugins());
        List<String[]> rows = r.run(Captures.read(SocksCapturesTest.resource("socks.pcap")),
                List.of("frame.protocols", "socks.auth_method", "socks.version", "_ws.malformed", "_ws.col.Info"));
        // frame 38: 255 methods claimed, 2 there: both shown, then malformed
        assertThat(rows.get(37)[1]).isEqualTo("0,2");
        assertThat(rows.get(37)[3]).isEqualTo("[Malformed Packet: Socks],_ws.malformed");
        // frame 43: a domain name of 255 bytes in 10: the request is read whole before anything is shown
        assertThat(rows.get(42)[0]).isEqualTo("eth:ethertype:ip:tcp:socks");
        assertThat(rows.get(42)[2]).isEmpty();
        assertThat(rows.get(42)[4]).isEqualTo("Version: 5[Malformed Packet]");
        // the last frame: a TLS record sent to the SOCKS port
        assertThat(rows.get(rows.size() - 1)[4]).isEqualTo("Unknown");
    }

    @Test
    void everyCutAndMutationIsBounded() throws Exception {
        Runner r = new Runner(new Settings(), SocksCapturesTest.plugins());
        Engine e = r.engine();
        List<Captures.Packet> packets = Captures.read(SocksCapturesTest.resource("socks.pcap"));
        long number = 0;
        int checked = 0;
        Random random = new Random(1080);
        for (Captures.Packet cp : packets) {
            byte[] b = cp.data();
            for (int cut = 54; cut < b.length; cut++) {
                check(r, e, b, cut, ++number);
                checked++;
            }
            for (int round = 0; round < 20 && b.length > 54; round++) {
                byte[] m = b.clone();
                m[54 + random.nextInt(b.length - 54)] = (byte) random.nextInt(256);
                check(r, e, m, m.length, ++number);
                checked++;
            }
            check(r, e, b, b.length, ++number);
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    private static void check(Runner r, Engine e, byte[] b, int captured, long number) {
        Packet p = e.dissect(new Frame().set(number, MemorySegment.ofArray(b), 0, captured, b.length, number * 1_000_000L, 0,
                LinkType.ETHERNET));
        assertThat(r.render(p, "_ws.malformed.dissector_bug")).as("frame %d cut at %d", number, captured).isEmpty();
    }
}
