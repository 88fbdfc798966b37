package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.dissect4j.api.Bytes;

/**
 * The record protection of one direction of a connection (Wireshark's {@code SslDecoder}): cipher, keys, MAC key
 * and the record sequence number. Made when the keys become known (at the ChangeCipherSpec of TLS 1.0-1.2, at the
 * ServerHello and each Finished or KeyUpdate of TLS 1.3); its {@code Cipher} (or Camellia engine), {@code Mac} and
 * buffers are reused for every record of that direction.
 *
 * <ul>
 *   <li>AEAD, TLS 1.2 (RFC 5288, RFC 6655): nonce = 4-byte salt + the record's 8-byte explicit nonce; ChaCha20
 *       (RFC 7905) and TLS 1.3 (RFC 8446 §5.3): nonce = IV XOR sequence number. Additional data: sequence number,
 *       type, version and plaintext length (TLS 1.2), the record header (TLS 1.3).</li>
 *   <li>CBC with HMAC (RFC 5246 §6.2.3.2): explicit IV (TLS 1.1+) or the last ciphertext block (TLS 1.0), padding
 *       checked, MAC checked over sequence number, header and content; with encrypt_then_mac (RFC 7366) the MAC
 *       covers IV and ciphertext and is checked first.</li>
 * </ul>
 * A record that fails (wrong key, bad tag, bad padding or MAC, cut short) returns -1 and still uses up its sequence
 * number, so later records decrypt as before.
 */
final class TlsDecoder {
    private final int suite;
    private final int version;
    private final boolean tls13;
    private final boolean encryptThenMac;
    private final Cipher cipher;
    private final TlsCcm ccm;
    private final TlsCamelliaCbc camellia;
    private final SecretKeySpec key;
    private final byte[] fixedIv;
    private final Mac mac;
    private final int macLength;
    private final byte[] macOut;
    /** TLS 1.3: this direction's traffic secret and hash, for KeyUpdate. */
    final byte[] secret;
    final int hash;
    private long seq;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    /** The record's ciphertext, copied out of its segment (the JDK's ciphers take arrays): the caller's buffer, lent per call. */
    private byte[] in;

    private TlsDecoder(int suite, int version, boolean etm, byte[] key, byte[] iv, byte[] macKey, byte[] secret, int hash)
            throws GeneralSecurityException {
        this.suite = TlsCipherSuites.of(suite);
        this.version = version;
        this.tls13 = version == TlsWire.TLS13;
        this.encryptThenMac = etm && !TlsCipherSuites.aead(this.suite);
        this.fixedIv = iv;
        this.secret = secret;
        this.hash = hash;
        int c = TlsCipherSuites.cipher(this.suite);
        this.key = new SecretKeySpec(key, c == TlsCipherSuites.DES3_CBC ? "DESede" : c == TlsCipherSuites.CHACHA20_POLY1305 ? "ChaCha20" : "AES");
        this.ccm = c == TlsCipherSuites.AES_CCM || c == TlsCipherSuites.AES_CCM_8 ? new TlsCcm(key, TlsCipherSuites.tagLength(this.suite)) : null;
        this.camellia = c == TlsCipherSuites.CAMELLIA_CBC ? new TlsCamelliaCbc(key) : null;
        this.cipher = switch (c) {
            case TlsCipherSuites.AES_GCM -> Cipher.getInstance("AES/GCM/NoPadding");
            case TlsCipherSuites.CHACHA20_POLY1305 -> Cipher.getInstance("ChaCha20-Poly1305");
            case TlsCipherSuites.AES_CBC -> Cipher.getInstance("AES/CBC/NoPadding");
            case TlsCipherSuites.DES3_CBC -> Cipher.getInstance("DESede/CBC/NoPadding");
            default -> null;
        };
        int macHash = TlsCipherSuites.macHash(this.suite);
        if (macKey != null && macHash != 0) {
            this.mac = Mac.getInstance(TlsCipherSuites.hmacName(macHash));
            mac.init(new SecretKeySpec(macKey, TlsCipherSuites.hmacName(macHash)));
            this.macLength = TlsCipherSuites.hashLength(macHash);
        } else {
            this.mac = null;
            this.macLength = 0;
        }
        this.macOut = new byte[Math.max(macLength, 1)];
    }

    /**
     * The decoder of one side from a TLS 1.0-1.2 master secret: {@code key_block = PRF(master_secret, "key expansion",
     * server_random + client_random)}, split into client and server MAC keys, keys and IVs (RFC 5246 §6.3).
     */
    static TlsDecoder fromMasterSecret(int suite, int version, boolean etm, byte[] master, byte[] clientRandom, byte[] serverRandom,
                                       boolean server) throws GeneralSecurityException {
        int packed = TlsCipherSuites.of(suite);
        int macLen = TlsCipherSuites.aead(packed) ? 0 : TlsCipherSuites.hashLength(TlsCipherSuites.macHash(packed));
        int keyLen = TlsCipherSuites.keyLength(packed);
        int ivLen = TlsCipherSuites.fixedIvLength(packed);
        byte[] block = TlsKeyDerivation.prf(version, TlsCipherSuites.prfHash(packed), master, "key expansion",
                TlsKeyDerivation.concat(serverRandom, clientRandom), 2 * (macLen + keyLen + ivLen));
        int side = server ? 1 : 0;
        byte[] macKey = java.util.Arrays.copyOfRange(block, side * macLen, side * macLen + macLen);
        int k = 2 * macLen + side * keyLen;
        byte[] key = java.util.Arrays.copyOfRange(block, k, k + keyLen);
        int v = 2 * macLen + 2 * keyLen + side * ivLen;
        byte[] iv = java.util.Arrays.copyOfRange(block, v, v + ivLen);
        return new TlsDecoder(suite, version, etm, key, iv, macLen == 0 ? null : macKey, null, 0);
    }

    /** The decoder for a TLS 1.3 traffic secret: key = HKDF-Expand-Label(secret, "key"), iv = ...("iv", 12). */
    static TlsDecoder fromTrafficSecret(int suite, byte[] secret) throws GeneralSecurityException {
        int packed = TlsCipherSuites.of(suite);
        int hash = TlsCipherSuites.prfHash(packed);
        byte[] key = TlsKeyDerivation.expandLabel(hash, secret, "key", new byte[0], TlsCipherSuites.keyLength(packed));
        byte[] iv = TlsKeyDerivation.expandLabel(hash, secret, "iv", new byte[0], 12);
        return new TlsDecoder(suite, TlsWire.TLS13, false, key, iv, null, secret, hash);
    }

    /** The next generation after a KeyUpdate: {@code secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length)}. */
    TlsDecoder updated(int wireSuite) throws GeneralSecurityException {
        byte[] next = TlsKeyDerivation.expandLabel(hash, secret, "traffic upd", new byte[0], TlsCipherSuites.hashLength(hash));
        return fromTrafficSecret(wireSuite, next);
    }

    /** Whether this protects TLS 1.3 records (inner content type, record header as additional data). */
    boolean tls13() {
        return tls13;
    }

    /** A record of this direction that could not be tried (cut short): its sequence number is used up. */
    void skipSequence() {
        seq++;
    }

    /** Gives back the sequence number of a trial decryption that failed (the record was not this decoder's). */
    void undoSequence() {
        seq--;
    }

    /** Whether the suite can be decrypted at all. */
    static boolean supported(int suite) {
        return TlsCipherSuites.of(suite) != 0;
    }

    /**
     * Decrypts the record body {@code [at, at + len)} of {@code seg} (the header said {@code type}, {@code recVersion},
     * {@code len}); the plaintext (for TLS 1.3 the inner plaintext: content, type, padding) goes to {@code out} from
     * {@code outOff}, which must have room for {@code len} bytes; {@code scratch} takes a copy of the ciphertext (at least
     * {@code len} bytes, else the record fails). Uses up one sequence number, whatever the outcome.
     *
     * @return the plaintext length, or -1 when the record does not decrypt or authenticate
     */
    int decrypt(MemorySegment seg, long at, int len, int type, int recVersion, byte[] out, int outOff, byte[] scratch) {
        long n = seq++;
        if (scratch.length < len) {
            return -1;
        }
        in = scratch;
        MemorySegment.copy(seg, Bytes.U8, at, in, 0, len);
        try {
            return switch (TlsCipherSuites.cipher(suite)) {
                case TlsCipherSuites.AES_GCM, TlsCipherSuites.AES_CCM, TlsCipherSuites.AES_CCM_8, TlsCipherSuites.CHACHA20_POLY1305 ->
                        aead(n, len, type, recVersion, out, outOff);
                case TlsCipherSuites.AES_CBC, TlsCipherSuites.DES3_CBC, TlsCipherSuites.CAMELLIA_CBC -> cbc(n, len, type, recVersion, out, outOff);
                default -> -1;
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            return -1;
        }
    }

    private int aead(long n, int len, int type, int recVersion, byte[] out, int outOff) throws GeneralSecurityException {
        int c = TlsCipherSuites.cipher(suite);
        int tag = TlsCipherSuites.tagLength(suite);
        boolean explicitNonce = !tls13 && c != TlsCipherSuites.CHACHA20_POLY1305;
        int ctOff = explicitNonce ? 8 : 0;
        int plain = len - ctOff - tag;
        if (plain < 0) {
            return -1;
        }
        if (explicitNonce) {
            System.arraycopy(fixedIv, 0, nonce, 0, 4);
            System.arraycopy(in, 0, nonce, 4, 8);
        } else {
            System.arraycopy(fixedIv, 0, nonce, 0, 12);
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] ^= (byte) (n >>> (56 - 8 * i));
            }
        }
        int aadLength;
        if (tls13) {
            aad[0] = (byte) type;
            aad[1] = (byte) (recVersion >>> 8);
            aad[2] = (byte) recVersion;
            aad[3] = (byte) (len >>> 8);
            aad[4] = (byte) len;
            aadLength = 5;
        } else {
            header(n, type, recVersion, plain);
            aadLength = 13;
        }
        if (ccm != null) {
            return ccm.decrypt(nonce, 12, aad, aadLength, in, ctOff, len - ctOff, out, outOff);
        }
        if (c == TlsCipherSuites.AES_GCM) {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tag * 8, nonce));
        } else {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
        }
        cipher.updateAAD(aad, 0, aadLength);
        return cipher.doFinal(in, ctOff, len - ctOff, out, outOff);
    }

    /** seq_num(8) + type(1) + version(2) + length(2) into {@link #aad}: the AEAD additional data and the MAC header. */
    private void header(long n, int type, int recVersion, int length) {
        for (int i = 0; i < 8; i++) {
            aad[i] = (byte) (n >>> (56 - 8 * i));
        }
        aad[8] = (byte) type;
        aad[9] = (byte) (recVersion >>> 8);
        aad[10] = (byte) recVersion;
        aad[11] = (byte) (length >>> 8);
        aad[12] = (byte) length;
    }

    private int cbc(long n, int len, int type, int recVersion, byte[] out, int outOff) throws GeneralSecurityException {
        int bs = TlsCipherSuites.blockLength(suite);
        int ctLen = encryptThenMac ? len - macLength : len;
        boolean explicitIv = version != TlsWire.TLS10 && version != TlsWire.SSLV3;
        int ivLen = explicitIv ? bs : 0;
        if (ctLen - ivLen < bs || (ctLen - ivLen) % bs != 0) {
            return -1;
        }
        if (encryptThenMac) {
            header(n, type, recVersion, ctLen);
            mac.update(aad, 0, 13);
            mac.update(in, 0, ctLen);
            mac.doFinal(macOut, 0);
            if (!same(macOut, in, ctLen, macLength)) {
                return -1;
            }
        }
        int plain;
        if (camellia != null) {
            plain = camellia.decrypt(explicitIv ? in : fixedIv, 0, in, ivLen, ctLen - ivLen, out, outOff);
        } else {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(explicitIv ? in : fixedIv, 0, bs));
            plain = cipher.doFinal(in, ivLen, ctLen - ivLen, out, outOff);
        }
        if (!explicitIv) {
            // TLS 1.0 chains the records: the next IV is this record's last ciphertext block.
            System.arraycopy(in, ctLen - bs, fixedIv, 0, bs);
        }
        int pad = out[outOff + plain - 1] & 0xff;
        int macIn = encryptThenMac ? 0 : macLength;
        int content = plain - pad - 1 - macIn;
        if (content < 0) {
            return -1;
        }
        for (int i = 0; i < pad; i++) {
            if ((out[outOff + plain - 2 - i] & 0xff) != pad) {
                return -1;
            }
        }
        if (!encryptThenMac && mac != null) {
            header(n, type, recVersion, content);
            mac.update(aad, 0, 13);
            mac.update(out, outOff, content);
            mac.doFinal(macOut, 0);
            if (!same(macOut, out, outOff + content, macLength)) {
                return -1;
            }
        }
        return content;
    }

    private static boolean same(byte[] a, byte[] b, int bOff, int n) {
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= a[i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
