package org.dissect4j.filter;

import java.util.List;
import java.util.regex.Pattern;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.filter.Ast.ArithOp;
import org.dissect4j.filter.Ast.LogicOp;
import org.dissect4j.filter.Ast.Prim;
import org.dissect4j.filter.Ast.Range;
import org.dissect4j.filter.Ast.Span;

/**
 * The checked filter: every name resolved to fields, every literal converted to the type it is
 * compared with, every operator known to apply. The {@link Compiler} turns it into evaluator
 * nodes; {@link #explain} prints it one node per line, like {@code dftest}.
 */
final class Typed {
    private Typed() {
    }

    // ---- values ------------------------------------------------------------------------------

    sealed interface Val permits FieldVal, Const, SliceVal, CallVal, ArithVal, NoVal, RawVal {
        Span span();

        Kind kind();

        /** The field type that gives literals their meaning (width, value names); never null. */
        FieldType ftype();
    }

    /**
     * A field (all registrations of one name). {@code layers} restricts occurrences to some instances
     * of the field's protocol; {@code toEnd} extends a protocol's bytes to the end of its data source
     * (4.0 {@code contains}/{@code matches} on protocols).
     */
    record FieldVal(Span span, String name, List<Field> fields, Kind kind, FieldType ftype, List<Range> layers,
                    List<Field> protocols, boolean toEnd) implements Val {
        FieldVal withToEnd() {
            return new FieldVal(span, name, fields, kind, ftype, layers, protocols, true);
        }

        Field first() {
            return fields.get(0);
        }
    }

    /**
     * A constant: {@code l} for long kinds (with {@code mask} for IPv4 CIDR blocks), {@code d} for
     * doubles, {@code bytes} for byte kinds (with {@code prefix} bits for IPv6, -1 for all).
     * {@code negative} marks a negated literal, which 4.0 never finds equal to, above or below an
     * unsigned field.
     */
    record Const(Span span, Kind kind, FieldType ftype, long l, long mask, double d, byte[] bytes, int prefix,
                 String text, boolean negative) implements Val {
        static Const ofLong(Span span, Kind kind, FieldType ftype, long v, String text) {
            return new Const(span, kind, ftype, v, -1L, 0, null, -1, text, false);
        }

        static Const ofBytes(Span span, Kind kind, FieldType ftype, byte[] b, String text) {
            return new Const(span, kind, ftype, 0, -1L, 0, b, -1, text, false);
        }

        static Const ofDouble(Span span, FieldType ftype, double d, String text) {
            return new Const(span, Kind.FLOAT, ftype, 0, -1L, d, null, -1, text, false);
        }
    }

    record SliceVal(Span span, Val target, List<Range> ranges) implements Val {
        @Override
        public Kind kind() {
            return Kind.BYTES;
        }

        @Override
        public FieldType ftype() {
            return FieldType.BYTES;
        }
    }

    /** A function call: len, count, upper, lower, string, max, min, abs (and the later ones). */
    record CallVal(Span span, String function, List<Val> args, Kind kind, FieldType ftype) implements Val {
    }

    /** Arithmetic; {@code op == null} is unary minus (then {@code b} is null). */
    record ArithVal(Span span, ArithOp op, Val a, Val b, Kind kind, FieldType ftype) implements Val {
    }

    /** A value that never exists in tshark: a field reference {@code ${f}} (no packet is selected). */
    record NoVal(Span span, String text, Kind kind, FieldType ftype) implements Val {
    }

    /** {@code @field}: the bytes a field was read from. */
    record RawVal(Span span, FieldVal field) implements Val {
        @Override
        public Kind kind() {
            return Kind.BYTES;
        }

        @Override
        public FieldType ftype() {
            return FieldType.BYTES;
        }
    }

    // ---- tests -------------------------------------------------------------------------------

    sealed interface Test permits Logic, Not, Cmp, Contains, Matches, In, Truth, Fixed {
    }

    record Logic(LogicOp op, List<Test> operands) implements Test {
    }

    record Not(Test operand) implements Test {
    }

    /** Some pair (or, with {@code all}, every pair) of occurrences satisfies {@code prim}. */
    record Cmp(Prim prim, boolean all, Val a, Val b) implements Test {
    }

    record Contains(boolean all, Val a, Val b) implements Test {
    }

    record Matches(boolean all, Val a, Pattern pattern) implements Test {
    }

    record In(boolean all, Val a, List<Item> items) implements Test {
    }

    /** A set element: a value, or the closed range {@code low..high}. */
    record Item(Val low, Val high) {
    }

    /** The value exists (fields, slices, functions) or is non-zero (arithmetic and {@code &}). */
    record Truth(Val v) implements Test {
    }

    /** Decided when compiling: {@code value}, or, when {@code whenExists} is set, whether it exists. */
    record Fixed(boolean value, Val whenExists) implements Test {
    }

    // ---- explain -------------------------------------------------------------------------------

    static String explain(Test t) {
        StringBuilder sb = new StringBuilder();
        explain(t, 0, sb);
        return sb.toString();
    }

    private static void indent(int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth));
    }

    private static void explain(Test t, int depth, StringBuilder sb) {
        indent(depth, sb);
        switch (t) {
            case Logic l -> {
                sb.append(l.op()).append('\n');
                for (Test o : l.operands()) {
                    explain(o, depth + 1, sb);
                }
            }
            case Not n -> {
                sb.append("NOT\n");
                explain(n.operand(), depth + 1, sb);
            }
            case Cmp c -> {
                sb.append(c.all() ? "ALL_" : "ANY_").append(c.prim()).append('\n');
                explain(c.a(), depth + 1, sb);
                explain(c.b(), depth + 1, sb);
            }
            case Contains c -> {
                sb.append(c.all() ? "ALL_CONTAINS" : "ANY_CONTAINS").append('\n');
                explain(c.a(), depth + 1, sb);
                explain(c.b(), depth + 1, sb);
            }
            case Matches m -> {
                sb.append(m.all() ? "ALL_MATCHES" : "ANY_MATCHES").append('\n');
                explain(m.a(), depth + 1, sb);
                indent(depth + 1, sb);
                sb.append("PCRE(").append(m.pattern().pattern()).append(")\n");
            }
            case In in -> {
                sb.append(in.all() ? "ALL_IN" : "ANY_IN").append('\n');
                explain(in.a(), depth + 1, sb);
                for (Item it : in.items()) {
                    if (it.high() == null) {
                        explain(it.low(), depth + 1, sb);
                    } else {
                        indent(depth + 1, sb);
                        sb.append("RANGE\n");
                        explain(it.low(), depth + 2, sb);
                        explain(it.high(), depth + 2, sb);
                    }
                }
            }
            case Truth tr -> {
                sb.append(tr.v() instanceof FieldVal ? "EXISTS" : "TRUTH").append('\n');
                explain(tr.v(), depth + 1, sb);
            }
            case Fixed f -> {
                sb.append(f.whenExists() != null ? "EXISTS (always " + f.value() + " when present)" : f.value() ? "TRUE" : "FALSE")
                        .append('\n');
                if (f.whenExists() != null) {
                    explain(f.whenExists(), depth + 1, sb);
                }
            }
        }
    }

    private static void explain(Val v, int depth, StringBuilder sb) {
        indent(depth, sb);
        switch (v) {
            case FieldVal f -> {
                sb.append("FIELD(").append(f.name());
                if (f.layers() != null) {
                    sb.append('#').append(f.layers());
                }
                sb.append(" <").append(f.ftype().wiresharkName()).append(">");
                if (f.fields().size() > 1) {
                    sb.append(" x").append(f.fields().size());
                }
                if (f.toEnd()) {
                    sb.append(" to end of data");
                }
                sb.append(")\n");
            }
            case Const c -> sb.append("FVALUE(").append(c.text()).append(" <").append(c.ftype().wiresharkName())
                    .append(">)\n");
            case SliceVal s -> {
                sb.append("SLICE").append(s.ranges()).append('\n');
                explain(s.target(), depth + 1, sb);
            }
            case CallVal c -> {
                sb.append("FUNCTION(").append(c.function()).append(" <").append(c.ftype().wiresharkName()).append(">)\n");
                for (Val a : c.args()) {
                    explain(a, depth + 1, sb);
                }
            }
            case ArithVal a -> {
                sb.append(a.op() == null ? "UNARY_MINUS" : a.op().name()).append(" <").append(a.ftype().wiresharkName())
                        .append(">\n");
                explain(a.a(), depth + 1, sb);
                if (a.b() != null) {
                    explain(a.b(), depth + 1, sb);
                }
            }
            case NoVal n -> sb.append("REFERENCE(").append(n.text()).append(", no value in tshark)\n");
            case RawVal r -> {
                sb.append("RAW_BYTES\n");
                explain(r.field(), depth + 1, sb);
            }
        }
    }
}
