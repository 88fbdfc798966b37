package org.dissect4j.tls.ocsp;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.Der;
import org.dissect4j.tls.X509Parts;

/**
 * The OCSP structure being walked, shared by {@link OcspDecoder} and {@link OcspExtensions}: the bytes (offsets
 * relative to the packet's current source), the tree, the X.509 decoder's lent pieces, a reused text buffer, and the
 * small readers both use (a GeneralizedTime, an OID kept as text, an element count, integers, the malformed exit).
 * Bound once per structure.
 */
final class OcspWalk {
    final X509Parts x509 = new X509Parts();
    private final StringBuilder text = new StringBuilder(64);
    Packet packet;
    Tree tree;
    MemorySegment seg;
    long base;

    void bind(Packet p) {
        packet = p;
        tree = p.tree();
        seg = p.segment();
        base = p.base();
    }

    /** A GeneralizedTime element at {@code at} as field {@code f}; false (malformed) when there is none. */
    boolean time(Field f, int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.GENERALIZED_TIME) {
            return malformed(at, end);
        }
        int vAt = at + Der.hdr(el);
        long nanos = x509.generalizedTime(packet, vAt, Der.len(el));
        if (nanos != Long.MIN_VALUE) {
            tree.addLong(f, vAt, Der.len(el), nanos);
        }
        return true;
    }

    /** An OID's dotted text as a string field (tshark's ocsp registers these as strings), only when wanted. */
    void oidString(Field f, int at, int len) {
        if (!tree.wants(f)) {
            return;
        }
        text.setLength(0);
        Der.appendOid(seg, base, at, len, text);
        int n = tree.addString(f, text);
        if (n >= 0) {
            tree.clearFlags(n, Tree.GENERATED);   // the OID's text is its bytes, not a computed value
            tree.showAt(n, at, len);
        }
    }

    /** The elements between {@code at} and {@code end}, or -1 when one does not fit. */
    int count(int at, int end) {
        int n = 0;
        for (int a = at; a < end; n++) {
            long el = Der.tlv(seg, base, a, end);
            if (el < 0) {
                return -1;
            }
            a = Der.next(a, el);
        }
        return n;
    }

    long uint(int at, int len) {
        return Bytes.uN(seg, base + at, len);
    }

    long signed(int at, int len) {
        long v = Bytes.uN(seg, base + at, len);
        int shift = 64 - 8 * len;
        return v << shift >> shift;
    }

    boolean malformed(int at, int end) {
        int len = Math.max(0, end - at);
        tree.expert(OcspFields.MALFORMED, at, len);      // the tree adds the hidden _ws.malformed after it
        return false;
    }
}
