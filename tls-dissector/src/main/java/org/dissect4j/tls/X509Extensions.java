package org.dissect4j.tls;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;

/**
 * Certificate extensions (RFC 5280 §4.2): subject alternative names, key purposes, basic constraints, key
 * identifiers, CRL distribution points, authority information access and certificate policies, with {@code x509ce}
 * fields and the {@code tls.x509.san} summary.
 */
final class X509Extensions {
    private static final byte[] OID_CE_PREFIX = Der.oid("2.5.29");
    private static final byte[] OID_SAN = Der.oid("2.5.29.17");
    private static final byte[] OID_EKU = Der.oid("2.5.29.37");
    private static final byte[] OID_BASIC_CONSTRAINTS = Der.oid("2.5.29.19");
    private static final byte[] OID_KEY_USAGE = Der.oid("2.5.29.15");
    private static final byte[] OID_IAN = Der.oid("2.5.29.18");
    private static final byte[] OID_SKI = Der.oid("2.5.29.14");
    private static final byte[] OID_AKI = Der.oid("2.5.29.35");
    private static final byte[] OID_CRL_DP = Der.oid("2.5.29.31");
    private static final byte[] OID_CERT_POLICIES = Der.oid("2.5.29.32");
    private static final byte[] OID_AIA = Der.oid("1.3.6.1.5.5.7.1.1");

    private final X509Walk w;
    private final X509Names names;
    private final X509Pkix pkix;
    private final X509OtherExtensions others;

    X509Extensions(X509Walk w, X509Names names) {
        this.w = w;
        this.names = names;
        this.pkix = new X509Pkix(w, this);
        this.others = new X509OtherExtensions(w);
    }

    /** [3] EXPLICIT SEQUENCE OF Extension; Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue }. */
    void extensions(int at, int end) {
        long seq = Der.tlv(w.seg, w.base, at, end);
        if (seq < 0 || Der.tag(seq) != Der.SEQUENCE) {
            w.malformed(at, end - at);
            return;
        }
        int seqEnd = Der.next(at, seq);
        int count = 0;
        for (int a = at + Der.hdr(seq); a < seqEnd; ) {
            long ext = Der.tlv(w.seg, w.base, a, seqEnd);
            if (ext < 0) {
                w.malformed(a, seqEnd - a);
                return;
            }
            count++;
            a = Der.next(a, ext);
        }
        w.tree.openUint(X509Fields.EXTENSIONS, at + Der.hdr(seq), Der.len(seq), count);
        for (int a = at + Der.hdr(seq); a < seqEnd; ) {
            long ext = Der.tlv(w.seg, w.base, a, seqEnd);
            w.tree.open(X509Fields.EXTENSION, a, Der.hdr(ext) + Der.len(ext));
            boolean ok = extension(a + Der.hdr(ext), Der.next(a, ext));
            w.tree.close();
            if (!ok) {
                break;
            }
            a = Der.next(a, ext);
        }
        w.tree.close();
    }

    private boolean extension(int at, int end) {
        long oid = Der.tlv(w.seg, w.base, at, end);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            return w.malformed(at, end - at);
        }
        int oidAt = at + Der.hdr(oid);
        int oidLen = Der.len(oid);
        w.tree.add(X509Fields.EXTENSION_ID, oidAt, oidLen);
        at = Der.next(at, oid);
        long el = Der.tlv(w.seg, w.base, at, end);
        if (el >= 0 && Der.tag(el) == Der.BOOLEAN && Der.len(el) == 1) {
            w.tree.addUint(X509Fields.CRITICAL, at + Der.hdr(el), 1, Bytes.u8(w.seg, w.base + at + Der.hdr(el)));
            at = Der.next(at, el);
            el = Der.tlv(w.seg, w.base, at, end);
        }
        if (el < 0 || Der.tag(el) != Der.OCTET_STRING) {
            return w.malformed(at, end - at);
        }
        int vAt = at + Der.hdr(el);
        int vEnd = Der.next(at, el);
        if (Der.oidStartsWith(w.seg, w.base, oidAt, oidLen, OID_CE_PREFIX)) {
            w.packet.addProtocol(X509Fields.X509CE);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_AIA)) {
            w.packet.addProtocol(X509Fields.PKIX1IMPLICIT);
        }
        if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_SAN)) {
            long names = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (names >= 0 && Der.tag(names) == Der.SEQUENCE) {
                generalNames(vAt + Der.hdr(names), Der.next(vAt, names), true);
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_EKU)) {
            w.sequenceOf(vAt, vEnd, X509Fields.KEY_PURPOSE_IDS, null, keyPurpose);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_BASIC_CONSTRAINTS)) {
            basicConstraints(vAt, vEnd);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_KEY_USAGE)) {
            keyUsage(vAt, vEnd);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_SKI)) {
            long ski = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (ski >= 0 && Der.tag(ski) == Der.OCTET_STRING) {
                w.tree.add(X509Fields.SUBJECT_KEY_IDENTIFIER, vAt + Der.hdr(ski), Der.len(ski));
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_AKI)) {
            long aki = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (aki >= 0 && Der.tag(aki) == Der.SEQUENCE) {
                w.tree.open(X509Fields.AUTHORITY_KEY_IDENTIFIER, vAt, Der.hdr(aki) + Der.len(aki));
                authorityKeyIdentifier(vAt + Der.hdr(aki), Der.next(vAt, aki));
                w.tree.close();
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_CRL_DP)) {
            crlDistributionPoints(vAt, vEnd);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_AIA)) {
            pkix.authorityInfoAccess(vAt, vEnd);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_CERT_POLICIES)) {
            pkix.certificatePolicies(vAt, vEnd);
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_IAN)) {
            long names = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (names >= 0 && Der.tag(names) == Der.SEQUENCE) {
                generalNames(vAt + Der.hdr(names), Der.next(vAt, names), false);
            }
        } else {
            others.extension(oidAt, oidLen, vAt, vEnd);
        }
        return true;
    }

    /** BasicConstraintsSyntax ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }. */
    private void basicConstraints(int at, int end) {
        long bc = Der.tlv(w.seg, w.base, at, end);
        if (bc < 0 || Der.tag(bc) != Der.SEQUENCE) {
            return;
        }
        int bcEnd = Der.next(at, bc);
        int n = w.tree.open(X509Fields.BASIC_CONSTRAINTS, at, Der.hdr(bc) + Der.len(bc));
        w.tree.setValue(n, Der.len(bc));
        for (int a = at + Der.hdr(bc); a < bcEnd; ) {
            long el = Der.tlv(w.seg, w.base, a, bcEnd);
            if (el < 0) {
                break;
            }
            int vAt = a + Der.hdr(el);
            if (Der.tag(el) == Der.BOOLEAN && Der.len(el) == 1) {
                w.tree.addUint(X509Fields.CA, vAt, 1, Bytes.u8(w.seg, w.base + vAt));
            } else if (Der.tag(el) == Der.INTEGER && Der.len(el) >= 1 && Der.len(el) <= 4) {
                w.tree.addLong(X509Fields.PATH_LEN_CONSTRAINT, vAt, Der.len(el), Bytes.uN(w.seg, w.base + vAt, Der.len(el)));
            }
            a = Der.next(a, el);
        }
        w.tree.close();
    }

    /** KeyUsage ::= BIT STRING { digitalSignature (0), ..., decipherOnly (8) }: padding, the bytes, the nine bits. */
    private void keyUsage(int at, int end) {
        long ku = Der.tlv(w.seg, w.base, at, end);
        if (ku < 0 || Der.tag(ku) != Der.BIT_STRING || Der.len(ku) < 1) {
            return;
        }
        int padAt = at + Der.hdr(ku);
        w.padding(padAt);
        int bitsLen = Der.len(ku) - 1;
        if (bitsLen < 1) {
            return;
        }
        int first = Bytes.u8(w.seg, w.base + padAt + 1);
        int second = bitsLen > 1 ? Bytes.u8(w.seg, w.base + padAt + 2) : 0;
        w.tree.open(X509Fields.KEY_USAGE, padAt + 1, bitsLen);
        Field[] bits = X509Fields.KEY_USAGE_BITS;
        for (int i = 0; i < bits.length; i++) {
            w.tree.addUint(bits[i], padAt + 1, 1, i < 8 ? first : second);
        }
        w.tree.close();
    }

    /** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier, [1] authorityCertIssuer GeneralNames, [2] serial }. */
    private void authorityKeyIdentifier(int at, int end) {
        for (int a = at; a < end; ) {
            long el = Der.tlv(w.seg, w.base, a, end);
            if (el < 0) {
                return;
            }
            int vAt = a + Der.hdr(el);
            switch (Der.tag(el)) {
                case 0x80 -> w.tree.add(X509Fields.KEY_IDENTIFIER, vAt, Der.len(el));
                case 0xa1 -> generalNames(vAt, Der.next(a, el), X509Fields.AUTHORITY_CERT_ISSUER, false);
                case 0x82 -> w.tree.add(X509Fields.AUTHORITY_CERT_SERIAL, vAt, Der.len(el));
                default -> {
                }
            }
            a = Der.next(a, el);
        }
    }

    /** CRLDistributionPoints ::= SEQUENCE OF DistributionPoint { [0] distributionPoint DistributionPointName, ... }. */
    private void crlDistributionPoints(int at, int end) {
        w.sequenceOf(at, end, X509Fields.CRL_DIST_POINTS, X509Fields.DISTRIBUTION_POINT, distributionPoint);
    }

    /** DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN }. */
    private final X509Walk.Element distributionPoint = this::distributionPoint;

    private void distributionPoint(int a, long dp) {
        long dpn = Der.tlv(w.seg, w.base, a + Der.hdr(dp), Der.next(a, dp));
        if (dpn < 0 || Der.tag(dpn) != 0xa0) {
            return;
        }
        int nAt = a + Der.hdr(dp) + Der.hdr(dpn);
        long full = Der.tlv(w.seg, w.base, nAt, nAt + Der.len(dpn));
        if (full >= 0) {
            w.tree.openUint(X509Fields.DP_NAME, nAt, Der.hdr(full) + Der.len(full), Der.tag(full) & 0x1f);
            if (Der.tag(full) == 0xa0) {
                generalNames(nAt + Der.hdr(full), Der.next(nAt, full), X509Fields.FULL_NAME, false);
            }
            w.tree.close();
        }
    }

    private final X509Walk.Element keyPurpose = this::keyPurpose;

    private void keyPurpose(int a, long id) {
        if (Der.tag(id) == Der.OID) {
            w.tree.add(X509Fields.KEY_PURPOSE_ID, a + Der.hdr(id), Der.len(id));
        }
    }

    private void generalNames(int at, int end, boolean san) {
        generalNames(at, end, X509Fields.GENERAL_NAMES, san);
    }

    /** GeneralNames ::= SEQUENCE OF GeneralName, counted by {@code countField}; {@code at} is its content. */
    private void generalNames(int at, int end, Field countField, boolean san) {
        w.tree.openUint(countField, at, end - at, w.count(at, end));
        for (int a = at; a < end; ) {
            long gn = Der.tlv(w.seg, w.base, a, end);
            if (gn < 0) {
                break;
            }
            generalName(a, end, X509Fields.GENERAL_NAME_CHOICE, san);
            a = Der.next(a, gn);
        }
        w.tree.close();
    }

    /** GeneralName ::= CHOICE { ... [1] rfc822Name, [2] dNSName, [6] URI, [7] iPAddress ... } (context tags). */
    void generalName(int at, int end, Field choiceField, boolean san) {
        long gn = Der.tlv(w.seg, w.base, at, end);
        if (gn < 0) {
            return;
        }
        int choice = Der.tag(gn) & 0x1f;
        int vAt = at + Der.hdr(gn);
        int vLen = Der.len(gn);
        w.tree.openUint(choiceField, vAt, vLen, choice);
        Field f = switch (choice) {
            case 1 -> X509Fields.RFC822_NAME;
            case 2 -> X509Fields.DNS_NAME;
            case 6 -> X509Fields.URI;
            default -> null;
        };
        if (f != null) {
            w.tree.add(f, vAt, vLen);
        } else if (choice == 7 && vLen == 4) {
            w.tree.addUint(X509Fields.IP_ADDRESS_V4, vAt, 4, Bytes.u32(w.seg, w.base + vAt));
        } else if (choice == 7 && vLen == 16) {
            w.tree.add(X509Fields.IP_ADDRESS_V6, vAt, 16);
        } else if (choice == 4) {
            // directoryName [4] EXPLICIT Name
            long name = Der.tlv(w.seg, w.base, vAt, vAt + vLen);
            if (name >= 0 && Der.tag(name) == Der.SEQUENCE) {
                w.tree.openUint(X509Fields.DIRECTORY_NAME, vAt, Der.hdr(name) + Der.len(name), 0);
                names.name(vAt + Der.hdr(name), Der.next(vAt, name), X509Fields.IF_RDN_SEQUENCE, null);
                w.tree.close();
            }
        }
        w.tree.close();
        if (san && w.tree.wantsByName(TlsFields.X509_SAN)) {
            w.text.setLength(0);
            if (choice == 7 && (vLen == 4 || vLen == 16)) {
                if (vLen == 4) {
                    AddressText.ipv4(w.text, Bytes.u32(w.seg, w.base + vAt));
                } else {
                    AddressText.ipv6(w.text, w.seg, w.base + vAt);
                }
            } else if (choice == 1 || choice == 2 || choice == 6) {
                w.appendChars(vAt, vLen, w.text);
            } else {
                return;
            }
            w.tree.addString(TlsFields.X509_SAN, w.text);
        }
    }
}
