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
    private static final byte[] OID_SKI = Der.oid("2.5.29.14");
    private static final byte[] OID_AKI = Der.oid("2.5.29.35");
    private static final byte[] OID_CRL_DP = Der.oid("2.5.29.31");
    private static final byte[] OID_CERT_POLICIES = Der.oid("2.5.29.32");
    private static final byte[] OID_AIA = Der.oid("1.3.6.1.5.5.7.1.1");
    private static final byte[] OID_QT_CPS = Der.oid("1.3.6.1.5.5.7.2.1");

    private final X509Walk w;

    X509Extensions(X509Walk w) {
        this.w = w;
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
            long ids = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (ids >= 0 && Der.tag(ids) == Der.SEQUENCE) {
                int idsEnd = Der.next(vAt, ids);
                int n = 0;
                for (int a = vAt + Der.hdr(ids); a < idsEnd; ) {
                    long id = Der.tlv(w.seg, w.base, a, idsEnd);
                    if (id < 0) {
                        break;
                    }
                    n++;
                    a = Der.next(a, id);
                }
                w.tree.openUint(X509Fields.KEY_PURPOSE_IDS, vAt + Der.hdr(ids), Der.len(ids), n);
                for (int a = vAt + Der.hdr(ids); a < idsEnd; ) {
                    long id = Der.tlv(w.seg, w.base, a, idsEnd);
                    if (id < 0) {
                        break;
                    }
                    if (Der.tag(id) == Der.OID) {
                        w.tree.add(X509Fields.KEY_PURPOSE_ID, a + Der.hdr(id), Der.len(id));
                    }
                    a = Der.next(a, id);
                }
                w.tree.close();
            }
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
                long kid = Der.tlv(w.seg, w.base, vAt + Der.hdr(aki), Der.next(vAt, aki));
                if (kid >= 0 && Der.tag(kid) == 0x80) {
                    w.tree.add(X509Fields.KEY_IDENTIFIER, vAt + Der.hdr(aki) + Der.hdr(kid), Der.len(kid));
                }
                w.tree.close();
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_CRL_DP)) {
            // CRLDistributionPoints ::= SEQUENCE OF DistributionPoint { [0] DistributionPointName { [0] fullName } ... }
            long dps = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (dps >= 0 && Der.tag(dps) == Der.SEQUENCE) {
                int dpsEnd = Der.next(vAt, dps);
                for (int a = vAt + Der.hdr(dps); a < dpsEnd; ) {
                    long dp = Der.tlv(w.seg, w.base, a, dpsEnd);
                    if (dp < 0) {
                        break;
                    }
                    long dpn = Der.tlv(w.seg, w.base, a + Der.hdr(dp), Der.next(a, dp));
                    if (dpn >= 0 && Der.tag(dpn) == 0xa0) {
                        int nAt = a + Der.hdr(dp) + Der.hdr(dpn);
                        long full = Der.tlv(w.seg, w.base, nAt, nAt + Der.len(dpn));
                        if (full >= 0 && Der.tag(full) == 0xa0) {
                            generalNames(nAt + Der.hdr(full), Der.next(nAt, full), false);
                        }
                    }
                    a = Der.next(a, dp);
                }
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_AIA)) {
            // AuthorityInfoAccessSyntax ::= SEQUENCE OF AccessDescription { accessMethod OID, accessLocation GeneralName }
            long ads = Der.tlv(w.seg, w.base, vAt, vEnd);
            if (ads >= 0 && Der.tag(ads) == Der.SEQUENCE) {
                int adsEnd = Der.next(vAt, ads);
                for (int a = vAt + Der.hdr(ads); a < adsEnd; ) {
                    long ad = Der.tlv(w.seg, w.base, a, adsEnd);
                    if (ad < 0) {
                        break;
                    }
                    long method = Der.tlv(w.seg, w.base, a + Der.hdr(ad), Der.next(a, ad));
                    if (method >= 0) {
                        int locAt = Der.next(a + Der.hdr(ad), method);
                        generalName(locAt, Der.next(a, ad), false);
                    }
                    a = Der.next(a, ad);
                }
            }
        } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_CERT_POLICIES)) {
            certificatePolicies(vAt, vEnd);
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

    /** certificatePolicies: a CPS pointer qualifier is dissected by tshark's pkix1explicit. */
    private void certificatePolicies(int at, int end) {
        long pols = Der.tlv(w.seg, w.base, at, end);
        if (pols < 0 || Der.tag(pols) != Der.SEQUENCE) {
            return;
        }
        int polsEnd = Der.next(at, pols);
        for (int a = at + Der.hdr(pols); a < polsEnd; ) {
            long pol = Der.tlv(w.seg, w.base, a, polsEnd);
            if (pol < 0) {
                return;
            }
            int polEnd = Der.next(a, pol);
            long id = Der.tlv(w.seg, w.base, a + Der.hdr(pol), polEnd);
            if (id >= 0) {
                int qAt = Der.next(a + Der.hdr(pol), id);
                long quals = Der.tlv(w.seg, w.base, qAt, polEnd);
                if (quals >= 0 && Der.tag(quals) == Der.SEQUENCE) {
                    int qEnd = Der.next(qAt, quals);
                    for (int b = qAt + Der.hdr(quals); b < qEnd; ) {
                        long q = Der.tlv(w.seg, w.base, b, qEnd);
                        if (q < 0) {
                            break;
                        }
                        long qid = Der.tlv(w.seg, w.base, b + Der.hdr(q), Der.next(b, q));
                        if (qid >= 0 && Der.tag(qid) == Der.OID
                                && Der.oidEquals(w.seg, w.base, b + Der.hdr(q) + Der.hdr(qid), Der.len(qid), OID_QT_CPS)) {
                            w.packet.addProtocol(X509Fields.PKIX1EXPLICIT);
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
            long gn = Der.tlv(w.seg, w.base, a, end);
            if (gn < 0) {
                break;
            }
            n++;
            a = Der.next(a, gn);
        }
        w.tree.openUint(X509Fields.GENERAL_NAMES, at, end - at, n);
        for (int a = at; a < end; ) {
            long gn = Der.tlv(w.seg, w.base, a, end);
            if (gn < 0) {
                break;
            }
            generalName(a, end, san);
            a = Der.next(a, gn);
        }
        w.tree.close();
    }

    /** GeneralName ::= CHOICE { ... [1] rfc822Name, [2] dNSName, [6] URI, [7] iPAddress ... } (context tags). */
    private void generalName(int at, int end, boolean san) {
        long gn = Der.tlv(w.seg, w.base, at, end);
        if (gn < 0) {
            return;
        }
        int choice = Der.tag(gn) & 0x1f;
        int vAt = at + Der.hdr(gn);
        int vLen = Der.len(gn);
        w.tree.openUint(X509Fields.GENERAL_NAME_CHOICE, vAt, vLen, choice);
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
