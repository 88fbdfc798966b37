package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The certificate being walked, shared by {@link X509Decoder}, {@link X509Names} and {@link X509Extensions}: the bytes
 * (a segment and base, offsets relative to the packet's current source), the tree, whether summaries are wanted,
 * the text buffer of the summary being composed, and the malformed-DER exit. Bound once per certificate.
 */
final class X509Walk {
    final StringBuilder text = new StringBuilder(256);
    MemorySegment seg;
    long base;
    Tree tree;
    Packet packet;
    boolean summaries;

    void bind(Packet p) {
        packet = p;
        tree = p.tree();
        seg = p.segment();
        base = p.base();
        // our own summaries: only when named (tshark 4.0 has no such fields to show in a tree)
        summaries = tree.wantsByName(TlsFields.X509_SUBJECT) || tree.wantsByName(TlsFields.X509_ISSUER)
                || tree.wantsByName(TlsFields.X509_SAN) || tree.wantsByName(TlsFields.X509_SIG_ALG);
    }

    /** A BIT STRING's first content byte, its count of unused bits: BER's {@code Padding} item. */
    void padding(int at) {
        tree.addUint(X509Fields.PADDING, at, 1, Bytes.u8(seg, base + at));
    }

    /** How many well-formed TLVs follow one another from {@code at}, up to {@code end} or the first malformed one. */
    int count(int at, int end) {
        int n = 0;
        for (int a = at; a < end; ) {
            long el = Der.tlv(seg, base, a, end);
            if (el < 0) {
                break;
            }
            n++;
            a = Der.next(a, el);
        }
        return n;
    }

    /** What {@link #sequenceOf} does with each element: the element's TLV starts at {@code at}. */
    @FunctionalInterface
    interface Element {
        void decode(int at, long tlv);
    }

    /**
     * A SEQUENCE OF at {@code at} as tshark's BER helper draws it: {@code countField} over the content ({@code
     * extensions: 6 items}), each element opened as {@code itemField} over its TLV (unless null) and handed to
     * {@code element}. Does nothing when no SEQUENCE starts at {@code at}; stops at a malformed element.
     */
    void sequenceOf(int at, int end, Field countField, Field itemField, Element element) {
        long seq = Der.tlv(seg, base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            return;
        }
        int from = at + Der.hdr(seq);
        int to = Der.next(at, seq);
        tree.openUint(countField, from, Der.len(seq), count(from, to));
        for (int a = from; a < to; ) {
            long el = Der.tlv(seg, base, a, to);
            if (el < 0) {
                break;
            }
            if (itemField != null) {
                tree.open(itemField, a, Der.hdr(el) + Der.len(el));
            }
            element.decode(a, el);
            if (itemField != null) {
                tree.close();
            }
            a = Der.next(a, el);
        }
        tree.close();
    }

    /** A BMPString (UTF-16BE) as text, placed over its bytes; composed only when {@code f} is recorded. */
    void bmpString(Field f, int at, int len) {
        if (!tree.wants(f)) {
            return;
        }
        text.setLength(0);
        for (int i = 0; i + 1 < len; i += 2) {
            text.append((char) Bytes.u16(seg, base + at + i));
        }
        int n = tree.addString(f, text);
        tree.clearFlags(n, Tree.GENERATED);
        tree.showAt(n, at, len);
    }

    boolean malformed(int at, int len) {
        TlsExpert.add(packet, TlsExpert.X509_MALFORMED, at, Math.max(0, len));
        return false;
    }

    StringBuilder appendChars(int at, int len, StringBuilder out) {
        for (int i = 0; i < len; i++) {
            out.append((char) Bytes.u8(seg, base + at + i));
        }
        return out;
    }
}
