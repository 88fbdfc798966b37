package org.dissect4j.net;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of IPv4 and IPv6 header fields that Wireshark's packet-ip.c and packet-ipv6.c compose
 * by hand rather than from the field's registration: the version and header length drawn as bits of their
 * byte, the DS field and traffic class with their DSCP and ECN short names, the flags with the names of the
 * set ones, the checksum with its verdict.
 * Labelers run only when an output prints labels, never on the parse path.
 */
final class IpLabels {
    /** Wireshark's {@code dscp_short_vals}: codepoints with a short name; any other is "Unknown". */
    private static final String[] DSCP_SHORT = new String[64];
    private static final String[] ECN_SHORT = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};

    static {
        DSCP_SHORT[0] = "CS0";
        DSCP_SHORT[1] = "LE";
        String[] cs = {"CS1", "CS2", "CS3", "CS4", "CS5", "CS6", "CS7"};
        for (int i = 0; i < cs.length; i++) {
            DSCP_SHORT[(i + 1) << 3] = cs[i];
        }
        for (int klass = 1; klass <= 4; klass++) {
            for (int drop = 1; drop <= 3; drop++) {
                DSCP_SHORT[(klass << 3) | (drop << 1)] = "AF" + klass + drop;
            }
        }
        DSCP_SHORT[44] = "VOICE-ADMIT";
        DSCP_SHORT[46] = "EF";
    }

    private IpLabels() {
    }

    /** {@code 0100 .... = Version: 4} (and {@code 0110 .... = Version: 6}). */
    static void version(TreeView t, int n, StringBuilder out) {
        FieldFormat.bitPattern(t.value(n) << 4, 0xF0, 8, out);
        out.append(" = Version: ").append(t.value(n));
    }

    /** {@code ...0 0000 0000 0110 = Fragment Offset: 48}: the field counts 8-byte units, packet-ip.c's label bytes. */
    static void fragmentOffset(TreeView t, int n, StringBuilder out) {
        FieldFormat.bitPattern(t.value(n), 0x1FFF, 16, out);
        out.append(" = Fragment Offset: ").append(t.value(n) * 8);
    }

    /** {@code [3 IPv4 Fragments (164 bytes): #1(18), #3(304), #2(116)]}: the fragments of a reassembled datagram. */
    static void ipv4Fragments(TreeView t, int n, StringBuilder out) {
        Labeler.fragmentList(t, n, Ipv4Fields.FRAGMENT, " IPv4 Fragments (", out);
    }

    /** {@code [2 IPv6 Fragments (1456 bytes): #3(1448), #4(8)]}. */
    static void ipv6Fragments(TreeView t, int n, StringBuilder out) {
        Labeler.fragmentList(t, n, Ipv6Fields.FRAGMENT, " IPv6 Fragments (", out);
    }

    /** {@code [Frame: 1, payload: 0-17 (18 bytes)]}: where a fragment's bytes went in the datagram. */
    static void fragment(TreeView t, int n, StringBuilder out) {
        Labeler.fragmentPart(t, n, out);
    }

    /** {@code [Length: 8 bytes]}: an IPv6 extension header's length in octets, with the unit packet-ipv6.c appends. */
    static void lengthInBytes(TreeView t, int n, StringBuilder out) {
        out.append("Length: ").append(t.value(n)).append(" bytes");
    }

    /** IPv6's own {@code ip.version}: the version line and why Wireshark records it. */
    static void ipv6IpVersion(TreeView t, int n, StringBuilder out) {
        version(t, n, out);
        out.append(" [This field makes the filter match on \"ip.version == 6\" possible]");
    }

    /** {@code .... 0101 = Header Length: 20 bytes (5)}: the value is in bytes, the bits count words. */
    static void headerLength(TreeView t, int n, StringBuilder out) {
        long bytes = t.value(n);
        FieldFormat.bitPattern(bytes >>> 2, 0x0F, 8, out);
        out.append(" = Header Length: ").append(bytes).append(" bytes (").append(bytes >>> 2).append(')');
    }

    /**
     * {@code Differentiated Services Field: 0x00 (DSCP: CS0, ECN: Not-ECT)}, and IPv6's
     * {@code .... 0000 0000 .... = Traffic Class: 0x00 (DSCP: CS0, ECN: Not-ECT)}.
     */
    static void dsfield(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        int ds = (int) t.value(n);
        String dscp = DSCP_SHORT[(ds >>> 2) & 63];
        out.append(" (DSCP: ").append(dscp != null ? dscp : "Unknown").append(", ECN: ").append(ECN_SHORT[ds & 3]).append(')');
    }

    /** {@code 010. .... = Flags: 0x2, Don't fragment}: the names of the flags that are set, in bit order. */
    static void flags(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        if ((v & 4) != 0) {
            out.append(", Reserved bit");
        }
        if ((v & 2) != 0) {
            out.append(", Don't fragment");
        }
        if ((v & 1) != 0) {
            out.append(", More fragments");
        }
    }

    /**
     * {@code Header Checksum: 0x9e61 [validation disabled]}, {@code [correct]}, or {@code incorrect, should be
     * 0x7cca(may be caused by "IP checksum offload"?)} after the status and calculated value recorded beside it.
     */
    static void checksum(TreeView t, int n, StringBuilder out) {
        FieldFormat.checksum(t, n, Ipv4Fields.CHECKSUM_STATUS, Ipv4Fields.CHECKSUM_CALCULATED, " [validation disabled]",
                "(may be caused by \"IP checksum offload\"?)", out);
    }
}
