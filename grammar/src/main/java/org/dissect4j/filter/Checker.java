package org.dissect4j.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.filter.Ast.ArithOp;
import org.dissect4j.filter.Ast.CmpOp;
import org.dissect4j.filter.Ast.Quantifier;
import org.dissect4j.filter.Ast.Span;
import org.dissect4j.filter.Literals.Target;
import org.dissect4j.filter.Typed.ArithVal;
import org.dissect4j.filter.Typed.CallVal;
import org.dissect4j.filter.Typed.Const;
import org.dissect4j.filter.Typed.FieldVal;
import org.dissect4j.filter.Typed.Val;

/**
 * The semantic check: resolves names against the {@link Engine}'s field registry (Wireshark's rule:
 * a word is a field when such a field exists, else a literal), gives every literal the type of what
 * it is compared with, and rejects what 4.0.17 rejects, with tshark's wording plus suggestions.
 */
final class Checker {
    /** Functions this implementation knows, with the release that introduced them. */
    static final List<String> FUNCTIONS = List.of("len", "count", "upper", "lower", "string", "max", "min", "abs",
            "vals", "dec", "hex", "float", "double");

    private final String expression;
    private final Engine engine;
    private final Literals literals;
    private Set<String> knownNames;

    Checker(String expression, Engine engine) {
        this.expression = expression;
        this.engine = engine;
        this.literals = new Literals(expression);
    }

    private FilterException error(Span at, String reason) {
        return new FilterException(expression, at.start(), at.length(), reason);
    }

    // ---- logic -----------------------------------------------------------------------------------

    Typed.Test check(Ast.Expr e) throws FilterException {
        return switch (e) {
            case Ast.Logical l -> {
                List<Typed.Test> out = new ArrayList<>(l.operands().size());
                for (Ast.Expr o : l.operands()) {
                    out.add(check(o));
                }
                yield new Typed.Logic(l.op(), List.copyOf(out));
            }
            case Ast.Not n -> new Typed.Not(check(n.operand()));
            case Ast.Compare c -> {
                List<Typed.Test> parts = new ArrayList<>();
                for (int i = 0; i < c.ops().size(); i++) {
                    parts.add(comparison(c.quantifier(), c.ops().get(i), c.opSpans().get(i), c.operands().get(i),
                            c.operands().get(i + 1)));
                }
                yield parts.size() == 1 ? parts.get(0) : new Typed.Logic(Ast.LogicOp.AND, List.copyOf(parts));
            }
            case Ast.Contains c -> contains(c);
            case Ast.Matches m -> matches(m);
            case Ast.Membership m -> membership(m);
            case Ast.Truth t -> truth(t);
        };
    }

    private Typed.Test comparison(Quantifier q, CmpOp op, Span opSpan, Ast.Value a, Ast.Value b) throws FilterException {
        Val[] pair = typePair(a, b, "\"" + op.symbol + "\"", op.symbol);
        boolean all = q == Quantifier.ALL || q == Quantifier.DEFAULT && op.all;
        return new Typed.Cmp(op.primitive, all, pair[0], pair[1]);
    }

    private void requireComparable(Val v, String op) throws FilterException {
        if (v.kind() == Kind.NONE) {
            throw error(v.span(), describe(v) + " (type=" + Kind.describe(v.ftype()) + ") cannot participate in " + op
                    + " comparison. A label can only be tested for presence: use \"" + describe(v) + "\" alone.");
        }
    }

    /** Types both sides of a binary relation; a literal takes the other side's type. */
    private Val[] typePair(Ast.Value a, Ast.Value b, String opText, String opName) throws FilterException {
        requireNotConstantArithmetic(a);
        Val ta = standalone(a);
        // max()/min() of constants on the right take the left side's type (tcp.srcport == max(80, 1)), as in tshark
        Val tb = isMaxMinOfConstants(b) ? null : standalone(b);
        if (ta != null) {
            requireComparable(ta, opName);
        }
        if (tb != null) {
            requireComparable(tb, opName);
        }
        if (ta == null && tb == null) {
            throw leftNotField(a, opText + " expression");
        }
        if (ta == null) {
            // tshark 4.0 takes no constant on the left (4.2 would convert it to the right side's type)
            throw leftNotField(a, opText + " expression");
        } else if (tb == null) {
            tb = literal(b, target(ta));
        } else {
            requireCompatible(ta, tb);
        }
        return new Val[] {ta, tb};
    }

    /** tshark 4.0's error for {@code 1 + 2 == x}, {@code -3 == x}, {@code abs(-3) == x}: at the first literal. */
    private void requireNotConstantArithmetic(Ast.Value a) throws FilterException {
        if (!isPlainLiteral(a) && isConstant(a)) {
            throw error(firstLiteral(a).span(), "Constant arithmetic expression on the LHS is invalid.");
        }
    }

    /** A value made of literals only: a literal, its negation, arithmetic of such, {@code abs()} of one. */
    private boolean isConstant(Ast.Value v) throws FilterException {
        return switch (v) {
            case Ast.Negate n -> isConstant(n.operand());
            case Ast.Arith a -> isConstant(a.left()) && isConstant(a.right());
            case Ast.Call c -> isAbsOfConstant(c);
            case Ast.Name n -> field(n) == null && n.layers() == null;
            default -> isPlainLiteral(v);
        };
    }

    private boolean isAbsOfConstant(Ast.Call c) throws FilterException {
        return c.name().equals("abs") && c.args().size() == 1 && isConstant(c.args().get(0));
    }

    /**
     * {@code max()} or {@code min()} of constants only: tshark 4.0.17 computes it on the right of a relation, in the
     * left side's type, but on the left it is an error ("Argument '1' is not valid for max()", from {@link #maxMin}).
     */
    private boolean isMaxMinOfConstants(Ast.Value v) throws FilterException {
        if (!(v instanceof Ast.Call c) || !c.name().equals("max") && !c.name().equals("min") || c.args().isEmpty()) {
            return false;
        }
        for (Ast.Value a : c.args()) {
            if (!isConstant(a)) {
                return false;
            }
        }
        return true;
    }

    private static Ast.Value firstLiteral(Ast.Value v) {
        return switch (v) {
            case Ast.Negate n -> firstLiteral(n.operand());
            case Ast.Arith a -> firstLiteral(a.left());
            case Ast.Call c when !c.args().isEmpty() -> firstLiteral(c.args().get(0));
            default -> v;
        };
    }

    private FilterException leftNotField(Ast.Value a, String what) {
        String text = a instanceof Ast.Name n ? n.text() : AstText.of(expression, a.span());
        String hint = a instanceof Ast.Name n ? Suggest.hint(n.text(), names()) : "";
        return error(a.span(), "Left side of " + what + " must be a field or function, not " + text + "." + hint);
    }

    private void requireCompatible(Val a, Val b) throws FilterException {
        if (!compatible(a.kind(), b.kind())) {
            throw error(a.span().to(b.span()), describe(a) + " and " + describe(b) + " are not of compatible types ("
                    + Kind.describe(a.ftype()) + " and " + Kind.describe(b.ftype()) + ").");
        }
    }

    private static boolean compatible(Kind a, Kind b) {
        if (a == b) {
            return true;
        }
        if ((a == Kind.INT || a == Kind.BOOL) && (b == Kind.INT || b == Kind.BOOL)) {
            return true;
        }
        return bytesFamily(a) && bytesFamily(b);
    }

    private static boolean bytesFamily(Kind k) {
        return k == Kind.BYTES || k == Kind.PROTOCOL || k == Kind.ETHER;
    }

    // ---- contains, matches, in, truth ------------------------------------------------------------

    private Typed.Test contains(Ast.Contains c) throws FilterException {
        Val ta = searched(c.left(), "contains", "search");
        Kind k = ta.kind();
        Val tb = standalone(c.right());
        if (tb == null) {
            tb = literal(c.right(), k == Kind.STRING ? target(ta) : new Target(Kind.BYTES, FieldType.BYTES, null, describe(ta)));
        } else if (!(k == Kind.STRING ? tb.kind() == Kind.STRING : bytesFamily(tb.kind()))) {
            throw error(tb.span(), describe(ta) + " cannot contain " + describe(tb) + " (" + Kind.describe(tb.ftype()) + ").");
        }
        return new Typed.Contains(c.quantifier() == Quantifier.ALL, toEnd(ta), tb);
    }

    /** The left side of {@code op} (contains, matches): a field whose value is bytes or a string. */
    private Val searched(Ast.Value left, String op, String verb) throws FilterException {
        Val ta = standalone(left);
        if (ta == null) {
            throw leftNotField(left, op + " expression");
        }
        Kind k = ta.kind();
        if (k != Kind.STRING && !bytesFamily(k)) {
            throw error(ta.span(), describe(ta) + " (type=" + Kind.describe(ta.ftype()) + ") cannot participate in " + op
                    + " comparison." + (k == Kind.INT || k == Kind.IPV4 || k == Kind.IPV6
                    ? " Use string(" + describe(ta) + ") " + op + " \"...\" to " + verb + " its text." : ""));
        }
        return ta;
    }

    /** 4.0: contains and matches on a protocol search to the end of its data source. */
    private static Val toEnd(Val v) {
        return v instanceof FieldVal f && f.kind() == Kind.PROTOCOL ? f.withToEnd() : v;
    }

    private Typed.Test matches(Ast.Matches m) throws FilterException {
        Val ta = searched(m.left(), "matches", "match");
        if (!(m.right() instanceof Ast.StringLit s)) {
            throw error(m.right().span(), "Matches requires a double quoted string on the right side.");
        }
        // Match bytes, not characters: every byte of the subject and of the pattern is one char (ISO-8859-1).
        String pattern = new String(s.bytes(), StandardCharsets.ISO_8859_1);
        Pattern p;
        try {
            p = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw error(m.right().span(), "Regex compilation error: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at offset " + e.getIndex() : "") + ".");
        }
        return new Typed.Matches(m.quantifier() == Quantifier.ALL, toEnd(ta), p);
    }

    private Typed.Test membership(Ast.Membership m) throws FilterException {
        Val tx = isConstant(m.left()) ? null : standalone(m.left());
        if (tx == null) {
            throw error(firstLiteral(m.left()).span(), "Only a field may be tested for membership in a set.");
        }
        requireComparable(tx, "\"in\"");
        List<Typed.Item> items = new ArrayList<>();
        for (Ast.SetItem it : m.items()) {
            Val low = member(it.low(), tx);
            Val high = it.high() == null ? null : member(it.high(), tx);
            items.add(new Typed.Item(low, high));
        }
        Typed.Test in = new Typed.In(m.quantifier() == Quantifier.ALL, tx, List.copyOf(items));
        return m.negated() ? new Typed.Not(in) : in;
    }

    private Val member(Ast.Value v, Val x) throws FilterException {
        Val t = isMaxMinOfConstants(v) ? null : standalone(v);
        if (t == null) {
            return literal(v, target(x));
        }
        requireComparable(t, "\"in\"");
        requireCompatible(x, t);
        return t;
    }

    private Typed.Test truth(Ast.Truth t) throws FilterException {
        if (t.quantifier() != Quantifier.DEFAULT) {
            throw error(t.span(), "\"" + (t.quantifier() == Quantifier.ALL ? "all" : "any")
                    + "\" needs a relation such as \"all tcp.port > 1024\", not a value alone.");
        }
        if (t.value() instanceof Ast.Name n) {
            FieldVal f = field(n);
            if (f == null) {
                throw error(n.span(), n.text() + " is neither a field nor a protocol name." + Suggest.hint(n.text(), names()));
            }
            return new Typed.Truth(f);
        }
        Val v = standalone(t.value());
        if (v == null) {
            throw error(t.span(), AstText.of(expression, t.span()) + " is a literal; a test needs a field, a protocol, a "
                    + "slice, a function or an arithmetic expression.");
        }
        if (v instanceof Typed.NoVal) {
            return new Typed.Fixed(false, null);
        }
        return new Typed.Truth(v);
    }

    // ---- values ----------------------------------------------------------------------------------

    /** The type of a value that does not depend on context; {@code null} for literals, which need one. */
    private Val standalone(Ast.Value v) throws FilterException {
        return switch (v) {
            case Ast.Name n -> {
                FieldVal f = field(n);
                if (f == null && n.layers() != null) {
                    throw error(n.span(), n.text() + " is neither a field nor a protocol name, so it has no layers."
                            + Suggest.hint(n.text(), names()));
                }
                yield f;
            }
            case Ast.StringLit s -> null;
            case Ast.CharLit c -> null;
            case Ast.ColonLit c -> null;
            case Ast.Cidr4Lit c -> null;
            case Ast.Slice s -> slice(s);
            case Ast.Call c -> isAbsOfConstant(c) ? null : call(c);
            case Ast.Arith a -> arith(a);
            case Ast.Negate n -> {
                Val x = standalone(n.operand());
                if (x == null) {
                    yield null;
                }
                if (x.kind() != Kind.INT && x.kind() != Kind.FLOAT && x.kind() != Kind.RELTIME) {
                    throw error(n.span(), x.ftype().wiresharkName() + " cannot be negated (" + describe(x) + ").");
                }
                yield new ArithVal(n.span(), null, x, null, x.kind(), x.ftype());
            }
            case Ast.Reference r -> {
                // ${ip.src#2}: a field of a layer; a reference still here has no value (no selected packet, or none there)
                int hash = r.name().indexOf('#');
                String name = hash > 0 && isLayerNumber(r.name().substring(hash + 1)) ? r.name().substring(0, hash) : r.name();
                List<Field> fs = resolve(name);
                if (fs == null && hash >= 0) {
                    throw error(r.span(), "invalid character in macro name");
                }
                if (fs == null) {
                    throw error(r.span(), "macro '" + r.name() + "' does not exist" + Suggest.hint(r.name(), names()));
                }
                yield new Typed.NoVal(r.span(), r.name(), Kind.of(fs.get(0).type()), fs.get(0).type());
            }
            case Ast.RawField r -> {
                FieldVal f = field(r.field());
                if (f == null) {
                    throw error(r.field().span(), r.field().text() + " is neither a field nor a protocol name."
                            + Suggest.hint(r.field().text(), names()));
                }
                yield new Typed.RawVal(r.span(), f);
            }
        };
    }

    /** A literal (or constant expression) converted to {@code t}. */
    private Val literal(Ast.Value v, Target t) throws FilterException {
        return switch (v) {
            case Ast.Negate n when n.operand() instanceof Ast.Negate inner -> {
                Val x = literal(inner.operand(), t);
                yield x;
            }
            case Ast.Negate n -> {
                if (!isPlainLiteral(n.operand())) {
                    Val x = literal(n.operand(), t);
                    yield fold(n.span(), null, (Const) x, null, t);
                }
                Const c = literals.convert(n.operand(), t, true);
                yield new Const(n.span(), c.kind(), c.ftype(), c.l(), c.mask(), c.d(), c.bytes(), c.prefix(), c.text(),
                        c.negative());
            }
            case Ast.Arith a -> {
                Val l = literal(a.left(), t);
                Val r = literal(a.right(), t);
                yield fold(a.span(), a.op(), (Const) l, (Const) r, t);
            }
            case Ast.Call c when isAbsOfConstant(c) -> {
                // abs() of a constant on the right is computed here (ip.ttl == abs(-64)), as tshark 4.0 does
                Const x = (Const) literal(c.args().get(0), t);
                boolean negative = x.kind() == Kind.FLOAT ? x.d() < 0 : x.l() < 0;
                yield negative ? fold(c.span(), null, x, null, t) : x;
            }
            case Ast.Call c when isMaxMinOfConstants(c) -> {
                Const best = null;
                for (Ast.Value a : c.args()) {
                    Const x = (Const) literal(a, t);
                    if (x.kind() != Kind.INT && x.kind() != Kind.FLOAT && x.kind() != Kind.RELTIME) {
                        throw error(a.span(), "Argument '" + AstText.of(expression, a.span()) + "' is not valid for "
                                + c.name() + "()");
                    }
                    int order = best == null ? 0 : x.kind() == Kind.FLOAT ? Double.compare(x.d(), best.d()) : Long.compare(x.l(), best.l());
                    if (best == null || (c.name().equals("max") ? order > 0 : order < 0)) {
                        best = x;
                    }
                }
                yield best;
            }
            case Ast.Name n -> literals.convert(v, t, false);
            case Ast.StringLit s -> literals.convert(v, t, false);
            case Ast.CharLit c -> literals.convert(v, t, false);
            case Ast.ColonLit c -> literals.convert(v, t, false);
            case Ast.Cidr4Lit c -> literals.convert(v, t, false);
            default -> throw error(v.span(), AstText.of(expression, v.span()) + " is not a value.");
        };
    }

    private static boolean isPlainLiteral(Ast.Value v) {
        return v instanceof Ast.Name || v instanceof Ast.StringLit || v instanceof Ast.CharLit || v instanceof Ast.ColonLit
                || v instanceof Ast.Cidr4Lit;
    }

    /** Constant arithmetic ({@code 1 + 2 == frame.number} [4.2+]), computed once here. */
    private Const fold(Span span, ArithOp op, Const a, Const b, Target t) throws FilterException {
        String text = AstText.of(expression, span);
        if (a.kind() == Kind.INT || a.kind() == Kind.RELTIME) {
            long x = a.l();
            long r;
            if (op == null) {
                r = -x;
            } else {
                long y = b.l();
                if ((op == ArithOp.DIV || op == ArithOp.MOD) && y == 0) {
                    throw error(span, "Division by zero in " + text + ".");
                }
                r = switch (op) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                    case MOD -> x % y;
                    case BITAND -> x & y;
                };
            }
            return new Const(span, a.kind(), a.ftype(), r, -1L, 0, null, -1, text, r < 0);
        }
        if (a.kind() == Kind.FLOAT) {
            double x = a.d();
            double r;
            if (op == null) {
                r = -x;
            } else {
                double y = b.d();
                r = switch (op) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                    case MOD -> x % y;
                    case BITAND -> throw error(span, "FT_DOUBLE cannot &.");
                };
            }
            return Const.ofDouble(span, a.ftype(), r, text);
        }
        throw error(span, a.ftype().wiresharkName() + " cannot " + (op == null ? "-" : op.symbol) + ".");
    }

    private Target target(Val v) {
        Field f = v instanceof FieldVal fv ? fv.first() : null;
        Kind k = v.kind() == Kind.PROTOCOL ? Kind.BYTES : v.kind();
        return new Target(k, v.kind() == Kind.PROTOCOL ? FieldType.BYTES : v.ftype(), f, describe(v));
    }

    private Val slice(Ast.Slice s) throws FilterException {
        Val t = standalone(s.target());
        if (t == null) {
            throw error(s.target().span(), "\"" + AstText.of(expression, s.target().span())
                    + "\" is neither a field nor a protocol name and cannot be sliced." + (s.target() instanceof Ast.Name n
                    ? Suggest.hint(n.text(), names()) : ""));
        }
        switch (t.kind()) {
            case BYTES, STRING, PROTOCOL, ETHER, IPV4, IPV6 -> {
            }
            default -> throw error(s.target().span(), "\"" + describe(t) + "\" is a " + Kind.describe(t.ftype())
                    + " and cannot be sliced into a sequence of bytes.");
        }
        return new Typed.SliceVal(s.span(), t, s.ranges());
    }

    private Val arith(Ast.Arith a) throws FilterException {
        Val l = standalone(a.left());
        Val r = standalone(a.right());
        if (l == null && r == null) {
            return null;
        }
        Val typed = l != null ? l : r;
        checkArith(a, typed);
        if (l == null) {
            l = literal(a.left(), arithTarget(a.op(), typed));
        } else if (r == null) {
            r = literal(a.right(), arithTarget(a.op(), typed));
        } else {
            checkArith(a, r);
            boolean ok = l.kind() == r.kind() || compatible(l.kind(), r.kind())
                    || a.op() == ArithOp.BITAND && bytesLike(l.kind()) && bytesLike(r.kind());
            if (!ok) {
                throw error(a.span(), describe(l) + " and " + describe(r) + " are not of compatible types for "
                        + a.op().symbol + ".");
            }
        }
        Kind k = typed.kind();
        if (a.op() == ArithOp.BITAND && bytesLike(k)) {
            return new ArithVal(a.span(), a.op(), l, r, Kind.BYTES, FieldType.BYTES);
        }
        return new ArithVal(a.span(), a.op(), l, r, k == Kind.BOOL ? Kind.INT : k, typed.ftype());
    }

    private static boolean bytesLike(Kind k) {
        return k == Kind.BYTES || k == Kind.PROTOCOL || k == Kind.ETHER || k == Kind.IPV6;
    }

    private Target arithTarget(ArithOp op, Val typed) {
        if (op == ArithOp.BITAND && bytesLike(typed.kind())) {
            return new Target(Kind.BYTES, FieldType.BYTES, null, describe(typed));
        }
        return target(typed);
    }

    private void checkArith(Ast.Arith a, Val v) throws FilterException {
        Kind k = v.kind();
        boolean ok = switch (a.op()) {
            case BITAND -> k == Kind.INT || k == Kind.IPV4 || bytesLike(k);
            case ADD, SUB, MUL, DIV, MOD -> k == Kind.INT || k == Kind.FLOAT;
        };
        if (!ok) {
            throw error(a.span(), v.ftype().wiresharkName() + " cannot " + a.op().symbol + "." + (k == Kind.STRING
                    ? " Strings take no arithmetic; compare them or use len()." : ""));
        }
    }

    // ---- functions -------------------------------------------------------------------------------

    private Val call(Ast.Call c) throws FilterException {
        String fn = c.name();
        List<Ast.Value> args = c.args();
        switch (fn) {
            case "len", "count", "upper", "lower", "string", "abs", "vals", "dec", "hex", "float", "double" -> arity(c, 1, 1);
            case "max", "min" -> arity(c, 1, Integer.MAX_VALUE);
            default -> throw error(c.nameSpan(), "Function '" + fn + "' does not exist." + Suggest.hint(fn, FUNCTIONS));
        }
        if (fn.equals("max") || fn.equals("min")) {
            return maxMin(c);
        }
        Ast.Value arg = args.get(0);
        Val v = standalone(arg);
        if (v == null) {
            if (arg instanceof Ast.Name n) {
                throw error(n.span(), n.text() + " is neither a field nor a protocol name." + Suggest.hint(n.text(), names()));
            }
            throw error(arg.span(), switch (fn) {
                case "len" -> "Only fields can be used as parameter for len()";
                case "lower", "upper" -> "Only string type fields can be used as parameter for " + fn + "()";
                default -> "The argument of " + fn + "() must be a field, not a literal.";
            });
        }
        Kind k = v.kind();
        switch (fn) {
            case "len" -> {
                if (!(v instanceof FieldVal) && !k.isBytes() && k != Kind.IPV4) {
                    throw error(arg.span(), "len() takes a field, a protocol or a byte sequence, not " + describe(v) + ".");
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.INT, FieldType.UINT32);
            }
            case "count" -> {
                if (!(v instanceof FieldVal)) {
                    throw error(arg.span(), "Only fields can be used as parameter for count().");
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.INT, FieldType.UINT32);
            }
            case "upper", "lower" -> {
                if (k != Kind.STRING) {
                    throw error(arg.span(), "Only string type fields can be used as parameter for " + fn + "()."
                            + (k == Kind.INT ? " Use " + fn + "(string(" + describe(v) + "))." : ""));
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.STRING, FieldType.STRING);
            }
            case "string" -> {
                if (k != Kind.INT && k != Kind.IPV4 && k != Kind.IPV6 && k != Kind.ETHER) {
                    throw error(arg.span(), "string() cannot convert " + describe(v) + " (" + Kind.describe(v.ftype())
                            + "); it takes integer, frame number and address fields.");
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.STRING, FieldType.STRING);
            }
            case "abs" -> {
                if (k != Kind.INT && k != Kind.FLOAT && k != Kind.RELTIME) {
                    throw error(arg.span(), "abs() takes an integer, floating point or time offset, not "
                            + Kind.describe(v.ftype()) + ".");
                }
                return new CallVal(c.span(), fn, List.of(v), k, v.ftype());
            }
            case "vals" -> {
                if (k != Kind.INT && k != Kind.BOOL || !(v instanceof FieldVal)) {
                    throw error(arg.span(), "vals() takes an integer or boolean field.");
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.STRING, FieldType.STRING);
            }
            case "dec", "hex" -> {
                if (k != Kind.INT) {
                    throw error(arg.span(), fn + "() takes an integer.");
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.STRING, FieldType.STRING);
            }
            case "float", "double" -> {
                if (k != Kind.INT && k != Kind.FLOAT) {
                    throw error(arg.span(), fn + "() takes an integer or floating point value.");
                }
                return new CallVal(c.span(), fn, List.of(v), Kind.FLOAT, fn.equals("float") ? FieldType.FLOAT : FieldType.DOUBLE);
            }
            default -> throw new IllegalStateException(fn);
        }
    }

    private void arity(Ast.Call c, int min, int max) throws FilterException {
        int n = c.args().size();
        if (n < min) {
            throw error(c.span(), "Function " + c.name() + " needs at least " + min + " arguments.");
        }
        if (n > max) {
            throw error(c.span(), "Function " + c.name() + " can only accept " + max + " arguments.");
        }
    }

    private Val maxMin(Ast.Call c) throws FilterException {
        List<Val> typed = new ArrayList<>();
        Val ref = null;
        for (Ast.Value a : c.args()) {
            Val v = standalone(a);
            typed.add(v);
            if (v != null) {
                Kind k = v.kind();
                if (!k.isLong() && !k.isDouble() || k == Kind.BOOL) {
                    throw error(a.span(), "Argument '" + describe(v) + "' (" + Kind.describe(v.ftype())
                            + ") is not valid for " + c.name() + "()");
                }
                if (ref == null) {
                    ref = v;
                } else if (v.ftype() != ref.ftype()) {
                    throw error(a.span(), "Arguments to '" + c.name() + "' must have the same type (expected "
                            + ref.ftype().wiresharkName() + ", got " + v.ftype().wiresharkName() + ")");
                }
            }
        }
        if (ref == null) {
            Ast.Value first = c.args().get(0);
            throw error(first.span(), "Argument '" + AstText.of(expression, first.span()) + "' is not valid for " + c.name() + "()");
        }
        for (int i = 0; i < typed.size(); i++) {
            if (typed.get(i) == null) {
                typed.set(i, literal(c.args().get(i), target(ref)));
            }
        }
        return new CallVal(c.span(), c.name(), List.copyOf(typed), ref.kind(), ref.ftype());
    }

    // ---- names -----------------------------------------------------------------------------------

    /** The field a name denotes, or {@code null}; a name written with a leading dot must be a field. */
    private FieldVal field(Ast.Name n) throws FilterException {
        List<Field> fs = resolve(n.text());
        if (fs == null) {
            if (n.forced()) {
                throw error(n.span(), "." + n.text() + " is not a valid field name." + Suggest.hint(n.text(), names()));
            }
            return null;
        }
        Field first = fs.get(0);
        Kind kind = Kind.of(first.type());
        List<Field> same = new ArrayList<>();
        for (Field f : fs) {
            if (Kind.of(f.type()) == kind) {
                same.add(f);
            }
        }
        List<Field> protocols = null;
        if (n.layers() != null) {
            Set<Field> ps = new LinkedHashSet<>();
            for (Field f : same) {
                Protocol p = engine.protocolOf(f);
                if (p == null) {
                    throw error(n.span(), n.text() + " belongs to no protocol, so it has no layers.");
                }
                ps.add(p.field());
            }
            protocols = List.copyOf(ps);
        }
        return new FieldVal(n.span(), n.text(), List.copyOf(same), kind, first.type(), n.layers(), protocols, false);
    }

    /** All registrations of a name, following the deprecated aliases 4.0 still accepts; {@code null} if none. */
    private static boolean isLayerNumber(String s) {
        return !s.isEmpty() && s.length() <= 4 && s.chars().allMatch(Character::isDigit);
    }

    private List<Field> resolve(String name) {
        List<Field> l = engine.fields(name);
        if (!l.isEmpty()) {
            return l;
        }
        String alias = null;
        if (name.equals("ssl") || name.startsWith("ssl.")) {
            alias = "tls" + name.substring(3);
        } else if (name.equals("bootp") || name.startsWith("bootp.")) {
            alias = "dhcp" + name.substring(5);
        }
        if (alias != null) {
            l = engine.fields(alias);
            if (!l.isEmpty()) {
                return l;
            }
        }
        return null;
    }

    private Set<String> names() {
        if (knownNames == null) {
            knownNames = new LinkedHashSet<>();
            for (Field f : engine.fields()) {
                knownNames.add(f.abbrev());
            }
        }
        return knownNames;
    }

    /** How a value is named in messages: the field, the function call, or the source text. */
    private String describe(Val v) {
        return switch (v) {
            case FieldVal f -> f.name();
            case Const c -> c.text();
            default -> AstText.of(expression, v.span());
        };
    }

    /** The source text of a span. */
    static final class AstText {
        private AstText() {
        }

        static String of(String expression, Span s) {
            int a = Math.max(0, Math.min(expression.length(), s.start()));
            int b = Math.max(a, Math.min(expression.length(), s.end()));
            return expression.substring(a, b);
        }
    }
}
