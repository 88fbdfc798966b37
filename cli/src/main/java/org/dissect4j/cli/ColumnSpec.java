package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * One column of the packet list as Wireshark's {@code gui.column.format} preference names it: a title and a
 * format ({@code %m} number, {@code %t} time, {@code %s} source, ... or {@code %Cus:FIELD:OCCURRENCE:R} a
 * custom column). {@code -T psml} prints these columns.
 */
record ColumnSpec(String title, String format, String field, int occurrence) {
    /** Wireshark's default columns. */
    static final String DEFAULT = "\"No.\",\"%m\",\"Time\",\"%t\",\"Source\",\"%s\",\"Destination\",\"%d\","
            + "\"Protocol\",\"%p\",\"Length\",\"%L\",\"Info\",\"%i\"";

    /** The formats and their names, as {@code tshark -G column-formats} lists them. */
    static final String[][] FORMATS = {
        {"%q", "802.1Q VLAN id"}, {"%Yt", "Absolute date, as YYYY-MM-DD, and time"}, {"%YDOYt", "Absolute date, as YYYY/DOY, and time"},
        {"%At", "Absolute time"}, {"%V", "Cisco VSAN"}, {"%B", "Cumulative Bytes"}, {"%Cus", "Custom"},
        {"%y", "DCE/RPC call (cn_call_id / dg_seqnum)"}, {"%Tt", "Delta time"}, {"%Gt", "Delta time displayed"},
        {"%rd", "Dest addr (resolved)"}, {"%ud", "Dest addr (unresolved)"}, {"%rD", "Dest port (resolved)"},
        {"%uD", "Dest port (unresolved)"}, {"%d", "Destination address"}, {"%D", "Destination port"}, {"%a", "Expert Info Severity"},
        {"%I", "FW-1 monitor if/direction"}, {"%F", "Frequency/Channel"}, {"%hd", "Hardware dest addr"}, {"%hs", "Hardware src addr"},
        {"%rhd", "Hw dest addr (resolved)"}, {"%uhd", "Hw dest addr (unresolved)"}, {"%rhs", "Hw src addr (resolved)"},
        {"%uhs", "Hw src addr (unresolved)"}, {"%e", "IEEE 802.11 RSSI"}, {"%x", "IEEE 802.11 TX rate"}, {"%f", "IP DSCP Value"},
        {"%i", "Information"}, {"%rnd", "Net dest addr (resolved)"}, {"%und", "Net dest addr (unresolved)"},
        {"%rns", "Net src addr (resolved)"}, {"%uns", "Net src addr (unresolved)"}, {"%nd", "Network dest addr"},
        {"%ns", "Network src addr"}, {"%m", "Number"}, {"%L", "Packet length (bytes)"}, {"%p", "Protocol"}, {"%Rt", "Relative time"},
        {"%s", "Source address"}, {"%S", "Source port"}, {"%rs", "Src addr (resolved)"}, {"%us", "Src addr (unresolved)"},
        {"%rS", "Src port (resolved)"}, {"%uS", "Src port (unresolved)"}, {"%E", "TEI"}, {"%Yut", "UTC date, as YYYY-MM-DD, and time"},
        {"%YDOYut", "UTC date, as YYYY/DOY, and time"}, {"%Aut", "UTC time"}, {"%t", "Time (format as specified)"},
    };

    /**
     * Parses a {@code gui.column.format} value: a comma-separated list of (optionally double-quoted) strings,
     * title and format in turn.
     *
     * @throws IllegalArgumentException for an odd number of strings or an unknown format
     */
    static List<ColumnSpec> parse(String value) {
        List<String> items = items(value);
        if (items.isEmpty() || items.size() % 2 != 0) {
            throw new IllegalArgumentException("gui.column.format needs title and format pairs: " + value);
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            out.add(of(items.get(i), items.get(i + 1)));
        }
        return out;
    }

    private static ColumnSpec of(String title, String format) {
        if (format.startsWith("%Cus:")) {
            String[] parts = format.split(":", -1);
            int occurrence = parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0;
            return new ColumnSpec(title, "%Cus", parts[1], occurrence);
        }
        for (String[] f : FORMATS) {
            if (f[0].equals(format)) {
                return new ColumnSpec(title, format, null, 0);
            }
        }
        throw new IllegalArgumentException("unknown column format \"" + format + "\" (see -G column-formats)");
    }

    /** The strings of a preference list: {@code "a","b,c",d}. */
    private static List<String> items(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && quoted && i + 1 < value.length()) {
                cur.append(value.charAt(++i));
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                any = false;
            } else if (quoted || !Character.isWhitespace(c)) {
                cur.append(c);
                any = true;
            }
        }
        if (any || !out.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /** Marks the field a custom column reads. */
    void prime(Engine engine) {
        if (field != null) {
            for (Field f : engine.fields(field)) {
                engine.tree().want(f);
            }
        }
    }

    /** Appends this column's text for the packet. */
    void append(Columns c, Frame f, Packet p, int digits, Engine engine, StringBuilder out) {
        switch (format) {
            case "%m" -> out.append(f.number());
            case "%t" -> c.time(f, digits, out);
            case "%Rt" -> c.time("r", f, digits, out);
            case "%At" -> c.time("a", f, digits, out);
            case "%Aut" -> c.time("u", f, digits, out);
            case "%Yt" -> c.time("ad", f, digits, out);
            case "%Yut" -> c.time("ud", f, digits, out);
            case "%YDOYt" -> c.time("adoy", f, digits, out);
            case "%YDOYut" -> c.time("udoy", f, digits, out);
            case "%Tt" -> c.time("d", f, digits, out);
            case "%Gt" -> c.time("dd", f, digits, out);
            case "%s", "%rs" -> c.address(p, true, out);
            case "%d", "%rd" -> c.address(p, false, out);
            case "%us" -> c.address(p, true, false, out);
            case "%ud" -> c.address(p, false, false, out);
            case "%hs", "%rhs", "%uhs" -> c.hardware(p, true, !format.equals("%uhs"), out);
            case "%hd", "%rhd", "%uhd" -> c.hardware(p, false, !format.equals("%uhd"), out);
            case "%ns", "%rns", "%uns" -> c.network(p, true, out);
            case "%nd", "%rnd", "%und" -> c.network(p, false, out);
            case "%S", "%rS", "%uS" -> port(p, p.srcPort(), out);
            case "%D", "%rD", "%uD" -> port(p, p.dstPort(), out);
            case "%p" -> out.append(p.protocolColumn());
            case "%L" -> out.append(f.originalLength());
            case "%i" -> out.append(p.info());
            case "%B" -> out.append(c.cumulativeBytes());
            case "%Cus" -> custom(p.tree(), engine, out);
            default -> {
                // formats of protocols dissect4j does not dissect stay empty, as tshark's do for such packets
            }
        }
    }

    private static void port(Packet p, int port, StringBuilder out) {
        if (p.portType() != 0) {
            out.append(port);
        }
    }

    /** A custom column: the field's values (all, or the N-th, counting from 1; from the end when negative). */
    private void custom(Tree t, Engine engine, StringBuilder out) {
        List<Integer> found = new ArrayList<>();
        for (Field f : engine.fields(field)) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                found.add(n);
            }
        }
        found.sort(null);
        for (int i = 0; i < found.size(); i++) {
            boolean take = occurrence == 0 || occurrence == i + 1 || occurrence < 0 && found.size() + occurrence == i;
            if (take) {
                if (occurrence == 0 && i > 0) {
                    out.append(',');
                }
                FieldFormat.value(t, found.get(i), out);
            }
        }
    }
}
