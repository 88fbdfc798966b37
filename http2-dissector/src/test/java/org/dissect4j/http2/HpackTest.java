package org.dissect4j.http2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The HPACK decoder on RFC 7541's examples (Appendix C.4: Huffman-coded requests sharing a dynamic table) and its bounds. */
class HpackTest {
    private final Http2Budget budget = new Http2Budget(1 << 20);
    private final Http2Scratch scratch = new Http2Scratch(1 << 16);

    private List<String> decode(Hpack h, String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < b.length) {
            int r = h.next(b, at, b.length, scratch);
            if (r < 0) {
                out.add("error " + r);
                return out;
            }
            at += r;
            if (h.kind == Hpack.SIZE_UPDATE) {
                out.add("size " + h.newSize);
                continue;
            }
            StringBuilder sb = new StringBuilder();
            Http2Scratch.append(sb, scratch.name, scratch.nameLength);
            sb.append(": ");
            Http2Scratch.append(sb, scratch.value, scratch.valueLength);
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void rfc7541RequestsWithHuffman() {
        Hpack h = new Hpack(4096, budget);
        assertThat(decode(h, "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"))
                .containsExactly(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com");
        assertThat(h.kind).isEqualTo(2);   // incremental indexing, indexed name
        assertThat(decode(h, "8286 84be 5886 a8eb 1064 9cbf"))
                .containsExactly(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com", "cache-control: no-cache");
        assertThat(decode(h, "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"))
                .containsExactly(":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com",
                        "custom-key: custom-value");
        // index 62 is the newest entry, 64 the oldest; 65 is past the table
        assertThat(decode(h, "be bf c0")).containsExactly("custom-key: custom-value", "cache-control: no-cache",
                ":authority: www.example.com");
        assertThat(decode(h, "c1")).containsExactly("error -2");
    }

    @Test
    void evictionKeepsTheTableWithinItsSize() {
        Hpack h = new Hpack(4096, budget);
        assertThat(decode(h, "3f e1 01")).containsExactly("size 256");   // 31 + 225 = 256
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            // literal with indexing, new name "k" + two digits, value of 40 bytes: 32 + 3 + 40 = 75 bytes per entry
            block.append("40 03 6b").append(String.format("%02x%02x", '0' + i / 10, '0' + i % 10)).append(" 28")
                    .append("78".repeat(40));
        }
        assertThat(decode(h, block.toString())).hasSize(50);
        // 256 / 75 = 3 entries stay: indexes 62..64 are the last three, 65 is gone
        assertThat(decode(h, "be")).containsExactly("k49: " + "x".repeat(40));
        assertThat(decode(h, "c0")).containsExactly("k47: " + "x".repeat(40));
        assertThat(decode(h, "c1")).containsExactly("error -2");
        assertThat(h.footprint()).isLessThan(256 + 12 * 64);
    }

    @Test
    void sizeUpdatesAboveTheBoundsAreRefused() {
        Hpack h = new Hpack(65536, budget);
        assertThat(decode(h, "3f e1 1f")).containsExactly("size 4096");
        assertThat(decode(h, "3f e2 1f")).containsExactly("error -3");   // 4097 > the peer's 4096
        h.allowed(1L << 40);
        assertThat(decode(h, "3f e2 ff 03")).containsExactly("error -3");   // 65537 > the cap 65536
        assertThat(decode(h, "3f ff ff ff ff ff ff 0f")).containsExactly("error -2");   // an integer past 2^35
    }

    @Test
    void huffmanErrors() {
        Hpack h = new Hpack(4096, budget);
        // literal without indexing, new name "a", value Huffman-coded:
        // 'a' is 00011 (5 bits): padded with 111 it is 0x1f, fine
        assertThat(decode(h, "00 01 61 81 1f")).containsExactly("a: a");
        // padding of zeros instead of ones
        assertThat(decode(h, "00 01 61 81 18")).containsExactly("error -2");
        // a whole byte of padding (8 bits or more)
        assertThat(decode(h, "00 01 61 82 1f ff")).containsExactly("error -2");
        // EOS (30 ones) inside the string
        assertThat(decode(h, "00 01 61 84 ff ff ff ff")).containsExactly("error -2");
        // a string whose length runs past the block
        assertThat(decode(h, "00 01 61 0a 61")).containsExactly("error -1");
    }

    @Test
    void aValueLongerThanTheScratchBoundIsRefused() {
        Http2Scratch small = new Http2Scratch(1000);
        Hpack h = new Hpack(4096, budget);
        byte[] b = Http2Wire.concat(Http2Wire.bytes(0x00), Http2Wire.string("a"), Http2Wire.string("v".repeat(1001)));
        assertThat(h.next(b, 0, b.length, small)).isEqualTo(Hpack.TOO_LONG);
    }

    @Test
    void theBudgetBoundsEveryTable() {
        Http2Budget tight = new Http2Budget(300);
        Hpack h = new Hpack(65536, tight);
        h.allowed(65536);
        Http2Scratch s = scratch;
        byte[] update = Http2Wire.integer(0x20, 5, 65536);
        assertThat(h.next(update, 0, update.length, s)).isEqualTo(update.length);
        byte[] big = Http2Wire.literalIndexing("n", "v".repeat(500));
        assertThat(h.next(big, 0, big.length, s)).isEqualTo(Hpack.TABLE_LIMIT);   // the entry cannot be kept
        byte[] small = Http2Wire.literalIndexing("n", "v".repeat(50));
        assertThat(h.next(small, 0, small.length, s)).isEqualTo(small.length);   // 51 bytes + 16 entry slots fit in 300
        assertThat(tight.used()).isLessThanOrEqualTo(300);
        h.release();
        assertThat(tight.used()).isZero();
    }
}
