package org.dissect4j.tls;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;

/**
 * Certificate extensions outside RFC 5280 that tshark 4.0 decodes with their own protocols: Netscape's
 * ({@code ns_cert_exts}: the certificate type bits and the URL and comment strings) and logotypes (RFC 3709,
 * {@code logotypecertextn}: the direct images of the community, issuer and subject logos). Each adds its protocol
 * to {@code frame.protocols}, as tshark does.
 */
final class X509OtherExtensions {
    private static final byte[] OID_NS_PREFIX = Der.oid("2.16.840.1.113730.1");
    private static final byte[] OID_LOGOTYPE = Der.oid("1.3.6.1.5.5.7.1.12");

    private final X509Walk w;

    X509OtherExtensions(X509Walk w) {
        this.w = w;
    }

    /** Decodes the extension value at {@code at} when its OID is one of these; nothing otherwise. */
    void extension(int oidAt, int oidLen, int at, int end) {
        if (oidLen == OID_NS_PREFIX.length + 1 && Der.oidStartsWith(w.seg, w.base, oidAt, oidLen, OID_NS_PREFIX)) {
            netscape(Bytes.u8(w.seg, w.base + oidAt + oidLen - 1), at, end);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_LOGOTYPE)) {
            w.packet.addProtocol(X509Fields.LOGOTYPE);
            long ext = Der.tlv(w.seg, w.base, at, end);
            if (ext >= 0 && Der.tag(ext) == Der.SEQUENCE) {
                w.tree.open(X509Fields.LOGOTYPE_EXTN, at, Der.hdr(ext) + Der.len(ext));
                logotypeExtn(at + Der.hdr(ext), Der.next(at, ext));
                w.tree.close();
            }
        }
    }

    /** 2.16.840.1.113730.1.{1 cert type, 2-8 and 12 URLs, 13 comment}. */
    private void netscape(int arc, int at, int end) {
        Field string = X509Fields.netscapeString(arc);
        if (arc != 1 && string == null) {
            return;
        }
        w.packet.addProtocol(X509Fields.NS_CERT_EXTS);
        long v = Der.tlv(w.seg, w.base, at, end);
        if (v < 0) {
            return;
        }
        int vAt = at + Der.hdr(v);
        if (arc != 1) {
            w.tree.add(string, vAt, Der.len(v));
            return;
        }
        if (Der.tag(v) != Der.BIT_STRING || Der.len(v) < 2) {
            return;
        }
        // as tshark: the eight named bits of the first byte, whatever the padding says
        w.padding(vAt);
        int first = Bytes.u8(w.seg, w.base + vAt + 1);
        w.tree.open(X509Fields.NS_CERT_TYPE, vAt + 1, Der.len(v) - 1);
        for (int i = 0; i < X509Fields.NS_CERT_TYPE_BITS.length; i++) {
            w.tree.addUint(X509Fields.NS_CERT_TYPE_BITS[i], vAt + 1, 1, first);
        }
        w.tree.close();
    }

    /** LogotypeExtn ::= SEQUENCE { [0] communityLogos, [1] issuerLogo, [2] subjectLogo, [3] otherLogos }. */
    private void logotypeExtn(int at, int end) {
        for (int a = at; a < end; ) {
            long el = Der.tlv(w.seg, w.base, a, end);
            if (el < 0) {
                return;
            }
            int tag = Der.tag(el);
            if (tag == 0xa1 || tag == 0xa2) {
                // LogotypeInfo ::= CHOICE { direct [0] LogotypeData, indirect [1] LogotypeReference }
                int iAt = a + Der.hdr(el);
                long info = Der.tlv(w.seg, w.base, iAt, Der.next(a, el));
                if (info >= 0) {
                    Field f = tag == 0xa1 ? X509Fields.ISSUER_LOGO : X509Fields.SUBJECT_LOGO;
                    w.tree.openUint(f, iAt, Der.hdr(info) + Der.len(info), Der.tag(info) & 0x1f);
                    if (Der.tag(info) == 0xa0) {
                        w.tree.open(X509Fields.LOGO_DIRECT, iAt, Der.hdr(info) + Der.len(info));
                        logotypeData(iAt + Der.hdr(info), Der.next(iAt, info));
                        w.tree.close();
                    }
                    w.tree.close();
                }
            }
            a = Der.next(a, el);
        }
    }

    /** LogotypeData ::= SEQUENCE { image SEQUENCE OF LogotypeImage OPTIONAL, audio [1] ... OPTIONAL }. */
    private void logotypeData(int at, int end) {
        w.sequenceOf(at, end, X509Fields.LOGO_IMAGE_COUNT, X509Fields.LOGO_IMAGE, logotypeImage);
    }

    /** LogotypeImage ::= SEQUENCE { imageDetails LogotypeDetails, imageInfo LogotypeImageInfo OPTIONAL }. */
    private final X509Walk.Element logotypeImage = this::logotypeImage;

    private void logotypeImage(int a, long img) {
        int dAt = a + Der.hdr(img);
        long details = Der.tlv(w.seg, w.base, dAt, Der.next(a, img));
        if (details >= 0 && Der.tag(details) == Der.SEQUENCE) {
            w.tree.open(X509Fields.LOGO_DETAILS, dAt, Der.hdr(details) + Der.len(details));
            logotypeDetails(dAt + Der.hdr(details), Der.next(dAt, details));
            w.tree.close();
        }
    }

    /** LogotypeDetails ::= SEQUENCE { mediaType IA5String, logotypeHash SEQUENCE OF HashAlgAndValue, logotypeURI }. */
    private void logotypeDetails(int at, int end) {
        long media = Der.tlv(w.seg, w.base, at, end);
        if (media < 0) {
            return;
        }
        w.tree.add(X509Fields.LOGO_MEDIA_TYPE, at + Der.hdr(media), Der.len(media));
        int a = Der.next(at, media);
        long hashes = Der.tlv(w.seg, w.base, a, end);
        if (hashes < 0 || Der.tag(hashes) != Der.SEQUENCE) {
            return;
        }
        w.sequenceOf(a, end, X509Fields.LOGO_HASH_COUNT, X509Fields.LOGO_HASH, hashAlgAndValue);
        w.sequenceOf(Der.next(a, hashes), end, X509Fields.LOGO_URI_COUNT, null, logotypeUri);
    }

    private final X509Walk.Element logotypeUri = this::logotypeUri;

    private void logotypeUri(int a, long uri) {
        w.tree.add(X509Fields.LOGO_URI, a + Der.hdr(uri), Der.len(uri));
    }

    /** HashAlgAndValue ::= SEQUENCE { hashAlg AlgorithmIdentifier, hashValue OCTET STRING }. */
    private final X509Walk.Element hashAlgAndValue = this::hashAlgAndValue;

    private void hashAlgAndValue(int start, long tlv) {
        hashAlgAndValue(start + Der.hdr(tlv), Der.next(start, tlv));
    }

    private void hashAlgAndValue(int at, int end) {
        long alg = Der.tlv(w.seg, w.base, at, end);
        if (alg < 0 || Der.tag(alg) != Der.SEQUENCE) {
            return;
        }
        w.tree.open(X509Fields.LOGO_HASH_ALG, at, Der.hdr(alg) + Der.len(alg));
        long oid = Der.tlv(w.seg, w.base, at + Der.hdr(alg), Der.next(at, alg));
        if (oid >= 0 && Der.tag(oid) == Der.OID) {
            w.tree.add(X509Fields.ALGORITHM_ID, at + Der.hdr(alg) + Der.hdr(oid), Der.len(oid));
        }
        w.tree.close();
        int vAt = Der.next(at, alg);
        long value = Der.tlv(w.seg, w.base, vAt, end);
        if (value >= 0 && Der.tag(value) == Der.OCTET_STRING) {
            w.tree.add(X509Fields.LOGO_HASH_VALUE, vAt + Der.hdr(value), Der.len(value));
        }
    }
}
