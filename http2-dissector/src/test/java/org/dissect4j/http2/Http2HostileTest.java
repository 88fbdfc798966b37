package org.dissect4j.http2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.http2.Http2Wire.bytes;
import static org.dissect4j.http2.Http2Wire.concat;
import static org.dissect4j.http2.Http2Wire.frame;

import java.util.Random;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP/2 over a cleartext connection: each case ends in its expert item, never in a dissector bug, and the
 * connection's later frames are still dissected; memory stays within the documented bounds.
 */
class Http2HostileTest {
    private static final int END_HEADERS = 0x04;

    private static Http2Wire connection(Settings s) {
        Http2Wire w = new Http2Wire(s);
        Packet p = w.client(concat(Http2Wire.MAGIC, frame(4, 0, 0, new byte[0])));
        assertThat(w.render(p, "_ws.col.Info")).isEqualTo("Magic, SETTINGS[0]");
        return w;
    }

    private static void fine(Http2Wire w, Packet p) {
        assertThat(w.render(p, "_ws.malformed.dissector_bug")).isEmpty();
    }

    /** After the case, a PING is still a PING. */
    private static void stillDissects(Http2Wire w) {
        Packet p = w.client(frame(6, 0, 0, bytes(1, 2, 3, 4, 5, 6, 7, 8)));
        fine(w, p);
        assertThat(w.render(p, "_ws.col.Info")).isEqualTo("PING[0]");
        assertThat(w.render(p, "http2.ping")).isEqualTo("0102030405060708");
    }

    @Test
    void indexOutOfRange() {
        Http2Wire w = connection(new Settings());
        Packet p = w.client(frame(1, END_HEADERS, 1, bytes(0x82, 0xc5)));   // :method GET, then index 69 of an empty table
        fine(w, p);
        assertThat(w.render(p, "http2.header.name")).isEqualTo(":method");
        assertThat(w.render(p, "http2.hpack.decoding_error")).isNotEmpty();
        // the direction's table can no longer be trusted: later blocks say so instead of showing wrong headers
        p = w.client(frame(1, END_HEADERS, 3, bytes(0x82)));
        assertThat(w.render(p, "http2.hpack.stopped")).isNotEmpty();
        assertThat(w.render(p, "http2.header.name")).isEmpty();
        // the other direction has its own table
        p = w.server(frame(1, END_HEADERS, 1, bytes(0x88)));
        assertThat(w.render(p, "http2.headers.status")).isEqualTo("200");
        assertThat(w.render(p, "_ws.col.Info")).isEqualTo("HEADERS[1]: 200 OK");
        stillDissects(w);
    }

    @Test
    void huffmanEosAndBadPadding() {
        for (byte[] value : new byte[][] {bytes(0x84, 0xff, 0xff, 0xff, 0xff), bytes(0x81, 0x18), bytes(0x82, 0x1f, 0xff)}) {
            Http2Wire w = connection(new Settings());
            Packet p = w.client(frame(1, END_HEADERS, 1, concat(bytes(0x00, 0x01, 'a'), value)));
            fine(w, p);
            assertThat(w.render(p, "http2.hpack.decoding_error")).isNotEmpty();
            stillDissects(w);
        }
    }

    @Test
    void headerBlockThatNeverEnds() {
        Http2Wire w = connection(new Settings().set("http2.max_header_block_size", "4096"));
        Packet p = w.client(frame(1, 0, 1, bytes(0x82, 0x84)));   // HEADERS without END_HEADERS
        assertThat(w.render(p, "http2.header.count")).isEqualTo("2");
        byte[] chunk = new byte[1000];
        java.util.Arrays.fill(chunk, (byte) 0x82);   // complete representations: nothing is carried over
        String expert = "";
        for (int i = 0; i < 50 && expert.isEmpty(); i++) {
            p = w.client(frame(9, 0, 1, chunk));
            fine(w, p);
            expert = w.render(p, "http2.continuation_limit");
        }
        assertThat(expert).isNotEmpty();
        // a representation that never completes is carried over, but also only up to the bound
        Http2Wire w2 = connection(new Settings().set("http2.max_header_block_size", "4096"));
        w2.client(frame(1, 0, 1, bytes(0x00, 0x7f, 0xff, 0x7f)));   // a name of 16510 bytes announced
        String expert2 = "";
        for (int i = 0; i < 50 && expert2.isEmpty(); i++) {
            p = w2.client(frame(9, 0, 1, chunk));
            fine(w2, p);
            expert2 = w2.render(p, "http2.continuation_limit");
        }
        assertThat(expert2).isNotEmpty();
        stillDissects(w);
        stillDissects(w2);
    }

    @Test
    void dynamicTableSizeAbuse() {
        Http2Wire w = connection(new Settings());
        // a size update to 2^30 without the peer allowing it
        Packet p = w.client(frame(1, END_HEADERS, 1, concat(Http2Wire.integer(0x20, 5, 1L << 30), bytes(0x82))));
        fine(w, p);
        assertThat(w.render(p, "http2.hpack.table_size_limit")).isNotEmpty();
        // the peer allows 1 GiB: the bound (http2.max_header_table_size) still refuses
        Http2Wire w2 = connection(new Settings());
        w2.server(frame(4, 0, 0, bytes(0, 1, 0x40, 0, 0, 0)));
        p = w2.client(frame(1, END_HEADERS, 1, concat(Http2Wire.integer(0x20, 5, 1L << 30), bytes(0x82))));
        assertThat(w2.render(p, "http2.hpack.table_size_limit")).isNotEmpty();
        // within the bound: accepted and shown
        Http2Wire w3 = connection(new Settings());
        w3.server(frame(4, 0, 0, bytes(0, 1, 0, 1, 0, 0)));
        p = w3.client(frame(1, END_HEADERS, 1, concat(Http2Wire.integer(0x20, 5, 65536), bytes(0x82))));
        assertThat(w3.render(p, "http2.header_table_size_update.header_table_size")).isEqualTo("65536");
        assertThat(w3.render(p, "http2.header.count")).isEqualTo("2");
        // many large entries: the table evicts within its size
        for (int i = 0; i < 200; i++) {
            p = w3.client(frame(1, END_HEADERS, 3 + 2 * i, Http2Wire.literalIndexing("x-" + i, "v".repeat(4000))));
            fine(w3, p);
            assertThat(w3.render(p, "http2.header.value")).hasSize(4000);
        }
        stillDissects(w);
        stillDissects(w3);
    }

    @Test
    void randomFramesNeverBreakTheDissector() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            Http2Wire w = connection(new Settings());
            for (int i = 0; i < 5; i++) {
                byte[] payload = new byte[rnd.nextInt(40)];
                rnd.nextBytes(payload);
                Packet p = w.client(frame(rnd.nextInt(12), rnd.nextInt(256), rnd.nextInt(5), payload));
                fine(w, p);
            }
            byte[] garbage = new byte[rnd.nextInt(60)];
            rnd.nextBytes(garbage);
            fine(w, w.server(garbage));
        }
    }
}
