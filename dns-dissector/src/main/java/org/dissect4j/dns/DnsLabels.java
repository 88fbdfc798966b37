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

    /** Wireshark's {@code dns_classes} names, {@code Unknown} for others (the text of question and record items). */
    static void className(int cls, StringBuilder out) {
        String name = DnsFields.QRY_CLASS_VALUES.name(cls);
        out.append(name != null ? name : "Unknown");
    }
}
