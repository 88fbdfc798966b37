package org.dissect4j.tls;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;

/**
 * The extensions whose types tshark takes from the PKIX modules of RFC 5280 (pkix1implicit, pkix1explicit) or that
 * carry their qualifiers: authority information access ({@code AuthorityInfoAccessSyntax: 2 items}, each
 * {@code AccessDescription} with its {@code accessMethod} and {@code accessLocation}) and certificate policies
 * ({@code CertificatePoliciesSyntax}, {@code PolicyInformation}, a CPS pointer and a {@code UserNotice}).
 */
final class X509Pkix {
    private static final byte[] OID_QT_CPS = Der.oid("1.3.6.1.5.5.7.2.1");
    private static final byte[] OID_QT_UNOTICE = Der.oid("1.3.6.1.5.5.7.2.2");

    private final X509Walk w;
    private final X509Extensions extensions;

    X509Pkix(X509Walk w, X509Extensions extensions) {
        this.w = w;
        this.extensions = extensions;
    }

    /** AuthorityInfoAccessSyntax ::= SEQUENCE OF AccessDescription { accessMethod OID, accessLocation GeneralName }. */
    void authorityInfoAccess(int at, int end) {
        w.sequenceOf(at, end, X509Fields.AIA_SYNTAX, X509Fields.ACCESS_DESCRIPTION, accessDescription);
    }

    private final X509Walk.Element accessDescription = this::accessDescription;

    private void accessDescription(int a, long ad) {
        long method = Der.tlv(w.seg, w.base, a + Der.hdr(ad), Der.next(a, ad));
        if (method >= 0 && Der.tag(method) == Der.OID) {
            w.tree.add(X509Fields.ACCESS_METHOD, a + Der.hdr(ad) + Der.hdr(method), Der.len(method));
            extensions.generalName(Der.next(a + Der.hdr(ad), method), Der.next(a, ad), X509Fields.ACCESS_LOCATION, false);
        }
    }

    /** CertificatePolicies ::= SEQUENCE OF PolicyInformation { policyIdentifier, policyQualifiers SEQUENCE OF ... }. */
    void certificatePolicies(int at, int end) {
        w.sequenceOf(at, end, X509Fields.CERT_POLICIES, X509Fields.POLICY_INFORMATION, policyInformation);
    }

    private final X509Walk.Element qualifierInfo = this::qualifier;

    private final X509Walk.Element policyInformation = this::policyInformation;

    private void policyInformation(int a, long pol) {
        int end = Der.next(a, pol);
        long id = Der.tlv(w.seg, w.base, a + Der.hdr(pol), end);
        if (id >= 0 && Der.tag(id) == Der.OID) {
            w.tree.add(X509Fields.POLICY_IDENTIFIER, a + Der.hdr(pol) + Der.hdr(id), Der.len(id));
            w.sequenceOf(Der.next(a + Der.hdr(pol), id), end, X509Fields.POLICY_QUALIFIERS, X509Fields.POLICY_QUALIFIER_INFO,
                    qualifierInfo);
        }
    }

    /** PolicyQualifierInfo ::= SEQUENCE { policyQualifierId, qualifier ANY }: a CPS URI or a UserNotice. */
    private void qualifier(int start, long tlv) {
        int at = start + Der.hdr(tlv);
        int end = Der.next(start, tlv);
        long qid = Der.tlv(w.seg, w.base, at, end);
        if (qid < 0 || Der.tag(qid) != Der.OID) {
            return;
        }
        int idAt = at + Der.hdr(qid);
        w.tree.add(X509Fields.POLICY_QUALIFIER_ID, idAt, Der.len(qid));
        int vAt = Der.next(at, qid);
        long v = Der.tlv(w.seg, w.base, vAt, end);
        if (v < 0) {
            return;
        }
        if (Der.oidEquals(w.seg, w.base, idAt, Der.len(qid), OID_QT_CPS)) {
            w.packet.addProtocol(X509Fields.PKIX1EXPLICIT);
            w.tree.add(X509Fields.CPS_URI, vAt + Der.hdr(v), Der.len(v));
        } else if (Der.oidEquals(w.seg, w.base, idAt, Der.len(qid), OID_QT_UNOTICE) && Der.tag(v) == Der.SEQUENCE) {
            w.tree.open(X509Fields.USER_NOTICE, vAt, Der.hdr(v) + Der.len(v));
            userNotice(vAt + Der.hdr(v), Der.next(vAt, v));
            w.tree.close();
        }
    }

    /** UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL }. */
    private void userNotice(int at, int end) {
        for (int a = at; a < end; ) {
            long el = Der.tlv(w.seg, w.base, a, end);
            if (el < 0) {
                return;
            }
            if (Der.tag(el) == Der.SEQUENCE) {
                // NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF INTEGER }
                w.tree.open(X509Fields.NOTICE_REF, a, Der.hdr(el) + Der.len(el));
                int rEnd = Der.next(a, el);
                long org = Der.tlv(w.seg, w.base, a + Der.hdr(el), rEnd);
                if (org >= 0) {
                    int orgAt = a + Der.hdr(el);
                    displayText(X509Fields.ORGANIZATION, orgAt, org);
                    noticeNumbers(Der.next(orgAt, org), rEnd);
                }
                w.tree.close();
            } else {
                displayText(X509Fields.EXPLICIT_TEXT, a, el);
            }
            a = Der.next(a, el);
        }
    }

    private void noticeNumbers(int at, int end) {
        w.sequenceOf(at, end, X509Fields.NOTICE_NUMBERS, null, noticeNumber);
    }

    private final X509Walk.Element noticeNumber = this::noticeNumber;

    private void noticeNumber(int a, long n) {
        if (Der.tag(n) == Der.INTEGER && Der.len(n) >= 1 && Der.len(n) <= 4) {
            int vAt = a + Der.hdr(n);
            w.tree.addLong(X509Fields.NOTICE_NUMBER, vAt, Der.len(n), Bytes.uN(w.seg, w.base + vAt, Der.len(n)));
        }
    }

    /** DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }: the choice, then the text. */
    private void displayText(Field choiceField, int at, long el) {
        int choice = switch (Der.tag(el)) {
            case Der.IA5_STRING -> 0;
            case 0x1a -> 1;
            case Der.BMP_STRING -> 2;
            case Der.UTF8_STRING -> 3;
            default -> -1;
        };
        if (choice < 0) {
            return;
        }
        w.tree.openUint(choiceField, at, Der.hdr(el) + Der.len(el), choice);
        Field text = switch (choice) {
            case 0 -> X509Fields.DT_IA5_STRING;
            case 1 -> X509Fields.DT_VISIBLE_STRING;
            case 2 -> X509Fields.DT_BMP_STRING;
            default -> X509Fields.DT_UTF8_STRING;
        };
        if (choice == 2) {
            w.bmpString(text, at + Der.hdr(el), Der.len(el));
        } else {
            w.tree.add(text, at + Der.hdr(el), Der.len(el));
        }
        w.tree.close();
    }
}
