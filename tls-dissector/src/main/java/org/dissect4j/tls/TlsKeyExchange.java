package org.dissect4j.tls;

import static org.dissect4j.tls.TlsVectors.bytes;
import static org.dissect4j.tls.TlsVectors.digitallySigned;
import static org.dissect4j.tls.TlsVectors.lengthPrefixed;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * ServerKeyExchange and ClientKeyExchange (RFC 5246 §7.4.3, §7.4.7, RFC 4492, RFC 4279): what they carry depends on
 * the key exchange of the cipher suite the ServerHello selected, looked up in a table built once from the suite names.
 */
final class TlsKeyExchange {
    /** Key exchange algorithm of a cipher suite (what ServerKeyExchange/ClientKeyExchange carry). */
    static final int KEX_UNKNOWN = 0, KEX_RSA = 1, KEX_DHE = 2, KEX_DH_ANON = 3, KEX_ECDHE = 4, KEX_ECDH_ANON = 5,
            KEX_PSK = 6, KEX_RSA_PSK = 7, KEX_DHE_PSK = 8, KEX_ECDHE_PSK = 9, KEX_DH = 10, KEX_ECDH = 11;
    private static final byte[] KEX = new byte[65536];

    static {
        for (int i = 0; i < TlsNames.CIPHER_SUITES.size(); i++) {
            int suite = (int) TlsNames.CIPHER_SUITES.key(i);
            if (suite >= 0 && suite < 65536) {
                KEX[suite] = (byte) kexOf(TlsNames.CIPHER_SUITES.nameAt(i));
            }
        }
    }

    static int kexOf(String name) {
        if (name.contains("_ECDHE_PSK_")) {
            return KEX_ECDHE_PSK;
        }
        if (name.contains("_DHE_PSK_")) {
            return KEX_DHE_PSK;
        }
        if (name.contains("_RSA_PSK_")) {
            return KEX_RSA_PSK;
        }
        if (name.startsWith("TLS_PSK_")) {
            return KEX_PSK;
        }
        if (name.contains("_ECDH_anon_")) {
            return KEX_ECDH_ANON;
        }
        if (name.contains("_ECDHE_")) {
            return KEX_ECDHE;
        }
        if (name.contains("_ECDH_")) {
            return KEX_ECDH;
        }
        if (name.contains("_DH_anon_")) {
            return KEX_DH_ANON;
        }
        if (name.contains("_DHE_")) {
            return KEX_DHE;
        }
        if (name.contains("_DH_")) {
            return KEX_DH;
        }
        if (name.startsWith("TLS_RSA_") || name.startsWith("SSL_RSA_")) {
            return KEX_RSA;
        }
        return KEX_UNKNOWN;
    }

    private TlsKeyExchange() {
    }

    static void serverKeyExchange(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int kex = s.cipher >= 0 ? KEX[s.cipher] : KEX_UNKNOWN;
        boolean params = openParams(t, serverParams(kex), at, end);
        serverParams(p, s, kex, at, end);
        if (params) {
            t.close();
        }
    }

    /** Opens the parameters' subtree when the key exchange has one; whether it did. */
    private static boolean openParams(Tree t, Field params, int at, int end) {
        if (params == null) {
            return false;
        }
        t.open(params, at, end - at);
        return true;
    }

    private static void serverParams(Packet p, TlsSession s, int kex, int at, int end) {
        Tree t = p.tree();
        switch (kex) {
            case KEX_ECDHE, KEX_ECDH, KEX_ECDH_ANON -> {
                int curveType = p.u8(at);
                t.addUint(TlsFields.CURVE_TYPE, at, 1, curveType);
                at++;
                if (curveType != 3) {
                    return;
                }
                t.addUint(TlsFields.NAMED_CURVE, at, 2, p.u16(at));
                at += 2;
                int n = p.u8(at);
                t.addUint(TlsFields.SERVER_POINT_LEN, at, 1, n);
                bytes(p, TlsFields.SERVER_POINT, at + 1, n);
                at += 1 + n;
                if (kex != KEX_ECDH_ANON) {
                    digitallySigned(p, s.version, at, end, TlsFields.SIG_LEN, TlsFields.SIG);
                }
            }
            case KEX_DHE, KEX_DH_ANON -> {
                at = lengthPrefixed(p, at, TlsFields.P_LEN, TlsFields.P);
                at = lengthPrefixed(p, at, TlsFields.G_LEN, TlsFields.G);
                at = lengthPrefixed(p, at, TlsFields.YS_LEN, TlsFields.YS);
                if (kex != KEX_DH_ANON) {
                    digitallySigned(p, s.version, at, end, TlsFields.SIG_LEN, TlsFields.SIG);
                }
            }
            case KEX_RSA -> {
                at = lengthPrefixed(p, at, TlsFields.MODULUS_LEN, TlsFields.MODULUS);
                at = lengthPrefixed(p, at, TlsFields.EXPONENT_LEN, TlsFields.EXPONENT);
                digitallySigned(p, s.version, at, end, TlsFields.SIG_LEN, TlsFields.SIG);
            }
            case KEX_PSK, KEX_RSA_PSK -> lengthPrefixed(p, at, TlsFields.HINT_LEN, TlsFields.HINT);
            default -> {
            }
        }
    }

    static void clientKeyExchange(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int kex = s.cipher >= 0 ? KEX[s.cipher] : KEX_UNKNOWN;
        boolean params = openParams(t, clientParams(kex), at, end);
        clientParams(p, s, kex, at, end);
        if (params) {
            t.close();
        }
    }

    /** The subtree Wireshark shows a ServerKeyExchange's parameters in, by key exchange; null for none. */
    private static Field serverParams(int kex) {
        return switch (kex) {
            case KEX_ECDHE, KEX_ECDH, KEX_ECDH_ANON -> TlsFields.ECDH_SERVER_PARAMS;
            case KEX_DHE, KEX_DH_ANON -> TlsFields.DH_SERVER_PARAMS;
            case KEX_RSA -> TlsFields.RSA_SERVER_PARAMS;
            case KEX_PSK, KEX_RSA_PSK -> TlsFields.PSK_SERVER_PARAMS;
            default -> null;
        };
    }

    /** The subtree Wireshark shows a ClientKeyExchange's parameters in, by key exchange; null for none. */
    private static Field clientParams(int kex) {
        return switch (kex) {
            case KEX_ECDHE, KEX_ECDH, KEX_ECDH_ANON -> TlsFields.ECDH_CLIENT_PARAMS;
            case KEX_DHE, KEX_DH_ANON, KEX_DH -> TlsFields.DH_CLIENT_PARAMS;
            case KEX_RSA -> TlsFields.RSA_EPMS;
            case KEX_PSK -> TlsFields.PSK_CLIENT_PARAMS;
            case KEX_RSA_PSK -> TlsFields.RSA_PSK_CLIENT_PARAMS;
            default -> null;
        };
    }

    private static void clientParams(Packet p, TlsSession s, int kex, int at, int end) {
        Tree t = p.tree();
        switch (kex) {
            case KEX_ECDHE, KEX_ECDH, KEX_ECDH_ANON -> {
                int n = p.u8(at);
                t.addUint(TlsFields.CLIENT_POINT_LEN, at, 1, n);
                bytes(p, TlsFields.CLIENT_POINT, at + 1, n);
            }
            case KEX_DHE, KEX_DH_ANON, KEX_DH -> lengthPrefixed(p, at, TlsFields.YC_LEN, TlsFields.YC);
            case KEX_RSA -> {
                if (s.version == TlsWire.SSLV3 || s.version == TlsWire.SSLV2) {
                    bytes(p, TlsFields.EPMS, at, end - at);
                } else {
                    lengthPrefixed(p, at, TlsFields.EPMS_LEN, TlsFields.EPMS);
                }
            }
            case KEX_PSK -> lengthPrefixed(p, at, TlsFields.IDENTITY_LEN, TlsFields.IDENTITY);
            case KEX_RSA_PSK -> {
                at = lengthPrefixed(p, at, TlsFields.IDENTITY_LEN, TlsFields.IDENTITY);
                lengthPrefixed(p, at, TlsFields.EPMS_LEN, TlsFields.EPMS);
            }
            default -> {
            }
        }
    }
}
