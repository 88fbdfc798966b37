package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;

/**
 * Distinguished names (RFC 5280 §4.1.2.4): the RDN sequence with {@code x509if}/{@code x509sat} fields, and the
 * RFC 4514 summary ({@code tls.x509.subject}/{@code issuer}, last RDN first) when wanted.
 */
final class X509Names {
    private static final byte[] OID_AT_PREFIX = Der.oid("2.5.4");
    private static final byte[] OID_EV_PREFIX = Der.oid("1.3.6.1.4.1.311.60.2.1");
    private static final byte[] OID_COUNTRY = Der.oid("2.5.4.6");
    private static final byte[] OID_EV_COUNTRY = Der.oid("1.3.6.1.4.1.311.60.2.1.3");
    private static final byte[] OID_EMAIL = Der.oid("1.2.840.113549.1.9.1");
    private static final byte[] OID_SERIAL_NUMBER = Der.oid("2.5.4.5");
    private static final byte[] OID_DC = Der.oid("0.9.2342.19200300.100.1.25");

    private static final String[][] ATTRIBUTE_NAMES = {
            {"2.5.4.3", "CN"}, {"2.5.4.6", "C"}, {"2.5.4.7", "L"}, {"2.5.4.8", "ST"}, {"2.5.4.9", "STREET"},
            {"2.5.4.10", "O"}, {"2.5.4.11", "OU"}, {"2.5.4.5", "serialNumber"}, {"2.5.4.12", "title"},
            {"2.5.4.4", "SN"}, {"2.5.4.42", "GN"}, {"0.9.2342.19200300.100.1.25", "DC"},
            {"0.9.2342.19200300.100.1.1", "UID"}, {"1.2.840.113549.1.9.1", "emailAddress"}};
    private static final byte[][] ATTRIBUTE_OIDS = new byte[ATTRIBUTE_NAMES.length][];

    static {
        for (int i = 0; i < ATTRIBUTE_NAMES.length; i++) {
            ATTRIBUTE_OIDS[i] = Der.oid(ATTRIBUTE_NAMES[i][0]);
        }
    }

    private final X509Walk w;

    X509Names(X509Walk w) {
        this.w = w;
    }

    /** Name ::= SEQUENCE OF RelativeDistinguishedName; RDN ::= SET OF AttributeTypeAndValue. */
    boolean name(int at, int end, Field countField, Field summary) {
        int count = 0;
        for (int a = at; a < end; ) {
            long rdn = Der.tlv(w.seg, w.base, a, end);
            if (rdn < 0) {
                return w.malformed(a, end - a);
            }
            count++;
            a = Der.next(a, rdn);
        }
        if (countField != null) {
            w.tree.openUint(countField, at, end - at, count);
        }
        boolean sum = summary != null && w.tree.wantsByName(summary);
        if (sum) {
            w.text.setLength(0);
        }
        for (int a = at; a < end; ) {
            long rdn = Der.tlv(w.seg, w.base, a, end);
            int rdnEnd = Der.next(a, rdn);
            int items = 0;
            for (int b = a + Der.hdr(rdn); b < rdnEnd; ) {
                long atv = Der.tlv(w.seg, w.base, b, rdnEnd);
                if (atv < 0) {
                    closeCount(countField);
                    return w.malformed(b, rdnEnd - b);
                }
                items++;
                b = Der.next(b, atv);
            }
            w.tree.openUint(X509Fields.RDN_SEQUENCE_ITEM, a + Der.hdr(rdn), Der.len(rdn), items);
            for (int b = a + Der.hdr(rdn); b < rdnEnd; ) {
                long atv = Der.tlv(w.seg, w.base, b, rdnEnd);
                w.tree.open(X509Fields.RDN_ITEM, b, Der.hdr(atv) + Der.len(atv));
                boolean ok = attribute(b + Der.hdr(atv), Der.next(b, atv), sum);
                w.tree.close();
                if (!ok) {
                    w.tree.close();
                    closeCount(countField);
                    return false;
                }
                b = Der.next(b, atv);
            }
            w.tree.close();
            a = rdnEnd;
        }
        closeCount(countField);
        if (sum) {
            w.tree.addString(summary, w.text);
        }
        return true;
    }

    /** Ends the RDN count's subtree, when {@link #name} opened one. */
    private void closeCount(Field countField) {
        if (countField != null) {
            w.tree.close();
        }
    }

    /** AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }. */
    private boolean attribute(int at, int end, boolean sum) {
        long oid = Der.tlv(w.seg, w.base, at, end);
        if (oid < 0 || Der.tag(oid) != Der.OID) {
            return w.malformed(at, end - at);
        }
        int oidAt = at + Der.hdr(oid);
        int oidLen = Der.len(oid);
        w.tree.add(X509Fields.ATTRIBUTE_OID, oidAt, oidLen);
        int vAt = Der.next(at, oid);
        long v = Der.tlv(w.seg, w.base, vAt, end);
        if (v < 0) {
            return w.malformed(vAt, end - vAt);
        }
        boolean sat = Der.oidStartsWith(w.seg, w.base, oidAt, oidLen, OID_AT_PREFIX)
                || Der.oidStartsWith(w.seg, w.base, oidAt, oidLen, OID_EV_PREFIX)
                || Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_DC);
        if (sat) {
            w.packet.addProtocol(X509Fields.X509SAT);
        }
        int sAt = vAt + Der.hdr(v);
        int sLen = Der.len(v);
        int tag = Der.tag(v);
        if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_EMAIL) && tag == Der.IA5_STRING) {
            // pkcs-9's emailAddress: an IA5String as x509sat shows it, without an x509sat protocol entry
            w.tree.add(X509Fields.IA5_STRING, sAt, sLen);
        } else if (sat) {
            if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_SERIAL_NUMBER) && tag == Der.PRINTABLE_STRING) {
                w.tree.add(X509Fields.PRINTABLE_STRING_TYPE, sAt, sLen);
            } else if (Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_COUNTRY) || Der.oidEquals(w.seg, w.base, oidAt, oidLen, OID_EV_COUNTRY)) {
                w.tree.add(X509Fields.COUNTRY_NAME, sAt, sLen);
            } else if (tag == Der.IA5_STRING) {
                w.tree.add(X509Fields.IA5_STRING, sAt, sLen);
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
                    w.tree.openUint(X509Fields.DIRECTORY_STRING_CHOICE, vAt, Der.hdr(v) + sLen, choice);
                    Field f = switch (choice) {
                        case 0 -> X509Fields.TELETEX_STRING;
                        case 1 -> X509Fields.PRINTABLE_STRING;
                        case 2 -> X509Fields.UNIVERSAL_STRING;
                        case 3 -> X509Fields.BMP_STRING;
                        default -> X509Fields.UTF8_STRING;
                    };
                    if (choice == 3) {
                        w.bmpString(f, sAt, sLen);
                    } else if (choice != 2) {
                        w.tree.add(f, sAt, sLen);
                    }
                    w.tree.close();
                }
            }
        }
        if (sum) {
            // RFC 4514 order: the last RDN first.
            int insertAt = 0;
            StringBuilder part = new StringBuilder(32);
            attributeName(oidAt, oidLen, part);
            part.append('=');
            appendValue(tag, sAt, sLen, part);
            if (!w.text.isEmpty()) {
                part.append(',');
            }
            w.text.insert(insertAt, part);
        }
        return true;
    }

    private void attributeName(int at, int len, StringBuilder out) {
        for (int i = 0; i < ATTRIBUTE_OIDS.length; i++) {
            if (Der.oidEquals(w.seg, w.base, at, len, ATTRIBUTE_OIDS[i])) {
                out.append(ATTRIBUTE_NAMES[i][1]);
                return;
            }
        }
        Der.appendOid(w.seg, w.base, at, len, out);
    }

    /** A string value for summaries: UTF-8/ASCII as is, BMP as UTF-16BE, others byte by byte; RFC 4514 escapes. */
    private void appendValue(int tag, int at, int len, StringBuilder out) {
        if (tag == Der.BMP_STRING) {
            for (int i = 0; i + 1 < len; i += 2) {
                escape((char) Bytes.u16(w.seg, w.base + at + i), out);
            }
            return;
        }
        if (tag == Der.UTF8_STRING) {
            byte[] b = new byte[len];
            MemorySegment.copy(w.seg, Bytes.U8, w.base + at, b, 0, len);
            String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < s.length(); i++) {
                escape(s.charAt(i), out);
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            escape((char) Bytes.u8(w.seg, w.base + at + i), out);
        }
    }

    private static void escape(char c, StringBuilder out) {
        if (c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';') {
            out.append('\\');
        }
        out.append(c);
    }
}
