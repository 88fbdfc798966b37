package org.dissect4j.tls.ocsp;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.tls.Der;
import org.dissect4j.tls.X509Fields;

/**
 * Walks an OCSP request or response (RFC 6960 §4) in place with {@link Der} and records it as tshark 4.0's
 * {@code ocsp} dissector does; the certificates, algorithm identifiers and names inside go to the X.509 decoder
 ({@code X509Parts}). The ASN.1 grammar has no recursion, so the walk has fixed nesting (an OCSP response holds
 * certificates, which the X.509 decoder walks with fixed nesting too): depth is bounded by construction. Every
 * element is checked against its parent's end and the captured bytes by {@link Der#tlv}; DER that does not fit
 * ends the decoding with an {@code ocsp.malformed} expert item, never an exception. Allocates nothing per w.packet
 * (the OID text of {@code ocsp.responseType.id} and {@code pkix1explicit.id} is composed only when wanted, in a
 * reused builder).
 *
 * <pre>
 * OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL }
 * ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }
 * BasicOCSPResponse ::= SEQUENCE { tbsResponseData ResponseData, signatureAlgorithm AlgorithmIdentifier,
 *                                  signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
 * ResponseData ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, responderID ResponderID,
 *                             producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
 *                             responseExtensions [1] EXPLICIT Extensions OPTIONAL }
 * ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }
 * SingleResponse ::= SEQUENCE { certID CertID, certStatus CertStatus, thisUpdate GeneralizedTime,
 *                               nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL,
 *                               singleExtensions [1] EXPLICIT Extensions OPTIONAL }
 * CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
 * OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }
 * TBSRequest ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, requestorName [1] EXPLICIT GeneralName OPTIONAL,
 *                           requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }
 * Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
 * CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
 *                       issuerKeyHash OCTET STRING, serialNumber INTEGER }
 * </pre>
 *
 * <p>The extensions are {@link OcspExtensions}; the two share the structure being walked, an {@link OcspWalk}.
 * Where tshark hands a value on by OID (the BasicOCSPResponse, OCSP's own extensions) it adds {@code ocsp} to
 * {@code frame.protocols} again; so does this decoder.
 */
public final class OcspDecoder {
    private static final int ENUMERATED = 0x0a;
    private static final int CONTEXT_0 = 0xa0, CONTEXT_1 = 0xa1, CONTEXT_2 = 0xa2;
    private static final byte[] OID_BASIC = Der.oid(OcspNames.BASIC);

    /** CertID's three fields after the hash algorithm, in order. */
    private static final Field[] CERT_ID_PARTS = {OcspFields.ISSUER_NAME_HASH, OcspFields.ISSUER_KEY_HASH,
            OcspFields.SERIAL_NUMBER};

    private final OcspWalk w = new OcspWalk();
    private final OcspExtensions extensions = new OcspExtensions(w);

    /** An OCSPResponse in {@code len} bytes at {@code at} of the w.packet's current source. */
    public void response(Packet p, int at, int len) {
        w.bind(p);
        int end = (int) Math.min((long) at + Math.max(0, len), p.capturedEnd());
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            w.malformed(at, end);
            return;
        }
        int e = Der.next(at, el);
        int a = at + Der.hdr(el);
        long status = Der.tlv(w.seg, w.base, a, e);
        if (status < 0 || Der.tag(status) != ENUMERATED || Der.len(status) < 1 || Der.len(status) > 4) {
            w.malformed(a, e);
            return;
        }
        w.tree.addUint(OcspFields.RESPONSE_STATUS, a + Der.hdr(status), Der.len(status), w.uint(a + Der.hdr(status), Der.len(status)));
        a = Der.next(a, status);
        if (a >= e) {
            return;
        }
        long tagged = Der.tlv(w.seg, w.base, a, e);
        if (tagged < 0 || Der.tag(tagged) != CONTEXT_0) {
            w.malformed(a, e);
            return;
        }
        responseBytes(a + Der.hdr(tagged), Der.next(a, tagged));
    }

    private boolean responseBytes(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.open(OcspFields.RESPONSE_BYTES, at, e - at);
        boolean ok = responseBytesContent(at + Der.hdr(el), e);
        w.tree.close();
        return ok;
    }

    private boolean responseBytesContent(int a, int e) {
        long oid = Der.tlv(w.seg, w.base, a, e);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            return w.malformed(a, e);
        }
        int oidAt = a + Der.hdr(oid);
        w.oidString(OcspFields.RESPONSE_TYPE_ID, oidAt, Der.len(oid));
        a = Der.next(a, oid);
        long octets = Der.tlv(w.seg, w.base, a, e);
        if (octets < 0 || Der.tag(octets) != Der.OCTET_STRING) {
            return w.malformed(a, e);
        }
        int valueAt = a + Der.hdr(octets);
        if (!Der.oidEquals(w.seg, w.base, oidAt, Der.len(oid), OID_BASIC)) {
            w.tree.add(OcspFields.RESPONSE, valueAt, Der.len(octets));
            return true;
        }
        w.packet.addProtocol(OcspFields.OCSP);
        return basicResponse(valueAt, Der.next(a, octets));
    }

    private boolean basicResponse(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.open(OcspFields.BASIC_RESPONSE, at, e - at);
        int a = at + Der.hdr(el);
        long tbs = Der.tlv(w.seg, w.base, a, e);
        boolean ok = tbs >= 0 && Der.tag(tbs) == Der.SEQUENCE || w.malformed(a, e);
        if (ok) {
            w.tree.open(OcspFields.TBS_RESPONSE_DATA, a, Der.next(a, tbs) - a);
            ok = responseData(a + Der.hdr(tbs), Der.next(a, tbs));
            w.tree.close();
        }
        ok = ok && signatureAndCerts(Der.next(a, tbs), e);
        w.tree.close();
        return ok;
    }

    private boolean responseData(int a, int e) {
        long el = Der.tlv(w.seg, w.base, a, e);
        if (el >= 0 && Der.tag(el) == CONTEXT_0) {
            version(a + Der.hdr(el), Der.next(a, el));
            a = Der.next(a, el);
            el = Der.tlv(w.seg, w.base, a, e);
        }
        if (el < 0 || Der.tag(el) != CONTEXT_1 && Der.tag(el) != CONTEXT_2) {
            return w.malformed(a, e);
        }
        if (!responderId(Der.tag(el) & 0x1f, a + Der.hdr(el), Der.next(a, el))) {
            return false;
        }
        a = Der.next(a, el);
        if (!w.time(OcspFields.PRODUCED_AT, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(w.seg, w.base, a, e));
        return listAndExtensions(a, e, OcspFields.RESPONSES, CONTEXT_1, OcspFields.RESPONSE_EXTENSIONS);
    }

    /**
     * The response's SEQUENCE OF SingleResponse ({@code countField} {@code ocsp.responses}) or the request's SEQUENCE OF
     * Request ({@code ocsp.requestList}) at {@code a}, then the optional Extensions under their explicit tag that end
     * the structure.
     */
    private boolean listAndExtensions(int a, int e, Field countField, int extensionsTag, Field extensionsField) {
        long el = Der.tlv(w.seg, w.base, a, e);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(a, e);
        }
        int listAt = a + Der.hdr(el);
        int listEnd = Der.next(a, el);
        int n = w.count(listAt, listEnd);
        if (n < 0) {
            return w.malformed(listAt, listEnd);
        }
        w.tree.openUint(countField, listAt, listEnd - listAt, n);
        boolean ok = true;
        for (int r = listAt; ok && r < listEnd; r = Der.next(r, Der.tlv(w.seg, w.base, r, listEnd))) {
            ok = countField == OcspFields.RESPONSES ? singleResponse(r, listEnd) : request(r, listEnd);
        }
        w.tree.close();
        a = listEnd;
        if (ok && a < e) {
            el = Der.tlv(w.seg, w.base, a, e);
            if (el < 0 || Der.tag(el) != extensionsTag) {
                return w.malformed(a, e);
            }
            return extensions.extensions(extensionsField, a + Der.hdr(el), Der.next(a, el));
        }
        return ok;
    }

    /** ResponderID: [1] a Name, [2] the responder key's SHA-1 hash in an OCTET STRING. */
    private boolean responderId(int choice, int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        int expected = choice == 1 ? Der.SEQUENCE : Der.OCTET_STRING;
        if (el < 0 || Der.tag(el) != expected) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.openUint(OcspFields.RESPONDER_ID, at, e - at, choice);
        boolean ok = true;
        if (choice == 1) {
            w.tree.openUint(OcspFields.BY_NAME, at, e - at, 0);
            ok = w.x509.rdnSequence(w.packet, at + Der.hdr(el), e);
            w.tree.close();
        } else {
            w.tree.add(OcspFields.BY_KEY, at + Der.hdr(el), Der.len(el));
        }
        w.tree.close();
        return ok;
    }

    private boolean singleResponse(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.open(OcspFields.SINGLE_RESPONSE, at, e - at);
        boolean ok = singleResponseContent(at + Der.hdr(el), e);
        w.tree.close();
        return ok;
    }

    private boolean singleResponseContent(int a, int e) {
        long el = Der.tlv(w.seg, w.base, a, e);
        if (!certId(OcspFields.CERT_ID, a, e)) {
            return false;
        }
        a = Der.next(a, el);
        el = Der.tlv(w.seg, w.base, a, e);
        if (el < 0 || !certStatus(Der.tag(el), a + Der.hdr(el), Der.len(el))) {
            return el < 0 ? w.malformed(a, e) : false;
        }
        a = Der.next(a, el);
        if (!w.time(OcspFields.THIS_UPDATE, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(w.seg, w.base, a, e));
        while (a < e) {
            el = Der.tlv(w.seg, w.base, a, e);
            if (el < 0) {
                return w.malformed(a, e);
            }
            int inner = a + Der.hdr(el);
            int innerEnd = Der.next(a, el);
            if (Der.tag(el) == CONTEXT_0) {
                if (!w.time(OcspFields.NEXT_UPDATE, inner, innerEnd)) {
                    return false;
                }
            } else if (Der.tag(el) == CONTEXT_1) {
                if (!extensions.extensions(OcspFields.SINGLE_EXTENSIONS, inner, innerEnd)) {
                    return false;
                }
            } else {
                return w.malformed(a, e);
            }
            a = innerEnd;
        }
        return true;
    }

    /** CertStatus: the choice item over the implicit tag's content, the alternative under it. */
    private boolean certStatus(int tag, int at, int len) {
        int choice = tag & 0x1f;
        if ((tag & 0xc0) != 0x80 || choice > 2) {
            return w.malformed(at, at + len);
        }
        w.tree.openUint(OcspFields.CERT_STATUS, at, len, choice);
        boolean ok = true;
        if (choice == 0) {
            w.tree.add(OcspFields.GOOD, at, len);
        } else if (choice == 2) {
            w.tree.add(OcspFields.UNKNOWN, at, len);
        } else {
            w.tree.open(OcspFields.REVOKED, at, len);
            ok = revokedInfo(at, at + len);
            w.tree.close();
        }
        w.tree.close();
        return ok;
    }

    /** RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }. */
    private boolean revokedInfo(int a, int e) {
        if (!w.time(OcspFields.REVOCATION_TIME, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(w.seg, w.base, a, e));
        if (a >= e) {
            return true;
        }
        long el = Der.tlv(w.seg, w.base, a, e);
        if (el < 0 || Der.tag(el) != CONTEXT_0) {
            return w.malformed(a, e);
        }
        int r = a + Der.hdr(el);
        long reason = Der.tlv(w.seg, w.base, r, Der.next(a, el));
        if (reason < 0 || Der.tag(reason) != ENUMERATED || Der.len(reason) < 1 || Der.len(reason) > 4) {
            return w.malformed(r, Der.next(a, el));
        }
        w.tree.addUint(OcspFields.REVOCATION_REASON, r + Der.hdr(reason), Der.len(reason),
                w.uint(r + Der.hdr(reason), Der.len(reason)));
        return true;
    }

    /** CertID (the response's certID, the request's reqCert). */
    private boolean certId(Field f, int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.open(f, at, e - at);
        int a = at + Der.hdr(el);
        boolean ok = algorithm(OcspFields.HASH_ALGORITHM, a, e);
        for (int i = 0; ok && i < 3; i++) {
            a = Der.next(a, Der.tlv(w.seg, w.base, a, e));
            long part = Der.tlv(w.seg, w.base, a, e);
            ok = part >= 0 && Der.tag(part) == (i < 2 ? Der.OCTET_STRING : Der.INTEGER) || w.malformed(a, e);
            if (ok) {
                w.tree.add(CERT_ID_PARTS[i], a + Der.hdr(part), Der.len(part));
            }
        }
        w.tree.close();
        return ok;
    }

    /** An AlgorithmIdentifier SEQUENCE at {@code at} under field {@code f}; its content is the X.509 decoder's. */
    private boolean algorithm(Field f, int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        w.tree.open(f, at, Der.next(at, el) - at);
        w.x509.algorithmIdentifier(w.packet, at + Der.hdr(el), Der.next(at, el));
        w.tree.close();
        return true;
    }

    /** signatureAlgorithm, signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL (from {@code a}). */
    private boolean signatureAndCerts(int a, int e) {
        if (!algorithm(OcspFields.SIGNATURE_ALGORITHM, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(w.seg, w.base, a, e));
        long sig = Der.tlv(w.seg, w.base, a, e);
        if (sig < 0 || Der.tag(sig) != Der.BIT_STRING || Der.len(sig) < 1) {
            return w.malformed(a, e);
        }
        int sigAt = a + Der.hdr(sig);
        w.tree.addUint(X509Fields.PADDING, sigAt, 1, Bytes.u8(w.seg, w.base + sigAt));
        w.tree.add(OcspFields.SIGNATURE, sigAt + 1, Der.len(sig) - 1);
        a = Der.next(a, sig);
        if (a >= e) {
            return true;
        }
        long tagged = Der.tlv(w.seg, w.base, a, e);
        if (tagged < 0 || Der.tag(tagged) != CONTEXT_0) {
            return w.malformed(a, e);
        }
        int t = a + Der.hdr(tagged);
        long seq = Der.tlv(w.seg, w.base, t, Der.next(a, tagged));
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            return w.malformed(t, Der.next(a, tagged));
        }
        int listAt = t + Der.hdr(seq);
        int listEnd = Der.next(t, seq);
        int n = w.count(listAt, listEnd);
        if (n < 0) {
            return w.malformed(listAt, listEnd);
        }
        w.tree.openUint(OcspFields.CERTS, listAt, listEnd - listAt, n);
        for (int c = listAt; c < listEnd; ) {
            long cert = Der.tlv(w.seg, w.base, c, listEnd);
            int certLen = Der.next(c, cert) - c;
            w.tree.open(OcspFields.CERTIFICATE, c, certLen);
            w.x509.certificate(w.packet, c, certLen);
            w.tree.close();
            c += certLen;
        }
        w.tree.close();
        return true;
    }

    /** An OCSPRequest in {@code len} bytes at {@code at} of the w.packet's current source. */
    public void request(Packet p, int at, int len) {
        w.bind(p);
        int end = (int) Math.min((long) at + Math.max(0, len), p.capturedEnd());
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            w.malformed(at, end);
            return;
        }
        int e = Der.next(at, el);
        int a = at + Der.hdr(el);
        long tbs = Der.tlv(w.seg, w.base, a, e);
        if (tbs < 0 || Der.tag(tbs) != Der.SEQUENCE) {
            w.malformed(a, e);
            return;
        }
        w.tree.open(OcspFields.TBS_REQUEST, a, Der.next(a, tbs) - a);
        boolean ok = tbsRequest(a + Der.hdr(tbs), Der.next(a, tbs));
        w.tree.close();
        a = Der.next(a, tbs);
        if (!ok || a >= e) {
            return;
        }
        long tagged = Der.tlv(w.seg, w.base, a, e);
        int t = a + Der.hdr(tagged);
        long sig = tagged < 0 || Der.tag(tagged) != CONTEXT_0 ? -1 : Der.tlv(w.seg, w.base, t, Der.next(a, tagged));
        if (sig < 0 || Der.tag(sig) != Der.SEQUENCE) {
            w.malformed(a, e);
            return;
        }
        w.tree.open(OcspFields.OPTIONAL_SIGNATURE, t, Der.next(t, sig) - t);
        signatureAndCerts(t + Der.hdr(sig), Der.next(t, sig));
        w.tree.close();
    }

    private boolean tbsRequest(int a, int e) {
        long el = Der.tlv(w.seg, w.base, a, e);
        if (el >= 0 && Der.tag(el) == CONTEXT_0) {
            version(a + Der.hdr(el), Der.next(a, el));
            a = Der.next(a, el);
            el = Der.tlv(w.seg, w.base, a, e);
        }
        if (el >= 0 && Der.tag(el) == CONTEXT_1) {
            if (!requestorName(a + Der.hdr(el), Der.next(a, el))) {
                return false;
            }
            a = Der.next(a, el);
        }
        return listAndExtensions(a, e, OcspFields.REQUEST_LIST, CONTEXT_2, OcspFields.REQUEST_EXTENSIONS);
    }

    private boolean request(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end);
        }
        int e = Der.next(at, el);
        w.tree.open(OcspFields.REQUEST, at, e - at);
        int a = at + Der.hdr(el);
        boolean ok = certId(OcspFields.REQ_CERT, a, e);
        if (ok) {
            a = Der.next(a, Der.tlv(w.seg, w.base, a, e));
            if (a < e) {
                long tagged = Der.tlv(w.seg, w.base, a, e);
                ok = tagged >= 0 && Der.tag(tagged) == CONTEXT_0 || w.malformed(a, e);
                ok = ok && extensions.extensions(OcspFields.SINGLE_REQUEST_EXTENSIONS, a + Der.hdr(tagged), Der.next(a, tagged));
            }
        }
        w.tree.close();
        return ok;
    }

    /** requestorName: a GeneralName (RFC 5280 §4.2.1.6), its choice and, for the text and name forms, the value. */
    private boolean requestorName(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || (Der.tag(el) & 0x80) == 0) {
            return w.malformed(at, end);
        }
        int choice = Der.tag(el) & 0x1f;
        int valueAt = at + Der.hdr(el);
        int e = Der.next(at, el);
        w.tree.openUint(OcspFields.REQUESTOR_NAME, at, e - at, choice);
        boolean ok = true;
        switch (choice) {
            case 1 -> w.tree.add(X509Fields.RFC822_NAME, valueAt, Der.len(el));
            case 2 -> w.tree.add(X509Fields.DNS_NAME, valueAt, Der.len(el));
            case 6 -> w.tree.add(X509Fields.URI, valueAt, Der.len(el));
            case 4 -> {
                long name = Der.tlv(w.seg, w.base, valueAt, e);
                ok = name >= 0 && Der.tag(name) == Der.SEQUENCE || w.malformed(valueAt, e);
                ok = ok && w.x509.rdnSequence(w.packet, valueAt + Der.hdr(name), Der.next(valueAt, name));
            }
            default -> {
                // the other forms (otherName, x400Address, ediPartyName, iPAddress, registeredID): the choice only
            }
        }
        w.tree.close();
        return ok;
    }






    /** Version ::= INTEGER inside its explicit [0] tag. */
    private void version(int at, int end) {
        long v = Der.tlv(w.seg, w.base, at, end);
        if (v >= 0 && Der.tag(v) == Der.INTEGER && Der.len(v) >= 1 && Der.len(v) <= 4) {
            w.tree.addLong(OcspFields.VERSION, at + Der.hdr(v), Der.len(v), w.signed(at + Der.hdr(v), Der.len(v)));
        }
    }






}
