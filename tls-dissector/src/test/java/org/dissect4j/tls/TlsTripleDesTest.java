package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000a). No tool on this machine makes such a capture (its OpenSSL is built without
 * 3DES suites), so the records are written here the way RFC 2246/5246 §6.2.3.2 defines them — HMAC-SHA1 over the
 * sequence number, header and content, then padding, then DESede-CBC with the key block's IV chained across records
 * (TLS 1.0) or an explicit IV per record (TLS 1.2) — and the decoder must give back the content, in sequence, and
 * refuse a record whose MAC or padding does not check.
 */
class TlsTripleDesTest {
    private static final int SUITE = 0x000a;
    private static final int MAC_LEN = 20, KEY_LEN = 24, IV_LEN = 8;

    @ParameterizedTest
    @ValueSource(ints = {TlsWire.TLS10, TlsWire.TLS11, TlsWire.TLS12})
    void recordsDecryptInSequenceAndATamperedOneFails(int version) throws Exception {
        Random r = new Random(version);
        byte[] master = bytes(r, 48), clientRandom = bytes(r, 32), serverRandom = bytes(r, 32);
        byte[] block = TlsKeyDerivation.prf(version, TlsCipherSuites.prfHash(TlsCipherSuites.of(SUITE)), master, "key expansion",
                TlsKeyDerivation.concat(serverRandom, clientRandom), 2 * (MAC_LEN + KEY_LEN + IV_LEN));
        byte[] macKey = Arrays.copyOfRange(block, 0, MAC_LEN);
        byte[] key = Arrays.copyOfRange(block, 2 * MAC_LEN, 2 * MAC_LEN + KEY_LEN);
        byte[] iv = Arrays.copyOfRange(block, 2 * (MAC_LEN + KEY_LEN), 2 * (MAC_LEN + KEY_LEN) + IV_LEN);
        Writer client = new Writer(version, macKey, key, iv, r);
        TlsDecoder decoder = TlsDecoder.fromMasterSecret(SUITE, version, false, master, clientRandom, serverRandom, false);

        for (String text : new String[] {"GET / HTTP/1.0\r\n\r\n", "a second record, to check the sequence and IV chain", ""}) {
            byte[] content = text.getBytes(StandardCharsets.US_ASCII);
            byte[] record = client.record(content);
            byte[] out = new byte[record.length];
            int n = decoder.decrypt(MemorySegment.ofArray(record), 0, record.length, 23, version, out, 0, new byte[record.length]);
            assertThat(n).isEqualTo(content.length);
            assertThat(Arrays.copyOf(out, n)).isEqualTo(content);
        }
        byte[] tampered = client.record("altered in flight".getBytes(StandardCharsets.US_ASCII));
        tampered[tampered.length - 9] ^= 1;
        int n = decoder.decrypt(MemorySegment.ofArray(tampered), 0, tampered.length, 23, version, new byte[tampered.length], 0,
                new byte[tampered.length]);
        assertThat(n).isEqualTo(-1);
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** The sending side, written from the RFC (MAC-then-encrypt, CBC padding), independent of the decoder. */
    private static final class Writer {
        private final int version;
        private final Mac mac;
        private final Cipher des;
        private final SecretKeySpec key;
        private final Random random;
        private byte[] chainedIv;
        private long seq;

        Writer(int version, byte[] macKey, byte[] key, byte[] iv, Random random) throws Exception {
            this.version = version;
            this.mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(macKey, "HmacSHA1"));
            this.des = Cipher.getInstance("DESede/CBC/NoPadding");
            this.key = new SecretKeySpec(key, "DESede");
            this.chainedIv = iv.clone();
            this.random = random;
        }

        byte[] record(byte[] content) throws Exception {
            byte[] header = {(byte) (seq >>> 56), (byte) (seq >>> 48), (byte) (seq >>> 40), (byte) (seq >>> 32),
                (byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq, 23, (byte) (version >>> 8),
                (byte) version, (byte) (content.length >>> 8), (byte) content.length};
            seq++;
            mac.update(header);
            byte[] tag = mac.doFinal(content);
            int pad = IV_LEN - (content.length + tag.length + 1) % IV_LEN;
            byte[] plain = new byte[content.length + tag.length + pad + 1];
            System.arraycopy(content, 0, plain, 0, content.length);
            System.arraycopy(tag, 0, plain, content.length, tag.length);
            Arrays.fill(plain, content.length + tag.length, plain.length, (byte) pad);
            boolean explicit = version != TlsWire.TLS10;
            byte[] iv = explicit ? bytes(random, IV_LEN) : chainedIv;
            des.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            byte[] encrypted = des.doFinal(plain);
            chainedIv = Arrays.copyOfRange(encrypted, encrypted.length - IV_LEN, encrypted.length);
            if (!explicit) {
                return encrypted;
            }
            byte[] out = new byte[IV_LEN + encrypted.length];
            System.arraycopy(iv, 0, out, 0, IV_LEN);
            System.arraycopy(encrypted, 0, out, IV_LEN, encrypted.length);
            return out;
        }
    }
}
