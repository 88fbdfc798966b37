package org.dissect4j.tls;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;

/**
 * Decodes X.509 certificates (RFC 5280 §4.1) and distinguished names in place, walking the DER with
 * {@link Der}: serial, signature algorithm, issuer, validity, subject, public key algorithm, extensions (subject
 * alternative names, key purposes, basic constraints, key identifiers, CRL and AIA URIs). The structure is walked
 * with fixed nesting, so depth is bounded by construction; malformed DER ends the decoding of that certificate
 * with a {@code tls.x509.malformed} expert item, never an exception.
 *
 * <pre>
 * Certificate  ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE { [0] version, serialNumber, signature, issuer Name, validity, subject Name,
 *                               subjectPublicKeyInfo, [1] issuerUID, [2] subjectUID, [3] extensions }
 * </pre>
 *
 * <p>Like tshark, each attribute value of a name adds {@code x509sat} to {@code frame.protocols}, each
 * 2.5.29.* extension {@code x509ce}, an EC public key's parameters {@code pkcs-1}, authorityInfoAccess
 * {@code pkix1implicit} and a CPS policy qualifier {@code pkix1explicit}. Summary strings ({@code tls.x509.*}) are
 * composed only when wanted.
 *
 * <p>Here: the certificate, TBSCertificate, algorithms, validity and public key; names are {@link X509Names},
 * extensions {@link X509Extensions}; the three share the certificate being walked, an {@link X509Walk}.
 */
final class X509Decoder {
    private static final byte[] OID_RSA_ENCRYPTION = Der.oid("1.2.840.113549.1.1.1");
    private static final byte[] OID_EC_PUBLIC_KEY = Der.oid("1.2.840.10045.2.1");
    private static final byte[] OID_RSASSA_PSS = Der.oid("1.2.840.113549.1.1.10");
    private static final byte[] OID_MGF1 = Der.oid("1.2.840.113549.1.1.8");

    private static final String[][] ALGORITHM_NAMES = {
            {"1.2.840.113549.1.1.1", "rsaEncryption"}, {"1.2.840.113549.1.1.4", "md5WithRSAEncryption"},
            {"1.2.840.113549.1.1.5", "sha1WithRSAEncryption"}, {"1.2.840.113549.1.1.10", "id-RSASSA-PSS"},
            {"1.2.840.113549.1.1.11", "sha256WithRSAEncryption"}, {"1.2.840.113549.1.1.12", "sha384WithRSAEncryption"},
            {"1.2.840.113549.1.1.13", "sha512WithRSAEncryption"}, {"1.2.840.113549.1.1.14", "sha224WithRSAEncryption"},
            {"1.2.840.10045.2.1", "id-ecPublicKey"}, {"1.2.840.10045.4.1", "ecdsa-with-SHA1"},
            {"1.2.840.10045.4.3.2", "ecdsa-with-SHA256"}, {"1.2.840.10045.4.3.3", "ecdsa-with-SHA384"},
            {"1.2.840.10045.4.3.4", "ecdsa-with-SHA512"}, {"1.3.101.112", "id-Ed25519"}, {"1.3.101.113", "id-Ed448"},
            {"1.2.840.10040.4.3", "id-dsa-with-sha1"}, {"2.16.840.1.101.3.4.3.2", "id-dsa-with-sha256"}};
    private static final byte[][] ALGORITHM_OIDS = new byte[ALGORITHM_NAMES.length][];

    static {
        for (int i = 0; i < ALGORITHM_NAMES.length; i++) {
            ALGORITHM_OIDS[i] = Der.oid(ALGORITHM_NAMES[i][0]);
        }
    }

    private final X509Walk w = new X509Walk();
    private final X509Names names = new X509Names(w);
    private final X509Extensions extensions = new X509Extensions(w, names);

    /** Whether anyone wants certificate details: an x509 field, a tls.x509 summary, or frame.protocols. */
    static boolean wanted(Tree t, Field frameProtocols) {
        if (t.wantsAll() || frameProtocols != null && t.wants(frameProtocols)) {
            return true;
        }
        for (Field f : WANT_ANY) {
            if (t.wants(f)) {
                return true;
            }
        }
        return false;
    }

    private static final Field[] WANT_ANY = concat(X509Fields.x509af(), X509Fields.x509if(), X509Fields.x509sat(),
            X509Fields.x509ce(), X509Fields.pkcs1(), X509Fields.ber(), X509Fields.pkix1implicit(), X509Fields.pkix1explicit(),
            X509Fields.nsCertExts(), X509Fields.logotype(), new Field[] {TlsFields.X509_SUBJECT, TlsFields.X509_ISSUER, TlsFields.X509_NOT_BEFORE,
                    TlsFields.X509_NOT_AFTER, TlsFields.X509_SAN, TlsFields.X509_SIG_ALG});

    private static Field[] concat(Field[]... parts) {
        int n = 0;
        for (Field[] a : parts) {
            n += a.length;
        }
        Field[] out = new Field[n];
        int i = 0;
        for (Field[] a : parts) {
            System.arraycopy(a, 0, out, i, a.length);
            i += a.length;
        }
        return out;
    }

    /** Decodes the certificate in {@code len} bytes at {@code at} of the packet's current source. */
    void certificate(Packet p, int at, int len) {
        w.bind(p);
        int end = Math.min(at + len, p.capturedEnd());
        long cert = Der.tlv(w.seg, w.base, at, end);
        if (cert < 0 || Der.tag(cert) != Der.SEQUENCE) {
            w.malformed(at, end - at);
            return;
        }
        int certEnd = Der.next(at, cert);
        int tbsAt = at + Der.hdr(cert);
        long tbs = Der.tlv(w.seg, w.base, tbsAt, certEnd);
        if (tbs < 0 || Der.tag(tbs) != Der.SEQUENCE) {
            w.malformed(tbsAt, certEnd - tbsAt);
            return;
        }
        int tbsEnd = Der.next(tbsAt, tbs);
        w.tree.open(X509Fields.SIGNED_CERTIFICATE, tbsAt, tbsEnd - tbsAt);
        boolean ok = tbsCertificate(tbsAt + Der.hdr(tbs), tbsEnd);
        w.tree.close();
        if (!ok) {
            return;
        }
        int at2 = tbsEnd;
        long alg = Der.tlv(w.seg, w.base, at2, certEnd);
        if (alg < 0 || Der.tag(alg) != Der.SEQUENCE) {
            w.malformed(at2, certEnd - at2);
            return;
        }
        w.tree.open(X509Fields.ALGORITHM_IDENTIFIER, at2, Der.hdr(alg) + Der.len(alg));
        algorithm(at2 + Der.hdr(alg), Der.next(at2, alg), false, null);
        w.tree.close();
        at2 = Der.next(at2, alg);
        long sig = Der.tlv(w.seg, w.base, at2, certEnd);
        if (sig < 0 || Der.tag(sig) != Der.BIT_STRING || Der.len(sig) < 1) {
            w.malformed(at2, certEnd - at2);
            return;
        }
        w.padding(at2 + Der.hdr(sig));
        w.tree.add(X509Fields.ENCRYPTED, at2 + Der.hdr(sig) + 1, Der.len(sig) - 1);
    }

    private boolean tbsCertificate(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el >= 0 && Der.tag(el) == 0xa0) {
            long v = Der.tlv(w.seg, w.base, at + Der.hdr(el), Der.next(at, el));
            if (v >= 0 && Der.tag(v) == Der.INTEGER && Der.len(v) >= 1 && Der.len(v) <= 4) {
                int vAt = at + Der.hdr(el) + Der.hdr(v);
                w.tree.addLong(X509Fields.VERSION, vAt, Der.len(v), Bytes.uN(w.seg, w.base + vAt, Der.len(v)));
            }
            at = Der.next(at, el);
            el = Der.tlv(w.seg, w.base, at, end);
        }
        if (el < 0 || Der.tag(el) != Der.INTEGER) {
            return w.malformed(at, end - at);
        }
        w.tree.add(X509Fields.SERIAL_NUMBER, at + Der.hdr(el), Der.len(el));
        at = Der.next(at, el);
        el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end - at);
        }
        w.tree.open(X509Fields.SIGNATURE, at, Der.hdr(el) + Der.len(el));
        algorithm(at + Der.hdr(el), Der.next(at, el), false, TlsFields.X509_SIG_ALG);
        w.tree.close();
        at = Der.next(at, el);
        el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end - at);
        }
        w.tree.openUint(X509Fields.ISSUER, at, Der.hdr(el) + Der.len(el), 0);
        boolean named = names.name(at + Der.hdr(el), Der.next(at, el), X509Fields.IF_RDN_SEQUENCE, TlsFields.X509_ISSUER);
        w.tree.close();
        if (!named) {
            return false;
        }
        at = Der.next(at, el);
        el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end - at);
        }
        w.tree.open(X509Fields.VALIDITY, at, Der.hdr(el) + Der.len(el));
        boolean ok = validity(at + Der.hdr(el), Der.next(at, el));
        w.tree.close();
        if (!ok) {
            return false;
        }
        at = Der.next(at, el);
        el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end - at);
        }
        w.tree.openUint(X509Fields.SUBJECT, at, Der.hdr(el) + Der.len(el), 0);
        named = names.name(at + Der.hdr(el), Der.next(at, el), X509Fields.AF_RDN_SEQUENCE, TlsFields.X509_SUBJECT);
        w.tree.close();
        if (!named) {
            return false;
        }
        at = Der.next(at, el);
        el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return w.malformed(at, end - at);
        }
        w.tree.open(X509Fields.SPKI, at, Der.hdr(el) + Der.len(el));
        ok = subjectPublicKeyInfo(at + Der.hdr(el), Der.next(at, el));
        w.tree.close();
        if (!ok) {
            return false;
        }
        at = Der.next(at, el);
        while (at < end) {
            el = Der.tlv(w.seg, w.base, at, end);
            if (el < 0) {
                return w.malformed(at, end - at);
            }
            if (Der.tag(el) == 0xa3) {
                extensions.extensions(at + Der.hdr(el), Der.next(at, el));
            }
            at = Der.next(at, el);
        }
        return true;
    }

    /** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
    private void algorithm(int at, int end, boolean publicKey, Field summary) {
        long oid = Der.tlv(w.seg, w.base, at, end);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            w.malformed(at, end - at);
            return;
        }
        int oidAt = at + Der.hdr(oid);
        int oidLen = Der.len(oid);
        w.tree.add(X509Fields.ALGORITHM_ID, oidAt, oidLen);
        int paramsAt = Der.next(at, oid);
        boolean params = paramsAt < end;
        if (params && publicKey && Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_EC_PUBLIC_KEY)) {
            w.packet.addProtocol(X509Fields.PKCS1);
            ecParameters(paramsAt, end);
        } else if (params && Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_RSASSA_PSS)) {
            w.packet.addProtocol(X509Fields.PKCS1);
            pssParams(paramsAt, end);
        }
        if (summary != null && w.tree.wantsByName(summary)) {
            w.text.setLength(0);
            algorithmName(oidAt, oidLen, w.text);
            w.tree.addString(summary, w.text);
        }
    }

    /** ECParameters ::= CHOICE { specifiedCurve [0]?, namedCurve OID, implicitlyCA NULL } (RFC 3279, RFC 5480). */
    private void ecParameters(int at, int end) {
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el < 0) {
            return;
        }
        int choice = Der.tag(el) == Der.OID ? 1 : Der.tag(el) == Der.NULL ? 2 : 0;
        w.tree.openUint(X509Fields.EC_PARAMETERS, at, Der.hdr(el) + Der.len(el), choice);
        if (choice == 1) {
            w.tree.add(X509Fields.NAMED_CURVE, at + Der.hdr(el), Der.len(el));
        }
        w.tree.close();
    }

    /**
     * RSASSA-PSS-params ::= SEQUENCE { [0] hashAlgorithm, [1] maskGenAlgorithm, [2] saltLength, [3] trailerField }
     * (RFC 8017 A.2.3), pkcs-1's items. An MGF1 with parameters adds pkcs-1 to frame.protocols once more, as tshark.
     */
    private void pssParams(int at, int end) {
        long seq = Der.tlv(w.seg, w.base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            return;
        }
        int seqEnd = Der.next(at, seq);
        w.tree.open(X509Fields.PSS_PARAMS, at, Der.hdr(seq) + Der.len(seq));
        for (int a = at + Der.hdr(seq); a < seqEnd; ) {
            long el = Der.tlv(w.seg, w.base, a, seqEnd);
            if (el < 0) {
                break;
            }
            int vAt = a + Der.hdr(el);
            if (Der.tag(el) == 0xa0 || Der.tag(el) == 0xa1) {
                long alg = Der.tlv(w.seg, w.base, vAt, Der.next(a, el));
                if (alg >= 0 && Der.tag(alg) == Der.SEQUENCE) {
                    int algEnd = Der.next(vAt, alg);
                    w.tree.open(Der.tag(el) == 0xa0 ? X509Fields.PSS_HASH : X509Fields.PSS_MASK_GEN, vAt, algEnd - vAt);
                    long oid = Der.tlv(w.seg, w.base, vAt + Der.hdr(alg), algEnd);
                    if (oid >= 0 && Der.tag(oid) == Der.OID) {
                        int oidAt = vAt + Der.hdr(alg) + Der.hdr(oid);
                        w.tree.add(X509Fields.ALGORITHM_ID, oidAt, Der.len(oid));
                        int paramsAt = Der.next(vAt + Der.hdr(alg), oid);
                        if (Der.tag(el) == 0xa1 && Der.oidEquals(w.seg, w.base, oidAt, Der.len(oid), OID_MGF1) && paramsAt < algEnd) {
                            w.packet.addProtocol(X509Fields.PKCS1);
                            mgf1Hash(paramsAt, algEnd);
                        }
                    }
                    w.tree.close();
                }
            } else if (Der.tag(el) == 0xa2) {
                long salt = Der.tlv(w.seg, w.base, vAt, Der.next(a, el));
                if (salt >= 0 && Der.tag(salt) == Der.INTEGER && Der.len(salt) >= 1 && Der.len(salt) <= 4) {
                    int sAt = vAt + Der.hdr(salt);
                    w.tree.addLong(X509Fields.PSS_SALT_LENGTH, sAt, Der.len(salt), Bytes.uN(w.seg, w.base + sAt, Der.len(salt)));
                }
            }
            a = Der.next(a, el);
        }
        w.tree.close();
    }

    /** MGF1's parameter, the hash's AlgorithmIdentifier: its OID is one more x509af.algorithm.id, as in tshark. */
    private void mgf1Hash(int at, int end) {
        long hash = Der.tlv(w.seg, w.base, at, end);
        if (hash >= 0 && Der.tag(hash) == Der.SEQUENCE) {
            long oid = Der.tlv(w.seg, w.base, at + Der.hdr(hash), Der.next(at, hash));
            if (oid >= 0 && Der.tag(oid) == Der.OID) {
                w.tree.add(X509Fields.ALGORITHM_ID, at + Der.hdr(hash) + Der.hdr(oid), Der.len(oid));
            }
        }
    }

    private void algorithmName(int at, int len, StringBuilder out) {
        for (int i = 0; i < ALGORITHM_OIDS.length; i++) {
            if (Der.oidEquals(w.seg, w.base, at, len, ALGORITHM_OIDS[i])) {
                out.append(ALGORITHM_NAMES[i][1]);
                return;
            }
        }
        Der.appendOid(w.seg, w.base, at, len, out);
    }

    /** Validity ::= SEQUENCE { notBefore Time, notAfter Time }; Time ::= CHOICE { utcTime, generalTime }. */
    private boolean validity(int at, int end) {
        for (int i = 0; i < 2; i++) {
            long el = Der.tlv(w.seg, w.base, at, end);
            if (el < 0 || Der.tag(el) != Der.UTC_TIME && Der.tag(el) != Der.GENERALIZED_TIME) {
                return w.malformed(at, end - at);
            }
            boolean utc = Der.tag(el) == Der.UTC_TIME;
            int vAt = at + Der.hdr(el);
            int vLen = Der.len(el);
            w.tree.openUint(i == 0 ? X509Fields.NOT_BEFORE : X509Fields.NOT_AFTER, at, Der.hdr(el) + vLen, utc ? 0 : 1);
            long nanos = time(vAt, vLen, utc);
            if (utc) {
                if (w.tree.wants(X509Fields.UTC_TIME)) {
                    w.text.setLength(0);
                    if (nanos != Long.MIN_VALUE) {
                        int y = Bytes.u8(w.seg, w.base + vAt) - '0';
                        w.text.append(y * 10 + (Bytes.u8(w.seg, w.base + vAt + 1) - '0') >= 50 ? "19" : "20");
                        w.appendChars(vAt, 2, w.text).append('-');
                        w.appendChars(vAt + 2, 2, w.text).append('-');
                        w.appendChars(vAt + 4, 2, w.text).append(' ');
                        w.appendChars(vAt + 6, 2, w.text).append(':');
                        w.appendChars(vAt + 8, 2, w.text).append(':');
                        w.appendChars(vAt + 10, 2, w.text).append(" (UTC)");
                    } else {
                        w.appendChars(vAt, vLen, w.text);
                    }
                    int n = w.tree.addString(X509Fields.UTC_TIME, w.text);
                    w.tree.clearFlags(n, Tree.GENERATED);
                    w.tree.showAt(n, vAt, vLen);
                }
            } else if (nanos != Long.MIN_VALUE) {
                w.tree.addLong(X509Fields.GENERALIZED_TIME, vAt, vLen, nanos);
            }
            w.tree.close();
            if (nanos != Long.MIN_VALUE) {
                Field f = i == 0 ? TlsFields.X509_NOT_BEFORE : TlsFields.X509_NOT_AFTER;
                if (w.tree.wantsByName(f)) {
                    w.tree.setFlags(w.tree.addLong(f, vAt, vLen, nanos), Tree.GENERATED);
                }
            }
            at = Der.next(at, el);
        }
        return true;
    }

    /** UTCTime YYMMDDhhmm[ss]Z or GeneralizedTime YYYYMMDDhhmm[ss]Z as nanoseconds since the epoch, else MIN_VALUE. */
    private long time(int at, int len, boolean utc) {
        int yearDigits = utc ? 2 : 4;
        if (len < yearDigits + 8 + 1) {
            return Long.MIN_VALUE;
        }
        int year = digits(at, yearDigits);
        if (year < 0) {
            return Long.MIN_VALUE;
        }
        if (utc) {
            year += year >= 50 ? 1900 : 2000;
        }
        int p = at + yearDigits;
        int month = digits(p, 2), day = digits(p + 2, 2), hour = digits(p + 4, 2), minute = digits(p + 6, 2);
        int second = 0;
        int rest = at + len - (p + 8);
        if (rest >= 3 && Bytes.u8(w.seg, w.base + p + 8) != 'Z') {
            second = digits(p + 8, 2);
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return Long.MIN_VALUE;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 86400L) + hour * 3600L + minute * 60L + second) * 1_000_000_000L;
    }

    private int digits(int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int c = Bytes.u8(w.seg, w.base + at + i) - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
    private boolean subjectPublicKeyInfo(int at, int end) {
        long alg = Der.tlv(w.seg, w.base, at, end);
        if (alg < 0 || Der.tag(alg) != Der.SEQUENCE) {
            return w.malformed(at, end - at);
        }
        w.tree.open(X509Fields.SPKI_ALGORITHM, at, Der.hdr(alg) + Der.len(alg));
        algorithm(at + Der.hdr(alg), Der.next(at, alg), true, null);
        w.tree.close();
        int algOidAt = at + Der.hdr(alg);
        long algOid = Der.tlv(w.seg, w.base, algOidAt, Der.next(at, alg));
        boolean rsa = algOid >= 0 && Der.tag(algOid) == Der.OID
                && Der.oidEquals(w.seg, w.base, algOidAt + Der.hdr(algOid), Der.len(algOid), OID_RSA_ENCRYPTION);
        at = Der.next(at, alg);
        long key = Der.tlv(w.seg, w.base, at, end);
        if (key < 0 || Der.tag(key) != Der.BIT_STRING || Der.len(key) < 1) {
            return w.malformed(at, end - at);
        }
        int keyAt = at + Der.hdr(key) + 1;
        int keyEnd = Der.next(at, key);
        if (!rsa) {
            w.padding(at + Der.hdr(key));
        }
        w.tree.open(X509Fields.SUBJECT_PUBLIC_KEY, keyAt, keyEnd - keyAt);
        if (rsa) {
            rsaPublicKey(keyAt, keyEnd);
        }
        w.tree.close();
        return true;
    }

    /** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1), dissected by pkcs-1. */
    private void rsaPublicKey(int at, int end) {
        long seq = Der.tlv(w.seg, w.base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            return;
        }
        int seqEnd = Der.next(at, seq);
        int a = at + Der.hdr(seq);
        long mod = Der.tlv(w.seg, w.base, a, seqEnd);
        if (mod < 0 || Der.tag(mod) != Der.INTEGER) {
            return;
        }
        w.tree.add(X509Fields.MODULUS, a + Der.hdr(mod), Der.len(mod));
        a = Der.next(a, mod);
        long exp = Der.tlv(w.seg, w.base, a, seqEnd);
        if (exp >= 0 && Der.tag(exp) == Der.INTEGER && Der.len(exp) >= 1 && Der.len(exp) <= 4) {
            int eAt = a + Der.hdr(exp);
            w.tree.addLong(X509Fields.PUBLIC_EXPONENT, eAt, Der.len(exp), Bytes.uN(w.seg, w.base + eAt, Der.len(exp)));
        }
    }


    /** A CertificateRequest's DistinguishedName (a Name without the outer tag already read). */
    void distinguishedName(Packet p, int at, int len) {
        w.bind(p);
        int end = Math.min(at + len, p.capturedEnd());
        long seq = Der.tlv(w.seg, w.base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            w.malformed(at, end - at);
            return;
        }
        // tshark puts the RDN items right under the TLS item: no rdnSequence count here
        names.name(at + Der.hdr(seq), Der.next(at, seq), null, null);
    }


    // Lent to OCSP through X509Parts: the pieces of a certificate that OCSP's structures reuse.

    /** An AlgorithmIdentifier's content ({@code at}..{@code end}: inside its SEQUENCE). */
    void algorithmIdentifier(Packet p, int at, int end) {
        w.bind(p);
        algorithm(at, end, false, null);
    }

    /** A Name's content (inside its SEQUENCE) as x509if's RDN sequence; false when the DER ends it. */
    boolean rdnSequence(Packet p, int at, int end) {
        w.bind(p);
        return names.name(at, end, X509Fields.IF_RDN_SEQUENCE, null);
    }

    /** A GeneralizedTime's content as nanoseconds since the epoch, else {@code Long.MIN_VALUE}. */
    long generalizedTime(Packet p, int at, int len) {
        w.bind(p);
        return time(at, len, false);
    }

    /** For tests: the protocol of x509 sub-dissection. */
    static Protocol[] protocols() {
        return new Protocol[] {X509Fields.X509AF, X509Fields.X509IF, X509Fields.X509SAT, X509Fields.X509CE,
                X509Fields.PKCS1, X509Fields.PKIX1IMPLICIT, X509Fields.PKIX1EXPLICIT, X509Fields.NS_CERT_EXTS,
                X509Fields.LOGOTYPE, X509Fields.BER};
    }
}
