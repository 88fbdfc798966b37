package org.dissect4j.http2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.http2.Http2Wire.bytes;
import static org.dissect4j.http2.Http2Wire.concat;
import static org.dissect4j.http2.Http2Wire.frame;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Allocation;
import org.junit.jupiter.api.Test;

/**
 * No allocation per packet at steady state: requests and responses on one connection (HPACK indexed, literal and
 * Huffman forms, dynamic table insertions and evictions, DATA with padding, PING, WINDOW_UPDATE), every field wanted
 * and the columns on.
 */
class Http2AllocationTest {
    @Test
    void noAllocationPerPacketAtSteadyState() {
        Http2Wire w = new Http2Wire(new Settings());
        w.client(concat(Http2Wire.MAGIC, frame(4, 0, 0, bytes(0, 1, 0, 0, 0x10, 0))));
        w.server(frame(4, 0, 0, new byte[0]));
        // :method GET, :scheme https, :path /index.html, :authority www.example.com (the dynamic table's entry 62, which
        // the first request added), custom-key: custom-value (literal without indexing, Huffman-coded name and value)
        byte[] request = java.util.HexFormat.of().parseHex("828785be0088" + "25a849e95ba97d7f" + "8925a849e95bb8e8b4bf");
        byte[] firstRequest = java.util.HexFormat.of().parseHex("828684418cf1e3c2e5f23a6ba0ab90f4ff");
        byte[] response = concat(bytes(0x88), Http2Wire.literalIndexing("content-type", "text/plain"));
        byte[] body = concat(bytes(3), "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[3]);
        w.client(frame(1, 0x05, 1, firstRequest));
        int n = 3000;
        java.lang.foreign.MemorySegment[] packets = new java.lang.foreign.MemorySegment[4 * n];
        for (int i = 0, stream = 3; i < 2 * n; i++, stream += 2) {
            packets[2 * i] = java.lang.foreign.MemorySegment.ofArray(w.clientSegment(
                    concat(frame(1, 0x05, stream, request), frame(6, 0, 0, bytes(1, 2, 3, 4, 5, 6, 7, 8)))));
            packets[2 * i + 1] = java.lang.foreign.MemorySegment.ofArray(w.serverSegment(
                    concat(frame(1, 0x04, stream, response), frame(0, 0x09, stream, body), frame(8, 0, 0, bytes(0, 0, 1, 0)))));
        }
        for (int i = 0; i < 2 * n; i++) {
            w.feed(packets[i]);
        }
        long before = Allocation.threadBytes();
        for (int i = 2 * n; i < 4 * n; i++) {
            w.feed(packets[i]);
        }
        long perPacket = (Allocation.threadBytes() - before) / (2L * n);
        System.out.println("HTTP/2 steady state: " + perPacket + " bytes allocated per packet");
        Packet p = w.client(frame(1, 0x05, 1_000_001, request));
        assertThat(w.render(p, "_ws.col.Info")).isEqualTo("HEADERS[1000001]: GET /index.html");
        assertThat(w.render(p, "http2.request.full_uri")).isEqualTo("https://www.example.com/index.html");
        assertThat(perPacket).isLessThan(8);
    }
}
