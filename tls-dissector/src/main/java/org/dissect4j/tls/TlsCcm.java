package org.dissect4j.tls;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CCM decryption (RFC 3610; its TLS use, RFC 6655 and RFC 8446, has 12-byte nonces and 16- or 8-byte tags),
 * which the JDK lacks: CTR mode for the data and CBC-MAC for the tag, both on one {@code AES/ECB/NoPadding} cipher
 * used a block at a time. One object per key; the work buffers are reused, so a record allocates nothing.
 */
final class TlsCcm {
    private static final int BLOCK = 16;
    private final Cipher aes;
    private final int tagLength;
    private final byte[] counter = new byte[BLOCK];
    private final byte[] keystream = new byte[BLOCK];
    private final byte[] mac = new byte[BLOCK];
    private final byte[] block = new byte[BLOCK];
    private final byte[] s0 = new byte[BLOCK];

    TlsCcm(byte[] key, int tagLength) throws GeneralSecurityException {
        this.aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        this.tagLength = tagLength;
    }

    /**
     * Decrypts and checks {@code in[inOff, inOff + len)} (ciphertext followed by the tag) with {@code nonce} and
     * additional data {@code aad[0, aadLength)}; the plaintext goes to {@code out[outOff...]}.
     *
     * @return the plaintext length, or -1 when the tag does not match (or the input is shorter than a tag)
     */
    int decrypt(byte[] nonce, int nonceLength, byte[] aad, int aadLength, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int plainLength = len - tagLength;
        int lengthBytes = 15 - nonceLength;
        if (plainLength < 0 || lengthBytes < 2 || lengthBytes > 8) {
            return -1;
        }
        try {
            // Counter blocks A_i = flags(L-1) | nonce | i; S_0 encrypts the tag, S_1.. the data.
            counter[0] = (byte) (lengthBytes - 1);
            System.arraycopy(nonce, 0, counter, 1, nonceLength);
            setCounter(counter, lengthBytes, 0);
            encrypt(counter, s0);
            for (int at = 0, i = 1; at < plainLength; at += BLOCK, i++) {
                setCounter(counter, lengthBytes, i);
                encrypt(counter, keystream);
                int n = Math.min(BLOCK, plainLength - at);
                for (int k = 0; k < n; k++) {
                    out[outOff + at + k] = (byte) (in[inOff + at + k] ^ keystream[k]);
                }
            }
            // CBC-MAC over B_0 = flags | nonce | l(m), the encoded additional data, then the plaintext.
            block[0] = (byte) ((aadLength > 0 ? 0x40 : 0) | ((tagLength - 2) / 2) << 3 | (lengthBytes - 1));
            System.arraycopy(nonce, 0, block, 1, nonceLength);
            setCounter(block, lengthBytes, plainLength);
            encrypt(block, mac);
            if (aadLength > 0) {
                // l(a) < 2^16 - 2^8: two length bytes, then the data, zero-padded to whole blocks.
                int pos = 2;
                java.util.Arrays.fill(block, (byte) 0);
                block[0] = (byte) (aadLength >>> 8);
                block[1] = (byte) aadLength;
                for (int i = 0; i < aadLength; i++) {
                    block[pos++] = aad[i];
                    if (pos == BLOCK) {
                        macBlock();
                        pos = 0;
                    }
                }
                if (pos > 0) {
                    macBlock();
                }
            }
            for (int at = 0; at < plainLength; at += BLOCK) {
                java.util.Arrays.fill(block, (byte) 0);
                System.arraycopy(out, outOff + at, block, 0, Math.min(BLOCK, plainLength - at));
                macBlock();
            }
            for (int i = 0; i < tagLength; i++) {
                mac[i] ^= s0[i];
            }
            int diff = 0;
            for (int i = 0; i < tagLength; i++) {
                diff |= mac[i] ^ in[inOff + plainLength + i];
            }
            if (diff != 0) {
                return -1;
            }
            return plainLength;
        } catch (ShortBufferException e) {
            return -1;
        }
    }

    /** X_i+1 = E(K, X_i XOR B_i) with {@link #block} as B_i; clears the block's padding afterwards. */
    private void macBlock() throws ShortBufferException {
        for (int i = 0; i < BLOCK; i++) {
            block[i] ^= mac[i];
        }
        encrypt(block, mac);
        java.util.Arrays.fill(block, (byte) 0);
    }

    private void encrypt(byte[] src, byte[] dst) throws ShortBufferException {
        aes.update(src, 0, BLOCK, dst, 0);
    }

    private static void setCounter(byte[] b, int lengthBytes, long value) {
        for (int i = 0; i < lengthBytes; i++) {
            b[BLOCK - 1 - i] = (byte) (value >>> (8 * i));
        }
    }
}
