package org.dissect4j.tls;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The wire structures every handshake message is built from: length-prefixed vectors checked as Wireshark's
 * {@code ssl_add_vector}/{@code ssl_end_vector} do, byte-range fields, and RFC 5246 §4.7 digitally-signed.
 */
final class TlsVectors {
    private TlsVectors() {
    }

    /**
     * Wireshark's {@code ssl_add_vector}: reads a {@code lenSize}-byte length at {@code at}, records it, checks
     * it against {@code [min, max]} and the room before {@code end}; returns the length, or -1 (with an expert item)
     * when the length cannot be read or the vector does not fit (Wireshark 4.0 then stops dissecting the structure).
     */
    static int vector(Packet p, int at, int end, Field lengthField, int lenSize, int min, int max) {
        Tree t = p.tree();
        if (at > end) {
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, end, 0);
            return -1;
        }
        if (end - at < lenSize) {
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, at, end - at);
            return -1;
        }
        int v = lenSize == 1 ? p.u8(at) : lenSize == 2 ? p.u16(at) : p.u24(at);
        int lengthNode = t.addUint(lengthField, at, lenSize, v);
        if (v < min || v > max) {
            TlsExpert.add(p, TlsExpert.VECTOR_LENGTH, at, lenSize);
        }
        int room = end - at - lenSize;
        if (room < v) {
            // Wireshark 4.0 reports "Vector length %u is too large, truncating it to %u" below the length and gives up
            // on the vector (a malformed message only: the text is composed only when an output shows it); the tree
            // adds the hidden _ws.malformed after it
            t.expertOn(lengthNode, TlsExpert.BUFFER_TOO_SMALL, at, lenSize, t.wantsExpertMessages()
                    ? "Vector length " + v + " is too large, truncating it to " + room : null);
            return -1;
        }
        return v;
    }

    /** Wireshark's {@code ssl_end_vector}: false (with an expert item) unless {@code at == end}. */
    static boolean endVector(Packet p, int at, int end) {
        if (at < end) {
            TlsExpert.add(p, TlsExpert.TRAILING_DATA, at, end - at);
            return false;
        }
        if (at > end) {
            TlsExpert.add(p, TlsExpert.BUFFER_TOO_SMALL, end, at - end);
            return false;
        }
        return true;
    }

    /**
     * A byte-range field, checked against the captured data first (as proto_tree_add_item would throw); an empty one
     * prints as {@code <MISSING>}, as tshark's does.
     */
    static void bytes(Packet p, Field f, int at, int len) {
        p.require(at, len);
        int n = p.tree().add(f, at, len);
        if (len == 0) {
            p.tree().setFlags(n, Tree.MISSING);
        }
    }

    static int lengthPrefixed(Packet p, int at, Field lengthField, Field valueField) {
        int n = p.u16(at);
        p.tree().addUint(lengthField, at, 2, n);
        bytes(p, valueField, at + 2, n);
        return at + 2 + n;
    }

    /** RFC 5246 §4.7 digitally-signed: the scheme (TLS 1.2 and 1.3) and the signature vector. */
    static int digitallySigned(Packet p, int version, int at, int end, Field lengthField, Field sigField) {
        if (version == TlsWire.TLS12 || version == TlsWire.TLS13 || version == TlsWire.DTLS12) {
            signatureAlgorithm(p, at, p.u16(at));
            at += 2;
        }
        int n = vector(p, at, end, lengthField, 2, 0, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        bytes(p, sigField, at, n);
        return at + n;
    }

    static void signatureAlgorithm(Packet p, int at, int alg) {
        Tree t = p.tree();
        t.openUint(TlsFields.SIG_HASH_ALG, at, 2, alg);
        t.addUint(TlsFields.SIG_HASH_HASH, at, 1, alg >> 8);
        t.addUint(TlsFields.SIG_HASH_SIG, at + 1, 1, alg & 0xff);
        t.close();
    }
}
