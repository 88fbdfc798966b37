package org.dissect4j.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;

/**
 * {@code ${field}} references filled with the selected packet's values ({@code tshark -2 --selected-frame N}).
 * Wireshark loads every occurrence of the field in that packet into the comparison, whose two sides are then
 * compared occurrence against occurrence; here a relation with a filled reference becomes one relation per value,
 * joined as that comparison joins the pairs: "some pair" ({@code or}) for {@code ==}, {@code <}, {@code !==},
 * {@code contains}, {@code matches}, ..., "no pair equal" / "every pair equal" ({@code and}) for {@code !=} and
 * {@code ===}. A reference without values stays as it is (it has no value, as without a selected packet).
 */
final class References {
    private final Function<String, List<String>> values;
    private final Function<String, List<Field>> fields;

    References(Function<String, List<String>> values, Function<String, List<Field>> fields) {
        this.values = values;
        this.fields = fields;
    }

    /** The names of the references in {@code e}, as written inside {@code ${...}} (layer included). */
    static void names(Ast.Expr e, List<String> out) {
        switch (e) {
            case Ast.Logical l -> l.operands().forEach(o -> names(o, out));
            case Ast.Not n -> names(n.operand(), out);
            case Ast.Compare c -> c.operands().forEach(v -> name(v, out));
            case Ast.Contains c -> {
                name(c.left(), out);
                name(c.right(), out);
            }
            case Ast.Matches m -> name(m.left(), out);
            default -> {
            }
        }
    }

    private static void name(Ast.Value v, List<String> out) {
        if (v instanceof Ast.Reference r && !out.contains(r.name())) {
            out.add(r.name());
        }
    }

    Ast.Expr expand(Ast.Expr e) {
        return switch (e) {
            case Ast.Logical l -> new Ast.Logical(l.span(), l.op(), l.operands().stream().map(this::expand).toList());
            case Ast.Not n -> new Ast.Not(n.span(), expand(n.operand()));
            case Ast.Compare c -> compare(c);
            case Ast.Contains c -> {
                List<Ast.Value> filled = filled(c.right());
                if (filled == null) {
                    yield c;
                }
                List<Ast.Expr> each = new ArrayList<>();
                for (Ast.Value v : filled) {
                    each.add(expand(new Ast.Contains(c.span(), c.quantifier(), c.left(), v, c.opSpan())));
                }
                yield join(c.span(), Ast.LogicOp.OR, each);
            }
            default -> e;
        };
    }

    private Ast.Expr compare(Ast.Compare c) {
        if (c.operands().size() == 2 && filled(c.operands().get(0)) != null && filled(c.operands().get(1)) == null) {
            // A value is no left side in 4.0's grammar, a reference is: the field goes left, the relation mirrored.
            c = new Ast.Compare(c.span(), c.quantifier(), List.of(c.operands().get(1), c.operands().get(0)),
                    List.of(mirror(c.ops().get(0))), c.opSpans());
        }
        for (int i = 0; i < c.operands().size(); i++) {
            List<Ast.Value> filled = filled(c.operands().get(i));
            if (filled == null) {
                continue;
            }
            boolean everyPair = c.ops().contains(Ast.CmpOp.NE) || c.ops().contains(Ast.CmpOp.ALL_EQ);
            List<Ast.Expr> each = new ArrayList<>();
            for (Ast.Value v : filled) {
                List<Ast.Value> operands = new ArrayList<>(c.operands());
                operands.set(i, v);
                each.add(compare(new Ast.Compare(c.span(), c.quantifier(), operands, c.ops(), c.opSpans())));
            }
            return join(c.span(), everyPair ? Ast.LogicOp.AND : Ast.LogicOp.OR, each);
        }
        return c;
    }

    private static Ast.CmpOp mirror(Ast.CmpOp op) {
        return switch (op) {
            case GT -> Ast.CmpOp.LT;
            case GE -> Ast.CmpOp.LE;
            case LT -> Ast.CmpOp.GT;
            case LE -> Ast.CmpOp.GE;
            default -> op;
        };
    }

    private static Ast.Expr join(Ast.Span span, Ast.LogicOp op, List<Ast.Expr> each) {
        return each.size() == 1 ? each.get(0) : new Ast.Logical(span, op, each);
    }

    /** The reference's values as literals of its field's type, or null: not a reference, or one without values. */
    private List<Ast.Value> filled(Ast.Value v) {
        if (!(v instanceof Ast.Reference r)) {
            return null;
        }
        List<String> texts = values.apply(r.name());
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        int hash = r.name().indexOf('#');
        List<Field> fs = fields.apply(hash > 0 ? r.name().substring(0, hash) : r.name());
        FieldType type = fs == null || fs.isEmpty() ? FieldType.STRING : fs.get(0).type();
        List<Ast.Value> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(literal(r.span(), text, type));
        }
        return out;
    }

    /** A value as {@code -T fields} prints it, written back as the literal a user would type. */
    private static Ast.Value literal(Ast.Span span, String text, FieldType type) {
        return switch (type) {
            case STRING, STRINGZ, ABSOLUTE_TIME -> new Ast.StringLit(span, text.getBytes(StandardCharsets.UTF_8), text, false);
            default -> text.indexOf(':') >= 0 ? new Ast.ColonLit(span, text) : new Ast.Name(span, text, false, null);
        };
    }
}
