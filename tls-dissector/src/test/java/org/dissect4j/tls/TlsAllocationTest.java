package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Feed;
import org.junit.jupiter.api.Test;

/**
 * Allocation on the parse path, measured with the thread allocation counter over a connection that sends ClientHello
 * after ClientHello: none per packet when no fingerprint is wanted (only the SNI), and none either once JA3/JA4 are
 * wanted (reused digests, builders and buffers).
 */
class TlsAllocationTest {
    static final int WARMUP = 20_000, MEASURED = 20_000;

    static long bytesPerPacket(String... wanted) {
        Engine.Builder b = Engine.builder().discover(false).settings(new Settings());
        for (DissectorPlugin p : TlsGoldens.plugins()) {
            b.plugin(p);
        }
        Engine e = b.build();
        for (String w : wanted) {
            e.tree().want(e.field(w));
        }
        byte[] hello = TlsFingerprintTest.foxioHello(TlsStreams.alpn("h2".getBytes(), "http/1.1".getBytes()), true);
        TlsStreams.Conn c = new TlsStreams.Conn(45000, 443);
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            c.client(hello);
        }
        List<byte[]> frames = c.frames;
        MemorySegment[] segs = new MemorySegment[frames.size()];
        for (int i = 0; i < segs.length; i++) {
            segs[i] = MemorySegment.ofArray(frames.get(i));
        }
        Feed feed = new Feed(e);
        int i = 0;
        for (; i < 3 + WARMUP; i++) {
            feed.next(segs[i], (int) segs[i].byteSize(), (int) segs[i].byteSize(), 1000);
        }
        long before = Allocation.threadBytes();
        for (; i < segs.length; i++) {
            feed.next(segs[i], (int) segs[i].byteSize(), (int) segs[i].byteSize(), 1000);
        }
        long after = Allocation.threadBytes();
        assertThat(TlsStreams.value(e, wanted[0])).isNotEmpty();
        return (after - before) / MEASURED;
    }

    @Test
    void clientHelloWithoutFingerprintsAllocatesNothing() {
        long perPacket = bytesPerPacket("tls.handshake.extensions_server_name");
        System.out.println("ClientHello, SNI only: " + perPacket + " B/packet");
        assertThat(perPacket).isZero();
    }

    @Test
    void fingerprintsAllocateNothingEither() {
        long perPacket = bytesPerPacket("tls.handshake.ja4", "tls.handshake.ja4_r", "tls.handshake.ja3", "tls.handshake.ja3_full");
        System.out.println("ClientHello with JA3 and JA4: " + perPacket + " B/packet");
        assertThat(perPacket).isZero();
    }
}
