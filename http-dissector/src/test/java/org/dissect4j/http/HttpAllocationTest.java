package org.dissect4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Settings;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * No allocation per packet at steady state: one keep-alive connection carrying requests with headers and
 * responses with Content-Length and chunked bodies, every field wanted and the columns on.
 */
class HttpAllocationTest {
    private static final int C = 0x0a630002, S = 0x0a630001;
    private static final byte[] REQUEST = ("GET /item?id=7 HTTP/1.1\r\nHost: example.test\r\nUser-Agent: alloc/1\r\n"
            + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAIN = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n"
            + "hello world").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    void noAllocationPerPacketAtSteadyState() {
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin(), new HttpPlugin());
        r.engine().tree().wantAll(true);
        r.engine().columns(true);
        Feed f = new Feed(r.engine());
        f.next(tcp(C, S, 50000, 80, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(S, C, 80, 50000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        int n = 4_000;
        MemorySegment[] packets = new MemorySegment[2 * n];
        long cseq = 1, sseq = 1;
        for (int i = 0; i < n; i++) {
            byte[] response = i % 2 == 0 ? PLAIN : CHUNKED;
            packets[2 * i] = MemorySegment.ofArray(tcp(C, S, 50000, 80, cseq, sseq, PSH | ACK, 100, new byte[0], REQUEST));
            cseq += REQUEST.length;
            packets[2 * i + 1] = MemorySegment.ofArray(tcp(S, C, 80, 50000, sseq, cseq, PSH | ACK, 100, new byte[0], response));
            sseq += response.length;
        }
        for (int i = 0; i < n; i++) {
            feed(f, packets[i]);
        }
        long before = Allocation.threadBytes();
        for (int i = n; i < 2 * n; i++) {
            feed(f, packets[i]);
        }
        long perPacket = (Allocation.threadBytes() - before) / n;
        System.out.println("HTTP steady state: " + perPacket + " bytes allocated per packet");
        assertThat(r.render(f.next(tcp(C, S, 50000, 80, cseq, sseq, PSH | ACK, 100, new byte[0], REQUEST)), "http.request.full_uri"))
                .isEqualTo("http://example.test/item?id=7");
        assertThat(perPacket).isLessThan(8);
    }

    private static void feed(Feed f, MemorySegment p) {
        f.next(p, (int) p.byteSize(), (int) p.byteSize(), 1000);
    }
}
