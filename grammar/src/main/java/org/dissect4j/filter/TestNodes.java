package org.dissect4j.filter;

import java.lang.foreign.MemorySegment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dissect4j.api.Tree;
import org.dissect4j.filter.Ast.Prim;

/** The compiled tests: logic, existence, comparisons, contains, matches, membership. */
final class TestNodes {
    private TestNodes() {
    }

    // ---- logic -----------------------------------------------------------------------------------

    static final class And extends Node {
        private final Node[] operands;

        And(Node[] operands) {
            this.operands = operands;
        }

        @Override
        boolean eval(Tree t) {
            for (Node o : operands) {
                if (!o.eval(t)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Or extends Node {
        private final Node[] operands;

        Or(Node[] operands) {
            this.operands = operands;
        }

        @Override
        boolean eval(Tree t) {
            for (Node o : operands) {
                if (o.eval(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Xor extends Node {
        private final Node[] operands;

        Xor(Node[] operands) {
            this.operands = operands;
        }

        @Override
        boolean eval(Tree t) {
            boolean r = false;
            for (Node o : operands) {
                r ^= o.eval(t);
            }
            return r;
        }
    }

    static final class Not extends Node {
        private final Node operand;

        Not(Node operand) {
            this.operand = operand;
        }

        @Override
        boolean eval(Tree t) {
            return !operand.eval(t);
        }
    }

    static final class Constant extends Node {
        static final Constant TRUE = new Constant(true);
        static final Constant FALSE = new Constant(false);
        private final boolean value;

        private Constant(boolean value) {
            this.value = value;
        }

        @Override
        boolean eval(Tree t) {
            return value;
        }
    }

    // ---- existence and truth ---------------------------------------------------------------------

    static final class Exists extends Node {
        private final FieldRef ref;

        Exists(FieldRef ref) {
            this.ref = ref;
        }

        @Override
        boolean eval(Tree t) {
            return ref.exists(t);
        }
    }

    /** A value used as a test: present ({@code nonZero == false}) or, for arithmetic, some value non-zero. */
    static final class Truth extends Node {
        private final Vals v;
        private final boolean nonZero;

        Truth(Vals v, boolean nonZero) {
            this.v = v;
            this.nonZero = nonZero;
        }

        @Override
        boolean eval(Tree t) {
            int n = v.eval(t);
            if (!nonZero) {
                return n > 0;
            }
            for (int i = 0; i < n; i++) {
                if (v.seg != null) {
                    for (int k = 0; k < v.len[i]; k++) {
                        if (Vals.u8(v.seg[i], v.at[i] + k) != 0) {
                            return true;
                        }
                    }
                } else if (v.d != null ? v.d[i] != 0 : v.l[i] != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    // ---- comparisons -----------------------------------------------------------------------------

    /** The fast path: an integer-like field against one constant, read straight from the tree. */
    static final class CmpFieldConst extends Node {
        private final FieldRef ref;
        private final Prim prim;
        private final boolean all;
        private final long constant;
        private final long mask;
        private final boolean unsigned;

        CmpFieldConst(FieldRef ref, Prim prim, boolean all, long constant, long mask, boolean unsigned) {
            this.ref = ref;
            this.prim = prim;
            this.all = all;
            this.constant = constant & mask;
            this.mask = mask;
            this.unsigned = unsigned;
        }

        @Override
        boolean eval(Tree t) {
            boolean any = false;
            for (int id : ref.ids) {
                for (int node = t.first(id); node >= 0; node = t.next(node)) {
                    if (!ref.accepts(t, node)) {
                        continue;
                    }
                    long v = t.value(node) & mask;
                    int c = unsigned ? Long.compareUnsigned(v, constant) : Long.compare(v, constant);
                    boolean ok = prim.test(c);
                    if (all) {
                        if (!ok) {
                            return false;
                        }
                        any = true;
                    } else if (ok) {
                        return true;
                    }
                }
            }
            return all && any;
        }
    }

    static final class CmpLongs extends Node {
        private final Vals a;
        private final Vals b;
        private final Prim prim;
        private final boolean all;
        private final boolean unsigned;

        CmpLongs(Vals a, Vals b, Prim prim, boolean all, boolean unsigned) {
            this.a = a;
            this.b = b;
            this.prim = prim;
            this.all = all;
            this.unsigned = unsigned;
        }

        @Override
        boolean eval(Tree t) {
            int na = a.eval(t);
            if (na == 0) {
                return false;
            }
            int nb = b.eval(t);
            if (nb == 0) {
                return false;
            }
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean ok = prim.test(compareLongs(a, i, b, j, unsigned));
                    if (ok != all) {
                        return ok;
                    }
                }
            }
            return all;
        }
    }

    /** Three-way comparison of long values, IPv4 netmasks applied (the shorter of the two). */
    static int compareLongs(Vals a, int i, Vals b, int j, boolean unsigned) {
        long x = a.l[i];
        long y = b.l[j];
        if (a.mask != null || b.mask != null) {
            long m = (a.mask != null ? a.mask[i] : -1L) & (b.mask != null ? b.mask[j] : -1L);
            x &= m;
            y &= m;
        }
        return unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }

    static final class CmpDoubles extends Node {
        private final Vals a;
        private final Vals b;
        private final Prim prim;
        private final boolean all;

        CmpDoubles(Vals a, Vals b, Prim prim, boolean all) {
            this.a = a;
            this.b = b;
            this.prim = prim;
            this.all = all;
        }

        @Override
        boolean eval(Tree t) {
            int na = a.eval(t);
            if (na == 0) {
                return false;
            }
            int nb = b.eval(t);
            if (nb == 0) {
                return false;
            }
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean ok = prim.test(compareDoubles(a.d[i], b.d[j]));
                    if (ok != all) {
                        return ok;
                    }
                }
            }
            return all;
        }
    }

    static int compareDoubles(double x, double y) {
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** Byte orders: 4.0 orders FT_BYTES (and protocols, slices) by length first; strings and addresses bytewise. */
    static final int LEXICAL = 0, LENGTH_FIRST = 1;

    static final class CmpBytes extends Node {
        private final Vals a;
        private final Vals b;
        private final Prim prim;
        private final boolean all;
        private final int order;

        CmpBytes(Vals a, Vals b, Prim prim, boolean all, int order) {
            this.a = a;
            this.b = b;
            this.prim = prim;
            this.all = all;
            this.order = order;
        }

        @Override
        boolean eval(Tree t) {
            int na = a.eval(t);
            if (na == 0) {
                return false;
            }
            int nb = b.eval(t);
            if (nb == 0) {
                return false;
            }
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean ok = prim.test(compareBytes(a, i, b, j, order));
                    if (ok != all) {
                        return ok;
                    }
                }
            }
            return all;
        }
    }

    static int compareBytes(Vals a, int i, Vals b, int j, int order) {
        int la = a.len[i];
        int lb = b.len[j];
        MemorySegment sa = a.seg[i];
        MemorySegment sb = b.seg[j];
        long pa = a.at[i];
        long pb = b.at[j];
        int bits = -1;
        if (a.prefix != null && a.prefix[i] >= 0) {
            bits = a.prefix[i];
        }
        if (b.prefix != null && b.prefix[j] >= 0) {
            bits = bits < 0 ? b.prefix[j] : Math.min(bits, b.prefix[j]);
        }
        if (bits >= 0 && la == lb) {
            // IPv6 prefix match: compare only the first {@code bits} bits.
            int full = bits >>> 3;
            for (int k = 0; k < full && k < la; k++) {
                int c = Integer.compare(Vals.u8(sa, pa + k), Vals.u8(sb, pb + k));
                if (c != 0) {
                    return c;
                }
            }
            int rest = bits & 7;
            if (rest != 0 && full < la) {
                int m = (0xFF << (8 - rest)) & 0xFF;
                return Integer.compare(Vals.u8(sa, pa + full) & m, Vals.u8(sb, pb + full) & m);
            }
            return 0;
        }
        if (order == LENGTH_FIRST && la != lb) {
            return Integer.compare(la, lb);
        }
        int m = Math.min(la, lb);
        for (int k = 0; k < m; k++) {
            int c = Integer.compare(Vals.u8(sa, pa + k), Vals.u8(sb, pb + k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(la, lb);
    }

    // ---- contains and matches --------------------------------------------------------------------

    static final class Contains extends Node {
        private final Vals a;
        private final Vals b;
        private final boolean all;

        Contains(Vals a, Vals b, boolean all) {
            this.a = a;
            this.b = b;
            this.all = all;
        }

        @Override
        boolean eval(Tree t) {
            int na = a.eval(t);
            if (na == 0) {
                return false;
            }
            int nb = b.eval(t);
            if (nb == 0) {
                return false;
            }
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean ok = contains(a.seg[i], a.at[i], a.len[i], b.seg[j], b.at[j], b.len[j]);
                    if (ok != all) {
                        return ok;
                    }
                }
            }
            return all;
        }

        static boolean contains(MemorySegment hs, long ha, int hl, MemorySegment ns, long na, int nl) {
            if (nl == 0) {
                return true;
            }
            int first = Vals.u8(ns, na);
            outer:
            for (int i = 0; i + nl <= hl; i++) {
                if (Vals.u8(hs, ha + i) != first) {
                    continue;
                }
                for (int k = 1; k < nl; k++) {
                    if (Vals.u8(hs, ha + i + k) != Vals.u8(ns, na + k)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /**
     * A precompiled regular expression over the values' bytes, through a reused {@link ByteChars} view.
     * A value whose match reads more than {@link #budget} characters does not match (tens of
     * milliseconds of backtracking at most; PCRE2's match limit plays that part in tshark).
     */
    static final class Matches extends Node {
        /** Character reads allowed for any value, plus {@link #STEPS_PER_BYTE} per byte of it. */
        static final long MATCH_STEPS = 1_000_000;
        static final long STEPS_PER_BYTE = 64;
        private final Vals a;
        private final boolean all;
        private final ByteChars chars = new ByteChars();
        private final Matcher matcher;

        Matches(Vals a, Pattern pattern, boolean all) {
            this.a = a;
            this.all = all;
            this.matcher = pattern.matcher("");
        }

        @Override
        boolean eval(Tree t) {
            int na = a.eval(t);
            if (na == 0) {
                return false;
            }
            for (int i = 0; i < na; i++) {
                matcher.reset(chars.wrap(a.seg[i], a.at[i], a.len[i], budget(a.len[i])));
                boolean ok;
                try {
                    ok = matcher.find();
                } catch (StackOverflowError e) {
                    ok = false;     // a pattern recursing past the stack: no match, as over the budget
                } catch (RuntimeException e) {
                    if (e != ByteChars.OVER_BUDGET) {
                        throw e;
                    }
                    ok = false;
                }
                if (ok != all) {
                    return ok;
                }
            }
            return all;
        }

        /** The step budget for a value of {@code length} bytes: linear patterns over long values stay within it. */
        static long budget(int length) {
            return MATCH_STEPS + STEPS_PER_BYTE * length;
        }
    }

    // ---- membership ------------------------------------------------------------------------------

    /**
     * {@code x in {a, lo..hi}}: some occurrence equals an element or lies in a range. With {@code all},
     * 4.0 reads it as {@code all x == a or all x in lo..hi}: one element must hold for every occurrence.
     */
    static final class In extends Node {
        static final int LONGS = 0, DOUBLES = 1, BYTES = 2;
        private final Vals x;
        private final Vals[] low;
        private final Vals[] high;
        private final boolean all;
        private final int repr;
        private final boolean unsigned;
        private final int order;

        In(Vals x, Vals[] low, Vals[] high, boolean all, int repr, boolean unsigned, int order) {
            this.x = x;
            this.low = low;
            this.high = high;
            this.all = all;
            this.repr = repr;
            this.unsigned = unsigned;
            this.order = order;
        }

        @Override
        boolean eval(Tree t) {
            int nx = x.eval(t);
            if (nx == 0) {
                return false;
            }
            for (int e = 0; e < low.length; e++) {
                int nl = low[e].eval(t);
                int nh = high[e] == null ? 0 : high[e].eval(t);
                if (nl == 0 || high[e] != null && nh == 0) {
                    continue;
                }
                boolean every = true;
                for (int i = 0; i < nx; i++) {
                    boolean hit = high[e] == null ? equalsAny(i, low[e], nl) : inRange(i, low[e], nl, high[e], nh);
                    if (hit && !all) {
                        return true;
                    }
                    if (!hit) {
                        every = false;
                        if (all) {
                            break;
                        }
                    }
                }
                if (all && every) {
                    return true;
                }
            }
            return false;
        }

        private int cmp(int i, Vals v, int j) {
            return switch (repr) {
                case LONGS -> compareLongs(x, i, v, j, unsigned);
                case DOUBLES -> compareDoubles(x.d[i], v.d[j]);
                default -> compareBytes(x, i, v, j, order);
            };
        }

        private boolean equalsAny(int i, Vals v, int nv) {
            for (int j = 0; j < nv; j++) {
                if (cmp(i, v, j) == 0) {
                    return true;
                }
            }
            return false;
        }

        private boolean inRange(int i, Vals lo, int nl, Vals hi, int nh) {
            for (int j = 0; j < nl; j++) {
                if (cmp(i, lo, j) >= 0) {
                    for (int k = 0; k < nh; k++) {
                        if (cmp(i, hi, k) <= 0) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
