package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.tls.TlsStreams.cat;
import static org.dissect4j.tls.TlsStreams.clientHello;
import static org.dissect4j.tls.TlsStreams.ext;
import static org.dissect4j.tls.TlsStreams.fill;
import static org.dissect4j.tls.TlsStreams.hs;
import static org.dissect4j.tls.TlsStreams.record;
import static org.dissect4j.tls.TlsStreams.sni;
import static org.dissect4j.tls.TlsStreams.u16;
import static org.dissect4j.tls.TlsStreams.u16s;
import static org.dissect4j.tls.TlsStreams.v16;
import static org.dissect4j.tls.TlsStreams.v24;

import java.util.List;
import java.util.Random;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Feed;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: every captured length of a server flight, random corruption of whole handshakes, vectors and
 * records whose lengths run past their end, a capture cut at a record boundary, a record that never ends, a
 * handshake message too long to reassemble. Never a dissector bug (an unexpected exception), always the expert
 * item or malformed mark, and the next packet is dissected normally; reassembly stays within its bounds.
 */
class TlsBadInputTest {
    private final Engine engine = TlsFingerprintTest.engine(new Settings());
    private final Feed feed = new Feed(engine);
    private int port = 30000;

    static byte[] serverFlight() {
        byte[] cert = hs(11, v24(v24(fill(300, 0x30))));
        return cat(record(22, 0x0303, cat(TlsStreams.serverHello(0xc02f, ext(0xff01, new byte[] {0})), cert,
                hs(12, cat(new byte[] {3, 0, 0x17}, TlsStreams.v8(fill(65, 4)), u16s(0x0403), v16(fill(71, 0x55)))),
                hs(14, new byte[0]))));
    }

    static byte[] clientFlight() {
        return record(22, 0x0301, clientHello(new int[] {0xc02f, 0x1301}, cat(sni("bad.test"), ext(10, v16(u16s(29))))));
    }

    /** Feeds a connection; returns the packets' malformed flags and checks that none holds a dissector bug. */
    private void connection(byte[][] client, byte[][] server) {
        TlsStreams.Conn c = new TlsStreams.Conn(port++, 443).client(client).server(server);
        for (byte[] f : c.frames) {
            Packet p = feed.next(f);
            assertThat(TlsStreams.bug(p)).as("dissector bug on %s", java.util.HexFormat.of().formatHex(f)).isFalse();
        }
    }

    /** A good ClientHello on a fresh connection dissects completely. */
    private void nextPacketIsFine() {
        TlsStreams.Conn c = new TlsStreams.Conn(port++, 443).client(clientFlight());
        Packet last = null;
        for (byte[] f : c.frames) {
            last = feed.next(f);
        }
        assertThat(last.malformed()).isFalse();
        assertThat(TlsStreams.value(engine, "tls.handshake.extensions_server_name")).isEqualTo("bad.test");
        assertThat(last.info().toString()).isEqualTo("Client Hello");
    }

    @Test
    void everyCapturedLength() {
        byte[] flight = serverFlight();
        TlsStreams.Conn c = new TlsStreams.Conn(29999, 443).client(clientFlight()).server(flight);
        byte[] frame = c.frames.get(c.frames.size() - 1);
        for (int captured = 0; captured <= frame.length; captured++) {
            TlsStreams.Conn conn = new TlsStreams.Conn(port++, 443).client(clientFlight());
            for (byte[] f : conn.frames) {
                feed.next(f);
            }
            byte[] cut = new TlsStreams.Conn(port - 1, 443).client(clientFlight()).server(flight).frames.get(4);
            Packet p = feed.next(cut, captured, 1000);
            assertThat(TlsStreams.bug(p)).as("captured %d", captured).isFalse();
            if (captured < frame.length && captured > 54) {
                assertThat(p.truncated()).as("captured %d", captured).isTrue();
            }
            nextPacketIsFine();
        }
    }

    /** A connection whose last client segment is {@code chunk}, captured up to {@code uncaptured} bytes before its end. */
    private Packet lastCut(byte[] chunk, int uncaptured) {
        TlsStreams.Conn c = new TlsStreams.Conn(port++, 443).client(clientFlight()).client(chunk);
        for (int i = 0; i < c.frames.size() - 1; i++) {
            feed.next(c.frames.get(i));
        }
        byte[] last = c.frames.get(c.frames.size() - 1);
        return feed.next(last, last.length - uncaptured, 1000);
    }

    @Test
    void captureCutAtARecordBoundary() {
        byte[] alert = record(21, 0x0303, new byte[] {1, 0});
        // Fewer than a header's bytes after the cut: as in dissect_ssl the rest is left unread, not marked truncated.
        Packet p = lastCut(cat(alert, new byte[] {0x15, 3, 3}), 3);
        assertThat(p.truncated()).isFalse();
        assertThat(TlsStreams.value(engine, "tls.alert_message.desc")).isEqualTo("0");
        assertThat(p.info().toString()).isEqualTo("Alert (Level: Warning, Description: Close Notify)");
        // A header's bytes: reading it marks the cut.
        Packet header = lastCut(cat(alert, alert), alert.length);
        assertThat(header.truncated()).isTrue();
        assertThat(TlsStreams.value(engine, "tls.alert_message.desc")).isEqualTo("0");
        nextPacketIsFine();
    }

    @Test
    void randomCorruption() {
        Random rnd = new Random(42);
        byte[] client = clientFlight();
        byte[] server = serverFlight();
        for (int i = 0; i < 3000; i++) {
            byte[] c = client.clone();
            byte[] s = server.clone();
            for (int k = rnd.nextInt(4) + 1; k > 0; k--) {
                byte[] target = rnd.nextBoolean() ? c : s;
                target[rnd.nextInt(target.length)] = (byte) rnd.nextInt(256);
            }
            byte[][] cs = rnd.nextInt(4) == 0 ? TlsStreams.split(c, 1 + rnd.nextInt(c.length - 1)) : new byte[][] {c};
            byte[][] ss = rnd.nextInt(4) == 0 ? TlsStreams.split(s, 1 + rnd.nextInt(s.length - 1)) : new byte[][] {s};
            connection(cs, ss);
        }
        nextPacketIsFine();
    }

    @Test
    void lengthsPastTheirEnd() {
        // Extension list longer than the message, an extension longer than the list, absurd cipher suite length.
        byte[][] bad = {
                record(22, 0x0301, hs(1, cat(u16(0x0303), fill(32, 1), new byte[] {0}, u16(0xfff0), u16(0x1301)))),
                record(22, 0x0301, hs(1, cat(u16(0x0303), fill(32, 1), new byte[] {0}, v16(u16(0x1301)), new byte[] {1, 0},
                        u16(0x0100), u16(0), u16(0xffff), new byte[] {'x'}))),
                record(22, 0x0301, hs(1, cat(u16(0x0303), fill(32, 1), new byte[] {(byte) 200}, fill(20, 2)))),
                record(22, 0x0301, fill(4, 0)),
                cat(new byte[] {0x16, 3, 1}, u16(0xffff), fill(40, 1)),
        };
        for (byte[] b : bad) {
            connection(new byte[][] {b}, new byte[0][]);
            nextPacketIsFine();
        }
        // A vector that does not fit gives Wireshark's expert item.
        connection(new byte[][] {bad[0]}, new byte[0][]);
        assertThat(TlsStreams.value(engine, "tls.malformed.buffer_too_small")).isNotEmpty();
        assertThat(TlsStreams.value(engine, "_ws.malformed")).isEqualTo("_ws.malformed");
    }

    @Test
    void recordThatNeverEnds() {
        byte[] header = cat(new byte[] {0x17, 3, 3}, u16(0xfff0));
        TlsStreams.Conn c = new TlsStreams.Conn(port++, 443).client(clientFlight()).client(header);
        for (int i = 0; i < 100; i++) {
            c.client(fill(500, i));
        }
        for (byte[] f : c.frames) {
            Packet p = feed.next(f);
            assertThat(TlsStreams.bug(p)).isFalse();
        }
        nextPacketIsFine();
    }

    @Test
    void handshakeMessageTooLongIsNotReassembled() {
        // A small message, then the start of a 2 MiB one (longer than the reassembly bound): the bound is met once more
        // than 1 MiB of it has arrived (the bytes are kept as they come, then only counted to the announced end).
        byte[] start = cat(hs(14, new byte[0]), new byte[] {11}, new byte[] {0x20, 0, 0}, fill(1000, 9));
        TlsStreams.Conn c = new TlsStreams.Conn(port++, 443).client(clientFlight())
                .server(record(22, 0x0303, TlsStreams.serverHello(0xc02f, ext(0xff01, new byte[] {0}))))
                .server(record(22, 0x0303, start));
        for (int i = 0; i < 70; i++) {
            c.server(record(22, 0x0303, fill(16000, i)));
        }
        List<byte[]> frames = c.frames;
        boolean limit = false;
        for (byte[] f : frames) {
            Packet p = feed.next(f);
            assertThat(TlsStreams.bug(p)).isFalse();
            limit |= !TlsStreams.value(engine, "tls.handshake.reassembly_limit").isEmpty();
        }
        assertThat(limit).isTrue();
        nextPacketIsFine();
    }

    @Test
    void theMessageBoundIsAPreference() {
        // 300-byte certificates fit the default bound; with -o tls.handshake.max_message_bytes:1024 a 2 KiB message does not
        Engine small = TlsFingerprintTest.engine(new Settings().set("tls.handshake.max_message_bytes", "1024"));
        Feed f = new Feed(small);
        byte[] cert = hs(11, v24(v24(fill(2000, 0x30))));
        TlsStreams.Conn c = new TlsStreams.Conn(port++, 443).client(clientFlight())
                .server(record(22, 0x0303, TlsStreams.serverHello(0xc02f, ext(0xff01, new byte[] {0}))))
                .server(record(22, 0x0303, java.util.Arrays.copyOfRange(cert, 0, 1000)))
                .server(record(22, 0x0303, java.util.Arrays.copyOfRange(cert, 1000, cert.length)));
        boolean limit = false;
        for (byte[] frame : c.frames) {
            assertThat(TlsStreams.bug(f.next(frame))).isFalse();
            limit |= !TlsStreams.value(small, "tls.handshake.reassembly_limit").isEmpty();
        }
        assertThat(limit).isTrue();
    }
}
