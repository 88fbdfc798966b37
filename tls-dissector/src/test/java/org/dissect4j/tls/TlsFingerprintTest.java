package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.tls.TlsStreams.alpn;
import static org.dissect4j.tls.TlsStreams.cat;
import static org.dissect4j.tls.TlsStreams.clientHello;
import static org.dissect4j.tls.TlsStreams.ext;
import static org.dissect4j.tls.TlsStreams.record;
import static org.dissect4j.tls.TlsStreams.sni;
import static org.dissect4j.tls.TlsStreams.u16s;
import static org.dissect4j.tls.TlsStreams.v16;
import static org.dissect4j.tls.TlsStreams.v8;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Feed;
import org.junit.jupiter.api.Test;

/** JA3, JA3S and JA4 of hand-built hellos: FoxIO's worked example, GREASE, and the ALPN/empty-list corner cases. */
class TlsFingerprintTest {
    static final int[] FOXIO_CIPHERS = {0x0a0a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,
            0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035};

    /** FoxIO's JA4 example ClientHello (technical_details/JA4.md), with GREASE cipher, extensions, groups, versions. */
    static byte[] foxioHello(byte[] alpnExt, boolean withSni) {
        byte[] exts = cat(ext(0x1a1a, new byte[0]), ext(0x001b, v8(u16s(2))), withSni ? sni("example.test") : new byte[0],
                ext(0x0033, v16(cat(u16s(0x001d), v16(TlsStreams.fill(32, 7))))), alpnExt,
                ext(0x4469, TlsStreams.fill(5, 0)), ext(0x0017, new byte[0]), ext(0x002d, v8(new byte[] {1})),
                ext(0x000d, v16(u16s(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601))),
                ext(0x0005, new byte[] {1, 0, 0, 0, 0}), ext(0x0023, new byte[0]), ext(0x0012, new byte[0]),
                ext(0x002b, v8(u16s(0x2a2a, 0x0304, 0x0303))), ext(0xff01, new byte[] {0}),
                ext(0x000b, v8(new byte[] {0})), ext(0x000a, v16(u16s(0x3a3a, 0x001d, 0x0017, 0x0018))),
                ext(0x0015, new byte[3]), ext(0x2a2a, new byte[] {0}));
        return record(22, 0x0301, clientHello(FOXIO_CIPHERS, exts));
    }

    static Engine engine(Settings settings) {
        Engine.Builder b = Engine.builder().discover(false).settings(settings);
        for (DissectorPlugin p : TlsGoldens.plugins()) {
            b.plugin(p);
        }
        Engine e = b.build();
        e.tree().wantAll(true);
        // Wireshark 4.2's fields are recorded only when named (tshark 4.0's trees have none)
        e.tree().want(TlsFields.JA4);
        e.tree().want(TlsFields.JA4_R);
        e.columns(true);
        return e;
    }

    /** Dissects a connection carrying {@code clientFlight} and returns the engine after the ClientHello frame. */
    static Engine dissect(Engine e, byte[] clientFlight, int port) {
        TlsStreams.Conn c = new TlsStreams.Conn(40000, port).client(clientFlight);
        Feed feed = new Feed(e);
        for (byte[] f : c.frames) {
            feed.next(f);
        }
        return e;
    }

    @Test
    void foxioExample() throws Exception {
        Engine e = dissect(engine(new Settings()), foxioHello(alpn(b("h2"), b("http/1.1")), true), 443);
        assertThat(TlsStreams.value(e, "tls.handshake.ja4")).isEqualTo("t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertThat(TlsStreams.value(e, "tls.handshake.ja4_r")).isEqualTo("t13d1516h2_002f,0035,009c,009d,1301,1302,1303,"
                + "c013,c014,c02b,c02c,c02f,c030,cca8,cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,"
                + "ff01_0403,0804,0401,0503,0805,0501,0806,0601");
        String ja3 = "771,4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53,"
                + "27-0-51-16-17513-23-45-13-5-35-18-43-65281-11-10-21,29-23-24,0";
        assertThat(TlsStreams.value(e, "tls.handshake.ja3_full")).isEqualTo(ja3);
        assertThat(TlsStreams.value(e, "tls.handshake.ja3")).isEqualTo(md5(ja3));
    }

    @Test
    void alpnAndSniCorners() {
        assertThat(ja4a(alpn(b("h2")), false)).isEqualTo("t13i1515h2");
        assertThat(ja4a(new byte[0], true)).isEqualTo("t13d151500");
        assertThat(ja4a(alpn(b("x")), true)).isEqualTo("t13d1516xx");
        assertThat(ja4a(alpn(b("h-")), true)).isEqualTo("t13d15166d");
        assertThat(ja4a(alpn(new byte[] {(byte) 0xba, (byte) 0xad}, b("http/1.1")), true)).isEqualTo("t13d151699");
        Engine hex = dissect(engine(new Settings().set("tls.ja4_non_ascii_alpn_hex", "true")),
                foxioHello(alpn(new byte[] {(byte) 0xba, (byte) 0xad}), true), 443);
        assertThat(TlsStreams.value(hex, "tls.handshake.ja4")).startsWith("t13d1516bd_");
    }

    @Test
    void emptyListsAndNoExtensions() {
        // No extensions block: version from the legacy field, no SNI, zero hash for the extension part.
        Engine e = dissect(engine(new Settings()), record(22, 0x0301, clientHello(new int[] {0xc02f, 0x00ff}, null)), 443);
        assertThat(TlsStreams.value(e, "tls.handshake.ja4")).endsWith("_000000000000").startsWith("t12i020000_");
        assertThat(TlsStreams.value(e, "tls.handshake.ja3_full")).isEqualTo("771,49199-255,,,");
        // No cipher suites at all (an invalid, empty vector): zero hash for the cipher part.
        e = dissect(engine(new Settings()), record(22, 0x0301, clientHello(new int[0], sni("a.test"))), 443);
        assertThat(TlsStreams.value(e, "tls.handshake.ja4")).startsWith("t12d000100_000000000000_");
        // More than 99 cipher suites count as 99.
        int[] many = new int[120];
        for (int i = 0; i < many.length; i++) {
            many[i] = 0x1000 + i;
        }
        e = dissect(engine(new Settings()), record(22, 0x0301, clientHello(many, sni("a.test"))), 443);
        assertThat(TlsStreams.value(e, "tls.handshake.ja4")).startsWith("t12d990100_");
    }

    @Test
    void ja3s() throws Exception {
        byte[] sh = TlsStreams.serverHello(0xc02f, cat(ext(0xff01, new byte[] {0}), ext(0x000b, v8(new byte[] {0}))));
        TlsStreams.Conn c = new TlsStreams.Conn(40001, 443)
                .client(record(22, 0x0301, clientHello(new int[] {0xc02f}, sni("a.test"))))
                .server(record(22, 0x0303, sh));
        Engine e = engine(new Settings());
        Feed feed = new Feed(e);
        for (byte[] f : c.frames) {
            feed.next(f);
        }
        assertThat(TlsStreams.value(e, "tls.handshake.ja3s_full")).isEqualTo("771,49199,65281-11");
        assertThat(TlsStreams.value(e, "tls.handshake.ja3s")).isEqualTo(md5("771,49199,65281-11"));
    }

    /** The JA4_a part of the FoxIO example with another ALPN extension, with or without SNI. */
    private static String ja4a(byte[] alpnExt, boolean withSni) {
        Engine e = dissect(engine(new Settings()), foxioHello(alpnExt, withSni), 443);
        return TlsStreams.value(e, "tls.handshake.ja4").substring(0, 10);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
