package org.dissect4j.http.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * Hostile WebSocket input stays bounded: lengths up to 2^64-1, a segment of thousands of frames, garbage after the
 * handshake, and every frame of the module's capture cut at every length after the upgrade. Nothing may show a
 * dissector bug; the hostile lengths end as tshark ends them.
 */
class WebSocketHostileTest {
    @Test
    void hugeLengthsAreMalformedAsInTshark() throws Exception {
        Runner r = new Runner(new Settings(), WebSocketCapturesTest.plugins());
        List<String[]> rows = r.run(Captures.read(WebSocketCapturesTest.resource("websocket.pcap")),
                List.of("frame.protocols", "websocket.payload_length_ext_64", "_ws.malformed", "_ws.col.Protocol"));
        // frame 32: 2^63-1 bytes, taken modulo 2^32 as Wireshark does: a frame shorter than its header, nothing shown
        assertThat(rows.get(31)[0]).isEqualTo("eth:ethertype:ip:tcp:http:websocket");
        assertThat(rows.get(31)[1]).isEmpty();
        // the exception's item, then the hidden one its Malformed expert adds (tshark prints both)
        assertThat(rows.get(31)[2]).isEqualTo("[Malformed Packet: WebSocket],_ws.malformed");
        assertThat(rows.get(31)[3]).isEqualTo("TCP");
        // frame 37: 2^64-1 bytes: the header up to the length, then malformed
        assertThat(rows.get(36)[1]).isEqualTo("18446744073709551615");
        assertThat(rows.get(36)[2]).isEqualTo("[Malformed Packet: WebSocket],_ws.malformed");
    }

    @Test
    void aSegmentOfThousandsOfFramesIsDissectedFrameByFrame() throws Exception {
        Runner r = new Runner(new Settings(), WebSocketCapturesTest.plugins());
        List<Captures.Packet> packets = Captures.read(WebSocketCapturesTest.resource("websocket.pcap"));
        Engine e = r.engine();
        for (int i = 0; i < 4; i++) {      // SYN, SYN-ACK, the Upgrade request and the 101
            e.dissect(frame(packets.get(i).data(), i + 1));
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            frames.writeBytes(new byte[] {(byte) 0x89, 0});     // empty pings
        }
        byte[] server = packets.get(5).data();       // the server's first frame: its headers, then our payload
        byte[] big = withPayload(server, frames.toByteArray());
        long start = System.nanoTime();
        Packet p = e.dissect(frame(big, 5));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.render(p, "websocket.opcode").split(",")).hasSize(5000);
        assertThat(r.render(p, "_ws.col.Info")).endsWith("WebSocket Ping [FIN] ");
        assertThat(r.render(p, "_ws.malformed")).isEmpty();
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void everyCutOfEveryFrameIsBounded() throws Exception {
        Runner r = new Runner(new Settings(), WebSocketCapturesTest.plugins());
        Engine e = r.engine();
        List<Captures.Packet> packets = Captures.read(WebSocketCapturesTest.resource("websocket.pcap"));
        long number = 0;
        int checked = 0;
        for (Captures.Packet cp : packets) {
            byte[] b = cp.data();
            for (int cut = 54; cut < b.length && b.length < 2000; cut++) {
                Packet p = e.dissect(new Frame().set(++number, MemorySegment.ofArray(b), 0, cut, b.length,
                        number * 1_000_000L, 0, LinkType.ETHERNET));
                assertThat(r.render(p, "_ws.malformed.dissector_bug")).as("frame %d cut at %d", number, cut).isEmpty();
                checked++;
            }
            e.dissect(frame(b, ++number));
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    static Frame frame(byte[] b, long number) {
        return new Frame().set(number, MemorySegment.ofArray(b), 0, b.length, b.length, number * 1_000_000L, 0,
                LinkType.ETHERNET);
    }

    /** {@code segment} (Ethernet, IPv4 and TCP without options, as make_websocket.py writes them) with another payload. */
    static byte[] withPayload(byte[] segment, byte[] payload) {
        byte[] b = new byte[54 + payload.length];
        System.arraycopy(segment, 0, b, 0, 54);
        System.arraycopy(payload, 0, b, 54, payload.length);
        int ipLength = 40 + payload.length;
        b[16] = (byte) (ipLength >> 8);
        b[17] = (byte) ipLength;
        return b;
    }
}
