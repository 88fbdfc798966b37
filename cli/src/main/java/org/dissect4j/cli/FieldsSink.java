package org.dissect4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -T fields}: one line per packet with the {@code -e} fields, formatted and joined exactly
 * as tshark's {@code -E header=,separator=,occurrence=,aggregator=,quote=} ask.
 */
final class FieldsSink implements Sink {
    /** Parsed {@code -E} options. */
    static final class Options {
        boolean header;
        String separator = "\t";
        String occurrence = "a";
        String aggregator = ",";
        char quote;

        void set(String spec) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("invalid -E option \"" + spec + "\": expected name=value");
            }
            String name = spec.substring(0, eq);
            String value = spec.substring(eq + 1);
            switch (name) {
                case "header" -> header = yes(value, spec);
                case "separator" -> separator = symbol(value);
                case "aggregator" -> aggregator = symbol(value);
                case "occurrence" -> {
                    if (!value.equals("f") && !value.equals("l") && !value.equals("a") && !value.matches("-?[0-9]+")) {
                        throw new IllegalArgumentException("invalid -E occurrence \"" + value + "\": use f, l, a or a number");
                    }
                    occurrence = value;
                }
                case "quote" -> quote = switch (value) {
                    case "d" -> '"';
                    case "s" -> '\'';
                    case "n" -> 0;
                    default -> throw new IllegalArgumentException("invalid -E quote \"" + value + "\": use d, s or n");
                };
                case "bom" -> yes(value, spec);
                default -> throw new IllegalArgumentException("invalid -E option \"" + name
                        + "\": use header, separator, occurrence, aggregator or quote");
            }
        }

        private static boolean yes(String v, String spec) {
            if (v.equals("y")) {
                return true;
            }
            if (v.equals("n")) {
                return false;
            }
            throw new IllegalArgumentException("invalid -E option \"" + spec + "\": use y or n");
        }

        /** {@code /t}, {@code /s} or a literal, as tshark. */
        private static String symbol(String v) {
            return switch (v) {
                case "/t" -> "\t";
                case "/s" -> " ";
                default -> v;
            };
        }
    }

    private final PrintStream out;
    private final Utf8Lines lines;
    private final List<String> names;
    private final Options options;
    private final Columns columns;
    private final DigitsSource digits;
    private final List<List<Field>> fields = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(512);
    private final StringBuilder cell = new StringBuilder(128);
    private boolean headerDone;

    FieldsSink(PrintStream out, List<String> names, Options options, Columns columns, DigitsSource digits) {
        this.out = out;
        this.lines = new Utf8Lines(out);
        this.names = names;
        this.options = options;
        this.columns = columns;
        this.digits = digits;
    }

    /** {@code -E header=y}: the field names, before the first packet. */
    private void header() {
        line.setLength(0);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                line.append(options.separator);
            }
            line.append(names.get(i));
        }
        lines.println(line);
    }

    /** Column fields ({@code _ws.col.Info}) that this output computes itself. */
    static boolean isColumn(String name) {
        if (!name.startsWith("_ws.col.")) {
            return false;
        }
        String c = name.substring("_ws.col.".length());
        for (String n : Columns.NAMES) {
            if (n.equals(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void prime(Engine engine) {
        Tree tree = engine.tree();
        for (String n : names) {
            if (isColumn(n)) {
                engine.columns(true);
                fields.add(List.of());
                continue;
            }
            List<Field> same = engine.fields(n);
            fields.add(same);
            for (Field f : same) {
                tree.want(f);
                if (f.type() == FieldType.PROTOCOL) {
                    // a protocol's value is its label, composed from all its fields
                    tree.wantAll(true);
                }
            }
        }
    }

    @Override
    public void worker() {
        headerDone = true;
    }

    @Override
    public void beforePacket(boolean first) {
        if (first && options.header) {
            header();
        }
    }

    @Override
    public void packet(Frame frame, Packet p) {
        if (options.header && !headerDone) {
            headerDone = true;
            header();
        }
        Tree t = p.tree();
        line.setLength(0);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                line.append(options.separator);
            }
            cell.setLength(0);
            String name = names.get(i);
            if (isColumn(name)) {
                cell.append(columns.value(name.substring("_ws.col.".length()), frame, p, digits.digits(frame)));
            } else {
                values(t, fields.get(i), cell);
            }
            if (options.quote != 0 && !cell.isEmpty()) {
                line.append(options.quote).append(cell).append(options.quote);
            } else {
                line.append(cell);
            }
        }
        lines.println(line);
    }

    private void values(Tree t, List<Field> same, StringBuilder cell) {
        // tshark's _ws.expert items are the parents of the expert items; here the expert nodes stand for them
        boolean expert = same.size() == 1 && same.get(0) == EngineFields.EXPERT.field();
        int count = 0;
        if (expert) {
            count = t.expertCount();
        } else {
            for (Field f : same) {
                for (int n = t.first(f); n >= 0; n = t.next(n)) {
                    count++;
                }
            }
        }
        if (count == 0) {
            return;
        }
        int[] nodes = new int[count];
        int k = 0;
        if (expert) {
            for (int i = 0; i < count; i++) {
                nodes[k++] = t.expertNode(i);
            }
        }
        for (Field f : expert ? List.<Field>of() : same) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                nodes[k++] = n;
            }
        }
        if (same.size() > 1) {
            java.util.Arrays.sort(nodes);
        }
        String occ = options.occurrence;
        switch (occ) {
            case "f" -> value(t, nodes[0], expert, cell);
            case "l" -> value(t, nodes[count - 1], expert, cell);
            case "a" -> {
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        cell.append(options.aggregator);
                    }
                    value(t, nodes[i], expert, cell);
                }
            }
            default -> {
                int idx = Integer.parseInt(occ);
                idx = idx > 0 ? idx - 1 : count + idx;
                if (idx >= 0 && idx < count) {
                    value(t, nodes[idx], expert, cell);
                }
            }
        }
    }

    private static void value(Tree t, int node, boolean expert, StringBuilder cell) {
        if (expert) {
            FieldFormat.expertInfo(t, node, cell);
        } else {
            FieldFormat.value(t, node, cell);
        }
    }

    /** Decimal places of the Time column for a frame (6 for microsecond captures, 9 for nanosecond). */
    interface DigitsSource {
        int digits(Frame f);
    }
}
