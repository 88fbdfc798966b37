package org.dissect4j.net;

import java.util.Locale;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of ICMP items that Wireshark's packet-icmp.c composes by hand: the type and code with their
 * names ({@code Type: 3 (Destination unreachable)}, {@code Code: 3 (Port unreachable)}), the checksum verdict and
 * the echo's response time in milliseconds (ICMPv6's too). Run only when an output prints labels.
 */
final class IcmpLabels {
    private IcmpLabels() {
    }

    /** {@code Type: 8 (Echo (ping) request)}; a router advertisement with code 0 or 16 is "Mobile IP Advertisement". */
    static void type(TreeView t, int n, StringBuilder out) {
        int type = (int) t.value(n);
        int code = Labeler.child(t, t.parent(n), IcmpFields.CODE);
        String name = IcmpDissector.TYPES.name(type, "Unknown ICMP (obsolete or malformed?)");
        if (type == IcmpDissector.ROUTER_ADVERT && code >= 0 && (t.value(code) == 0 || t.value(code) == 16)) {
            name = "Mobile IP Advertisement";
        }
        FieldFormat.nameAndValue(t, n, out);
        out.append(" (").append(name).append(')');
    }

    /** {@code Code: 3 (Port unreachable)} for the types whose codes have names ({@code Unknown code: N} else); {@code Code: 0}. */
    static void code(TreeView t, int n, StringBuilder out) {
        codeLine(t, n, IcmpFields.TYPE, IcmpDissector::appendCodeName, out);
    }

    /** How a version of ICMP names a code of a type: appends {@code " (name)"}, or nothing. */
    interface CodeNames {
        void append(int type, int code, StringBuilder out);
    }

    /** The Code line of ICMP or ICMPv6: {@code Name: value} and the code's name under the type beside it. */
    static void codeLine(TreeView t, int n, Field typeField, CodeNames names, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        int type = Labeler.child(t, t.parent(n), typeField);
        if (type >= 0) {
            names.append((int) t.value(type), (int) t.value(n), out);
        }
    }

    /** {@code Checksum: 0xfea2 [correct]}, {@code [unverified]} (truncated or quoted by an error), or {@code incorrect}. */
    static void checksum(TreeView t, int n, StringBuilder out) {
        FieldFormat.checksum(t, n, IcmpFields.CHECKSUM_STATUS, null, " [unverified]", "", out);
    }

    /** {@code [Response time: 0.031 ms]}: ICMP's and ICMPv6's {@code "%.3f ms"}. */
    static void responseTime(TreeView t, int n, StringBuilder out) {
        out.append(t.field(n).name()).append(": ").append(String.format(Locale.ROOT, "%.3f", t.doubleValue(n))).append(" ms");
    }
}
