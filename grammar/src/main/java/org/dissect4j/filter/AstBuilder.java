package org.dissect4j.filter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.dissect4j.filter.Ast.ArithOp;
import org.dissect4j.filter.Ast.CmpOp;
import org.dissect4j.filter.Ast.Expr;
import org.dissect4j.filter.Ast.LogicOp;
import org.dissect4j.filter.Ast.Quantifier;
import org.dissect4j.filter.Ast.Range;
import org.dissect4j.filter.Ast.Span;
import org.dissect4j.filter.Ast.Value;
import org.dissect4j.filter.parser.DisplayFilterLexer;
import org.dissect4j.filter.parser.DisplayFilterParser.*;
import org.dissect4j.filter.parser.DisplayFilterParserBaseVisitor;

/**
 * Turns the ANTLR parse tree into the immutable {@link Ast} in one pass: decodes string and
 * character escapes, builds n-ary logical nodes (so {@code a or b or ...} does not nest), and
 * bounds the depth of what it builds so later recursive passes cannot overflow the stack.
 */
final class AstBuilder extends DisplayFilterParserBaseVisitor<Object> {
    /** Deepest AST the builder produces (arithmetic chains count one level per operator). */
    static final int MAX_AST_DEPTH = 200;

    private final String expression;
    private int depth;

    AstBuilder(String expression) {
        this.expression = expression;
    }

    /** The AST of a parsed filter, or {@code null} for the empty filter. */
    Expr build(FilterRootContext root) throws FilterException {
        try {
            return root.orExpr() == null ? null : expr(root.orExpr());
        } catch (Failure f) {
            throw f.exception;
        }
    }

    /** Carries a {@link FilterException} out of the visitor, whose methods cannot throw checked exceptions. */
    static final class Failure extends RuntimeException {
        final FilterException exception;

        Failure(FilterException exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }

    private Failure fail(Span at, String reason) {
        return new Failure(new FilterException(expression, at.start(), at.length(), reason));
    }

    private Expr expr(ParserRuleContext ctx) {
        return (Expr) nested(ctx);
    }

    private Value value(ParserRuleContext ctx) {
        return (Value) nested(ctx);
    }

    private Object nested(ParserRuleContext ctx) {
        if (++depth > MAX_AST_DEPTH) {
            throw fail(span(ctx), "The filter nests too deeply (more than " + MAX_AST_DEPTH + " levels).");
        }
        try {
            return ctx.accept(this);
        } finally {
            depth--;
        }
    }

    static Span span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() != null ? ctx.getStop() : ctx.getStart();
        int end = stop.getType() == Token.EOF ? stop.getStartIndex() : stop.getStopIndex() + 1;
        return new Span(ctx.getStart().getStartIndex(), Math.max(ctx.getStart().getStartIndex(), end));
    }

    static Span span(Token t) {
        return new Span(t.getStartIndex(), t.getStopIndex() + 1);
    }

    static Span span(TerminalNode t) {
        return span(t.getSymbol());
    }

    // ---- logic ---------------------------------------------------------------------------------

    @Override
    public Object visitLogicalOr(LogicalOrContext ctx) {
        return logical(ctx, LogicOp.OR, ctx.xorExpr());
    }

    @Override
    public Object visitLogicalXor(LogicalXorContext ctx) {
        return logical(ctx, LogicOp.XOR, ctx.andExpr());
    }

    @Override
    public Object visitLogicalAnd(LogicalAndContext ctx) {
        return logical(ctx, LogicOp.AND, ctx.unaryExpr());
    }

    private Expr logical(ParserRuleContext ctx, LogicOp op, List<? extends ParserRuleContext> operands) {
        if (operands.size() == 1) {
            return (Expr) operands.get(0).accept(this);
        }
        List<Expr> out = new ArrayList<>(operands.size());
        for (ParserRuleContext c : operands) {
            out.add(expr(c));
        }
        return new Ast.Logical(span(ctx), op, List.copyOf(out));
    }

    @Override
    public Object visitLogicalNot(LogicalNotContext ctx) {
        return new Ast.Not(span(ctx), expr(ctx.unaryExpr()));
    }

    @Override
    public Object visitUnaryPrimary(UnaryPrimaryContext ctx) {
        return ctx.primaryExpr().accept(this);
    }

    @Override
    public Object visitParenthesized(ParenthesizedContext ctx) {
        return expr(ctx.orExpr());
    }

    @Override
    public Object visitQuantified(QuantifiedContext ctx) {
        Quantifier q = ctx.quantifier.getType() == DisplayFilterLexer.ALL ? Quantifier.ALL : Quantifier.ANY;
        return relation(ctx.relation(), q);
    }

    @Override
    public Object visitPlainRelation(PlainRelationContext ctx) {
        return relation(ctx.relation(), Quantifier.DEFAULT);
    }

    private Expr relation(RelationContext rel, Quantifier q) {
        Span sp = span(rel);
        switch (rel) {
            case ComparisonContext c -> {
                List<Value> operands = new ArrayList<>();
                for (ValueContext v : c.value()) {
                    operands.add(value(v));
                }
                List<CmpOp> ops = new ArrayList<>();
                List<Span> opSpans = new ArrayList<>();
                for (CompareOpContext o : c.compareOp()) {
                    ops.add(switch (o) {
                        case OpEqContext x -> CmpOp.EQ;
                        case OpNeContext x -> CmpOp.NE;
                        case OpAllEqContext x -> CmpOp.ALL_EQ;
                        case OpAnyNeContext x -> CmpOp.ANY_NE;
                        case OpGtContext x -> CmpOp.GT;
                        case OpGeContext x -> CmpOp.GE;
                        case OpLtContext x -> CmpOp.LT;
                        case OpLeContext x -> CmpOp.LE;
                        default -> throw new IllegalStateException("unknown operator " + o.getText());
                    });
                    opSpans.add(span(o));
                }
                return new Ast.Compare(sp, q, List.copyOf(operands), List.copyOf(ops), List.copyOf(opSpans));
            }
            case ContainsRelationContext c -> {
                return new Ast.Contains(sp, q, value(c.value(0)), value(c.value(1)), span(c.CONTAINS()));
            }
            case MatchesRelationContext c -> {
                return new Ast.Matches(sp, q, value(c.value(0)), value(c.value(1)), span(c.MATCHES()));
            }
            case MembershipContext c -> {
                List<Ast.SetItem> items = new ArrayList<>();
                for (SetItemContext it : c.setItem()) {
                    items.add(switch (it) {
                        case SetValueContext v -> new Ast.SetItem(span(v), value(v.value()), null);
                        case SetRangeContext r -> new Ast.SetItem(span(r), value(r.low), value(r.high));
                        default -> throw new IllegalStateException("unknown set item");
                    });
                }
                return new Ast.Membership(sp, q, value(c.value()), c.NOT() != null, List.copyOf(items));
            }
            case TruthValueContext c -> {
                return new Ast.Truth(sp, q, value(c.value()));
            }
            default -> throw new IllegalStateException("unknown relation " + rel.getText());
        }
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    @Override
    public Object visitBitwiseAnd(BitwiseAndContext ctx) {
        return leftChain(ctx, ctx.sum());
    }

    @Override
    public Object visitAdditive(AdditiveContext ctx) {
        return leftChain(ctx, ctx.product());
    }

    @Override
    public Object visitMultiplicative(MultiplicativeContext ctx) {
        return leftChain(ctx, ctx.unit());
    }

    /** {@code a op b op c} as {@code (a op b) op c}; operators are the terminal children between the operands. */
    private Value leftChain(ParserRuleContext ctx, List<? extends ParserRuleContext> operands) {
        if (operands.size() == 1) {
            return (Value) operands.get(0).accept(this);
        }
        if (operands.size() > MAX_AST_DEPTH) {
            throw fail(span(ctx), "The filter nests too deeply (more than " + MAX_AST_DEPTH + " operators in a row).");
        }
        Value acc = value(operands.get(0));
        int k = 1;
        for (int i = 1; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof TerminalNode t) {
                ArithOp op = switch (t.getSymbol().getType()) {
                    case DisplayFilterLexer.BITAND -> ArithOp.BITAND;
                    case DisplayFilterLexer.PLUS -> ArithOp.ADD;
                    case DisplayFilterLexer.MINUS -> ArithOp.SUB;
                    case DisplayFilterLexer.STAR -> ArithOp.MUL;
                    case DisplayFilterLexer.SLASH -> ArithOp.DIV;
                    case DisplayFilterLexer.PERCENT -> ArithOp.MOD;
                    default -> throw new IllegalStateException("unknown operator " + t.getText());
                };
                Value right = value(operands.get(k++));
                acc = new Ast.Arith(acc.span().to(right.span()), op, acc, right, span(t));
            }
        }
        return acc;
    }

    @Override
    public Object visitNegate(NegateContext ctx) {
        return new Ast.Negate(span(ctx), value(ctx.unit()));
    }

    @Override
    public Object visitUnaryPlus(UnaryPlusContext ctx) {
        return value(ctx.unit());
    }

    @Override
    public Object visitUnitEntity(UnitEntityContext ctx) {
        return ctx.entity().accept(this);
    }

    @Override
    public Object visitSlicedTarget(SlicedTargetContext ctx) {
        Value v = value(ctx.target());
        if (ctx.slice().size() > MAX_AST_DEPTH / 2) {
            throw fail(span(ctx), "The filter nests too deeply (more than " + MAX_AST_DEPTH / 2 + " slices in a row).");
        }
        for (SliceContext s : ctx.slice()) {
            SliceRangesContext sr = (SliceRangesContext) s;
            v = new Ast.Slice(v.span().to(span(sr)), v, ranges(sr.ranges()));
        }
        return v;
    }

    // ---- targets -------------------------------------------------------------------------------

    @Override
    public Object visitBraceGroup(BraceGroupContext ctx) {
        return value(ctx.value());
    }

    @Override
    public Object visitFunctionCall(FunctionCallContext ctx) {
        List<Value> args = new ArrayList<>();
        for (ValueContext v : ctx.value()) {
            args.add(value(v));
        }
        return new Ast.Call(span(ctx), ctx.WORD().getText(), span(ctx.WORD()), List.copyOf(args));
    }

    @Override
    public Object visitNameTarget(NameTargetContext ctx) {
        return name(ctx.WORD(), ctx.layer(), span(ctx));
    }

    private Ast.Name name(TerminalNode word, LayerContext layer, Span sp) {
        String text = word.getText();
        boolean forced = text.startsWith(".");
        List<Range> layers = null;
        if (layer instanceof LayerNumberContext n) {
            int num = parseInt(n.L_INT().getSymbol(), n.L_INT().getText());
            layers = List.of(new Range(span(n), Range.Kind.OFFSET_LENGTH, num, 1));
        } else if (layer instanceof LayerRangesContext r) {
            layers = ranges(r.ranges());
        }
        return new Ast.Name(sp, forced ? text.substring(1) : text, forced, layers);
    }

    @Override
    public Object visitRawField(RawFieldContext ctx) {
        Span sp = span(ctx);
        return new Ast.RawField(sp, name(ctx.WORD(), ctx.layer(), span(ctx.WORD())));
    }

    @Override
    public Object visitDollarReference(DollarReferenceContext ctx) {
        return new Ast.Reference(span(ctx), ctx.WORD().getText());
    }

    @Override
    public Object visitBraceReference(BraceReferenceContext ctx) {
        String t = ctx.REFERENCE().getText();
        return new Ast.Reference(span(ctx), t.substring(2, t.length() - 1).trim());
    }

    @Override
    public Object visitStringLiteral(StringLiteralContext ctx) {
        Token t = ctx.STRING().getSymbol();
        String text = t.getText();
        return new Ast.StringLit(span(t), unescape(text.substring(1, text.length() - 1), t.getStartIndex() + 1),
                text.substring(1, text.length() - 1), false);
    }

    @Override
    public Object visitRawStringLiteral(RawStringLiteralContext ctx) {
        Token t = ctx.RAW_STRING().getSymbol();
        String body = t.getText().substring(2, t.getText().length() - 1);
        return new Ast.StringLit(span(t), body.getBytes(StandardCharsets.UTF_8), body, true);
    }

    @Override
    public Object visitCharLiteral(CharLiteralContext ctx) {
        Token t = ctx.CHAR().getSymbol();
        String text = t.getText();
        String body = text.substring(1, text.length() - 1);
        if (body.isEmpty()) {
            throw fail(span(t), "Empty character constant.");
        }
        byte[] b = unescape(body, t.getStartIndex() + 1);
        if (b.length != 1) {
            throw fail(span(t), text + " is not a valid character constant.");
        }
        return new Ast.CharLit(span(t), b[0] & 0xFF, text);
    }

    @Override
    public Object visitColonLiteral(ColonLiteralContext ctx) {
        return new Ast.ColonLit(span(ctx), ctx.getText());
    }

    @Override
    public Object visitCidrLiteral(CidrLiteralContext ctx) {
        return new Ast.Cidr4Lit(span(ctx), ctx.getText());
    }

    // ---- ranges --------------------------------------------------------------------------------

    private List<Range> ranges(RangesContext ctx) {
        List<Range> out = new ArrayList<>();
        for (RangeContext r : ((RangeListContext) ctx).range()) {
            Span sp = span(r);
            Range range = switch (r) {
                case RangeOffsetLengthContext c -> {
                    int len = signed(c.length);
                    if (len <= 0) {
                        throw fail(sp, "Range " + r.getText() + " isn't valid because length " + len + " isn't positive");
                    }
                    yield new Range(sp, Range.Kind.OFFSET_LENGTH, signed(c.start), len);
                }
                case RangeOffsetEndContext c -> {
                    int s = signed(c.start);
                    int e = signed(c.end);
                    if ((s >= 0) == (e >= 0) && e < s) {
                        throw fail(sp, "Range " + r.getText() + " isn't valid because its end is before its start");
                    }
                    yield new Range(sp, Range.Kind.OFFSET_END, s, e);
                }
                case RangeToEndContext c -> new Range(sp, Range.Kind.TO_END, signed(c.start), 0);
                case RangeFromStartContext c -> {
                    int len = signed(c.length);
                    if (len <= 0) {
                        throw fail(sp, "Range " + r.getText() + " isn't valid because length " + len + " isn't positive");
                    }
                    yield new Range(sp, Range.Kind.OFFSET_LENGTH, 0, len);
                }
                case RangeSingleContext c -> new Range(sp, Range.Kind.OFFSET_LENGTH, signed(c.start), 1);
                default -> throw new IllegalStateException("unknown range " + r.getText());
            };
            out.add(range);
        }
        return List.copyOf(out);
    }

    private int signed(SignedIntContext ctx) {
        RangeIntContext c = (RangeIntContext) ctx;
        int v = parseInt(c.R_INT().getSymbol(), c.R_INT().getText());
        return c.R_MINUS() != null ? -v : v;
    }

    private int parseInt(Token t, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw fail(span(t), "\"" + digits + "\" is too large for an offset.");
        }
    }

    // ---- escapes -------------------------------------------------------------------------------

    /**
     * Decodes the escapes of a string or character constant body (without quotes) into bytes:
     * the text itself is UTF-8; {@code \xNN} and {@code \NNN} give raw bytes, {@code \\u} a code point as UTF-8.
     */
    private byte[] unescape(String body, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\') {
                int cp = body.codePointAt(i);
                int cl = Character.charCount(cp);
                out.writeBytes(body.substring(i, i + cl).getBytes(StandardCharsets.UTF_8));
                i += cl;
                continue;
            }
            int start = i;
            if (i + 1 >= n) {
                throw fail(new Span(at + i, at + i + 1), "The final quote was missing from a quoted string.");
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\'', '"', '\\' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    int digits = 1;
                    while (digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                        v = v * 8 + (body.charAt(i++) - '0');
                        digits++;
                    }
                    if (v > 255) {
                        throw fail(new Span(at + start, at + i), body.substring(start, i) + " is larger than 255.");
                    }
                    out.write(v);
                }
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i < n && Character.digit(body.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(i++), 16);
                        digits++;
                    }
                    if (digits == 0) {
                        throw fail(new Span(at + start, at + i), "\\x must be followed by 1 or 2 hex digits.");
                    }
                    out.write(v);
                }
                case 'u', 'U' -> {
                    int want = e == 'u' ? 4 : 8;
                    long v = 0;
                    int digits = 0;
                    while (digits < want && i < n && Character.digit(body.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(i++), 16);
                        digits++;
                    }
                    String esc = body.substring(start, i);
                    if (digits != want) {
                        throw fail(new Span(at + start, at + i), esc + " must be followed by " + want + " hex digits.");
                    }
                    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)
                            || (v < 0xA0 && v != '$' && v != '@' && v != '`')) {
                        throw fail(new Span(at + start, at + i), esc + " is not a valid universal character.");
                    }
                    out.writeBytes(new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8));
                }
                default -> throw fail(new Span(at + start, at + Math.min(i, n)),
                        "\\" + e + " is not a valid character escape sequence");
            }
        }
        return out.toByteArray();
    }
}
