package org.dissect4j.filter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A reusable {@link CharSequence} view of bytes in a segment, one char per byte (ISO-8859-1), so a
 * regular expression runs over packet bytes without copying them. {@link #subSequence} copies;
 * {@link java.util.regex.Matcher#find()} does not call it.
 */
final class ByteChars implements CharSequence {
    private MemorySegment seg;
    private long at;
    private int len;

    ByteChars wrap(MemorySegment seg, long at, int len) {
        this.seg = seg;
        this.at = at;
        this.len = len;
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
