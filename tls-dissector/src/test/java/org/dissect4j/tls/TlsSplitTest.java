package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.tls.TlsStreams.cat;
import static org.dissect4j.tls.TlsStreams.clientHello;
import static org.dissect4j.tls.TlsStreams.ext;
import static org.dissect4j.tls.TlsStreams.fill;
import static org.dissect4j.tls.TlsStreams.hs;
import static org.dissect4j.tls.TlsStreams.record;
import static org.dissect4j.tls.TlsStreams.sni;
import static org.dissect4j.tls.TlsStreams.u16s;
import static org.dissect4j.tls.TlsStreams.v16;
import static org.dissect4j.tls.TlsStreams.v24;
import static org.dissect4j.tls.TlsStreams.v8;

import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Feed;
import org.junit.jupiter.api.Test;

/**
 * TLS over TCP reassembly: a server flight of four records (one of them a handshake message continued over two
 * records) split into two segments at every byte boundary, into three segments at many pairs of boundaries, and a
 * ClientHello sent one byte per segment, all dissect to the same TLS fields as the unsplit stream.
 */
class TlsSplitTest {
    static final List<String> FIELDS = List.of("tls.record.content_type", "tls.record.version", "tls.record.length",
            "tls.handshake.type", "tls.handshake.length", "tls.handshake.ciphersuite", "tls.handshake.extension.type",
            "tls.handshake.certificate_length", "tls.handshake.server_named_curve", "tls.handshake.sig_len",
            "tls.handshake.extensions_server_name", "tls.handshake.ja4", "tls.handshake.ja3", "tls.handshake.ja3s",
            "tls.alert_message.desc");

    static byte[] clientFlight() {
        return record(22, 0x0301, clientHello(new int[] {0x2a2a, 0xc02b, 0xc02f, 0x00ff},
                cat(sni("split.test"), ext(10, v16(u16s(29, 23))), ext(11, v8(new byte[] {0})),
                        ext(13, v16(u16s(0x0403, 0x0804))), ext(16, v16(cat(v8("h2".getBytes()), v8("http/1.1".getBytes())))))));
    }

    static byte[] serverFlight() {
        byte[] cert = hs(11, v24(v24(fill(600, 0x30))));
        byte[] ske = hs(12, cat(new byte[] {3, 0, 0x17}, v8(fill(65, 4)), u16s(0x0403), v16(fill(71, 0x55))));
        return cat(record(22, 0x0303, cat(TlsStreams.serverHello(0xc02f, ext(0xff01, new byte[] {0})), TlsStreamsPart.head(cert))),
                record(22, 0x0303, TlsStreamsPart.tail(cert)),
                record(22, 0x0303, cat(ske, hs(14, new byte[0]))),
                record(21, 0x0303, new byte[] {1, 0}));
    }

    /** Splits of a byte[] used above. */
    static final class TlsStreamsPart {
        static byte[] head(byte[] m) {
            return java.util.Arrays.copyOf(m, 200);
        }

        static byte[] tail(byte[] m) {
            return java.util.Arrays.copyOfRange(m, 200, m.length);
        }
    }

    /** The fields of all frames of one connection, frame after frame. */
    static String dissect(byte[][] client, byte[][] server) {
        Engine e = TlsFingerprintTest.engine(new Settings());
        TlsStreams.Conn c = new TlsStreams.Conn(41000, 443).client(client).server(server);
        Feed feed = new Feed(e);
        java.util.Map<String, StringBuilder> values = new java.util.LinkedHashMap<>();
        for (String field : FIELDS) {
            values.put(field, new StringBuilder());
        }
        for (byte[] f : c.frames) {
            Packet p = feed.next(f);
            assertThat(TlsStreams.bug(p)).isFalse();
            assertThat(p.malformed()).isFalse();
            for (String field : FIELDS) {
                String v = TlsStreams.value(e, field);
                if (!v.isEmpty()) {
                    StringBuilder sb = values.get(field);
                    sb.append(sb.isEmpty() ? "" : ",").append(v);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.toString();
    }

    @Test
    void serverFlightSplitAtEveryByte() {
        byte[] c = clientFlight();
        byte[] s = serverFlight();
        String whole = dissect(new byte[][] {c}, new byte[][] {s});
        assertThat(whole).contains("tls.handshake.type=1,2,11,12,14").contains("tls.handshake.certificate_length=600")
                .contains("tls.alert_message.desc=0").contains("tls.handshake.ja4=t12d0305h2_");
        for (int k = 1; k < s.length; k++) {
            assertThat(dissect(new byte[][] {c}, TlsStreams.split(s, k))).as("split at %d", k).isEqualTo(whole);
        }
        for (int i = 1; i < s.length; i += 7) {
            for (int j = i + 1; j < s.length; j += 13) {
                assertThat(dissect(new byte[][] {c}, TlsStreams.split(s, i, j))).as("split at %d and %d", i, j)
                        .isEqualTo(whole);
            }
        }
    }

    @Test
    void clientHelloOneBytePerSegment() {
        byte[] c = clientFlight();
        String whole = dissect(new byte[][] {c}, new byte[0][]);
        int[] cuts = new int[c.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertThat(dissect(TlsStreams.split(c, cuts), new byte[0][])).isEqualTo(whole);
    }
}
