package org.dissect4j.filter;

import java.util.List;

/**
 * The immutable syntax tree of a display filter, built from the ANTLR parse tree in one visitor
 * ({@link AstBuilder}). Nothing here is resolved yet: a {@link Name} may turn out to be a field,
 * a protocol or a literal, depending on the field registry and on the other operand's type.
 * Every node carries the {@link Span} it was read from, for error carets.
 */
final class Ast {
    private Ast() {
    }

    /** Characters {@code [start, end)} of the expression. */
    record Span(int start, int end) {
        int length() {
            return Math.max(1, end - start);
        }

        Span to(Span other) {
            return new Span(Math.min(start, other.start), Math.max(end, other.end));
        }
    }

    /** Logical connectives. */
    enum LogicOp { AND, OR, XOR }

    /** How a relation treats several occurrences: the operator's own default, or forced by {@code any}/{@code all}. */
    enum Quantifier { DEFAULT, ANY, ALL }

    /** Comparison operators as written; {@link #primitive} is the pairwise test, {@link #all} the default quantifier. */
    enum CmpOp {
        EQ("==", Prim.EQ, false), NE("!=", Prim.NE, true), ALL_EQ("===", Prim.EQ, true), ANY_NE("!==", Prim.NE, false),
        GT(">", Prim.GT, false), GE(">=", Prim.GE, false), LT("<", Prim.LT, false), LE("<=", Prim.LE, false);

        final String symbol;
        final Prim primitive;
        final boolean all;

        CmpOp(String symbol, Prim primitive, boolean all) {
            this.symbol = symbol;
            this.primitive = primitive;
            this.all = all;
        }
    }

    /** The pairwise tests the evaluator knows. */
    enum Prim {
        EQ, NE, GT, GE, LT, LE;

        /** Whether a three-way comparison result {@code c} satisfies this test. */
        boolean test(int c) {
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
            };
        }
    }

    enum ArithOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), BITAND("&");

        final String symbol;

        ArithOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** A slice or layer range as written: {@code [i:n]}, {@code [i-j]}, {@code [i:]}, {@code [:n]}, {@code [i]}. */
    record Range(Span span, Kind kind, int start, int second) {
        enum Kind { OFFSET_LENGTH, OFFSET_END, TO_END }

        @Override
        public String toString() {
            return switch (kind) {
                case OFFSET_LENGTH -> start + ":" + second;
                case OFFSET_END -> start + "-" + second;
                case TO_END -> start + ":";
            };
        }
    }

    // ---- logical expressions ---------------------------------------------------------------------

    sealed interface Expr permits Logical, Not, Compare, Contains, Matches, Membership, Truth {
        Span span();
    }

    /** {@code a and b and c} as one node, so long chains do not nest. */
    record Logical(Span span, LogicOp op, List<Expr> operands) implements Expr {
    }

    record Not(Span span, Expr operand) implements Expr {
    }

    /** {@code a op1 b op2 c}: one operator in 4.0, chained comparisons in 4.2+. */
    record Compare(Span span, Quantifier quantifier, List<Value> operands, List<CmpOp> ops, List<Span> opSpans)
            implements Expr {
    }

    record Contains(Span span, Quantifier quantifier, Value left, Value right, Span opSpan) implements Expr {
    }

    record Matches(Span span, Quantifier quantifier, Value left, Value right, Span opSpan) implements Expr {
    }

    record Membership(Span span, Quantifier quantifier, Value left, boolean negated, List<SetItem> items)
            implements Expr {
    }

    /** A value alone: a field's existence, a slice's existence, a non-zero {@code &}. */
    record Truth(Span span, Quantifier quantifier, Value value) implements Expr {
    }

    /** An element of a set: a value, or a closed range {@code low..high} when {@code high} is set. */
    record SetItem(Span span, Value low, Value high) {
    }

    // ---- values ----------------------------------------------------------------------------------

    sealed interface Value permits Name, StringLit, CharLit, ColonLit, Cidr4Lit, Slice, Call, Arith, Negate, Reference,
            RawField {
        Span span();
    }

    /** A word: a field or protocol name, or an unquoted literal. {@code forced} when written with a leading dot. */
    record Name(Span span, String text, boolean forced, List<Range> layers) implements Value {
    }

    /** A quoted (or raw) string: its decoded bytes, and the source text without quotes. */
    record StringLit(Span span, byte[] bytes, String text, boolean raw) implements Value {
    }

    /** A character constant: its byte value. */
    record CharLit(Span span, int value, String text) implements Value {
    }

    /** Byte strings, MAC and IPv6 addresses written with colons (optionally with a /prefix). */
    record ColonLit(Span span, String text) implements Value {
    }

    /** An IPv4 CIDR block {@code a.b.c.d/n}. */
    record Cidr4Lit(Span span, String text) implements Value {
    }

    record Slice(Span span, Value target, List<Range> ranges) implements Value {
    }

    record Call(Span span, String name, Span nameSpan, List<Value> args) implements Value {
    }

    record Arith(Span span, ArithOp op, Value left, Value right, Span opSpan) implements Value {
    }

    record Negate(Span span, Value operand) implements Value {
    }

    /** {@code ${field}} or {@code $field}: the selected packet's values ({@link References}); none without one. */
    record Reference(Span span, String name) implements Value {
    }

    /** {@code @field}: the raw bytes of a field [4.2+]. */
    record RawField(Span span, Name field) implements Value {
    }
}
