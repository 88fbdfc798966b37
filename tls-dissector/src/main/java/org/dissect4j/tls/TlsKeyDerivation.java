package org.dissect4j.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key derivation: the TLS 1.0/1.1 PRF (P_MD5 XOR P_SHA1, RFC 2246 §5), the TLS 1.2 PRF (P_SHA256 or P_SHA384,
 * RFC 5246 §5) and TLS 1.3's HKDF-Expand-Label (RFC 8446 §7.1, on JDK 25's {@code javax.crypto.KDF}). Runs once per
 * connection and key change, so it may allocate.
 */
final class TlsKeyDerivation {
    private TlsKeyDerivation() {
    }

    /** {@code PRF(secret, label, seed)} of {@code version}, {@code length} bytes; {@code hash} is the suite's PRF hash. */
    static byte[] prf(int version, int hash, byte[] secret, String label, byte[] seed, int length) throws GeneralSecurityException {
        byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        if (version == TlsWire.TLS12 || version == TlsWire.TLS13) {
            return pHash(TlsCipherSuites.hmacName(hash), secret, 0, secret.length, labelSeed, length);
        }
        // TLS 1.0/1.1: the secret's halves (overlapping by one byte when odd) for MD5 and SHA-1, XORed.
        int half = (secret.length + 1) / 2;
        byte[] md5 = pHash("HmacMD5", secret, 0, half, labelSeed, length);
        byte[] sha1 = pHash("HmacSHA1", secret, secret.length - half, half, labelSeed, length);
        for (int i = 0; i < length; i++) {
            md5[i] ^= sha1[i];
        }
        return md5;
    }

    /** {@code P_hash(secret, seed)}: HMAC(secret, A(i) + seed) with A(0) = seed, A(i) = HMAC(secret, A(i-1)). */
    private static byte[] pHash(String hmac, byte[] secret, int off, int len, byte[] seed, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        // An empty secret is valid for the PRF but not for SecretKeySpec: HMAC pads the key with zeros anyway.
        mac.init(new SecretKeySpec(len == 0 ? new byte[1] : secret, len == 0 ? 0 : off, Math.max(len, 1), hmac));
        byte[] out = new byte[length];
        byte[] a = seed;
        int at = 0;
        while (at < length) {
            a = mac.doFinal(a);
            mac.update(a);
            byte[] block = mac.doFinal(seed);
            int n = Math.min(block.length, length - at);
            System.arraycopy(block, 0, out, at, n);
            at += n;
        }
        return out;
    }

    /**
     * {@code HKDF-Expand-Label(secret, label, context, length)} with {@code HkdfLabel = uint16 length,
     * opaque label<7..255> = "tls13 " + label, opaque context<0..255>}.
     */
    static byte[] expandLabel(int hash, byte[] secret, String label, byte[] context, int length) throws GeneralSecurityException {
        byte[] l = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + l.length + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) l.length;
        System.arraycopy(l, 0, info, 3, l.length);
        info[3 + l.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + l.length, context.length);
        KDF kdf = KDF.getInstance(hash == TlsCipherSuites.SHA384 ? "HKDF-SHA384" : "HKDF-SHA256");
        return kdf.deriveData(HKDFParameterSpec.expandOnly(new SecretKeySpec(secret, "Generic"), info, length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
