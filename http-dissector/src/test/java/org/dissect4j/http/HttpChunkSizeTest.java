package org.dissect4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chunk sizes past 32 bits, as tshark 4.0.17 reads them (Zeek's http--261--variant-01-chunk_2pow64_overflow.pcap and
 * test-built captures of the same request with other sizes): a saturating 64-bit parse cut to 32 bits, malformed when
 * that is 0x80000001 or more, the last chunk when it is 0.
 */
class HttpChunkSizeTest {
    private static final int C = 0x0a630002, S = 0x0a630001;

    private static Packet post(Runner r, String chunkSize) {
        Feed f = new Feed(r.engine());
        f.next(tcp(C, S, 40000, 80, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(S, C, 80, 40000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        byte[] body = ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkSize
                + "\r\n\r\nGET /x HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return f.next(tcp(C, S, 40000, 80, 1, 1, PSH | ACK, 100, new byte[0], body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10000000000000000|POST / HTTP/1.1 [Malformed Packet]|",
        "0010000000000000000|POST / HTTP/1.1 [Malformed Packet]|",
        "fffffffff|POST / HTTP/1.1 [Malformed Packet]|",
        "ffffffff|POST / HTTP/1.1 [Malformed Packet]|",
        "80000001|POST / HTTP/1.1 [Malformed Packet]|",
        "100000000|'POST / HTTP/1.1 GET /x HTTP/1.1 '|0",   // quoted: the Info ends with a space
    })
    void aChunkSizePast32BitsIsReadAsTshark(String size, String info, String chunkSizes) {
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin(), new HttpPlugin());
        Packet p = post(r, size);
        assertThat(p.info().toString()).isEqualTo(info);
        assertThat(r.render(p, "http.chunk_size")).isEqualTo(chunkSizes == null ? "" : chunkSizes);
        assertThat(p.malformed()).isEqualTo(info.endsWith("[Malformed Packet]"));
    }
}
