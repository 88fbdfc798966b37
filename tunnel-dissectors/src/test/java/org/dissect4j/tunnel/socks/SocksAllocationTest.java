package org.dissect4j.tunnel.socks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * No allocation per packet at steady state through a SOCKS 5 tunnel: HTTP requests and responses after the
 * handshake, every field wanted and the columns on.
 */
class SocksAllocationTest {
    private static final int C = 0x0a630002, S = 0x0a630001;
    private static final byte[][] HANDSHAKE = {{5, 1, 0}, {5, 0}, {5, 1, 0, 1, 10, 1, 1, 1, 0, 80}, {5, 0, 0, 1, 0, 0, 0, 0, 0, 0}};
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nhi\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void noAllocationPerPacketAtSteadyState() {
        Runner r = new Runner(new Settings(), SocksCapturesTest.plugins());
        r.engine().tree().wantAll(true);
        r.engine().columns(true);
        Feed f = new Feed(r.engine());
        f.next(tcp(C, S, 50000, 1080, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(S, C, 1080, 50000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        long cseq = 1, sseq = 1;
        for (int i = 0; i < HANDSHAKE.length; i++) {
            if (i % 2 == 0) {
                f.next(tcp(C, S, 50000, 1080, cseq, sseq, PSH | ACK, 100, new byte[0], HANDSHAKE[i]));
                cseq += HANDSHAKE[i].length;
            } else {
                f.next(tcp(S, C, 1080, 50000, sseq, cseq, PSH | ACK, 100, new byte[0], HANDSHAKE[i]));
                sseq += HANDSHAKE[i].length;
            }
        }
        int n = 4_000;
        MemorySegment[] packets = new MemorySegment[2 * n];
        for (int i = 0; i < n; i++) {
            packets[2 * i] = MemorySegment.ofArray(tcp(C, S, 50000, 1080, cseq, sseq, PSH | ACK, 100, new byte[0], REQUEST));
            cseq += REQUEST.length;
            packets[2 * i + 1] = MemorySegment.ofArray(tcp(S, C, 1080, 50000, sseq, cseq, PSH | ACK, 100, new byte[0], RESPONSE));
            sseq += RESPONSE.length;
        }
        for (int i = 0; i < n; i++) {
            feed(f, packets[i]);
        }
        long before = Allocation.threadBytes();
        for (int i = n; i < 2 * n; i++) {
            feed(f, packets[i]);
        }
        long perPacket = (Allocation.threadBytes() - before) / n;
        System.out.println("SOCKS tunnel steady state: " + perPacket + " bytes allocated per packet");
        MemorySegment last = MemorySegment.ofArray(tcp(C, S, 50000, 1080, cseq, sseq, PSH | ACK, 100, new byte[0], REQUEST));
        assertThat(r.render(f.next(last, (int) last.byteSize(), (int) last.byteSize(), 1000), "frame.protocols"))
                .endsWith(":tcp:socks:http");
        assertThat(perPacket).isLessThan(8);
    }

    private static void feed(Feed f, MemorySegment p) {
        f.next(p, (int) p.byteSize(), (int) p.byteSize(), 1000);
    }
}
