package org.dissect4j.tls;

import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * CAMELLIA-CBC decryption (RFC 3713 block cipher; its TLS suites, RFC 4132, RFC 5932, RFC 6367), which the JDK lacks:
 * BouncyCastle's lightweight {@link CamelliaEngine} decrypts one block at a time and CBC is done here (each plaintext
 * block is the decrypted block XOR the previous ciphertext block, the first one XOR the IV). Only the engine is used:
 * no JCA provider is registered. One object per key, keyed once; a record allocates nothing.
 */
final class TlsCamelliaCbc {
    static final int BLOCK = 16;
    private final CamelliaEngine engine = new CamelliaEngine();

    /** A decryptor for {@code key} (16 or 32 bytes: CAMELLIA_128 or CAMELLIA_256). */
    TlsCamelliaCbc(byte[] key) {
        engine.init(false, new KeyParameter(key));
    }

    /**
     * Decrypts {@code in[inOff, inOff + len)} ({@code len} a multiple of the block) with the IV {@code iv[ivOff, ivOff + 16)}
     * into {@code out[outOff...]}, which must not overlap the input.
     *
     * @return {@code len}, the plaintext length (padding still on)
     */
    int decrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len % BLOCK != 0) {
            throw new IllegalArgumentException("not a whole number of blocks: " + len);
        }
        byte[] prev = iv;
        int prevOff = ivOff;
        for (int at = 0; at < len; at += BLOCK) {
            engine.processBlock(in, inOff + at, out, outOff + at);
            for (int i = 0; i < BLOCK; i++) {
                out[outOff + at + i] ^= prev[prevOff + i];
            }
            prev = in;
            prevOff = inOff + at;
        }
        return len;
    }
}
