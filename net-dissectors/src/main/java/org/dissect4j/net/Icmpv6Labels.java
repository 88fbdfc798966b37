package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of ICMPv6 items that Wireshark's packet-icmpv6.c composes by hand: the checksum verdict,
 * the neighbour-discovery flags with the names of the set ones, an option's summary ({@code ICMPv6 Option
 * (Source link-layer address : 02:00:00:77:00:02)}) and its length in bytes. Run only when an output prints
 * labels.
 */
final class Icmpv6Labels {
    private static final String[] PREFERENCE = {"Medium", "High", "Reserved", "Low"};

    private Icmpv6Labels() {
    }

    /** {@code Code: 0 (no route to destination)} for the error types whose codes have names; {@code Code: 0} else. */
    static void code(TreeView t, int n, StringBuilder out) {
        IcmpLabels.codeLine(t, n, Icmpv6Fields.TYPE, Icmpv6Dissector::appendCodeName, out);
    }

    /** {@code Checksum: 0x7c32 [correct]}, {@code [unverified]}, or {@code incorrect}. */
    static void checksum(TreeView t, int n, StringBuilder out) {
        FieldFormat.checksum(t, n, Icmpv6Fields.CHECKSUM_STATUS, null, " [unverified]", "", out);
    }

    /** {@code Flags: 0x60000000, Solicited, Override}: a Neighbor Advertisement's set flags. */
    static void naFlags(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        if ((v & 0x80000000L) != 0) {
            out.append(", Router");
        }
        if ((v & 0x40000000L) != 0) {
            out.append(", Solicited");
        }
        if ((v & 0x20000000L) != 0) {
            out.append(", Override");
        }
    }

    /** {@code Flag: 0xc0, On-link flag(L), Autonomous address-configuration flag(A)}: a prefix's set flags by name. */
    static void prefixFlags(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        if ((v & 0x80) != 0) {
            out.append(", ").append(Icmpv6Fields.OPT_PREFIX_FLAG_L.name());
        }
        if ((v & 0x40) != 0) {
            out.append(", ").append(Icmpv6Fields.OPT_PREFIX_FLAG_A.name());
        }
        if ((v & 0x20) != 0) {
            out.append(", ").append(Icmpv6Fields.OPT_PREFIX_FLAG_R.name());
        }
    }

    /**
     * {@code Valid Lifetime: 2592000}, {@code Infinity (4294967295)}: Wireshark's {@code BASE_SPECIAL_VALS}, where a
     * value without a name is shown bare rather than as "Unknown".
     */
    static void lifetime(TreeView t, int n, StringBuilder out) {
        long v = t.value(n);
        String name = t.field(n).values().name(v);
        out.append(t.field(n).name()).append(": ");
        if (name != null) {
            out.append(name).append(" (").append(v).append(')');
        } else {
            out.append(v);
        }
    }

    /** {@code Flags: 0xc0, Managed address configuration, Other configuration, Prf (Default Router Preference): Medium}. */
    static void raFlags(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        if ((v & 0x80) != 0) {
            out.append(", Managed address configuration");
        }
        if ((v & 0x40) != 0) {
            out.append(", Other configuration");
        }
        if ((v & 0x20) != 0) {
            out.append(", Home Agent");
        }
        out.append(", Prf (Default Router Preference): ").append(PREFERENCE[(int) (v >> 3) & 3]);
        if ((v & 0x04) != 0) {
            out.append(", Proxy");
        }
    }

    /** {@code Length: 1 (8 bytes)}: the option's length counts units of 8 bytes. */
    static void optionLength(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        out.append(" (").append(t.value(n) * 8).append(" bytes)");
    }

    /** {@code Multicast Address Record Include: ff02::9b64:84e6}: the record's type and multicast address. */
    static void multicastAddressRecord(TreeView t, int n, StringBuilder out) {
        out.append(Icmpv6Fields.MLDR_MAR.name());
        int type = Labeler.child(t, n, Icmpv6Fields.MLDR_MAR_RECORD_TYPE);
        int addr = Labeler.child(t, n, Icmpv6Fields.MLDR_MAR_MULTICAST_ADDRESS);
        if (type < 0 || addr < 0) {
            return;
        }
        int v = (int) t.value(type);
        String name = Icmpv6Fields.MLDR_MAR_RECORD_TYPE.values().name(v);
        out.append(' ');
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown Record Type (").append(v).append(')');
        }
        out.append(": ");
        AddressText.ipv6(out, t.segment(t.source(addr)), t.base(t.source(addr)) + t.offset(addr));
    }

    /** {@code ICMPv6 Option (Prefix information : 2001:db8::/64)}: the option's type and its main value. */
    static void option(TreeView t, int n, StringBuilder out) {
        out.append(Icmpv6Fields.OPT.name());
        int type = Labeler.child(t, n, Icmpv6Fields.OPT_TYPE);
        if (type < 0) {
            return;
        }
        out.append(" (").append(Icmpv6Fields.OPT_TYPE.values().name((int) t.value(type), "Unknown"));
        int addr = Labeler.child(t, n, Icmpv6Fields.OPT_LINKADDR);
        int mtu = Labeler.child(t, n, Icmpv6Fields.OPT_MTU);
        int prefix = Labeler.child(t, n, Icmpv6Fields.OPT_PREFIX);
        if (addr >= 0 && t.length(addr) == 6) {
            out.append(" : ");
            FieldFormat.value(t, addr, out);
        } else if (mtu >= 0) {
            out.append(" : ").append(t.value(mtu));
        } else if (prefix >= 0) {
            int length = Labeler.child(t, n, Icmpv6Fields.OPT_PREFIX_LENGTH);
            out.append(" : ");
            AddressText.ipv6(out, t.segment(t.source(prefix)), t.base(t.source(prefix)) + t.offset(prefix));
            out.append('/').append(length >= 0 ? t.value(length) : 0);
        }
        out.append(')');
    }
}
