package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known answers for the key schedule, AES-CCM and CAMELLIA-CBC, and the key log's parsing and re-reading. */
class TlsCryptoTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void tls12PrfSha256() throws Exception {
        // The TLS 1.2 PRF test vector (P_SHA256, "test label") published with RFC 5246's errata discussions.
        byte[] out = TlsKeyDerivation.prf(TlsWire.TLS12, TlsCipherSuites.SHA256, hex("9bbe436ba940f017b17652849a71db35"),
                "test label", hex("a0ba9f936cda311827a6f796ffd5198c"), 32);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a");
    }

    @Test
    void tls13ExpandLabelRfc8448() throws Exception {
        // RFC 8448 §3: server handshake traffic secret -> write key and IV
        byte[] secret = hex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
        assertThat(TlsKeyDerivation.expandLabel(TlsCipherSuites.SHA256, secret, "key", new byte[0], 16))
                .isEqualTo(hex("3fce516009c21727d0f2e4e86ee403bc"));
        assertThat(TlsKeyDerivation.expandLabel(TlsCipherSuites.SHA256, secret, "iv", new byte[0], 12))
                .isEqualTo(hex("5d313eb2671276ee13000b30"));
    }

    @Test
    void ccmRfc3610PacketVector1() throws Exception {
        TlsCcm ccm = new TlsCcm(hex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"), 8);
        byte[] nonce = hex("00000003020100a0a1a2a3a4a5");
        byte[] aad = hex("0001020304050607");
        byte[] in = hex("588c979a61c663d2f066d0c2c0f989806d5f6b61dac384" + "17e8d12cfdf926e0");
        byte[] out = new byte[in.length];
        int n = ccm.decrypt(nonce, nonce.length, aad, aad.length, in, 0, in.length, out, 0);
        assertThat(n).isEqualTo(23);
        assertThat(java.util.Arrays.copyOf(out, n)).isEqualTo(hex("08090a0b0c0d0e0f101112131415161718191a1b1c1d1e"));
        in[3] ^= 1;
        assertThat(ccm.decrypt(nonce, nonce.length, aad, aad.length, in, 0, in.length, out, 0)).isEqualTo(-1);
    }

    /**
     * Camellia, RFC 3713 Appendix A (128- and 256-bit keys): one block with a zero IV is the cipher itself; a second
     * block repeating the ciphertext checks the chaining (its plaintext is the plaintext XOR the first ciphertext).
     */
    @Test
    void camelliaCbcRfc3713Vectors() {
        byte[] plain = hex("0123456789abcdeffedcba9876543210");
        String[][] vectors = {
            {"0123456789abcdeffedcba9876543210", "67673138549669730857065648eabe43"},
            {"0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff", "9acc237dff16d76c20ef7c919e3a7509"},
        };
        for (String[] v : vectors) {
            byte[] ct = hex(v[1]);
            byte[] in = TlsKeyDerivation.concat(ct, ct);
            byte[] out = new byte[32];
            assertThat(new TlsCamelliaCbc(hex(v[0])).decrypt(new byte[16], 0, in, 0, 32, out, 0)).isEqualTo(32);
            byte[] second = new byte[16];
            for (int i = 0; i < 16; i++) {
                second[i] = (byte) (plain[i] ^ ct[i]);
            }
            assertThat(java.util.Arrays.copyOfRange(out, 0, 16)).isEqualTo(plain);
            assertThat(java.util.Arrays.copyOfRange(out, 16, 32)).isEqualTo(second);
        }
    }

    @Test
    void keyLogLabelsAndBadLines() {
        TlsKeyLog log = new TlsKeyLog();
        String random = "11".repeat(32);
        log.add(("# comment\n\nCLIENT_RANDOM " + random + " " + "22".repeat(48) + "\n"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + random + " " + "33".repeat(48) + "\r\n"
                + "RSA 0011223344556677 " + "44".repeat(48) + "\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + random + " 3x" + "55".repeat(31) + "\n"
                + "CLIENT_RANDOM " + "11".repeat(31) + " " + "22".repeat(48) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(log.secret(hex(random), TlsKeyLog.MASTER_SECRET)).isEqualTo(hex("22".repeat(48)));
        assertThat(log.secret(hex(random), TlsKeyLog.SERVER_HANDSHAKE)).isEqualTo(hex("33".repeat(48)));
        assertThat(log.secret(hex(random), TlsKeyLog.CLIENT_TRAFFIC_0)).isNull();
        assertThat(log.badLines()).isEqualTo(2);
    }

    @Test
    void keyLogFileIsReReadWhenItGrows(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("keys.log");
        String a = "aa".repeat(32);
        String b = "bb".repeat(32);
        Files.writeString(f, "CLIENT_RANDOM " + a + " " + "01".repeat(48) + "\n");
        TlsKeyLog log = new TlsKeyLog();
        log.file(f);
        assertThat(log.secret(hex(a), TlsKeyLog.MASTER_SECRET)).isNotNull();
        assertThat(log.secret(hex(b), TlsKeyLog.MASTER_SECRET)).isNull();
        Files.writeString(f, "CLIENT_RANDOM " + b + " " + "02".repeat(48) + "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(log.secret(hex(b), TlsKeyLog.MASTER_SECRET)).isEqualTo(hex("02".repeat(48)));
    }

    @Test
    void keyLogFileNotThereYetIsTriedAgain(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("later.log");
        TlsKeyLog log = new TlsKeyLog();
        log.file(f);
        String a = "cc".repeat(32);
        assertThat(log.secret(hex(a), TlsKeyLog.MASTER_SECRET)).isNull();
        Files.writeString(f, "CLIENT_RANDOM " + a + " " + "03".repeat(48) + "\n");
        assertThat(log.secret(hex(a), TlsKeyLog.MASTER_SECRET)).isEqualTo(hex("03".repeat(48)));
    }
}
