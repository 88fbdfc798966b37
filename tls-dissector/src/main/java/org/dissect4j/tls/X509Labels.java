package org.dissect4j.tls;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of X.509 items that tshark's ASN.1 dissectors compose (x509af/x509if/x509ce, packet-ber.c):
 * an OID with its name ({@code Algorithm Id: 1.2.840.113549.1.1.11 (sha256WithRSAEncryption)}), a sequence named by
 * its algorithm or extension ({@code signature (sha256WithRSAEncryption)}, {@code Extension (id-ce-keyUsage)}), a
 * counted list ({@code extensions: 6 items}), a distinguished name with its summary ({@code rdnSequence: 3 items
 * (id-at-commonName=…,id-at-countryName=US)}, last RDN first), a large INTEGER in hex ({@code serialNumber: 0x00f8…}),
 * and the TLS certificate line followed by its subject. They read what {@link X509Decoder} recorded and run only
 * when an output prints labels.
 */
final class X509Labels {
    private X509Labels() {
    }

    /** {@code Object Id: 2.5.4.6 (id-at-countryName)}. */
    static void oid(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        out.append(" (");
        oidName(t, n, out);
        out.append(')');
    }

    private static void oidName(TreeView t, int n, StringBuilder out) {
        X509Oids.appendName(t.segment(t.source(n)), t.base(t.source(n)), t.offset(n), t.length(n), out);
    }

    /** {@code signature (sha256WithRSAEncryption)}: the name of the first OID below (an algorithm or extension id). */
    static void namedByOid(TreeView t, int n, StringBuilder out) {
        out.append(t.field(n).name());
        for (int m = n + 1; m < t.size() && t.parent(m) >= n; m++) {
            if (t.parent(m) == n && t.field(m).type() == FieldType.OID) {
                out.append(" (");
                oidName(t, m, out);
                out.append(')');
                return;
            }
        }
    }

    /** {@code extensions: 6 items}, {@code KeyPurposeIDs: 1 item}. */
    static void items(TreeView t, int n, StringBuilder out) {
        long v = t.value(n);
        out.append(t.field(n).name()).append(": ").append(v).append(v == 1 ? " item" : " items");
    }

    /** {@code rdnSequence: 3 items (id-at-commonName=…,id-at-countryName=XX)}: the RDNs last first. */
    static void rdnSequence(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        items(t, n, out);
        int mark = out.length();
        out.append(" (");
        int before = out.length();
        rdnSummary(t, n, out);
        if (out.length() == before) {
            out.setLength(mark);
        } else {
            out.append(')');
        }
        cutToLabelBytes(out, start);
    }

    /** The summary of an rdnSequence node: its RDN items' summaries, last first, joined by commas. */
    static void rdnSummary(TreeView t, int n, StringBuilder out) {
        int last = lastDescendant(t, n);
        boolean first = true;
        for (int m = last; m > n; m--) {
            if (t.parent(m) == n && t.field(m) == X509Fields.RDN_SEQUENCE_ITEM) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                rdnItemSummary(t, m, out);
            }
        }
    }

    private static int lastDescendant(TreeView t, int n) {
        int m = n + 1;
        while (m < t.size() && t.parent(m) >= n) {
            m++;
        }
        return m - 1;
    }

    /** {@code RDNSequence item: 1 item (id-at-countryName=XX)}. */
    static void rdnItem(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        items(t, n, out);
        out.append(" (");
        rdnItemSummary(t, n, out);
        out.append(')');
        cutToLabelBytes(out, start);
    }

    private static void rdnItemSummary(TreeView t, int n, StringBuilder out) {
        boolean first = true;
        for (int m = n + 1; m < t.size() && t.parent(m) >= n; m++) {
            if (t.parent(m) == n && t.field(m) == X509Fields.RDN_ITEM) {
                if (!first) {
                    out.append('+');
                }
                first = false;
                attributeSummary(t, m, out);
            }
        }
    }

    /** {@code RelativeDistinguishedName item (id-at-countryName=XX)}. */
    static void attribute(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        out.append(t.field(n).name()).append(" (");
        attributeSummary(t, n, out);
        out.append(')');
        cutToLabelBytes(out, start);
    }

    private static void attributeSummary(TreeView t, int n, StringBuilder out) {
        int oid = -1;
        for (int m = n + 1; m < t.size() && t.parent(m) >= n; m++) {
            Field f = t.field(m);
            if (oid < 0 && f == X509Fields.ATTRIBUTE_OID) {
                oid = m;
                oidName(t, m, out);
                out.append('=');
            } else if (oid >= 0 && f.type() == FieldType.STRING) {
                t.text(m, out);
                return;
            }
        }
    }

    /** {@code serialNumber: 0x00f8d7f787b247eb82}: a BER INTEGER too long for 64 bits, as tshark shows it. */
    static void hexInteger(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        FieldFormat.nameAndValue(t, n, out);
        out.insert(start + t.field(n).name().length() + 2, "0x");
    }

    /** {@code BasicConstraintsSyntax [0 length]} for an empty SEQUENCE (its node's value is its content length). */
    static void sequence(TreeView t, int n, StringBuilder out) {
        out.append(t.field(n).name());
        if (t.value(n) == 0) {
            out.append(" [0 length]");
        }
    }

    /** A CertificateRequest's {@code Distinguished Name: (id-at-commonName=…)}, its RDN items directly below. */
    static void distinguishedName(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        out.append(t.field(n).name()).append(": (");
        rdnSummary(t, n, out);
        out.append(')');
        cutToLabelBytes(out, start);
    }

    /** The TLS certificate line followed by its subject: {@code Certificate: 3082…… (id-at-commonName=…)}. */
    static void certificate(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        FieldFormat.nameAndValue(t, n, out);
        int subject = Labeler.child(t, n, X509Fields.AF_RDN_SEQUENCE);
        if (subject >= 0) {
            out.append(" (");
            rdnSummary(t, subject, out);
            out.append(')');
        }
        cutToLabelBytes(out, start);
    }

    /**
     * Wireshark's label buffer holds 240 bytes of UTF-8 with its NUL: a label composed by hand is cut at 239 bytes
     * (not characters: the ellipsis of shortened bytes counts 3), unmarked.
     */
    static void cutToLabelBytes(StringBuilder out, int start) {
        int bytes = 0;
        for (int i = start; i < out.length(); i++) {
            char c = out.charAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (bytes + size > LABEL_BYTES) {
                out.setLength(i);
                return;
            }
            bytes += size;
        }
    }

    private static final int LABEL_BYTES = 239;
}
