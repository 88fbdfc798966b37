package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * ASCII text built in a reused byte array (fingerprint strings): appending is a plain array store,
 * with none of a StringBuilder's per-character capacity and coder checks, and the bytes go to the
 * tree and to digests without being encoded again.
 */
final class AsciiText implements CharSequence {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[512];
    private MemorySegment segment = MemorySegment.ofArray(bytes);
    private int length;

    void clear() {
        length = 0;
    }

    void setLength(int n) {
        length = n;
    }

    /** Makes room for {@code n} more bytes. */
    private byte[] room(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
            segment = MemorySegment.ofArray(bytes);
        }
        return bytes;
    }

    AsciiText append(char c) {
        room(1)[length++] = (byte) c;
        return this;
    }

    AsciiText append(String s) {
        byte[] b = room(s.length());
        for (int i = 0; i < s.length(); i++) {
            b[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Two decimal digits (0-99). */
    AsciiText twoDigits(int v) {
        byte[] b = room(2);
        b[length++] = (byte) ('0' + v / 10);
        b[length++] = (byte) ('0' + v % 10);
        return this;
    }

    /** Four lower-case hex digits of a 16-bit value. */
    AsciiText hex4(int v) {
        length = putHex4(room(4), length, v);
        return this;
    }

    /** {@code v[0..n)} as comma-separated 4-digit hex values. */
    AsciiText hex4List(int[] v, int n) {
        byte[] b = room(5 * n);
        int at = length;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b[at++] = ',';
            }
            at = putHex4(b, at, v[i]);
        }
        length = at;
        return this;
    }

    /** Writes the four hex digits of {@code v} at {@code at}; returns the index after them. */
    private static int putHex4(byte[] b, int at, int v) {
        b[at] = HEX[(v >> 12) & 0xf];
        b[at + 1] = HEX[(v >> 8) & 0xf];
        b[at + 2] = HEX[(v >> 4) & 0xf];
        b[at + 3] = HEX[v & 0xf];
        return at + 4;
    }

    /** Lower-case hex of the first {@code n} bytes of {@code src}. */
    AsciiText hexBytes(byte[] src, int n) {
        byte[] b = room(2 * n);
        for (int i = 0; i < n; i++) {
            b[length++] = HEX[(src[i] >> 4) & 0xf];
            b[length++] = HEX[src[i] & 0xf];
        }
        return this;
    }

    /** The backing array (valid until the next append); bytes {@code 0..length()}. */
    byte[] bytes() {
        return bytes;
    }

    MemorySegment segment() {
        return segment;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) bytes[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
