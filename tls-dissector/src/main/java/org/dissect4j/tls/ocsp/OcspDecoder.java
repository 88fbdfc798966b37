package org.dissect4j.tls.ocsp;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.Der;
import org.dissect4j.tls.X509Fields;
import org.dissect4j.tls.X509Parts;

/**
 * Walks an OCSP request or response (RFC 6960 §4) in place with {@link Der} and records it as tshark 4.0's
 * {@code ocsp} dissector does; the certificates, algorithm identifiers and names inside go to the X.509 decoder
 * ({@link X509Parts}). The ASN.1 grammar has no recursion, so the walk has fixed nesting (an OCSP response holds
 * certificates, which the X.509 decoder walks with fixed nesting too): depth is bounded by construction. Every
 * element is checked against its parent's end and the captured bytes by {@link Der#tlv}; DER that does not fit
 * ends the decoding with an {@code ocsp.malformed} expert item, never an exception. Allocates nothing per packet
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
 * <p>Where tshark hands a value on by OID (the BasicOCSPResponse, OCSP's own extensions) it adds {@code ocsp} to
 * {@code frame.protocols} again; so does this decoder.
 */
public final class OcspDecoder {
    private static final int ENUMERATED = 0x0a;
    private static final int CONTEXT_0 = 0xa0, CONTEXT_1 = 0xa1, CONTEXT_2 = 0xa2;
    private static final byte[] OID_BASIC = Der.oid(OcspNames.BASIC);
    private static final byte[] OID_NONCE = Der.oid(OcspNames.NONCE);
    private static final byte[] OID_CRL = Der.oid(OcspNames.CRL);
    private static final byte[] OID_RESPONSE = Der.oid(OcspNames.RESPONSE);
    private static final byte[] OID_NOCHECK = Der.oid(OcspNames.NOCHECK);
    private static final byte[] OID_ARCHIVE_CUTOFF = Der.oid(OcspNames.ARCHIVE_CUTOFF);
    private static final byte[] OID_SERVICE_LOCATOR = Der.oid(OcspNames.SERVICE_LOCATOR);

    /** CertID's three fields after the hash algorithm, in order. */
    private static final Field[] CERT_ID_PARTS = {OcspFields.ISSUER_NAME_HASH, OcspFields.ISSUER_KEY_HASH,
            OcspFields.SERIAL_NUMBER};

    private final X509Parts x509 = new X509Parts();
    private final StringBuilder text = new StringBuilder(64);
    private Packet packet;
    private Tree tree;
    private MemorySegment seg;
    private long base;

    private void bind(Packet p) {
        packet = p;
        tree = p.tree();
        seg = p.segment();
        base = p.base();
    }

    /** An OCSPResponse in {@code len} bytes at {@code at} of the packet's current source. */
    public void response(Packet p, int at, int len) {
        bind(p);
        int end = (int) Math.min((long) at + Math.max(0, len), p.capturedEnd());
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            malformed(at, end);
            return;
        }
        int e = Der.next(at, el);
        int a = at + Der.hdr(el);
        long status = Der.tlv(seg, base, a, e);
        if (status < 0 || Der.tag(status) != ENUMERATED || Der.len(status) < 1 || Der.len(status) > 4) {
            malformed(a, e);
            return;
        }
        tree.addUint(OcspFields.RESPONSE_STATUS, a + Der.hdr(status), Der.len(status), uint(a + Der.hdr(status), Der.len(status)));
        a = Der.next(a, status);
        if (a >= e) {
            return;
        }
        long tagged = Der.tlv(seg, base, a, e);
        if (tagged < 0 || Der.tag(tagged) != CONTEXT_0) {
            malformed(a, e);
            return;
        }
        responseBytes(a + Der.hdr(tagged), Der.next(a, tagged));
    }

    private boolean responseBytes(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.open(OcspFields.RESPONSE_BYTES, at, e - at);
        boolean ok = responseBytesContent(at + Der.hdr(el), e);
        tree.close();
        return ok;
    }

    private boolean responseBytesContent(int a, int e) {
        long oid = Der.tlv(seg, base, a, e);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            return malformed(a, e);
        }
        int oidAt = a + Der.hdr(oid);
        oidString(OcspFields.RESPONSE_TYPE_ID, oidAt, Der.len(oid));
        a = Der.next(a, oid);
        long octets = Der.tlv(seg, base, a, e);
        if (octets < 0 || Der.tag(octets) != Der.OCTET_STRING) {
            return malformed(a, e);
        }
        int valueAt = a + Der.hdr(octets);
        if (!Der.oidEquals(seg, base, oidAt, Der.len(oid), OID_BASIC)) {
            tree.add(OcspFields.RESPONSE, valueAt, Der.len(octets));
            return true;
        }
        packet.addProtocol(OcspFields.OCSP);
        return basicResponse(valueAt, Der.next(a, octets));
    }

    private boolean basicResponse(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.open(OcspFields.BASIC_RESPONSE, at, e - at);
        int a = at + Der.hdr(el);
        long tbs = Der.tlv(seg, base, a, e);
        boolean ok = tbs >= 0 && Der.tag(tbs) == Der.SEQUENCE || malformed(a, e);
        if (ok) {
            tree.open(OcspFields.TBS_RESPONSE_DATA, a, Der.next(a, tbs) - a);
            ok = responseData(a + Der.hdr(tbs), Der.next(a, tbs));
            tree.close();
        }
        ok = ok && signatureAndCerts(Der.next(a, tbs), e);
        tree.close();
        return ok;
    }

    private boolean responseData(int a, int e) {
        long el = Der.tlv(seg, base, a, e);
        if (el >= 0 && Der.tag(el) == CONTEXT_0) {
            version(a + Der.hdr(el), Der.next(a, el));
            a = Der.next(a, el);
            el = Der.tlv(seg, base, a, e);
        }
        if (el < 0 || Der.tag(el) != CONTEXT_1 && Der.tag(el) != CONTEXT_2) {
            return malformed(a, e);
        }
        if (!responderId(Der.tag(el) & 0x1f, a + Der.hdr(el), Der.next(a, el))) {
            return false;
        }
        a = Der.next(a, el);
        if (!time(OcspFields.PRODUCED_AT, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(seg, base, a, e));
        el = Der.tlv(seg, base, a, e);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(a, e);
        }
        int listAt = a + Der.hdr(el);
        int listEnd = Der.next(a, el);
        int n = count(listAt, listEnd);
        if (n < 0) {
            return malformed(listAt, listEnd);
        }
        tree.openUint(OcspFields.RESPONSES, listAt, listEnd - listAt, n);
        boolean ok = true;
        for (int r = listAt; ok && r < listEnd; r = Der.next(r, Der.tlv(seg, base, r, listEnd))) {
            ok = singleResponse(r, listEnd);
        }
        tree.close();
        a = listEnd;
        if (ok && a < e) {
            el = Der.tlv(seg, base, a, e);
            if (el < 0 || Der.tag(el) != CONTEXT_1) {
                return malformed(a, e);
            }
            return extensions(OcspFields.RESPONSE_EXTENSIONS, a + Der.hdr(el), Der.next(a, el));
        }
        return ok;
    }

    /** ResponderID: [1] a Name, [2] the responder key's SHA-1 hash in an OCTET STRING. */
    private boolean responderId(int choice, int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        int expected = choice == 1 ? Der.SEQUENCE : Der.OCTET_STRING;
        if (el < 0 || Der.tag(el) != expected) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.openUint(OcspFields.RESPONDER_ID, at, e - at, choice);
        boolean ok = true;
        if (choice == 1) {
            tree.openUint(OcspFields.BY_NAME, at, e - at, 0);
            ok = x509.rdnSequence(packet, at + Der.hdr(el), e);
            tree.close();
        } else {
            tree.add(OcspFields.BY_KEY, at + Der.hdr(el), Der.len(el));
        }
        tree.close();
        return ok;
    }

    private boolean singleResponse(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.open(OcspFields.SINGLE_RESPONSE, at, e - at);
        boolean ok = singleResponseContent(at + Der.hdr(el), e);
        tree.close();
        return ok;
    }

    private boolean singleResponseContent(int a, int e) {
        long el = Der.tlv(seg, base, a, e);
        if (!certId(OcspFields.CERT_ID, a, e)) {
            return false;
        }
        a = Der.next(a, el);
        el = Der.tlv(seg, base, a, e);
        if (el < 0 || !certStatus(Der.tag(el), a + Der.hdr(el), Der.len(el))) {
            return el < 0 ? malformed(a, e) : false;
        }
        a = Der.next(a, el);
        if (!time(OcspFields.THIS_UPDATE, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(seg, base, a, e));
        while (a < e) {
            el = Der.tlv(seg, base, a, e);
            if (el < 0) {
                return malformed(a, e);
            }
            int inner = a + Der.hdr(el);
            int innerEnd = Der.next(a, el);
            if (Der.tag(el) == CONTEXT_0) {
                if (!time(OcspFields.NEXT_UPDATE, inner, innerEnd)) {
                    return false;
                }
            } else if (Der.tag(el) == CONTEXT_1) {
                if (!extensions(OcspFields.SINGLE_EXTENSIONS, inner, innerEnd)) {
                    return false;
                }
            } else {
                return malformed(a, e);
            }
            a = innerEnd;
        }
        return true;
    }

    /** CertStatus: the choice item over the implicit tag's content, the alternative under it. */
    private boolean certStatus(int tag, int at, int len) {
        int choice = tag & 0x1f;
        if ((tag & 0xc0) != 0x80 || choice > 2) {
            return malformed(at, at + len);
        }
        tree.openUint(OcspFields.CERT_STATUS, at, len, choice);
        boolean ok = true;
        if (choice == 0) {
            tree.add(OcspFields.GOOD, at, len);
        } else if (choice == 2) {
            tree.add(OcspFields.UNKNOWN, at, len);
        } else {
            tree.open(OcspFields.REVOKED, at, len);
            ok = revokedInfo(at, at + len);
            tree.close();
        }
        tree.close();
        return ok;
    }

    /** RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }. */
    private boolean revokedInfo(int a, int e) {
        if (!time(OcspFields.REVOCATION_TIME, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(seg, base, a, e));
        if (a >= e) {
            return true;
        }
        long el = Der.tlv(seg, base, a, e);
        if (el < 0 || Der.tag(el) != CONTEXT_0) {
            return malformed(a, e);
        }
        int r = a + Der.hdr(el);
        long reason = Der.tlv(seg, base, r, Der.next(a, el));
        if (reason < 0 || Der.tag(reason) != ENUMERATED || Der.len(reason) < 1 || Der.len(reason) > 4) {
            return malformed(r, Der.next(a, el));
        }
        tree.addUint(OcspFields.REVOCATION_REASON, r + Der.hdr(reason), Der.len(reason),
                uint(r + Der.hdr(reason), Der.len(reason)));
        return true;
    }

    /** CertID (the response's certID, the request's reqCert). */
    private boolean certId(Field f, int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.open(f, at, e - at);
        int a = at + Der.hdr(el);
        boolean ok = algorithm(OcspFields.HASH_ALGORITHM, a, e);
        for (int i = 0; ok && i < 3; i++) {
            a = Der.next(a, Der.tlv(seg, base, a, e));
            long part = Der.tlv(seg, base, a, e);
            ok = part >= 0 && Der.tag(part) == (i < 2 ? Der.OCTET_STRING : Der.INTEGER) || malformed(a, e);
            if (ok) {
                tree.add(CERT_ID_PARTS[i], a + Der.hdr(part), Der.len(part));
            }
        }
        tree.close();
        return ok;
    }

    /** An AlgorithmIdentifier SEQUENCE at {@code at} under field {@code f}; its content is the X.509 decoder's. */
    private boolean algorithm(Field f, int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        tree.open(f, at, Der.next(at, el) - at);
        x509.algorithmIdentifier(packet, at + Der.hdr(el), Der.next(at, el));
        tree.close();
        return true;
    }

    /** signatureAlgorithm, signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL (from {@code a}). */
    private boolean signatureAndCerts(int a, int e) {
        if (!algorithm(OcspFields.SIGNATURE_ALGORITHM, a, e)) {
            return false;
        }
        a = Der.next(a, Der.tlv(seg, base, a, e));
        long sig = Der.tlv(seg, base, a, e);
        if (sig < 0 || Der.tag(sig) != Der.BIT_STRING || Der.len(sig) < 1) {
            return malformed(a, e);
        }
        int sigAt = a + Der.hdr(sig);
        tree.addUint(OcspFields.BIT_STRING_PADDING, sigAt, 1, Bytes.u8(seg, base + sigAt));
        tree.add(OcspFields.SIGNATURE, sigAt + 1, Der.len(sig) - 1);
        a = Der.next(a, sig);
        if (a >= e) {
            return true;
        }
        long tagged = Der.tlv(seg, base, a, e);
        if (tagged < 0 || Der.tag(tagged) != CONTEXT_0) {
            return malformed(a, e);
        }
        int t = a + Der.hdr(tagged);
        long seq = Der.tlv(seg, base, t, Der.next(a, tagged));
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            return malformed(t, Der.next(a, tagged));
        }
        int listAt = t + Der.hdr(seq);
        int listEnd = Der.next(t, seq);
        int n = count(listAt, listEnd);
        if (n < 0) {
            return malformed(listAt, listEnd);
        }
        tree.openUint(OcspFields.CERTS, listAt, listEnd - listAt, n);
        for (int c = listAt; c < listEnd; ) {
            long cert = Der.tlv(seg, base, c, listEnd);
            int certLen = Der.next(c, cert) - c;
            tree.open(OcspFields.CERTIFICATE, c, certLen);
            x509.certificate(packet, c, certLen);
            tree.close();
            c += certLen;
        }
        tree.close();
        return true;
    }

    /** An OCSPRequest in {@code len} bytes at {@code at} of the packet's current source. */
    public void request(Packet p, int at, int len) {
        bind(p);
        int end = (int) Math.min((long) at + Math.max(0, len), p.capturedEnd());
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            malformed(at, end);
            return;
        }
        int e = Der.next(at, el);
        int a = at + Der.hdr(el);
        long tbs = Der.tlv(seg, base, a, e);
        if (tbs < 0 || Der.tag(tbs) != Der.SEQUENCE) {
            malformed(a, e);
            return;
        }
        tree.open(OcspFields.TBS_REQUEST, a, Der.next(a, tbs) - a);
        boolean ok = tbsRequest(a + Der.hdr(tbs), Der.next(a, tbs));
        tree.close();
        a = Der.next(a, tbs);
        if (!ok || a >= e) {
            return;
        }
        long tagged = Der.tlv(seg, base, a, e);
        int t = a + Der.hdr(tagged);
        long sig = tagged < 0 || Der.tag(tagged) != CONTEXT_0 ? -1 : Der.tlv(seg, base, t, Der.next(a, tagged));
        if (sig < 0 || Der.tag(sig) != Der.SEQUENCE) {
            malformed(a, e);
            return;
        }
        tree.open(OcspFields.OPTIONAL_SIGNATURE, t, Der.next(t, sig) - t);
        signatureAndCerts(t + Der.hdr(sig), Der.next(t, sig));
        tree.close();
    }

    private boolean tbsRequest(int a, int e) {
        long el = Der.tlv(seg, base, a, e);
        if (el >= 0 && Der.tag(el) == CONTEXT_0) {
            version(a + Der.hdr(el), Der.next(a, el));
            a = Der.next(a, el);
            el = Der.tlv(seg, base, a, e);
        }
        if (el >= 0 && Der.tag(el) == CONTEXT_1) {
            if (!requestorName(a + Der.hdr(el), Der.next(a, el))) {
                return false;
            }
            a = Der.next(a, el);
            el = Der.tlv(seg, base, a, e);
        }
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(a, e);
        }
        int listAt = a + Der.hdr(el);
        int listEnd = Der.next(a, el);
        int n = count(listAt, listEnd);
        if (n < 0) {
            return malformed(listAt, listEnd);
        }
        tree.openUint(OcspFields.REQUEST_LIST, listAt, listEnd - listAt, n);
        boolean ok = true;
        for (int r = listAt; ok && r < listEnd; r = Der.next(r, Der.tlv(seg, base, r, listEnd))) {
            ok = request(r, listEnd);
        }
        tree.close();
        a = listEnd;
        if (ok && a < e) {
            el = Der.tlv(seg, base, a, e);
            if (el < 0 || Der.tag(el) != CONTEXT_2) {
                return malformed(a, e);
            }
            return extensions(OcspFields.REQUEST_EXTENSIONS, a + Der.hdr(el), Der.next(a, el));
        }
        return ok;
    }

    private boolean request(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.open(OcspFields.REQUEST, at, e - at);
        int a = at + Der.hdr(el);
        boolean ok = certId(OcspFields.REQ_CERT, a, e);
        if (ok) {
            a = Der.next(a, Der.tlv(seg, base, a, e));
            if (a < e) {
                long tagged = Der.tlv(seg, base, a, e);
                ok = tagged >= 0 && Der.tag(tagged) == CONTEXT_0 || malformed(a, e);
                ok = ok && extensions(OcspFields.SINGLE_REQUEST_EXTENSIONS, a + Der.hdr(tagged), Der.next(a, tagged));
            }
        }
        tree.close();
        return ok;
    }

    /** requestorName: a GeneralName (RFC 5280 §4.2.1.6), its choice and, for the text and name forms, the value. */
    private boolean requestorName(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || (Der.tag(el) & 0x80) == 0) {
            return malformed(at, end);
        }
        int choice = Der.tag(el) & 0x1f;
        int valueAt = at + Der.hdr(el);
        int e = Der.next(at, el);
        tree.openUint(OcspFields.REQUESTOR_NAME, at, e - at, choice);
        boolean ok = true;
        switch (choice) {
            case 1 -> tree.add(X509Fields.RFC822_NAME, valueAt, Der.len(el));
            case 2 -> tree.add(X509Fields.DNS_NAME, valueAt, Der.len(el));
            case 6 -> tree.add(X509Fields.URI, valueAt, Der.len(el));
            case 4 -> {
                long name = Der.tlv(seg, base, valueAt, e);
                ok = name >= 0 && Der.tag(name) == Der.SEQUENCE || malformed(valueAt, e);
                ok = ok && x509.rdnSequence(packet, valueAt + Der.hdr(name), Der.next(valueAt, name));
            }
            default -> {
                // the other forms (otherName, x400Address, ediPartyName, iPAddress, registeredID): the choice only
            }
        }
        tree.close();
        return ok;
    }

    /** Extensions ::= SEQUENCE OF Extension, counted under {@code f}; each a pkix1explicit Extension. */
    private boolean extensions(Field f, int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int listAt = at + Der.hdr(el);
        int listEnd = Der.next(at, el);
        int n = count(listAt, listEnd);
        if (n < 0) {
            return malformed(listAt, listEnd);
        }
        tree.openUint(f, listAt, listEnd - listAt, n);
        boolean ok = true;
        for (int x = listAt; ok && x < listEnd; x = Der.next(x, Der.tlv(seg, base, x, listEnd))) {
            ok = extension(x, listEnd);
        }
        tree.close();
        return ok;
    }

    /** Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
    private boolean extension(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end);
        }
        int e = Der.next(at, el);
        tree.open(OcspFields.PKIX_EXTENSION, at, e - at);
        int a = at + Der.hdr(el);
        long oid = Der.tlv(seg, base, a, e);
        boolean ok = oid >= 0 && Der.tag(oid) == Der.OID || malformed(a, e);
        if (ok) {
            int oidAt = a + Der.hdr(oid);
            oidString(OcspFields.PKIX_EXTENSION_ID, oidAt, Der.len(oid));
            a = Der.next(a, oid);
            long v = Der.tlv(seg, base, a, e);
            if (v >= 0 && Der.tag(v) == Der.BOOLEAN && Der.len(v) == 1) {
                tree.addUint(OcspFields.PKIX_CRITICAL, a + Der.hdr(v), 1, Bytes.u8(seg, base + a + Der.hdr(v)));
                a = Der.next(a, v);
                v = Der.tlv(seg, base, a, e);
            }
            ok = v >= 0 && Der.tag(v) == Der.OCTET_STRING || malformed(a, e);
            if (ok) {
                extensionValue(oidAt, Der.len(oid), a + Der.hdr(v), Der.len(v));
            }
        }
        tree.close();
        return ok;
    }

    /** An extension's value by its OID: OCSP's own (RFC 6960 §4.4) as tshark's ocsp, others as extnValue bytes. */
    private void extensionValue(int oidAt, int oidLen, int at, int len) {
        int end = at + len;
        if (Der.oidEquals(seg, base, oidAt, oidLen, OID_NONCE)) {
            packet.addProtocol(OcspFields.OCSP);
            long inner = Der.tlv(seg, base, at, end);
            if (inner >= 0 && Der.tag(inner) == Der.OCTET_STRING && Der.next(at, inner) == end) {
                tree.add(OcspFields.NONCE, at + Der.hdr(inner), Der.len(inner));
            } else {
                tree.add(OcspFields.NONCE, at, len);   // a bare nonce, as some responders send it
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_NOCHECK)) {
            packet.addProtocol(OcspFields.OCSP);
            tree.add(OcspFields.NULL, at, len);
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_ARCHIVE_CUTOFF)) {
            packet.addProtocol(OcspFields.OCSP);
            time(OcspFields.ARCHIVE_CUTOFF, at, end);
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_RESPONSE)) {
            packet.addProtocol(OcspFields.OCSP);
            acceptableResponses(at, end);
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_CRL)) {
            packet.addProtocol(OcspFields.OCSP);
            crlId(at, end);
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_SERVICE_LOCATOR)) {
            packet.addProtocol(OcspFields.OCSP);
            tree.add(OcspFields.SERVICE_LOCATOR, at, len);
        } else {
            tree.add(OcspFields.PKIX_EXTN_VALUE, at, len);
        }
    }

    /** AcceptableResponses ::= SEQUENCE OF OBJECT IDENTIFIER. */
    private void acceptableResponses(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        int listAt = at + Der.hdr(el);
        int listEnd = el < 0 ? -1 : Der.next(at, el);
        int n = el < 0 || Der.tag(el) != Der.SEQUENCE ? -1 : count(listAt, listEnd);
        if (n < 0) {
            malformed(at, end);
            return;
        }
        tree.openUint(OcspFields.ACCEPTABLE_RESPONSES, listAt, listEnd - listAt, n);
        for (int o = listAt; o < listEnd; ) {
            long oid = Der.tlv(seg, base, o, listEnd);
            if (Der.tag(oid) == Der.OID) {
                tree.add(OcspFields.ACCEPTABLE_RESPONSES_ITEM, o + Der.hdr(oid), Der.len(oid));
            }
            o = Der.next(o, oid);
        }
        tree.close();
    }

    /** CrlID ::= SEQUENCE { crlUrl [0] EXPLICIT IA5String OPTIONAL, crlNum [1] EXPLICIT INTEGER OPTIONAL,
     *  crlTime [2] EXPLICIT GeneralizedTime OPTIONAL }. */
    private void crlId(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            malformed(at, end);
            return;
        }
        int e = Der.next(at, el);
        tree.open(OcspFields.CRL_ID, at, e - at);
        for (int a = at + Der.hdr(el); a < e; ) {
            long tagged = Der.tlv(seg, base, a, e);
            if (tagged < 0) {
                malformed(a, e);
                break;
            }
            int in = a + Der.hdr(tagged);
            int inEnd = Der.next(a, tagged);
            long v = Der.tlv(seg, base, in, inEnd);
            if (v >= 0 && Der.tag(tagged) == CONTEXT_0 && Der.tag(v) == Der.IA5_STRING) {
                tree.add(OcspFields.CRL_URL, in + Der.hdr(v), Der.len(v));
            } else if (v >= 0 && Der.tag(tagged) == CONTEXT_1 && Der.tag(v) == Der.INTEGER && Der.len(v) >= 1
                    && Der.len(v) <= 4) {
                tree.addLong(OcspFields.CRL_NUM, in + Der.hdr(v), Der.len(v), signed(in + Der.hdr(v), Der.len(v)));
            } else if (Der.tag(tagged) == CONTEXT_2) {
                time(OcspFields.CRL_TIME, in, inEnd);
            }
            a = inEnd;
        }
        tree.close();
    }

    /** Version ::= INTEGER inside its explicit [0] tag. */
    private void version(int at, int end) {
        long v = Der.tlv(seg, base, at, end);
        if (v >= 0 && Der.tag(v) == Der.INTEGER && Der.len(v) >= 1 && Der.len(v) <= 4) {
            tree.addLong(OcspFields.VERSION, at + Der.hdr(v), Der.len(v), signed(at + Der.hdr(v), Der.len(v)));
        }
    }

    /** A GeneralizedTime element at {@code at} as field {@code f}; false (malformed) when there is none. */
    private boolean time(Field f, int at, int end) {
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
    private void oidString(Field f, int at, int len) {
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
    private int count(int at, int end) {
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

    private long uint(int at, int len) {
        return Bytes.uN(seg, base + at, len);
    }

    private long signed(int at, int len) {
        long v = Bytes.uN(seg, base + at, len);
        int shift = 64 - 8 * len;
        return v << shift >> shift;
    }

    private boolean malformed(int at, int end) {
        int len = Math.max(0, end - at);
        tree.expert(OcspFields.MALFORMED, at, len);
        tree.setFlags(tree.add(EngineFields.MALFORMED.field(), 0, 0), Tree.HIDDEN);
        return false;
    }
}
