package org.dissect4j.tls.ocsp;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.tls.Der;

/**
 * OCSP's Extensions (RFC 6960 §4.4): a SEQUENCE OF PKIX1Explicit Extension, shown with {@code pkix1explicit.*}
 * items as tshark 4.0 shows them, each value dissected by its OID: nonce ({@code ocsp.ReOcspNonce}), CRL
 * references, acceptable response types, archive cutoff, no-check and service locator, each adding {@code ocsp}
 * to {@code frame.protocols} as tshark's OID hand-off does; other extensions' values as {@code extnValue} bytes.
 */
final class OcspExtensions {
    private static final byte[] OID_NONCE = Der.oid(OcspNames.NONCE);
    private static final byte[] OID_CRL = Der.oid(OcspNames.CRL);
    private static final byte[] OID_RESPONSE = Der.oid(OcspNames.RESPONSE);
    private static final byte[] OID_NOCHECK = Der.oid(OcspNames.NOCHECK);
    private static final byte[] OID_ARCHIVE_CUTOFF = Der.oid(OcspNames.ARCHIVE_CUTOFF);
    private static final byte[] OID_SERVICE_LOCATOR = Der.oid(OcspNames.SERVICE_LOCATOR);
    private static final int CONTEXT_0 = 0xa0, CONTEXT_1 = 0xa1, CONTEXT_2 = 0xa2;

    private final OcspWalk w;

    OcspExtensions(OcspWalk w) {
        this.w = w;
    }

    /** Extensions ::= SEQUENCE OF Extension, counted under {@code f}; each a pkix1explicit Extension. */
    boolean extensions(Field f, int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int listAt = at + Der.hdr(el);
        int listEnd = Der.next(at, el);
        int n = w.count(listAt, listEnd);
        if (n < 0) {
            return w.malformed(listAt, listEnd);
        }
        w.tree.openUint(f, listAt, listEnd - listAt, n);
        boolean ok = true;
        for (int x = listAt; ok && x < listEnd; x = Der.next(x, Der.tlv(w.seg, w.base, x, listEnd))) {
            ok = extension(x, listEnd);
        }
        w.tree.close();
        return ok;
    }

    /** Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
    private boolean extension(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.open(OcspFields.PKIX_EXTENSION, at, e - at);
        int a = at + Der.hdr(el);
        long oid = Der.tlv(w.seg, w.base, a, e);
        boolean ok = oid >= 0 && Der.tag(oid) == Der.OID || w.malformed(a, e);
        if (ok) {
            int oidAt = a + Der.hdr(oid);
            w.oidString(OcspFields.PKIX_EXTENSION_ID, oidAt, Der.len(oid));
            a = Der.next(a, oid);
            long v = Der.tlv(w.seg, w.base, a, e);
            if (v >= 0 && Der.tag(v) == Der.BOOLEAN && Der.len(v) == 1) {
                w.tree.addUint(OcspFields.PKIX_CRITICAL, a + Der.hdr(v), 1, Bytes.u8(w.seg, w.base + a + Der.hdr(v)));
                a = Der.next(a, v);
                v = Der.tlv(w.seg, w.base, a, e);
            }
            ok = v >= 0 && Der.tag(v) == Der.OCTET_STRING || w.malformed(a, e);
            if (ok) {
                extensionValue(oidAt, Der.len(oid), a + Der.hdr(v), Der.len(v));
            }
        }
        w.tree.close();
        return ok;
    }

    /** An extension's value by its OID: OCSP's own (RFC 6960 §4.4) as tshark's ocsp, others as extnValue bytes. */
    private void extensionValue(int oidAt, int oidLen, int at, int len) {
        int end = at + len;
        if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_NONCE)) {
            w.packet.addProtocol(OcspFields.OCSP);
            long inner = Der.tlv(w.seg, w.base, at, end);
            if (inner >= 0 && Der.tag(inner) == Der.OCTET_STRING && Der.next(at, inner) == end) {
                w.tree.add(OcspFields.NONCE, at + Der.hdr(inner), Der.len(inner));
            } else {
                w.tree.add(OcspFields.NONCE, at, len);   // a bare nonce, as some responders send it
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_NOCHECK)) {
            w.packet.addProtocol(OcspFields.OCSP);
            w.tree.add(OcspFields.NULL, at, len);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_ARCHIVE_CUTOFF)) {
            w.packet.addProtocol(OcspFields.OCSP);
            w.time(OcspFields.ARCHIVE_CUTOFF, at, end);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_RESPONSE)) {
            w.packet.addProtocol(OcspFields.OCSP);
            acceptableResponses(at, end);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_CRL)) {
            w.packet.addProtocol(OcspFields.OCSP);
            crlId(at, end);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_SERVICE_LOCATOR)) {
            w.packet.addProtocol(OcspFields.OCSP);
            w.tree.add(OcspFields.SERVICE_LOCATOR, at, len);
        } else {
            w.tree.add(OcspFields.PKIX_EXTN_VALUE, at, len);
        }
    }

    /** AcceptableResponses ::= SEQUENCE OF OBJECT IDENTIFIER. */
    private void acceptableResponses(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        int listAt = at + Der.hdr(el);
        int listEnd = el < 0 ? -1 : Der.next(at, el);
        int n = el < 0 || Der.tag(el) != Der.SEQUENCE ? -1 : w.count(listAt, listEnd);
        if (n < 0) {
            w.malformed(at, end);
            return;
        }
        w.tree.openUint(OcspFields.ACCEPTABLE_RESPONSES, listAt, listEnd - listAt, n);
        for (int o = listAt; o < listEnd; ) {
            long oid = Der.tlv(w.seg, w.base, o, listEnd);
            if (Der.tag(oid) == Der.OID) {
                w.tree.add(OcspFields.ACCEPTABLE_RESPONSES_ITEM, o + Der.hdr(oid), Der.len(oid));
            }
            o = Der.next(o, oid);
        }
        w.tree.close();
    }

    /** CrlID ::= SEQUENCE { crlUrl [0] EXPLICIT IA5String OPTIONAL, crlNum [1] EXPLICIT INTEGER OPTIONAL,
     *  crlTime [2] EXPLICIT GeneralizedTime OPTIONAL }. */
    private void crlId(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            w.malformed(at, end);
            return;
        }
        int e = Der.next(at, el);
        w.tree.open(OcspFields.CRL_ID, at, e - at);
        for (int a = at + Der.hdr(el); a < e; ) {
            long tagged = Der.tlv(w.seg, w.base, a, e);
            if (tagged < 0) {
                w.malformed(a, e);
                break;
            }
            int in = a + Der.hdr(tagged);
            int inEnd = Der.next(a, tagged);
            long v = Der.tlv(w.seg, w.base, in, inEnd);
            if (v >= 0 && Der.tag(tagged) == CONTEXT_0 && Der.tag(v) == Der.IA5_STRING) {
                w.tree.add(OcspFields.CRL_URL, in + Der.hdr(v), Der.len(v));
            } else if (v >= 0 && Der.tag(tagged) == CONTEXT_1 && Der.tag(v) == Der.INTEGER && Der.len(v) >= 1
                    && Der.len(v) <= 4) {
                w.tree.addLong(OcspFields.CRL_NUM, in + Der.hdr(v), Der.len(v), w.signed(in + Der.hdr(v), Der.len(v)));
            } else if (Der.tag(tagged) == CONTEXT_2) {
                w.time(OcspFields.CRL_TIME, in, inEnd);
            }
            a = inEnd;
        }
        w.tree.close();
    }
}
