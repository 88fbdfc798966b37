package org.dissect4j.filter;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Tree;
import org.dissect4j.filter.Ast.ArithOp;

/** The compiled value nodes, one small final class per way of producing values. */
final class ValueNodes {
    private ValueNodes() {
    }

    // ---- fields --------------------------------------------------------------------------------

    /** Integer, boolean, IPv4 and time fields: each occurrence's long value. */
    static final class FieldLongs extends Vals {
        private final FieldRef ref;

        FieldLongs(FieldRef ref) {
            this.ref = ref;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            for (int id : ref.ids) {
                for (int node = t.first(id); node >= 0; node = t.next(node)) {
                    if (ref.accepts(t, node)) {
                        putLong(t.value(node));
                    }
                }
            }
            return n;
        }
    }

    static final class FieldDoubles extends Vals {
        private final FieldRef ref;
        private final boolean single;

        FieldDoubles(FieldRef ref, boolean single) {
            this.ref = ref;
            this.single = single;
            initDoubles();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            for (int id : ref.ids) {
                for (int node = t.first(id); node >= 0; node = t.next(node)) {
                    if (ref.accepts(t, node)) {
                        double v = t.doubleValue(node);
                        putDouble(single ? (float) v : v);
                    }
                }
            }
            return n;
        }
    }

    /**
     * Byte-valued fields and protocols: (source, offset, length) of each occurrence. With
     * {@code toEnd} a value runs to the end of its data source (4.0 contains/matches on protocols).
     */
    static final class FieldBytes extends Vals {
        private final FieldRef ref;
        private final boolean toEnd;

        FieldBytes(FieldRef ref, boolean toEnd) {
            this.ref = ref;
            this.toEnd = toEnd;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            for (int id : ref.ids) {
                for (int node = t.first(id); node >= 0; node = t.next(node)) {
                    if (ref.accepts(t, node)) {
                        int src = t.source(node);
                        int off = t.offset(node);
                        int length = toEnd ? t.sourceLength(src) - off : t.length(node);
                        if (length < 0) {
                            length = 0;
                        }
                        putRange(t.segment(src), t.base(src) + off, length);
                    }
                }
            }
            return n;
        }
    }

    /** {@code len(f)}: bytes of each occurrence; fixed-size types give their size, booleans 0. */
    static final class FieldLength extends Vals {
        private final FieldRef ref;
        private final int fixed;

        FieldLength(FieldRef ref, int fixed) {
            this.ref = ref;
            this.fixed = fixed;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            for (int id : ref.ids) {
                for (int node = t.first(id); node >= 0; node = t.next(node)) {
                    if (ref.accepts(t, node)) {
                        putLong(fixed >= 0 ? fixed : t.length(node));
                    }
                }
            }
            return n;
        }
    }

    /** {@code count(f)}: one value, the number of occurrences, or none when there are none. */
    static final class Count extends Vals {
        private final FieldRef ref;

        Count(FieldRef ref) {
            this.ref = ref;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            long c = 0;
            for (int id : ref.ids) {
                for (int node = t.first(id); node >= 0; node = t.next(node)) {
                    if (ref.accepts(t, node)) {
                        c++;
                    }
                }
            }
            if (c > 0) {
                putLong(c);
            }
            return n;
        }
    }

    // ---- constants -----------------------------------------------------------------------------

    static final class ConstLongs extends Vals {
        ConstLongs(long[] values, long[] masks) {
            l = values.clone();
            n = values.length;
            mask = masks;
        }

        @Override
        int eval(Tree t) {
            return n;
        }
    }

    static final class ConstDoubles extends Vals {
        ConstDoubles(double[] values) {
            d = values.clone();
            n = values.length;
        }

        @Override
        int eval(Tree t) {
            return n;
        }
    }

    static final class ConstBytes extends Vals {
        final byte[][] values;

        ConstBytes(byte[][] values, int[] prefixes) {
            this.values = values;
            initBytes();
            for (byte[] b : values) {
                putRange(MemorySegment.ofArray(b), 0, b.length);
            }
            prefix = prefixes;
        }

        @Override
        int eval(Tree t) {
            return n;
        }
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    /** Integer arithmetic over every pair of values, in 64-bit signed; division by zero gives no value. */
    static final class ArithLongs extends Vals {
        private final ArithOp op;
        private final Vals a;
        private final Vals b;

        ArithLongs(ArithOp op, Vals a, Vals b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            int na = a.eval(t);
            if (na == 0) {
                return 0;
            }
            int nb = b.eval(t);
            for (int i = 0; i < na; i++) {
                long x = a.l[i];
                for (int j = 0; j < nb; j++) {
                    long y = b.l[j];
                    switch (op) {
                        case ADD -> putLong(x + y);
                        case SUB -> putLong(x - y);
                        case MUL -> putLong(x * y);
                        case DIV -> {
                            if (y != 0) {
                                putLong(x / y);
                            }
                        }
                        case MOD -> {
                            if (y != 0) {
                                putLong(x % y);
                            }
                        }
                        case BITAND -> putLong(x & y);
                    }
                }
            }
            return n;
        }
    }

    static final class ArithDoubles extends Vals {
        private final ArithOp op;
        private final Vals a;
        private final Vals b;

        ArithDoubles(ArithOp op, Vals a, Vals b) {
            this.op = op;
            this.a = a;
            this.b = b;
            initDoubles();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            int na = a.eval(t);
            if (na == 0) {
                return 0;
            }
            int nb = b.eval(t);
            for (int i = 0; i < na; i++) {
                double x = a.d[i];
                for (int j = 0; j < nb; j++) {
                    double y = b.d[j];
                    switch (op) {
                        case ADD -> putDouble(x + y);
                        case SUB -> putDouble(x - y);
                        case MUL -> putDouble(x * y);
                        case DIV -> putDouble(x / y);
                        case MOD -> putDouble(x % y);
                        case BITAND -> {
                        }
                    }
                }
            }
            return n;
        }
    }

    /** Unary minus ({@code negate}) or {@code abs()} on longs. */
    static final class NegAbsLongs extends Vals {
        private final Vals a;
        private final boolean abs;

        NegAbsLongs(Vals a, boolean abs) {
            this.a = a;
            this.abs = abs;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            int na = a.eval(t);
            for (int i = 0; i < na; i++) {
                long x = a.l[i];
                putLong(abs ? Math.abs(x) : -x);
            }
            return n;
        }
    }

    static final class NegAbsDoubles extends Vals {
        private final Vals a;
        private final boolean abs;

        NegAbsDoubles(Vals a, boolean abs) {
            this.a = a;
            this.abs = abs;
            initDoubles();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            int na = a.eval(t);
            for (int i = 0; i < na; i++) {
                double x = a.d[i];
                putDouble(abs ? Math.abs(x) : -x);
            }
            return n;
        }
    }

    /** {@code float()}/{@code double()} of integers. */
    static final class ToDoubles extends Vals {
        private final Vals a;
        private final boolean fromLong;

        ToDoubles(Vals a, boolean fromLong) {
            this.a = a;
            this.fromLong = fromLong;
            initDoubles();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            int na = a.eval(t);
            for (int i = 0; i < na; i++) {
                putDouble(fromLong ? (double) a.l[i] : a.d[i]);
            }
            return n;
        }
    }

    /** {@code max()}/{@code min()}: one value over every occurrence of every argument. */
    static final class MaxMinLongs extends Vals {
        private final Vals[] args;
        private final boolean max;
        private final boolean unsigned;

        MaxMinLongs(Vals[] args, boolean max, boolean unsigned) {
            this.args = args;
            this.max = max;
            this.unsigned = unsigned;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            boolean have = false;
            long best = 0;
            for (Vals a : args) {
                int na = a.eval(t);
                for (int i = 0; i < na; i++) {
                    long x = a.l[i];
                    int c = unsigned ? Long.compareUnsigned(x, best) : Long.compare(x, best);
                    if (!have || (max ? c > 0 : c < 0)) {
                        best = x;
                        have = true;
                    }
                }
            }
            if (have) {
                putLong(best);
            }
            return n;
        }
    }

    static final class MaxMinDoubles extends Vals {
        private final Vals[] args;
        private final boolean max;

        MaxMinDoubles(Vals[] args, boolean max) {
            this.args = args;
            this.max = max;
            initDoubles();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            boolean have = false;
            double best = 0;
            for (Vals a : args) {
                int na = a.eval(t);
                for (int i = 0; i < na; i++) {
                    double x = a.d[i];
                    if (!have || (max ? x > best : x < best)) {
                        best = x;
                        have = true;
                    }
                }
            }
            if (have) {
                putDouble(best);
            }
            return n;
        }
    }

    // ---- bytes ---------------------------------------------------------------------------------

    /**
     * {@code x[ranges]}: each value of {@code src} sliced; a value whose slice falls outside it
     * has no result. One range is a view into the source bytes; several are concatenated.
     */
    static final class Slice extends Vals {
        private final Vals src;
        private final int[] kind;
        private final int[] start;
        private final int[] second;

        Slice(Vals src, int[] kind, int[] start, int[] second) {
            this.src = src;
            this.kind = kind;
            this.start = start;
            this.second = second;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            resetScratch();
            int ns = src.eval(t);
            for (int i = 0; i < ns; i++) {
                int length = src.len[i];
                if (kind.length == 1) {
                    long r = range(0, length);
                    if (r >= 0) {
                        putRange(src.seg[i], src.at[i] + (r >>> 32), (int) r);
                    }
                    continue;
                }
                boolean ok = true;
                for (int k = 0; k < kind.length && ok; k++) {
                    ok = range(k, length) >= 0;
                }
                if (!ok) {
                    continue;
                }
                int mark = scratchMark();
                for (int k = 0; k < kind.length; k++) {
                    long r = range(k, length);
                    int off = (int) (r >>> 32);
                    int cnt = (int) r;
                    for (int b = 0; b < cnt; b++) {
                        scratch(u8(src.seg[i], src.at[i] + off + b));
                    }
                }
                endScratch(mark);
            }
            return n;
        }

        /** {@code (offset << 32) | length} of range {@code k} in a value of {@code length} bytes, or -1 (Wireshark's slice_func). */
        private long range(int k, int length) {
            int s = start[k];
            if (s < 0) {
                s = length + s;
                if (s < 0) {
                    return -1;
                }
            }
            int cnt;
            switch (kind[k]) {
                case FieldRef.TO_END -> {
                    cnt = length - s;
                    if (cnt <= 0) {
                        return -1;
                    }
                }
                case FieldRef.OFFSET_LENGTH -> {
                    cnt = second[k];
                    if ((long) s + cnt > length) {
                        return -1;
                    }
                }
                default -> {
                    int e = second[k];
                    if (e < 0) {
                        e = length + e;
                        if (e < s) {
                            return -1;
                        }
                    } else if (e >= length) {
                        return -1;
                    }
                    cnt = e - s + 1;
                    if (cnt <= 0) {
                        return -1;
                    }
                }
            }
            return ((long) s << 32) | cnt;
        }
    }

    /** The 4 network-order bytes of IPv4 values (for slices and {@code @}). */
    static final class Ipv4Bytes extends Vals {
        private final Vals src;

        Ipv4Bytes(Vals src) {
            this.src = src;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            resetScratch();
            int ns = src.eval(t);
            for (int i = 0; i < ns; i++) {
                long v = src.l[i];
                int mark = scratchMark();
                scratch((int) (v >>> 24));
                scratch((int) (v >>> 16));
                scratch((int) (v >>> 8));
                scratch((int) v);
                endScratch(mark);
            }
            return n;
        }
    }

    /** {@code len()} of byte values (slices, function results). */
    static final class BytesLength extends Vals {
        private final Vals src;

        BytesLength(Vals src) {
            this.src = src;
        }

        @Override
        int eval(Tree t) {
            n = 0;
            int ns = src.eval(t);
            for (int i = 0; i < ns; i++) {
                putLong(src.len[i]);
            }
            return n;
        }
    }

    /** {@code upper()}/{@code lower()}: ASCII case mapping of each string. */
    static final class Case extends Vals {
        private final Vals src;
        private final boolean upper;

        Case(Vals src, boolean upper) {
            this.src = src;
            this.upper = upper;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            resetScratch();
            int ns = src.eval(t);
            for (int i = 0; i < ns; i++) {
                int mark = scratchMark();
                for (int b = 0; b < src.len[i]; b++) {
                    int c = u8(src.seg[i], src.at[i] + b);
                    if (upper && c >= 'a' && c <= 'z') {
                        c -= 32;
                    } else if (!upper && c >= 'A' && c <= 'Z') {
                        c += 32;
                    }
                    scratch(c);
                }
                endScratch(mark);
            }
            return n;
        }
    }

    /** Bitwise and of byte values, pair by pair, as long as the shorter one. */
    static final class AndBytes extends Vals {
        private final Vals a;
        private final Vals b;

        AndBytes(Vals a, Vals b) {
            this.a = a;
            this.b = b;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            resetScratch();
            int na = a.eval(t);
            if (na == 0) {
                return 0;
            }
            int nb = b.eval(t);
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    int m = Math.min(a.len[i], b.len[j]);
                    int mark = scratchMark();
                    for (int k = 0; k < m; k++) {
                        scratch(u8(a.seg[i], a.at[i] + k) & u8(b.seg[j], b.at[j] + k));
                    }
                    endScratch(mark);
                }
            }
            return n;
        }
    }

    /** {@code string()}, {@code dec()}, {@code hex()}: the text of integers and addresses, rendered without allocating. */
    static final class Text extends Vals {
        static final int DEC = 0, HEX = 1, IPV4 = 2, IPV6 = 3, ETHER = 4;
        private static final char[] DIGITS = "0123456789abcdef".toCharArray();
        private final Vals src;
        private final int mode;
        private final boolean unsigned;
        private final int hexWidth;
        private final StringBuilder address = new StringBuilder(AddressText.IPV6_MAX_LENGTH);

        Text(Vals src, int mode, FieldType type) {
            this.src = src;
            this.mode = mode;
            this.unsigned = !type.isSigned();
            this.hexWidth = Math.max(1, type.size()) * 2;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            resetScratch();
            int ns = src.eval(t);
            for (int i = 0; i < ns; i++) {
                int mark = scratchMark();
                switch (mode) {
                    case DEC -> decimal(src.l[i]);
                    case HEX -> hex(src.l[i]);
                    case IPV4 -> scratchAscii(AddressText.ipv4(clearedAddress(), src.l[i]));
                    case IPV6 -> scratchAscii(AddressText.ipv6(clearedAddress(), src.seg[i], src.at[i]));
                    default -> {
                        for (int b = 0; b < src.len[i]; b++) {
                            if (b > 0) {
                                scratch(':');
                            }
                            int x = u8(src.seg[i], src.at[i] + b);
                            scratch(DIGITS[x >> 4]);
                            scratch(DIGITS[x & 0xF]);
                        }
                    }
                }
                endScratch(mark);
            }
            return n;
        }

        private void decimal(long v) {
            if (!unsigned && v < 0) {
                scratch('-');
                if (v == Long.MIN_VALUE) {
                    scratchAscii("9223372036854775808");
                    return;
                }
                v = -v;
            }
            // Unsigned 64-bit values above Long.MAX_VALUE: peel off the last digit first.
            if (v < 0) {
                long q = Long.divideUnsigned(v, 10);
                decimal(q);
                scratch('0' + (int) Long.remainderUnsigned(v, 10));
                return;
            }
            long p = 1;
            while (p <= v / 10) {
                p *= 10;
            }
            for (; p > 0; p /= 10) {
                scratch('0' + (int) ((v / p) % 10));
            }
        }

        private void hex(long v) {
            scratch('0');
            scratch('x');
            int digits = Math.max(hexWidth, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
            for (int k = digits - 1; k >= 0; k--) {
                scratch(DIGITS[(int) ((v >>> (4 * k)) & 0xF)]);
            }
        }

        /** The reused builder that addresses are written into before they are copied to the scratch bytes. */
        private StringBuilder clearedAddress() {
            address.setLength(0);
            return address;
        }
    }

    /** {@code vals()}: the value name of each integer occurrence (the number when it has none). */
    static final class Names extends Vals {
        private final Vals src;
        private final long[] keys;
        private final byte[][] names;

        Names(Vals src, long[] keys, byte[][] names) {
            this.src = src;
            this.keys = keys;
            this.names = names;
            initBytes();
        }

        @Override
        int eval(Tree t) {
            n = 0;
            resetScratch();
            int ns = src.eval(t);
            for (int i = 0; i < ns; i++) {
                int k = java.util.Arrays.binarySearch(keys, src.l[i]);
                int mark = scratchMark();
                if (k >= 0) {
                    for (byte b : names[k]) {
                        scratch(b);
                    }
                } else {
                    fallbackDecimal(src.l[i]);
                }
                endScratch(mark);
            }
            return n;
        }

        /** A value without a name shows as its number, rendered digit by digit without a String. */
        private void fallbackDecimal(long v) {
            if (v < 0) {
                scratch('-');
                v = -v;
            }
            long p = 1;
            while (p <= v / 10) {
                p *= 10;
            }
            for (; p > 0; p /= 10) {
                scratch('0' + (int) ((v / p) % 10));
            }
        }
    }
}
