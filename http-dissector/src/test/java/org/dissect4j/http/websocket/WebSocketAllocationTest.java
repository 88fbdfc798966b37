package org.dissect4j.http.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Settings;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * No allocation per packet at steady state after an Upgrade: masked text from the client, unmasked text, binary
 * data and a close from the server, every field wanted and the columns on.
 */
class WebSocketAllocationTest {
    private static final int C = 0x0a630002, S = 0x0a630001;
    private static final byte[] UPGRADE = ("GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SWITCHING = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** "Hello" masked with 37 fa 21 3d (RFC 6455 section 5.7). */
    private static final byte[] MASKED = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d,
        0x51, 0x58};
    private static final byte[] SERVER = {(byte) 0x81, 0x03, 'o', 'n', 'e', (byte) 0x82, 0x02, 0, 1, (byte) 0x89, 0};

    @Test
    void noAllocationPerPacketAtSteadyState() {
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin(), new HttpPlugin(), new WebSocketPlugin());
        r.engine().tree().wantAll(true);
        r.engine().columns(true);
        Feed f = new Feed(r.engine());
        f.next(tcp(C, S, 50000, 80, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(S, C, 80, 50000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        f.next(tcp(C, S, 50000, 80, 1, 1, PSH | ACK, 100, new byte[0], UPGRADE));
        long cseq = 1 + UPGRADE.length;
        f.next(tcp(S, C, 80, 50000, 1, cseq, PSH | ACK, 100, new byte[0], SWITCHING));
        long sseq = 1 + SWITCHING.length;
        int n = 4_000;
        MemorySegment[] packets = new MemorySegment[2 * n];
        for (int i = 0; i < n; i++) {
            packets[2 * i] = MemorySegment.ofArray(tcp(C, S, 50000, 80, cseq, sseq, PSH | ACK, 100, new byte[0], MASKED));
            cseq += MASKED.length;
            packets[2 * i + 1] = MemorySegment.ofArray(tcp(S, C, 80, 50000, sseq, cseq, PSH | ACK, 100, new byte[0], SERVER));
            sseq += SERVER.length;
        }
        for (int i = 0; i < n; i++) {
            feed(f, packets[i]);
        }
        long before = Allocation.threadBytes();
        for (int i = n; i < 2 * n; i++) {
            feed(f, packets[i]);
        }
        long perPacket = (Allocation.threadBytes() - before) / n;
        System.out.println("WebSocket steady state: " + perPacket + " bytes allocated per packet");
        MemorySegment last = MemorySegment.ofArray(tcp(C, S, 50000, 80, cseq, sseq, PSH | ACK, 100, new byte[0], MASKED));
        assertThat(r.render(f.next(last, (int) last.byteSize(), (int) last.byteSize(), 1000), "websocket.payload.text"))
                .isEqualTo("Hello");
        assertThat(perPacket).isLessThan(8);
    }

    private static void feed(Feed f, MemorySegment p) {
        f.next(p, (int) p.byteSize(), (int) p.byteSize(), 1000);
    }
}
