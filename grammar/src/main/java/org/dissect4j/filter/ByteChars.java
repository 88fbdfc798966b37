package org.dissect4j.filter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A reusable {@link CharSequence} view of bytes in a segment, one char per byte (ISO-8859-1), so a
 * regular expression runs over packet bytes without copying them. {@link #subSequence} copies;
 * {@link java.util.regex.Matcher#find()} does not call it.
 *
 * <p><b>Step budget.</b> {@code java.util.regex} backtracks, so a pattern like {@code (.*a){20}x} takes
 * exponential time on a 40-byte value. Every character the matcher reads counts against a budget set
 * by {@link #wrap}; past it {@link #charAt} throws {@link #OVER_BUDGET} and the caller treats the value as
 * not matching — as PCRE2 (tshark's engine) gives up at its match limit.
 */
final class ByteChars implements CharSequence {
    /** Thrown (preallocated, without a stack trace) when a match has read more characters than its budget. */
    static final RuntimeException OVER_BUDGET = new RuntimeException("regular expression step budget exhausted", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private MemorySegment seg;
    private long at;
    private int len;
    private long steps;

    /**
     * Views {@code len} bytes at {@code at} and allows {@code budget} character reads from now on.
     */
    ByteChars wrap(MemorySegment seg, long at, int len, long budget) {
        this.seg = seg;
        this.at = at;
        this.len = len;
        this.steps = budget;
        return this;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        if (--steps < 0) {
            throw OVER_BUDGET;
        }
        return (char) (seg.get(ValueLayout.JAVA_BYTE, at + index) & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            sb.append(charAt(i));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return subSequence(0, len).toString();
    }
}
