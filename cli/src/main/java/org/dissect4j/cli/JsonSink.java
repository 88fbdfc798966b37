package org.dissect4j.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -T json} and {@code -T ek} in tshark's layouts: with {@code -e}, the listed fields as
 * arrays of strings; without, the whole tree (protocols as objects, a field with children followed
 * by {@code <name>_tree}). EK writes an index line and a document line per packet, field names
 * with dots turned into underscores.
 */
final class JsonSink implements Sink {
    private final PrintStream out;
    private final boolean ek;
    private final List<String> names;
    private final Columns columns;
    private final FieldsSink.DigitsSource digits;
    private final List<List<Field>> fields = new ArrayList<>();
    private final TreeWalk walk = new TreeWalk();
    private final StringBuilder sb = new StringBuilder(4096);
    private boolean first = true;

    JsonSink(PrintStream out, boolean ek, List<String> names, Columns columns, FieldsSink.DigitsSource digits) {
        this.out = out;
        this.ek = ek;
        this.names = names;
        this.columns = columns;
        this.digits = digits;
    }

    @Override
    public void prime(Engine engine) {
        if (names.isEmpty()) {
            engine.tree().wantAll(true);
            return;
        }
        for (String n : names) {
            if (FieldsSink.isColumn(n)) {
                engine.columns(true);
                fields.add(List.of());
                continue;
            }
            List<Field> same = engine.fields(n);
            fields.add(same);
            for (Field f : same) {
                engine.tree().want(f);
                if (f.type() == FieldType.PROTOCOL) {
                    engine.tree().wantAll(true);
                }
            }
        }
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        sb.setLength(0);
        String index = "packets-" + date(frame.timestampNanos());
        if (ek) {
            sb.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_type\":\"doc\"}}\n");
            sb.append("{\"timestamp\":\"").append(Math.floorDiv(frame.timestampNanos(), 1_000_000L)).append("\",\"layers\":{");
            if (names.isEmpty()) {
                walk.build(t);
                boolean firstProto = true;
                for (int n = walk.roots(); n >= 0; n = walk.nextSibling(n)) {
                    if (!firstProto) {
                        sb.append(',');
                    }
                    firstProto = false;
                    Field f = t.field(n);
                    quote(ekName(f.abbrev()));
                    sb.append(":{");
                    boolean[] firstField = {true};
                    ekChildren(t, n, f.abbrev(), firstField);
                    sb.append('}');
                }
            } else {
                selected(frame, p, true);
            }
            sb.append("}}");
            out.println(sb);
            return;
        }
        sb.append(first ? "[\n" : ",\n");
        first = false;
        sb.append("  {\n    \"_index\": \"").append(index).append("\",\n    \"_type\": \"doc\",\n    \"_score\": null,\n");
        sb.append("    \"_source\": {\n      \"layers\": {\n");
        if (names.isEmpty()) {
            walk.build(t);
            boolean firstProto = true;
            for (int n = walk.roots(); n >= 0; n = walk.nextSibling(n)) {
                if (!firstProto) {
                    sb.append(",\n");
                }
                firstProto = false;
                indent(8);
                quote(t.field(n).abbrev());
                sb.append(": ");
                object(t, n, 8);
            }
            sb.append('\n');
        } else {
            selectedPretty(frame, p);
        }
        sb.append("      }\n    }\n  }");
        out.print(sb);
    }

    @Override
    public void finish() {
        if (!ek) {
            out.println(first ? "[\n]" : "\n]");
        }
    }

    private void selected(Frame frame, Packet p, boolean ekNames) {
        boolean firstField = true;
        for (int i = 0; i < names.size(); i++) {
            List<String> vals = values(frame, p, i);
            if (vals.isEmpty()) {
                continue;
            }
            if (!firstField) {
                sb.append(',');
            }
            firstField = false;
            quote(ekNames ? ekName(names.get(i)) : names.get(i));
            sb.append(":[");
            for (int k = 0; k < vals.size(); k++) {
                if (k > 0) {
                    sb.append(',');
                }
                quote(vals.get(k));
            }
            sb.append(']');
        }
    }

    private void selectedPretty(Frame frame, Packet p) {
        boolean firstField = true;
        for (int i = 0; i < names.size(); i++) {
            List<String> vals = values(frame, p, i);
            if (vals.isEmpty()) {
                continue;
            }
            if (!firstField) {
                sb.append(",\n");
            }
            firstField = false;
            indent(8);
            quote(names.get(i));
            sb.append(": [\n");
            for (int k = 0; k < vals.size(); k++) {
                indent(10);
                quote(vals.get(k));
                sb.append(k + 1 < vals.size() ? ",\n" : "\n");
            }
            indent(8);
            sb.append(']');
        }
        sb.append('\n');
    }

    private List<String> values(Frame frame, Packet p, int i) {
        String name = names.get(i);
        List<String> vals = new ArrayList<>();
        if (FieldsSink.isColumn(name)) {
            vals.add(columns.value(name.substring("_ws.col.".length()), frame, p, digits.digits(frame)));
            return vals;
        }
        Tree t = p.tree();
        StringBuilder v = new StringBuilder();
        for (Field f : fields.get(i)) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                v.setLength(0);
                FieldFormat.value(t, n, v);
                vals.add(v.toString());
            }
        }
        return vals;
    }

    private void object(Tree t, int node, int depth) {
        sb.append("{\n");
        boolean firstChild = true;
        for (int c = walk.firstChild(node); c >= 0; c = walk.nextSibling(c)) {
            Field f = t.field(c);
            if (!firstChild) {
                sb.append(",\n");
            }
            firstChild = false;
            indent(depth + 2);
            boolean hasChildren = walk.firstChild(c) >= 0;
            if (f.type() == FieldType.PROTOCOL || f.type() == FieldType.NONE && hasChildren) {
                quote(f.abbrev());
                sb.append(": ");
                if (hasChildren) {
                    object(t, c, depth + 2);
                } else {
                    value(t, c);
                }
                continue;
            }
            quote(f.abbrev());
            sb.append(": ");
            value(t, c);
            if (hasChildren) {
                sb.append(",\n");
                indent(depth + 2);
                quote(f.abbrev() + "_tree");
                sb.append(": ");
                object(t, c, depth + 2);
            }
        }
        sb.append('\n');
        indent(depth);
        sb.append('}');
    }

    private void ekChildren(Tree t, int node, String proto, boolean[] firstField) {
        for (int c = walk.firstChild(node); c >= 0; c = walk.nextSibling(c)) {
            Field f = t.field(c);
            if (!firstField[0]) {
                sb.append(',');
            }
            firstField[0] = false;
            quote(ekName(proto) + "_" + ekName(f.abbrev()));
            sb.append(':');
            value(t, c);
            if (walk.firstChild(c) >= 0) {
                ekChildren(t, c, proto, firstField);
            }
        }
    }

    private void value(Tree t, int n) {
        StringBuilder v = new StringBuilder();
        if (t.field(n).type() == FieldType.NONE && (t.flags(n) & Tree.EXPERT) == 0) {
            v.append("");
        } else {
            FieldFormat.value(t, n, v);
        }
        quote(v.toString());
    }

    private static String ekName(String abbrev) {
        return abbrev.replace('.', '_');
    }

    private void indent(int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static String date(long nanos) {
        ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(ZoneId.systemDefault());
        return String.format("%04d-%02d-%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth());
    }
}
