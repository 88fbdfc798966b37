package org.dissect4j.tls;

/**
 * What decryption needs to know of a cipher suite: the record protection (AEAD or CBC with HMAC), the key length,
 * the MAC hash and the PRF/HKDF hash (RFC 5246 Appendix C, RFC 5288, RFC 5289, RFC 6655, RFC 7251, RFC 7905,
 * RFC 8446 §B.4, RFC 4132, RFC 5932, RFC 6367). Suites decrypted: every TLS 1.3 suite; AES-GCM, AES-CCM(_8) and
 * ChaCha20-Poly1305 with RSA, DHE, ECDHE and PSK key exchanges; AES-CBC, 3DES-CBC and CAMELLIA-CBC with
 * HMAC-SHA1/SHA256/SHA384. A suite not listed is shown undecrypted, as Wireshark shows one it cannot decrypt.
 *
 * <p>A suite is packed in an int: {@code cipher | keyLength << 8 | macHash << 16 | prfHash << 20}; 0 when unknown.
 */
final class TlsCipherSuites {
    /** Record protection. */
    static final int AES_GCM = 1, AES_CCM = 2, AES_CCM_8 = 3, CHACHA20_POLY1305 = 4, AES_CBC = 5, DES3_CBC = 6, CAMELLIA_CBC = 7;
    /** Hashes (for HMAC, the PRF and HKDF). */
    static final int MD5 = 1, SHA1 = 2, SHA256 = 3, SHA384 = 4;

    private static final int[] TABLE = new int[65536];

    private TlsCipherSuites() {
    }

    private static void aead(int cipher, int keyLength, int prf, int... suites) {
        for (int s : suites) {
            TABLE[s] = cipher | keyLength << 8 | prf << 20;
        }
    }

    private static void cbc(int cipher, int keyLength, int mac, int... suites) {
        for (int s : suites) {
            // TLS 1.2 uses SHA-384 for the PRF of the SHA-384 suites, SHA-256 for all others.
            TABLE[s] = cipher | keyLength << 8 | mac << 16 | (mac == SHA384 ? SHA384 : SHA256) << 20;
        }
    }

    static {
        // TLS 1.3
        aead(AES_GCM, 16, SHA256, 0x1301);
        aead(AES_GCM, 32, SHA384, 0x1302);
        aead(CHACHA20_POLY1305, 32, SHA256, 0x1303);
        aead(AES_CCM, 16, SHA256, 0x1304);
        aead(AES_CCM_8, 16, SHA256, 0x1305);
        // AES-GCM: RSA, DHE_RSA, DHE_DSS, PSK, DHE_PSK, RSA_PSK, ECDHE_ECDSA, ECDHE_RSA, ECDHE_PSK
        aead(AES_GCM, 16, SHA256, 0x009c, 0x009e, 0x00a2, 0x00a8, 0x00aa, 0x00ac, 0xc02b, 0xc02f, 0xd001);
        aead(AES_GCM, 32, SHA384, 0x009d, 0x009f, 0x00a3, 0x00a9, 0x00ab, 0x00ad, 0xc02c, 0xc030, 0xd002);
        // ChaCha20-Poly1305 (RFC 7905)
        aead(CHACHA20_POLY1305, 32, SHA256, 0xcca8, 0xcca9, 0xccaa, 0xccab, 0xccac, 0xccad, 0xccae);
        // AES-CCM (RFC 6655, RFC 7251)
        aead(AES_CCM, 16, SHA256, 0xc09c, 0xc09e, 0xc0a4, 0xc0a6, 0xc0ac);
        aead(AES_CCM, 32, SHA256, 0xc09d, 0xc09f, 0xc0a5, 0xc0a7, 0xc0ad);
        aead(AES_CCM_8, 16, SHA256, 0xc0a0, 0xc0a2, 0xc0a8, 0xc0aa, 0xc0ae);
        aead(AES_CCM_8, 32, SHA256, 0xc0a1, 0xc0a3, 0xc0a9, 0xc0ab, 0xc0af);
        // AES-CBC with HMAC-SHA1: RSA, DHE_DSS, DHE_RSA, ECDHE_ECDSA, ECDHE_RSA, PSK
        cbc(AES_CBC, 16, SHA1, 0x002f, 0x0032, 0x0033, 0xc009, 0xc013, 0x008c, 0xc004, 0xc00e);
        cbc(AES_CBC, 32, SHA1, 0x0035, 0x0038, 0x0039, 0xc00a, 0xc014, 0x008d, 0xc005, 0xc00f);
        // AES-CBC with HMAC-SHA256/SHA384 (TLS 1.2)
        cbc(AES_CBC, 16, SHA256, 0x003c, 0x0040, 0x0067, 0xc023, 0xc027, 0x00ae);
        cbc(AES_CBC, 32, SHA256, 0x003d, 0x006a, 0x006b);
        cbc(AES_CBC, 32, SHA384, 0xc024, 0xc028, 0x00af);
        // 3DES-EDE-CBC with HMAC-SHA1: RSA, DHE_DSS, DHE_RSA, ECDHE_ECDSA, ECDHE_RSA
        cbc(DES3_CBC, 24, SHA1, 0x000a, 0x0013, 0x0016, 0xc008, 0xc012);
        // CAMELLIA-CBC, every suite of Wireshark's table: RSA, DH_DSS, DH_RSA, DHE_DSS, DHE_RSA, DH_anon (RFC 4132, RFC 5932)
        cbc(CAMELLIA_CBC, 16, SHA1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046);
        cbc(CAMELLIA_CBC, 32, SHA1, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089);
        cbc(CAMELLIA_CBC, 16, SHA256, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf);
        cbc(CAMELLIA_CBC, 32, SHA256, 0x00c0, 0x00c1, 0x00c2, 0x00c3, 0x00c4, 0x00c5);
        // ... ECDHE_ECDSA, ECDH_ECDSA, ECDHE_RSA, ECDH_RSA; PSK, DHE_PSK, RSA_PSK, ECDHE_PSK (RFC 6367)
        cbc(CAMELLIA_CBC, 16, SHA256, 0xc072, 0xc074, 0xc076, 0xc078, 0xc094, 0xc096, 0xc098, 0xc09a);
        cbc(CAMELLIA_CBC, 32, SHA384, 0xc073, 0xc075, 0xc077, 0xc079, 0xc095, 0xc097, 0xc099, 0xc09b);
    }

    /** The packed description of {@code suite}, 0 when it is not decrypted. */
    static int of(int suite) {
        return suite < 0 || suite > 0xffff ? 0 : TABLE[suite];
    }

    static int cipher(int packed) {
        return packed & 0xff;
    }

    static int keyLength(int packed) {
        return (packed >>> 8) & 0xff;
    }

    static int macHash(int packed) {
        return (packed >>> 16) & 0xf;
    }

    static int prfHash(int packed) {
        return (packed >>> 20) & 0xf;
    }

    static boolean aead(int packed) {
        int c = cipher(packed);
        return c >= AES_GCM && c <= CHACHA20_POLY1305;
    }

    /** Fixed IV bytes from the key block: the GCM/CCM salt (4), ChaCha20's whole nonce (12), the CBC block (TLS 1.0). */
    static int fixedIvLength(int packed) {
        return switch (cipher(packed)) {
            case AES_GCM, AES_CCM, AES_CCM_8 -> 4;
            case CHACHA20_POLY1305 -> 12;
            case AES_CBC, CAMELLIA_CBC -> 16;
            case DES3_CBC -> 8;
            default -> 0;
        };
    }

    static int blockLength(int packed) {
        return cipher(packed) == DES3_CBC ? 8 : 16;
    }

    static int tagLength(int packed) {
        return cipher(packed) == AES_CCM_8 ? 8 : 16;
    }

    static int hashLength(int hash) {
        return switch (hash) {
            case MD5 -> 16;
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA384 -> 48;
            default -> 0;
        };
    }

    static String hmacName(int hash) {
        return switch (hash) {
            case MD5 -> "HmacMD5";
            case SHA1 -> "HmacSHA1";
            case SHA384 -> "HmacSHA384";
            default -> "HmacSHA256";
        };
    }
}
