package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.AddressText;
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
 */
final class X509Decoder {
    private static final byte[] OID_AT_PREFIX = Der.oid("2.5.4");
    private static final byte[] OID_CE_PREFIX = Der.oid("2.5.29");
    private static final byte[] OID_EV_PREFIX = Der.oid("1.3.6.1.4.1.311.60.2.1");
    private static final byte[] OID_COUNTRY = Der.oid("2.5.4.6");
    private static final byte[] OID_EV_COUNTRY = Der.oid("1.3.6.1.4.1.311.60.2.1.3");
    private static final byte[] OID_DC = Der.oid("0.9.2342.19200300.100.1.25");
    private static final byte[] OID_EC_PUBLIC_KEY = Der.oid("1.2.840.10045.2.1");
    private static final byte[] OID_RSASSA_PSS = Der.oid("1.2.840.113549.1.1.10");
    private static final byte[] OID_MGF1 = Der.oid("1.2.840.113549.1.1.8");
    private static final byte[] OID_SAN = Der.oid("2.5.29.17");
    private static final byte[] OID_EKU = Der.oid("2.5.29.37");
    private static final byte[] OID_BASIC_CONSTRAINTS = Der.oid("2.5.29.19");
    private static final byte[] OID_SKI = Der.oid("2.5.29.14");
    private static final byte[] OID_AKI = Der.oid("2.5.29.35");
    private static final byte[] OID_CRL_DP = Der.oid("2.5.29.31");
    private static final byte[] OID_CERT_POLICIES = Der.oid("2.5.29.32");
    private static final byte[] OID_AIA = Der.oid("1.3.6.1.5.5.7.1.1");
    private static final byte[] OID_QT_CPS = Der.oid("1.3.6.1.5.5.7.2.1");

    private static final String[][] ATTRIBUTE_NAMES = {
            {"2.5.4.3", "CN"}, {"2.5.4.6", "C"}, {"2.5.4.7", "L"}, {"2.5.4.8", "ST"}, {"2.5.4.9", "STREET"},
            {"2.5.4.10", "O"}, {"2.5.4.11", "OU"}, {"2.5.4.5", "serialNumber"}, {"2.5.4.12", "title"},
            {"2.5.4.4", "SN"}, {"2.5.4.42", "GN"}, {"0.9.2342.19200300.100.1.25", "DC"},
            {"0.9.2342.19200300.100.1.1", "UID"}, {"1.2.840.113549.1.9.1", "emailAddress"}};
    private static final byte[][] ATTRIBUTE_OIDS = new byte[ATTRIBUTE_NAMES.length][];
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
        for (int i = 0; i < ATTRIBUTE_NAMES.length; i++) {
            ATTRIBUTE_OIDS[i] = Der.oid(ATTRIBUTE_NAMES[i][0]);
        }
        for (int i = 0; i < ALGORITHM_NAMES.length; i++) {
            ALGORITHM_OIDS[i] = Der.oid(ALGORITHM_NAMES[i][0]);
        }
    }

    private final StringBuilder text = new StringBuilder(256);
    private MemorySegment seg;
    private long base;
    private Tree tree;
    private Packet packet;
    private boolean summaries;

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
            X509Fields.x509ce(), new Field[] {TlsFields.X509_SUBJECT, TlsFields.X509_ISSUER, TlsFields.X509_NOT_BEFORE,
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

    private void bind(Packet p) {
        packet = p;
        tree = p.tree();
        seg = p.segment();
        base = p.base();
        summaries = tree.wants(TlsFields.X509_SUBJECT) || tree.wants(TlsFields.X509_ISSUER)
                || tree.wants(TlsFields.X509_SAN) || tree.wants(TlsFields.X509_SIG_ALG);
    }

    /** Decodes the certificate in {@code len} bytes at {@code at} of the packet's current source. */
    void certificate(Packet p, int at, int len) {
        bind(p);
        int end = Math.min(at + len, p.capturedEnd());
        long cert = Der.tlv(seg, base, at, end);
        if (cert < 0 || Der.tag(cert) != Der.SEQUENCE) {
            malformed(at, end - at);
            return;
        }
        int certEnd = Der.next(at, cert);
        int tbsAt = at + Der.hdr(cert);
        long tbs = Der.tlv(seg, base, tbsAt, certEnd);
        if (tbs < 0 || Der.tag(tbs) != Der.SEQUENCE) {
            malformed(tbsAt, certEnd - tbsAt);
            return;
        }
        int tbsEnd = Der.next(tbsAt, tbs);
        tree.open(X509Fields.SIGNED_CERTIFICATE, tbsAt, tbsEnd - tbsAt);
        boolean ok = tbsCertificate(tbsAt + Der.hdr(tbs), tbsEnd);
        tree.close();
        if (!ok) {
            return;
        }
        int at2 = tbsEnd;
        long alg = Der.tlv(seg, base, at2, certEnd);
        if (alg < 0 || Der.tag(alg) != Der.SEQUENCE) {
            malformed(at2, certEnd - at2);
            return;
        }
        tree.open(X509Fields.ALGORITHM_IDENTIFIER, at2, Der.hdr(alg) + Der.len(alg));
        algorithm(at2 + Der.hdr(alg), Der.next(at2, alg), false, null);
        tree.close();
        at2 = Der.next(at2, alg);
        long sig = Der.tlv(seg, base, at2, certEnd);
        if (sig < 0 || Der.tag(sig) != Der.BIT_STRING || Der.len(sig) < 1) {
            malformed(at2, certEnd - at2);
            return;
        }
        tree.add(X509Fields.ENCRYPTED, at2 + Der.hdr(sig) + 1, Der.len(sig) - 1);
    }

    private boolean tbsCertificate(int at, int end) {
        long el = Der.tlv(seg, base, at, end);
        if (el >= 0 && Der.tag(el) == 0xa0) {
            long v = Der.tlv(seg, base, at + Der.hdr(el), Der.next(at, el));
            if (v >= 0 && Der.tag(v) == Der.INTEGER && Der.len(v) >= 1 && Der.len(v) <= 4) {
                int vAt = at + Der.hdr(el) + Der.hdr(v);
                tree.addLong(X509Fields.VERSION, vAt, Der.len(v), Bytes.uN(seg, base + vAt, Der.len(v)));
            }
            at = Der.next(at, el);
            el = Der.tlv(seg, base, at, end);
        }
        if (el < 0 || Der.tag(el) != Der.INTEGER) {
            return malformed(at, end - at);
        }
        tree.add(X509Fields.SERIAL_NUMBER, at + Der.hdr(el), Der.len(el));
        at = Der.next(at, el);
        el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end - at);
        }
        tree.open(X509Fields.SIGNATURE, at, Der.hdr(el) + Der.len(el));
        algorithm(at + Der.hdr(el), Der.next(at, el), false, TlsFields.X509_SIG_ALG);
        tree.close();
        at = Der.next(at, el);
        el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end - at);
        }
        tree.addUint(X509Fields.ISSUER, at, Der.hdr(el) + Der.len(el), 0);
        if (!name(at + Der.hdr(el), Der.next(at, el), X509Fields.IF_RDN_SEQUENCE, TlsFields.X509_ISSUER)) {
            return false;
        }
        at = Der.next(at, el);
        el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end - at);
        }
        tree.open(X509Fields.VALIDITY, at, Der.hdr(el) + Der.len(el));
        boolean ok = validity(at + Der.hdr(el), Der.next(at, el));
        tree.close();
        if (!ok) {
            return false;
        }
        at = Der.next(at, el);
        el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end - at);
        }
        tree.addUint(X509Fields.SUBJECT, at, Der.hdr(el) + Der.len(el), 0);
        if (!name(at + Der.hdr(el), Der.next(at, el), X509Fields.AF_RDN_SEQUENCE, TlsFields.X509_SUBJECT)) {
            return false;
        }
        at = Der.next(at, el);
        el = Der.tlv(seg, base, at, end);
        if (el < 0 || Der.tag(el) != Der.SEQUENCE) {
            return malformed(at, end - at);
        }
        tree.open(X509Fields.SPKI, at, Der.hdr(el) + Der.len(el));
        ok = subjectPublicKeyInfo(at + Der.hdr(el), Der.next(at, el));
        tree.close();
        if (!ok) {
            return false;
        }
        at = Der.next(at, el);
        while (at < end) {
            el = Der.tlv(seg, base, at, end);
            if (el < 0) {
                return malformed(at, end - at);
            }
            if (Der.tag(el) == 0xa3) {
                extensions(at + Der.hdr(el), Der.next(at, el));
            }
            at = Der.next(at, el);
        }
        return true;
    }

    /** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
    private void algorithm(int at, int end, boolean publicKey, Field summary) {
        long oid = Der.tlv(seg, base, at, end);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            malformed(at, end - at);
            return;
        }
        int oidAt = at + Der.hdr(oid);
        int oidLen = Der.len(oid);
        tree.add(X509Fields.ALGORITHM_ID, oidAt, oidLen);
        int paramsAt = Der.next(at, oid);
        boolean params = paramsAt < end;
        if (params && publicKey && Der.oidEquals(seg, base, oidAt, oidLen, OID_EC_PUBLIC_KEY)) {
            packet.addProtocol(X509Fields.PKCS1);
        } else if (params && Der.oidEquals(seg, base, oidAt, oidLen, OID_RSASSA_PSS)) {
            packet.addProtocol(X509Fields.PKCS1);
            pssParams(paramsAt, end);
        }
        if (summary != null && tree.wants(summary)) {
            text.setLength(0);
            algorithmName(oidAt, oidLen, text);
            tree.addString(summary, text);
        }
    }

    /** RSASSA-PSS-params { [0] hashAlgorithm, [1] maskGenAlgorithm, ... }: MGF1 with parameters is pkcs-1's too. */
    private void pssParams(int at, int end) {
        long seq = Der.tlv(seg, base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            return;
        }
        int seqEnd = Der.next(at, seq);
        for (int a = at + Der.hdr(seq); a < seqEnd; ) {
            long el = Der.tlv(seg, base, a, seqEnd);
            if (el < 0) {
                return;
            }
            if (Der.tag(el) == 0xa0 || Der.tag(el) == 0xa1) {
                int algAt = a + Der.hdr(el);
                long alg = Der.tlv(seg, base, algAt, Der.next(a, el));
                if (alg >= 0 && Der.tag(alg) == Der.SEQUENCE) {
                    int algEnd = Der.next(algAt, alg);
                    long oid = Der.tlv(seg, base, algAt + Der.hdr(alg), algEnd);
                    if (oid >= 0 && Der.tag(oid) == Der.OID) {
                        int oidAt = algAt + Der.hdr(alg) + Der.hdr(oid);
                        tree.add(X509Fields.ALGORITHM_ID, oidAt, Der.len(oid));
                        int paramsAt = Der.next(algAt + Der.hdr(alg), oid);
                        if (Der.tag(el) == 0xa1 && Der.oidEquals(seg, base, oidAt, Der.len(oid), OID_MGF1) && paramsAt < algEnd) {
                            // MGF1's parameter is the hash AlgorithmIdentifier.
                            packet.addProtocol(X509Fields.PKCS1);
                            long hash = Der.tlv(seg, base, paramsAt, algEnd);
                            if (hash >= 0 && Der.tag(hash) == Der.SEQUENCE) {
                                long hoid = Der.tlv(seg, base, paramsAt + Der.hdr(hash), Der.next(paramsAt, hash));
                                if (hoid >= 0 && Der.tag(hoid) == Der.OID) {
                                    tree.add(X509Fields.ALGORITHM_ID, paramsAt + Der.hdr(hash) + Der.hdr(hoid), Der.len(hoid));
                                }
                            }
                        }
                    }
                }
            }
            a = Der.next(a, el);
        }
    }

    private void algorithmName(int at, int len, StringBuilder out) {
        for (int i = 0; i < ALGORITHM_OIDS.length; i++) {
            if (Der.oidEquals(seg, base, at, len, ALGORITHM_OIDS[i])) {
                out.append(ALGORITHM_NAMES[i][1]);
                return;
            }
        }
        Der.appendOid(seg, base, at, len, out);
    }

    /** Name ::= SEQUENCE OF RelativeDistinguishedName; RDN ::= SET OF AttributeTypeAndValue. */
    private boolean name(int at, int end, Field countField, Field summary) {
        int count = 0;
        for (int a = at; a < end; ) {
            long rdn = Der.tlv(seg, base, a, end);
            if (rdn < 0) {
                return malformed(a, end - a);
            }
            count++;
            a = Der.next(a, rdn);
        }
        tree.addUint(countField, at, end - at, count);
        boolean sum = summary != null && tree.wants(summary);
        if (sum) {
            text.setLength(0);
        }
        for (int a = at; a < end; ) {
            long rdn = Der.tlv(seg, base, a, end);
            int rdnEnd = Der.next(a, rdn);
            int items = 0;
            for (int b = a + Der.hdr(rdn); b < rdnEnd; ) {
                long atv = Der.tlv(seg, base, b, rdnEnd);
                if (atv < 0) {
                    return malformed(b, rdnEnd - b);
                }
                items++;
                b = Der.next(b, atv);
            }
            tree.addUint(X509Fields.RDN_SEQUENCE_ITEM, a, rdnEnd - a, items);
            for (int b = a + Der.hdr(rdn); b < rdnEnd; ) {
                long atv = Der.tlv(seg, base, b, rdnEnd);
                if (!attribute(b + Der.hdr(atv), Der.next(b, atv), sum)) {
                    return false;
                }
                b = Der.next(b, atv);
            }
            a = rdnEnd;
        }
        if (sum) {
            tree.addString(summary, text);
        }
        return true;
    }

    /** AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }. */
    private boolean attribute(int at, int end, boolean sum) {
        long oid = Der.tlv(seg, base, at, end);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            return malformed(at, end - at);
        }
        int oidAt = at + Der.hdr(oid);
        int oidLen = Der.len(oid);
        tree.open(X509Fields.RDN_ITEM, at, end - at);
        tree.add(X509Fields.ATTRIBUTE_OID, oidAt, oidLen);
        int vAt = Der.next(at, oid);
        long v = Der.tlv(seg, base, vAt, end);
        if (v < 0) {
            tree.close();
            return malformed(vAt, end - vAt);
        }
        boolean sat = Der.oidStartsWith(seg, base, oidAt, oidLen, OID_AT_PREFIX)
                || Der.oidStartsWith(seg, base, oidAt, oidLen, OID_EV_PREFIX)
                || Der.oidEquals(seg, base, oidAt, oidLen, OID_DC);
        if (sat) {
            packet.addProtocol(X509Fields.X509SAT);
        }
        int sAt = vAt + Der.hdr(v);
        int sLen = Der.len(v);
        int tag = Der.tag(v);
        if (sat) {
            if (Der.oidEquals(seg, base, oidAt, oidLen, OID_COUNTRY) || Der.oidEquals(seg, base, oidAt, oidLen, OID_EV_COUNTRY)) {
                tree.add(X509Fields.COUNTRY_NAME, sAt, sLen);
            } else if (tag == Der.IA5_STRING) {
                tree.add(X509Fields.IA5_STRING, sAt, sLen);
            } else {
                int choice = switch (tag) {
                    case Der.TELETEX_STRING -> 0;
                    case Der.PRINTABLE_STRING -> 1;
                    case Der.UNIVERSAL_STRING -> 2;
                    case Der.BMP_STRING -> 3;
                    case Der.UTF8_STRING -> 4;
                    default -> -1;
                };
                if (choice >= 0) {
                    tree.addUint(X509Fields.DIRECTORY_STRING_CHOICE, vAt, Der.hdr(v) + sLen, choice);
                    Field f = switch (choice) {
                        case 0 -> X509Fields.TELETEX_STRING;
                        case 1 -> X509Fields.PRINTABLE_STRING;
                        case 2 -> X509Fields.UNIVERSAL_STRING;
                        case 3 -> X509Fields.BMP_STRING;
                        default -> X509Fields.UTF8_STRING;
                    };
                    if (choice != 2 && choice != 3) {
                        tree.add(f, sAt, sLen);
                    }
                }
            }
        }
        tree.close();
        if (sum) {
            // RFC 4514 order: the last RDN first.
            int insertAt = 0;
            StringBuilder part = new StringBuilder(32);
            attributeName(oidAt, oidLen, part);
            part.append('=');
            appendValue(tag, sAt, sLen, part);
            if (!text.isEmpty()) {
                part.append(',');
            }
            text.insert(insertAt, part);
        }
        return true;
    }

    private void attributeName(int at, int len, StringBuilder out) {
        for (int i = 0; i < ATTRIBUTE_OIDS.length; i++) {
            if (Der.oidEquals(seg, base, at, len, ATTRIBUTE_OIDS[i])) {
                out.append(ATTRIBUTE_NAMES[i][1]);
                return;
            }
        }
        Der.appendOid(seg, base, at, len, out);
    }

    /** A string value for summaries: UTF-8/ASCII as is, BMP as UTF-16BE, others byte by byte; RFC 4514 escapes. */
    private void appendValue(int tag, int at, int len, StringBuilder out) {
        if (tag == Der.BMP_STRING) {
            for (int i = 0; i + 1 < len; i += 2) {
                escape((char) Bytes.u16(seg, base + at + i), out);
            }
            return;
        }
        if (tag == Der.UTF8_STRING) {
            byte[] b = new byte[len];
            MemorySegment.copy(seg, Bytes.U8, base + at, b, 0, len);
            String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < s.length(); i++) {
                escape(s.charAt(i), out);
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            escape((char) Bytes.u8(seg, base + at + i), out);
        }
    }

    private static void escape(char c, StringBuilder out) {
        if (c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';') {
            out.append('\\');
        }
        out.append(c);
    }

    /** Validity ::= SEQUENCE { notBefore Time, notAfter Time }; Time ::= CHOICE { utcTime, generalTime }. */
    private boolean validity(int at, int end) {
        for (int i = 0; i < 2; i++) {
            long el = Der.tlv(seg, base, at, end);
            if (el < 0 || Der.tag(el) != Der.UTC_TIME && Der.tag(el) != Der.GENERALIZED_TIME) {
                return malformed(at, end - at);
            }
            boolean utc = Der.tag(el) == Der.UTC_TIME;
            int vAt = at + Der.hdr(el);
            int vLen = Der.len(el);
            tree.addUint(i == 0 ? X509Fields.NOT_BEFORE : X509Fields.NOT_AFTER, at, Der.hdr(el) + vLen, utc ? 0 : 1);
            long nanos = time(vAt, vLen, utc);
            if (utc) {
                if (tree.wants(X509Fields.UTC_TIME)) {
                    text.setLength(0);
                    if (nanos != Long.MIN_VALUE) {
                        int y = Bytes.u8(seg, base + vAt) - '0';
                        text.append(y * 10 + (Bytes.u8(seg, base + vAt + 1) - '0') >= 50 ? "19" : "20");
                        appendChars(vAt, 2, text).append('-');
                        appendChars(vAt + 2, 2, text).append('-');
                        appendChars(vAt + 4, 2, text).append(' ');
                        appendChars(vAt + 6, 2, text).append(':');
                        appendChars(vAt + 8, 2, text).append(':');
                        appendChars(vAt + 10, 2, text).append(" (UTC)");
                    } else {
                        appendChars(vAt, vLen, text);
                    }
                    int n = tree.addString(X509Fields.UTC_TIME, text);
                    if (n >= 0) {
                        tree.setFlags(n, 0);
                    }
                }
            } else if (nanos != Long.MIN_VALUE) {
                tree.addLong(X509Fields.GENERALIZED_TIME, vAt, vLen, nanos);
            }
            if (nanos != Long.MIN_VALUE) {
                Field f = i == 0 ? TlsFields.X509_NOT_BEFORE : TlsFields.X509_NOT_AFTER;
                tree.setFlags(tree.addLong(f, vAt, vLen, nanos), Tree.GENERATED);
            }
            at = Der.next(at, el);
        }
        return true;
    }

    private StringBuilder appendChars(int at, int len, StringBuilder out) {
        for (int i = 0; i < len; i++) {
            out.append((char) Bytes.u8(seg, base + at + i));
        }
        return out;
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
        if (rest >= 3 && Bytes.u8(seg, base + p + 8) != 'Z') {
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
            int c = Bytes.u8(seg, base + at + i) - '0';
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
        long alg = Der.tlv(seg, base, at, end);
        if (alg < 0 || Der.tag(alg) != Der.SEQUENCE) {
            return malformed(at, end - at);
        }
        algorithm(at + Der.hdr(alg), Der.next(at, alg), true, null);
        at = Der.next(at, alg);
        long key = Der.tlv(seg, base, at, end);
        if (key < 0 || Der.tag(key) != Der.BIT_STRING || Der.len(key) < 1) {
            return malformed(at, end - at);
        }
        tree.add(X509Fields.SUBJECT_PUBLIC_KEY, at + Der.hdr(key) + 1, Der.len(key) - 1);
        return true;
    }

    /** [3] EXPLICIT SEQUENCE OF Extension; Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue }. */
    private void extensions(int at, int end) {
        long seq = Der.tlv(seg, base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            malformed(at, end - at);
            return;
        }
        int seqEnd = Der.next(at, seq);
        int count = 0;
        for (int a = at + Der.hdr(seq); a < seqEnd; ) {
            long ext = Der.tlv(seg, base, a, seqEnd);
            if (ext < 0) {
                malformed(a, seqEnd - a);
                return;
            }
            count++;
            a = Der.next(a, ext);
        }
        tree.addUint(X509Fields.EXTENSIONS, at, end - at, count);
        for (int a = at + Der.hdr(seq); a < seqEnd; ) {
            long ext = Der.tlv(seg, base, a, seqEnd);
            tree.open(X509Fields.EXTENSION, a, Der.hdr(ext) + Der.len(ext));
            boolean ok = extension(a + Der.hdr(ext), Der.next(a, ext));
            tree.close();
            if (!ok) {
                return;
            }
            a = Der.next(a, ext);
        }
    }

    private boolean extension(int at, int end) {
        long oid = Der.tlv(seg, base, at, end);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            return malformed(at, end - at);
        }
        int oidAt = at + Der.hdr(oid);
        int oidLen = Der.len(oid);
        tree.add(X509Fields.EXTENSION_ID, oidAt, oidLen);
        at = Der.next(at, oid);
        long el = Der.tlv(seg, base, at, end);
        if (el >= 0 && Der.tag(el) == Der.BOOLEAN && Der.len(el) == 1) {
            tree.addUint(X509Fields.CRITICAL, at + Der.hdr(el), 1, Bytes.u8(seg, base + at + Der.hdr(el)));
            at = Der.next(at, el);
            el = Der.tlv(seg, base, at, end);
        }
        if (el < 0 || Der.tag(el) != Der.OCTET_STRING) {
            return malformed(at, end - at);
        }
        int vAt = at + Der.hdr(el);
        int vEnd = Der.next(at, el);
        if (Der.oidStartsWith(seg, base, oidAt, oidLen, OID_CE_PREFIX)) {
            packet.addProtocol(X509Fields.X509CE);
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_AIA)) {
            packet.addProtocol(X509Fields.PKIX1IMPLICIT);
        }
        if (Der.oidEquals(seg, base, oidAt, oidLen, OID_SAN)) {
            long names = Der.tlv(seg, base, vAt, vEnd);
            if (names >= 0 && Der.tag(names) == Der.SEQUENCE) {
                generalNames(vAt + Der.hdr(names), Der.next(vAt, names), true);
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_EKU)) {
            long ids = Der.tlv(seg, base, vAt, vEnd);
            if (ids >= 0 && Der.tag(ids) == Der.SEQUENCE) {
                int idsEnd = Der.next(vAt, ids);
                int n = 0;
                for (int a = vAt + Der.hdr(ids); a < idsEnd; ) {
                    long id = Der.tlv(seg, base, a, idsEnd);
                    if (id < 0) {
                        break;
                    }
                    n++;
                    a = Der.next(a, id);
                }
                tree.addUint(X509Fields.KEY_PURPOSE_IDS, vAt, idsEnd - vAt, n);
                for (int a = vAt + Der.hdr(ids); a < idsEnd; ) {
                    long id = Der.tlv(seg, base, a, idsEnd);
                    if (id < 0) {
                        break;
                    }
                    if (Der.tag(id) == Der.OID) {
                        tree.add(X509Fields.KEY_PURPOSE_ID, a + Der.hdr(id), Der.len(id));
                    }
                    a = Der.next(a, id);
                }
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_BASIC_CONSTRAINTS)) {
            long bc = Der.tlv(seg, base, vAt, vEnd);
            if (bc >= 0 && Der.tag(bc) == Der.SEQUENCE) {
                long ca = Der.tlv(seg, base, vAt + Der.hdr(bc), Der.next(vAt, bc));
                if (ca >= 0 && Der.tag(ca) == Der.BOOLEAN && Der.len(ca) == 1) {
                    int caAt = vAt + Der.hdr(bc) + Der.hdr(ca);
                    tree.addUint(X509Fields.CA, caAt, 1, Bytes.u8(seg, base + caAt));
                }
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_SKI)) {
            long ski = Der.tlv(seg, base, vAt, vEnd);
            if (ski >= 0 && Der.tag(ski) == Der.OCTET_STRING) {
                tree.add(X509Fields.SUBJECT_KEY_IDENTIFIER, vAt + Der.hdr(ski), Der.len(ski));
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_AKI)) {
            long aki = Der.tlv(seg, base, vAt, vEnd);
            if (aki >= 0 && Der.tag(aki) == Der.SEQUENCE) {
                long kid = Der.tlv(seg, base, vAt + Der.hdr(aki), Der.next(vAt, aki));
                if (kid >= 0 && Der.tag(kid) == 0x80) {
                    tree.add(X509Fields.KEY_IDENTIFIER, vAt + Der.hdr(aki) + Der.hdr(kid), Der.len(kid));
                }
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_CRL_DP)) {
            // CRLDistributionPoints ::= SEQUENCE OF DistributionPoint { [0] DistributionPointName { [0] fullName } ... }
            long dps = Der.tlv(seg, base, vAt, vEnd);
            if (dps >= 0 && Der.tag(dps) == Der.SEQUENCE) {
                int dpsEnd = Der.next(vAt, dps);
                for (int a = vAt + Der.hdr(dps); a < dpsEnd; ) {
                    long dp = Der.tlv(seg, base, a, dpsEnd);
                    if (dp < 0) {
                        break;
                    }
                    long dpn = Der.tlv(seg, base, a + Der.hdr(dp), Der.next(a, dp));
                    if (dpn >= 0 && Der.tag(dpn) == 0xa0) {
                        int nAt = a + Der.hdr(dp) + Der.hdr(dpn);
                        long full = Der.tlv(seg, base, nAt, nAt + Der.len(dpn));
                        if (full >= 0 && Der.tag(full) == 0xa0) {
                            generalNames(nAt + Der.hdr(full), Der.next(nAt, full), false);
                        }
                    }
                    a = Der.next(a, dp);
                }
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_AIA)) {
            // AuthorityInfoAccessSyntax ::= SEQUENCE OF AccessDescription { accessMethod OID, accessLocation GeneralName }
            long ads = Der.tlv(seg, base, vAt, vEnd);
            if (ads >= 0 && Der.tag(ads) == Der.SEQUENCE) {
                int adsEnd = Der.next(vAt, ads);
                for (int a = vAt + Der.hdr(ads); a < adsEnd; ) {
                    long ad = Der.tlv(seg, base, a, adsEnd);
                    if (ad < 0) {
                        break;
                    }
                    long method = Der.tlv(seg, base, a + Der.hdr(ad), Der.next(a, ad));
                    if (method >= 0) {
                        int locAt = Der.next(a + Der.hdr(ad), method);
                        generalName(locAt, Der.next(a, ad), false);
                    }
                    a = Der.next(a, ad);
                }
            }
        } else if (Der.oidEquals(seg, base, oidAt, oidLen, OID_CERT_POLICIES)) {
            certificatePolicies(vAt, vEnd);
        }
        return true;
    }

    /** certificatePolicies: a CPS pointer qualifier is dissected by tshark's pkix1explicit. */
    private void certificatePolicies(int at, int end) {
        long pols = Der.tlv(seg, base, at, end);
        if (pols < 0 || Der.tag(pols) != Der.SEQUENCE) {
            return;
        }
        int polsEnd = Der.next(at, pols);
        for (int a = at + Der.hdr(pols); a < polsEnd; ) {
            long pol = Der.tlv(seg, base, a, polsEnd);
            if (pol < 0) {
                return;
            }
            int polEnd = Der.next(a, pol);
            long id = Der.tlv(seg, base, a + Der.hdr(pol), polEnd);
            if (id >= 0) {
                int qAt = Der.next(a + Der.hdr(pol), id);
                long quals = Der.tlv(seg, base, qAt, polEnd);
                if (quals >= 0 && Der.tag(quals) == Der.SEQUENCE) {
                    int qEnd = Der.next(qAt, quals);
                    for (int b = qAt + Der.hdr(quals); b < qEnd; ) {
                        long q = Der.tlv(seg, base, b, qEnd);
                        if (q < 0) {
                            break;
                        }
                        long qid = Der.tlv(seg, base, b + Der.hdr(q), Der.next(b, q));
                        if (qid >= 0 && Der.tag(qid) == Der.OID
                                && Der.oidEquals(seg, base, b + Der.hdr(q) + Der.hdr(qid), Der.len(qid), OID_QT_CPS)) {
                            packet.addProtocol(X509Fields.PKIX1EXPLICIT);
                        }
                        b = Der.next(b, q);
                    }
                }
            }
            a = polEnd;
        }
    }

    private void generalNames(int at, int end, boolean san) {
        int n = 0;
        for (int a = at; a < end; ) {
            long gn = Der.tlv(seg, base, a, end);
            if (gn < 0) {
                break;
            }
            n++;
            a = Der.next(a, gn);
        }
        tree.addUint(X509Fields.GENERAL_NAMES, at, end - at, n);
        for (int a = at; a < end; ) {
            long gn = Der.tlv(seg, base, a, end);
            if (gn < 0) {
                break;
            }
            generalName(a, end, san);
            a = Der.next(a, gn);
        }
    }

    /** GeneralName ::= CHOICE { ... [1] rfc822Name, [2] dNSName, [6] URI, [7] iPAddress ... } (context tags). */
    private void generalName(int at, int end, boolean san) {
        long gn = Der.tlv(seg, base, at, end);
        if (gn < 0) {
            return;
        }
        int choice = Der.tag(gn) & 0x1f;
        int vAt = at + Der.hdr(gn);
        int vLen = Der.len(gn);
        tree.addUint(X509Fields.GENERAL_NAME_CHOICE, at, Der.hdr(gn) + vLen, choice);
        Field f = switch (choice) {
            case 1 -> X509Fields.RFC822_NAME;
            case 2 -> X509Fields.DNS_NAME;
            case 6 -> X509Fields.URI;
            default -> null;
        };
        if (f != null) {
            tree.add(f, vAt, vLen);
        }
        if (san && tree.wants(TlsFields.X509_SAN)) {
            text.setLength(0);
            if (choice == 7 && (vLen == 4 || vLen == 16)) {
                if (vLen == 4) {
                    AddressText.ipv4(text, Bytes.u32(seg, base + vAt));
                } else {
                    AddressText.ipv6(text, seg, base + vAt);
                }
            } else if (choice == 1 || choice == 2 || choice == 6) {
                appendChars(vAt, vLen, text);
            } else {
                return;
            }
            tree.addString(TlsFields.X509_SAN, text);
        }
    }

    /** A CertificateRequest's DistinguishedName (a Name without the outer tag already read). */
    void distinguishedName(Packet p, int at, int len) {
        bind(p);
        int end = Math.min(at + len, p.capturedEnd());
        long seq = Der.tlv(seg, base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            malformed(at, end - at);
            return;
        }
        name(at + Der.hdr(seq), Der.next(at, seq), X509Fields.IF_RDN_SEQUENCE, null);
    }

    private boolean malformed(int at, int len) {
        TlsExpert.add(packet, TlsExpert.X509_MALFORMED, at, Math.max(0, len));
        return false;
    }

    /** For tests: the protocol of x509 sub-dissection. */
    static Protocol[] protocols() {
        return new Protocol[] {X509Fields.X509AF, X509Fields.X509IF, X509Fields.X509SAT, X509Fields.X509CE,
                X509Fields.PKCS1, X509Fields.PKIX1IMPLICIT, X509Fields.PKIX1EXPLICIT};
    }
}
