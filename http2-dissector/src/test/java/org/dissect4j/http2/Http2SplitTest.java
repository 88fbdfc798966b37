package org.dissect4j.http2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.http2.Http2Wire.bytes;
import static org.dissect4j.http2.Http2Wire.concat;
import static org.dissect4j.http2.Http2Wire.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 over TCP reassembly: the client's bytes (preface, SETTINGS, a HEADERS frame whose last representation a
 * CONTINUATION completes, a padded DATA frame, a PING) split into two segments at every byte boundary give the
 * same frames, headers and Info as in one segment.
 */
class Http2SplitTest {
    private static final byte[] STREAM = concat(Http2Wire.MAGIC, frame(4, 0, 0, bytes(0, 1, 0, 0, 0x10, 0)),
            frame(1, 0, 1, concat(bytes(0x82, 0x86, 0x84), Http2Wire.literalIndexing("x-long", "value-one"),
                    bytes(0x40, 5))),
            frame(9, 0x04, 1, concat("x-end".getBytes(java.nio.charset.StandardCharsets.US_ASCII), bytes(2), "ok".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII))),
            frame(0, 0x09, 1, concat(bytes(2), "body".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[2])),
            frame(6, 0, 0, bytes(1, 2, 3, 4, 5, 6, 7, 8)));

    /** Per packet: Info, header names, header values and frame types, joined. */
    private static List<String> run(byte[]... segments) {
        Http2Wire w = new Http2Wire(new Settings());
        List<String> seen = new ArrayList<>();
        for (byte[] s : segments) {
            Packet p = w.client(s);
            assertThat(w.render(p, "_ws.malformed.dissector_bug")).isEmpty();
            seen.add(w.render(p, "http2.type") + "|" + w.render(p, "http2.header.name") + "|" + w.render(p, "http2.header.value")
                    + "|" + w.render(p, "http2.data.data"));
        }
        seen.removeIf(s -> s.equals("|||"));
        return seen;
    }

    @Test
    void everySplitGivesTheSameFrames() {
        List<String> whole = run(STREAM);
        assertThat(whole).containsExactly("4,1,9,0,6|:method,:scheme,:path,x-long,x-end|GET,http,/,value-one,ok|"
                + "626f6479" + "0000");
        for (int cut = 1; cut < STREAM.length; cut++) {
            List<String> split = run(Arrays.copyOfRange(STREAM, 0, cut), Arrays.copyOfRange(STREAM, cut, STREAM.length));
            // the frames of both packets together are those of the whole
            String types = String.join(",", split.stream().map(s -> s.split("\\|", -1)[0]).filter(s -> !s.isEmpty()).toList());
            String names = String.join(",", split.stream().map(s -> s.split("\\|", -1)[1]).filter(s -> !s.isEmpty()).toList());
            String values = String.join(",", split.stream().map(s -> s.split("\\|", -1)[2]).filter(s -> !s.isEmpty()).toList());
            assertThat(types).as("cut at %d", cut).isEqualTo("4,1,9,0,6");
            assertThat(names).as("cut at %d", cut).isEqualTo(":method,:scheme,:path,x-long,x-end");
            assertThat(values).as("cut at %d", cut).isEqualTo("GET,http,/,value-one,ok");
        }
    }
}
