package org.dissect4j.dns;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines that Wireshark's {@code packet-dns.c} writes by hand: the text items that group the
 * sections and hold each question and record, the flags summary and the time intervals spelled out. The
 * labelers run only when an output prints labels; the per-record summaries are composed by {@link DnsRecords}
 * while it parses (they need the RDATA), and only when {@code Tree.wantsLabels()}.
 */
final class DnsLabels {
    static final Field QUERIES = Field.text("Queries");
    /** UPDATE's name for the question section (RFC 2136 §2.3). */
    static final Field ZONE = Field.text("Zone");
    static final Field ANSWERS = Field.text("Answers");
    static final Field PREREQUISITES = Field.text("Prerequisites");
    static final Field AUTHORITIES = Field.text("Authoritative nameservers");
    static final Field UPDATES = Field.text("Updates");
    static final Field ADDITIONAL = Field.text("Additional records");
    /** One question; its label ({@code example.com: type A, class IN}) is set per node. */
    static final Field QUESTION = Field.text("Question");
    /** One resource record; its label ({@code example.com: type A, class IN, addr 192.0.2.1}) is set per node. */
    static final Field RECORD = Field.text("Resource record");

    /** Octets after the last record; its label ({@code Extraneous Data (5 bytes)}) is set per node. */
    static final Field EXTRANEOUS = Field.text("Extraneous Data");
    /** The item of the extraneous-data expert (hidden in {@code -V}, shown by PDML and JSON). */
    static final Field EXTRANEOUS_EXPERT = Field.text("Extraneous data");

    private static final int ITEM_LABEL_LENGTH = 240;
    private static final String TRUNCATED = " [truncated]";
    private static final long MINUTE = 60, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

    private DnsLabels() {
    }

    /** The text items, registered with the protocol's fields. */
    static Field[] textItems() {
        return new Field[] {QUERIES, ZONE, ANSWERS, PREREQUISITES, AUTHORITIES, UPDATES, ADDITIONAL, QUESTION, RECORD,
            EXTRANEOUS, EXTRANEOUS_EXPERT};
    }

    /** The section text items in message order: questions, answers, authority, additional; UPDATE's names. */
    static Field section(int index, boolean update) {
        return switch (index) {
            case 0 -> update ? ZONE : QUERIES;
            case 1 -> update ? PREREQUISITES : ANSWERS;
            case 2 -> update ? UPDATES : AUTHORITIES;
            default -> ADDITIONAL;
        };
    }

    /** {@code Flags: 0x8180 Standard query response, No error}: the opcode, and a response's reply code. */
    static void flags(TreeView t, int n, StringBuilder out) {
        int flags = (int) t.value(n);
        out.append("Flags: ");
        FieldFormat.hexNumber(flags, 4, out);
        out.append(' ');
        String op = DnsFields.FLAGS_OPCODE_VALUES.name((flags & DnsDissector.F_OPCODE) >>> DnsDissector.OPCODE_SHIFT);
        out.append(op != null ? op : "Unknown operation");
        if ((flags & DnsDissector.F_RESPONSE) != 0) {
            String rcode = DnsFields.FLAGS_RCODE_VALUES.name(flags & DnsDissector.F_RCODE);
            out.append(" response, ").append(rcode != null ? rcode : "Unknown error");
        }
    }

    /** {@code Time to live: 300 (5 minutes)}: a count of seconds with Wireshark's spelled-out duration. */
    static void seconds(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        out.append(" (");
        duration(t.value(n), out);
        out.append(')');
    }

    /** Wireshark's {@code unsigned_time_secs_to_str}: {@code 1 day, 2 hours, 5 seconds}; {@code 0 seconds}. */
    static void duration(long secs, StringBuilder out) {
        if (secs == 0) {
            out.append("0 seconds");
            return;
        }
        int start = out.length();
        unit(secs / DAY, " day", start, out);
        unit(secs / HOUR % 24, " hour", start, out);
        unit(secs / MINUTE % 60, " minute", start, out);
        unit(secs % 60, " second", start, out);
    }

    private static void unit(long count, String name, int start, StringBuilder out) {
        if (count == 0) {
            return;
        }
        if (out.length() > start) {
            out.append(", ");
        }
        out.append(count).append(name);
        if (count != 1) {
            out.append('s');
        }
    }

    /** {@code Option: COOKIE}: an EDNS(0) option named by its code (the {@code dns.opt.code} below it). */
    static void option(TreeView t, int n, StringBuilder out) {
        out.append("Option");
        int code = Labeler.child(t, n, DnsFields.OPT_CODE);
        if (code >= 0) {
            out.append(": ");
            String name = DnsFields.OPT_CODE_VALUES.name(t.value(code));
            if (name != null) {
                out.append(name);
            } else {
                out.append("Unknown (").append(t.value(code)).append(')');
            }
        }
    }

    /** {@code DSO TLV: Keep Alive}: a DNS Stateful Operations TLV named by its type (the child below it). */
    static void dsoTlv(TreeView t, int n, StringBuilder out) {
        out.append("DSO TLV");
        int type = Labeler.child(t, n, DnsFields.DSO_TLV_TYPE);
        if (type >= 0) {
            String name = DnsFields.DSO_TLV_TYPE_VALUES.name(t.value(type));
            out.append(": ");
            if (name != null) {
                out.append(name);
            } else {
                out.append("Unknown (").append(t.value(type)).append(')');
            }
        }
    }

    /** LOC size and precisions (RFC 1876 §2): {@code Size: 18 (1 m)}, a digit and a power of ten in centimetres. */
    static void locSize(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        int v = (int) t.value(n);
        double metres = (v >> 4) * Math.pow(10, v & 0xF) / 100;
        out.append(" (");
        cFormatG(metres, out);
        out.append(" m)");
    }

    /** LOC altitude: {@code Altitude: 10001000 (10 m)}, centimetres above 100,000 m below the reference. */
    static void locAltitude(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        out.append(" (");
        cFormatG(((int) t.value(n) - 10_000_000) / 100.0, out);
        out.append(" m)");
    }

    /** LOC latitude: {@code Latitude: 2315918336 (46 deg 47 min 14.688 sec N)}. */
    static void locLatitude(TreeView t, int n, StringBuilder out) {
        locAngle(t, n, false, out);
    }

    /** LOC longitude: {@code Longitude: 1911796736 (65 deg 28 min 6.912 sec W)}. */
    static void locLongitude(TreeView t, int n, StringBuilder out) {
        locAngle(t, n, true, out);
    }

    /** Thousandths of an arc second from 2^31 (the equator, the prime meridian), as Wireshark's rfc1867_angle. */
    private static void locAngle(TreeView t, int n, boolean longitude, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long angle = t.value(n);
        char direction;
        if (angle < 0x80000000L) {
            angle = 0x80000000L - angle;
            direction = longitude ? 'W' : 'S';
        } else {
            angle -= 0x80000000L;
            direction = longitude ? 'E' : 'N';
        }
        out.append(" (");
        if (angle > (longitude ? 648_000_000L : 324_000_000L)) {
            out.append("Value out of range)");
            return;
        }
        long thousandths = angle % 1000;
        long secs = angle / 1000;
        out.append(secs / 3600).append(" deg ").append(secs / 60 % 60).append(" min ").append(secs % 60).append('.');
        out.append(thousandths < 100 ? "0" : "").append(thousandths < 10 ? "0" : "").append(thousandths);
        out.append(" sec ").append(direction).append(')');
    }

    /** C's {@code %g}: six significant digits, trailing zeros dropped, an exponent below 1e-4 and from 1e6. */
    static void cFormatG(double v, StringBuilder out) {
        if (v == 0) {
            out.append('0');
            return;
        }
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        int exp = (int) Math.floor(Math.log10(v));
        long digits = Math.round(v / Math.pow(10, exp - 5));
        if (digits >= 1_000_000) {
            digits /= 10;
            exp++;
        }
        if (exp < -4 || exp >= 6) {
            decimals(digits, 1, out);
            out.append(exp < 0 ? "e-" : "e+").append(Math.abs(exp) < 10 ? "0" : "").append(Math.abs(exp));
        } else if (exp >= 0) {
            decimals(digits, exp + 1, out);
        } else {
            out.append("0.");
            for (int i = -1; i > exp; i--) {
                out.append('0');
            }
            decimals(digits, 0, out);
        }
    }

    /**
     * The six digits of {@code digits} with a point after {@code whole} of them (none for 0: the caller wrote
     * {@code 0.00}), trailing zeros dropped.
     */
    private static void decimals(long digits, int whole, StringBuilder out) {
        int last = 6;
        while (last > whole && digits % 10 == 0) {
            digits /= 10;
            last--;
        }
        int start = out.length();
        out.append(digits);
        if (last > whole && whole > 0) {
            out.insert(start + whole, '.');
        }
    }

    /**
     * What Wireshark does to the text of an item made with {@code proto_tree_add_subtree_format} that does not fit
     * its 240-octet label: the first 226 characters after a {@code " [truncated]"} mark (dissector-api cuts a
     * hand-made label unmarked, as {@code proto_item_set_text}). Characters are counted, not UTF-8 octets.
     */
    static void markTruncated(StringBuilder text) {
        if (text.length() >= ITEM_LABEL_LENGTH) {
            text.setLength(ITEM_LABEL_LENGTH - 2 - TRUNCATED.length());
            text.insert(0, TRUNCATED);
        }
    }

    /** Wireshark's {@code dns_classes} names, {@code Unknown} for others (the text of question and record items). */
    static void className(int cls, StringBuilder out) {
        String name = DnsFields.QRY_CLASS_VALUES.name(cls);
        out.append(name != null ? name : "Unknown");
    }
}
