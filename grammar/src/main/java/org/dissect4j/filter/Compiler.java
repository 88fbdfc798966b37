package org.dissect4j.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.ValueNames;
import org.dissect4j.filter.Ast.Prim;
import org.dissect4j.filter.Ast.Range;
import org.dissect4j.filter.TestNodes.Constant;
import org.dissect4j.filter.Typed.ArithVal;
import org.dissect4j.filter.Typed.CallVal;
import org.dissect4j.filter.Typed.Const;
import org.dissect4j.filter.Typed.FieldVal;
import org.dissect4j.filter.Typed.Val;
import org.dissect4j.filter.ValueNodes.*;

/**
 * The checked filter to evaluator nodes: one exhaustive switch over {@link Typed}, choosing a
 * specialised node where one exists (a field against a constant reads the tree directly) and
 * collecting the fields the filter reads, so the tree can be primed to record just those.
 */
final class Compiler {
    final Set<Field> referenced = new LinkedHashSet<>();

    Node compile(Typed.Test t) {
        return switch (t) {
            case Typed.Logic l -> {
                Node[] ops = new Node[l.operands().size()];
                for (int i = 0; i < ops.length; i++) {
                    ops[i] = compile(l.operands().get(i));
                }
                yield switch (l.op()) {
                    case AND -> new TestNodes.And(ops);
                    case OR -> new TestNodes.Or(ops);
                    case XOR -> new TestNodes.Xor(ops);
                };
            }
            case Typed.Not n -> new TestNodes.Not(compile(n.operand()));
            case Typed.Cmp c -> comparison(c);
            case Typed.Contains c -> c.a() instanceof Typed.NoVal || c.b() instanceof Typed.NoVal ? Constant.FALSE
                    : new TestNodes.Contains(bytes(c.a()), bytes(c.b()), c.all());
            case Typed.Matches m -> m.a() instanceof Typed.NoVal ? Constant.FALSE
                    : new TestNodes.Matches(bytes(m.a()), m.pattern(), m.all());
            case Typed.In in -> membership(in);
            case Typed.Truth tr -> truth(tr.v());
            case Typed.Fixed f -> f.whenExists() == null ? (f.value() ? Constant.TRUE : Constant.FALSE)
                    : f.value() ? new TestNodes.Truth(value(f.whenExists()), false) : Constant.FALSE;
        };
    }

    private Node truth(Val v) {
        return switch (v) {
            case FieldVal f -> new TestNodes.Exists(ref(f));
            case ArithVal a -> new TestNodes.Truth(value(a), true);
            case Typed.NoVal n -> Constant.FALSE;
            default -> new TestNodes.Truth(value(v), false);
        };
    }

    /** 4.0 never finds an unsigned value equal to, above or below a negative literal. */
    static boolean incomparable(Val a, Val b) {
        return unsignedPlain(a) && b instanceof Const c && c.negative()
                || unsignedPlain(b) && a instanceof Const c2 && c2.negative();
    }

    static boolean unsignedPlain(Val v) {
        return switch (v) {
            case FieldVal f -> f.ftype().isUnsigned();
            case CallVal c -> switch (c.function()) {
                case "len", "count" -> true;
                case "max", "min", "abs" -> c.ftype().isUnsigned();
                default -> false;
            };
            default -> false;
        };
    }

    private Node comparison(Typed.Cmp c) {
        Val a = c.a();
        Val b = c.b();
        if (a instanceof Typed.NoVal || b instanceof Typed.NoVal) {
            return Constant.FALSE;
        }
        if (incomparable(a, b)) {
            // 4.0: every pairwise test fails, so "any" is false and "all" (= no pair fails the opposite) holds.
            Val present = a instanceof Const ? b : a;
            return c.all() ? new TestNodes.Truth(value(present), false) : Constant.FALSE;
        }
        Prim prim = c.prim();
        if (a instanceof Const && b instanceof FieldVal) {
            Val t = a;
            a = b;
            b = t;
            prim = mirror(prim);
        }
        if (a instanceof FieldVal f && b instanceof Const k && f.kind().isLong() && k.kind().isLong()) {
            boolean unsigned = f.ftype().isUnsigned() || f.kind() == Kind.IPV4;
            return new TestNodes.CmpFieldConst(ref(f), prim, c.all(), k.l(), k.mask(), unsigned);
        }
        if (a.kind().isLong()) {
            return new TestNodes.CmpLongs(value(a), value(b), prim, c.all(), bothUnsigned(a, b));
        }
        if (a.kind().isDouble()) {
            return new TestNodes.CmpDoubles(value(a), value(b), prim, c.all());
        }
        return new TestNodes.CmpBytes(bytes(a), bytes(b), prim, c.all(), order(a, b));
    }

    private static Prim mirror(Prim p) {
        return switch (p) {
            case GT -> Prim.LT;
            case GE -> Prim.LE;
            case LT -> Prim.GT;
            case LE -> Prim.GE;
            default -> p;
        };
    }

    private static boolean bothUnsigned(Val a, Val b) {
        return unsignedType(a) && unsignedType(b);
    }

    private static boolean unsignedType(Val v) {
        if (v instanceof Const c) {
            return !c.negative();
        }
        return v.kind() == Kind.IPV4 || !(v instanceof ArithVal) && v.ftype().isUnsigned();
    }

    private static int order(Val a, Val b) {
        boolean lengthFirst = a.kind() == Kind.BYTES || a.kind() == Kind.PROTOCOL || b.kind() == Kind.BYTES
                || b.kind() == Kind.PROTOCOL;
        return lengthFirst ? TestNodes.LENGTH_FIRST : TestNodes.LEXICAL;
    }

    private Node membership(Typed.In in) {
        Val x = in.a();
        if (x instanceof Typed.NoVal) {
            return Constant.FALSE;
        }
        List<Vals> lows = new ArrayList<>();
        List<Vals> highs = new ArrayList<>();
        boolean unsigned = unsignedType(x);
        for (Typed.Item it : in.items()) {
            if (it.low() instanceof Typed.NoVal || it.high() instanceof Typed.NoVal) {
                continue;
            }
            if (incomparable(x, it.low()) || it.high() != null && incomparable(x, it.high())) {
                if (in.all()) {
                    return new TestNodes.Truth(value(x), false);
                }
                continue;
            }
            unsigned &= unsignedType(it.low()) && (it.high() == null || unsignedType(it.high()));
            lows.add(x.kind().isBytes() ? bytes(it.low()) : value(it.low()));
            highs.add(it.high() == null ? null : x.kind().isBytes() ? bytes(it.high()) : value(it.high()));
        }
        if (lows.isEmpty()) {
            return Constant.FALSE;
        }
        int repr = x.kind().isLong() ? TestNodes.In.LONGS : x.kind().isDouble() ? TestNodes.In.DOUBLES : TestNodes.In.BYTES;
        int order = x.kind() == Kind.BYTES || x.kind() == Kind.PROTOCOL ? TestNodes.LENGTH_FIRST : TestNodes.LEXICAL;
        return new TestNodes.In(repr == TestNodes.In.BYTES ? bytes(x) : value(x), lows.toArray(new Vals[0]),
                highs.toArray(new Vals[0]), in.all(), repr, unsigned, order);
    }

    // ---- values ----------------------------------------------------------------------------------

    /** A value in the representation of its kind. */
    Vals value(Val v) {
        return switch (v) {
            case FieldVal f -> {
                FieldRef r = ref(f);
                if (f.kind().isLong()) {
                    yield new FieldLongs(r);
                }
                if (f.kind().isDouble()) {
                    yield new FieldDoubles(r, f.ftype() == FieldType.FLOAT);
                }
                yield new FieldBytes(r, f.toEnd());
            }
            case Const c -> {
                if (c.kind().isLong()) {
                    yield new ConstLongs(new long[] {c.l()}, c.mask() == -1L ? null : new long[] {c.mask()});
                }
                if (c.kind().isDouble()) {
                    yield new ConstDoubles(new double[] {c.d()});
                }
                yield new ConstBytes(new byte[][] {c.bytes()}, c.prefix() < 0 ? null : new int[] {c.prefix()});
            }
            case Typed.SliceVal s -> {
                List<Range> rs = s.ranges();
                int[] kind = new int[rs.size()];
                int[] start = new int[rs.size()];
                int[] second = new int[rs.size()];
                for (int i = 0; i < kind.length; i++) {
                    Range r = rs.get(i);
                    kind[i] = rangeKind(r);
                    start[i] = r.start();
                    second[i] = r.second();
                }
                yield new Slice(bytes(s.target()), kind, start, second);
            }
            case CallVal c -> call(c);
            case ArithVal a -> {
                if (a.op() == null) {
                    yield a.kind().isDouble() ? new NegAbsDoubles(value(a.a()), false) : new NegAbsLongs(value(a.a()), false);
                }
                if (a.kind() == Kind.BYTES) {
                    yield new AndBytes(bytes(a.a()), bytes(a.b()));
                }
                if (a.kind().isDouble()) {
                    yield new ArithDoubles(a.op(), value(a.a()), value(a.b()));
                }
                yield new ArithLongs(a.op(), value(a.a()), value(a.b()));
            }
            case Typed.NoVal n -> new Vals.None(n.kind());
            case Typed.RawVal r -> new FieldBytes(ref(r.field()), false);
        };
    }

    /** A value as bytes: byte kinds as they are, IPv4 as its four bytes. */
    private Vals bytes(Val v) {
        if (v.kind() == Kind.IPV4) {
            return new Ipv4Bytes(value(v));
        }
        return value(v);
    }

    private Vals call(CallVal c) {
        Val arg = c.args().get(0);
        return switch (c.function()) {
            case "len" -> {
                if (arg instanceof FieldVal f) {
                    int fixed = switch (f.kind()) {
                        case BOOL -> 0;
                        case INT, FLOAT -> f.ftype().size() > 0 ? f.ftype().size() : -1;
                        case IPV4 -> 4;
                        case IPV6 -> 16;
                        case ETHER -> 6;
                        default -> -1;
                    };
                    yield new FieldLength(ref(f), fixed);
                }
                yield new BytesLength(bytes(arg));
            }
            case "count" -> new Count(ref((FieldVal) arg));
            case "upper", "lower" -> new Case(value(arg), c.function().equals("upper"));
            case "string", "dec" -> new Text(value(arg), switch (arg.kind()) {
                case IPV4 -> Text.IPV4;
                case IPV6 -> Text.IPV6;
                case ETHER -> Text.ETHER;
                default -> Text.DEC;
            }, arg.ftype());
            case "hex" -> new Text(value(arg), Text.HEX, arg.ftype());
            case "vals" -> names((FieldVal) arg);
            case "abs" -> arg.kind().isDouble() ? new NegAbsDoubles(value(arg), true) : new NegAbsLongs(value(arg), true);
            case "float", "double" -> new ToDoubles(value(arg), arg.kind().isLong());
            case "max", "min" -> {
                Vals[] args = new Vals[c.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = value(c.args().get(i));
                }
                boolean max = c.function().equals("max");
                yield c.kind().isDouble() ? new MaxMinDoubles(args, max)
                        : new MaxMinLongs(args, max, c.ftype().isUnsigned() || c.kind() == Kind.IPV4);
            }
            default -> throw new IllegalStateException("unknown function " + c.function());
        };
    }

    private Vals names(FieldVal f) {
        Field first = f.first();
        long[] keys;
        byte[][] names;
        if (f.kind() == Kind.BOOL) {
            keys = new long[] {0, 1};
            names = new byte[][] {first.falseName().getBytes(StandardCharsets.UTF_8),
                    first.trueName().getBytes(StandardCharsets.UTF_8)};
        } else {
            ValueNames vn = first.values();
            int size = vn == null ? 0 : vn.size();
            keys = new long[size];
            names = new byte[size][];
            for (int i = 0; i < size; i++) {
                keys[i] = vn.key(i);
                names[i] = vn.nameAt(i).getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Names(value(f), keys, names);
    }

    private static int rangeKind(Range r) {
        return switch (r.kind()) {
            case OFFSET_LENGTH -> FieldRef.OFFSET_LENGTH;
            case OFFSET_END -> FieldRef.OFFSET_END;
            case TO_END -> FieldRef.TO_END;
        };
    }

    private FieldRef ref(FieldVal f) {
        int[] ids = new int[f.fields().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = f.fields().get(i).id();
            referenced.add(f.fields().get(i));
        }
        if (f.layers() == null) {
            return new FieldRef(ids);
        }
        int[] protocols = new int[f.protocols().size()];
        for (int i = 0; i < protocols.length; i++) {
            protocols[i] = f.protocols().get(i).id();
            referenced.add(f.protocols().get(i));
        }
        List<Range> rs = f.layers();
        int[] kind = new int[rs.size()];
        int[] start = new int[rs.size()];
        int[] second = new int[rs.size()];
        for (int i = 0; i < kind.length; i++) {
            kind[i] = rangeKind(rs.get(i));
            start[i] = rs.get(i).start();
            second[i] = rs.get(i).second();
        }
        return new FieldRef(ids, protocols, kind, start, second);
    }
}
