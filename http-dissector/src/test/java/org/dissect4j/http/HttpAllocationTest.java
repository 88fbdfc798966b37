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
 * No allocation per packet at steady state: one keep-alive connection carrying requests with headers, cookies and
 * a form with escapes, and responses with Content-Length and chunked bodies, a GIF taken by the gif_http heuristic
 * a multipart/byteranges body and a JSON document, every field wanted and the columns on.
 */
class HttpAllocationTest {
    private static final int C = 0x0a630002, S = 0x0a630001;
    private static final byte[] REQUEST = ("GET /item?id=7 HTTP/1.1\r\nHost: example.test\r\nUser-Agent: alloc/1\r\n"
            + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAIN = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n"
            + "hello world").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private static final byte[] COOKIES = ("GET /c HTTP/1.1\r\nHost: example.test\r\nCookie: a=1; b=2;; c = 3 \r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORM = ("POST /f HTTP/1.1\r\nHost: example.test\r\nContent-Type: application/x-www-form-urlencoded"
            + "\r\nContent-Length: 32\r\n\r\nq=a+b%2Cc&x%3Dy=%E2%82%AC&bad=%z").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF = gif();
    private static final byte[] JSON = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n"
            + "{\"s\": \"a\\u00e9\", \"n\": [1, -2.5e3, true, null], \"o\": {\"k\": {}}} x").getBytes(StandardCharsets.UTF_8);
    private static final byte[] MULTIPART = ("HTTP/1.1 206 Partial\r\nContent-Type: multipart/byteranges; boundary=B\r\n"
            + "Content-Length: 113\r\n\r\n\r\n--B\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-3/9\r\n"
            + "\r\nabcd\r\n--B\r\nContent-type: Text/Plain ; a = \"b c\"\r\n\r\nline\n\r\n--B--\r\n").getBytes(StandardCharsets.US_ASCII);

    /** A GIF89a with a global color map, a Graphics Control extension and one image: an image/png body, so HTTP's
     * subdissector fails and the gif_http heuristic takes it. */
    private static byte[] gif() {
        byte[] body = {'G', 'I', 'F', '8', '9', 'a', 4, 0, 4, 0, (byte) 0xb3, 0, 0x31};
        byte[] map = new byte[48];
        byte[] rest = {0x21, (byte) 0xf9, 4, 0, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 4, 0, 4, 0, 0, 4, 3, 0x30, 0x29, 0x25, 0, 0x3b};
        String head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + (body.length + map.length + rest.length)
                + "\r\n\r\n";
        byte[] out = new byte[head.length() + body.length + map.length + rest.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
        System.arraycopy(body, 0, out, head.length(), body.length);
        System.arraycopy(rest, 0, out, head.length() + body.length + map.length, rest.length);
        return out;
    }

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
            byte[] response = i % 5 == 0 ? PLAIN : i % 5 == 1 ? CHUNKED : i % 5 == 2 ? GIF : i % 5 == 3 ? MULTIPART : JSON;
            byte[] request = i % 3 == 0 ? REQUEST : i % 3 == 1 ? COOKIES : FORM;
            packets[2 * i] = MemorySegment.ofArray(tcp(C, S, 50000, 80, cseq, sseq, PSH | ACK, 100, new byte[0], request));
            cseq += request.length;
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
        long ack = cseq + REQUEST.length;
        assertThat(r.render(f.next(tcp(S, C, 80, 50000, sseq, ack, PSH | ACK, 100, new byte[0], GIF)), "image-gif.version"))
                .isEqualTo("GIF89a");
        assertThat(r.render(f.next(tcp(C, S, 50000, 80, ack, sseq + GIF.length, PSH | ACK, 100, new byte[0], FORM)),
                "urlencoded-form.value")).isEqualTo("a b,c,€");
        assertThat(perPacket).isLessThan(8);
    }

    private static void feed(Feed f, MemorySegment p) {
        f.next(p, (int) p.byteSize(), (int) p.byteSize(), 1000);
    }
}
