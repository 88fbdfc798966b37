package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Unchecked big- and little-endian reads from a {@link MemorySegment}, widened to unsigned where
 * the name says so. Callers check bounds once (see {@link Packet#require}) and then read freely;
 * the segment's own bounds check is the last line of defence.
 */
public final class Bytes {
    /** One byte (read it with {@code & 0xFF} for the unsigned value, as {@link #u8} does). */
    public static final ValueLayout.OfByte U8 = ValueLayout.JAVA_BYTE;
    /** A big-endian 16-bit value at any alignment. */
    public static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** A big-endian 32-bit value at any alignment. */
    public static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** A big-endian 64-bit value at any alignment. */
    public static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** A little-endian 16-bit value at any alignment. */
    public static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** A little-endian 32-bit value at any alignment. */
    public static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** A little-endian 64-bit value at any alignment. */
    public static final ValueLayout.OfLong LE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /**
     * One unsigned byte.
     *
     * @param s the segment
     * @param at the byte offset in {@code s}
     * @return the byte, 0..255
     * @throws IndexOutOfBoundsException when {@code at} is outside {@code s}
     */
    public static int u8(MemorySegment s, long at) {
        return s.get(U8, at) & 0xFF;
    }

    /**
     * An unsigned big-endian 16-bit value.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the value, 0..65535
     * @throws IndexOutOfBoundsException when the 2 bytes are not all inside {@code s}
     */
    public static int u16(MemorySegment s, long at) {
        return s.get(BE16, at) & 0xFFFF;
    }

    /**
     * An unsigned big-endian 24-bit value.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the value, 0..2<sup>24</sup>-1
     * @throws IndexOutOfBoundsException when the 3 bytes are not all inside {@code s}
     */
    public static int u24(MemorySegment s, long at) {
        return (u8(s, at) << 16) | u16(s, at + 1);
    }

    /**
     * An unsigned big-endian 32-bit value.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the value, 0..2<sup>32</sup>-1
     * @throws IndexOutOfBoundsException when the 4 bytes are not all inside {@code s}
     */
    public static long u32(MemorySegment s, long at) {
        return s.get(BE32, at) & 0xFFFF_FFFFL;
    }

    /**
     * A signed big-endian 32-bit value.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the value as a Java {@code int}
     * @throws IndexOutOfBoundsException when the 4 bytes are not all inside {@code s}
     */
    public static int i32(MemorySegment s, long at) {
        return s.get(BE32, at);
    }

    /**
     * A big-endian 64-bit value. Java has no unsigned long: values of 2<sup>63</sup> and above come
     * back negative (print them with {@link Long#toUnsignedString(long)}).
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the 64 bits as a {@code long}
     * @throws IndexOutOfBoundsException when the 8 bytes are not all inside {@code s}
     */
    public static long u64(MemorySegment s, long at) {
        return s.get(BE64, at);
    }

    /**
     * An unsigned little-endian 16-bit value.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the value, 0..65535
     * @throws IndexOutOfBoundsException when the 2 bytes are not all inside {@code s}
     */
    public static int u16le(MemorySegment s, long at) {
        return s.get(LE16, at) & 0xFFFF;
    }

    /**
     * An unsigned little-endian 32-bit value.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the value, 0..2<sup>32</sup>-1
     * @throws IndexOutOfBoundsException when the 4 bytes are not all inside {@code s}
     */
    public static long u32le(MemorySegment s, long at) {
        return s.get(LE32, at) & 0xFFFF_FFFFL;
    }

    /**
     * A little-endian 64-bit value (values of 2<sup>63</sup> and above come back negative, as for
     * {@link #u64}).
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @return the 64 bits as a {@code long}
     * @throws IndexOutOfBoundsException when the 8 bytes are not all inside {@code s}
     */
    public static long u64le(MemorySegment s, long at) {
        return s.get(LE64, at);
    }

    /**
     * {@code n} bytes big-endian as an unsigned long (for {@code n} = 8 the result may be negative, as
     * for {@link #u64}). {@code n} is not checked: 0 or less gives 0, more than 8 keeps the last 8 bytes.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @param n the number of bytes, 1..8
     * @return the value
     * @throws IndexOutOfBoundsException when the {@code n} bytes are not all inside {@code s}
     */
    public static long uN(MemorySegment s, long at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | u8(s, at + i);
        }
        return v;
    }

    /**
     * The Internet checksum (RFC 1071) of {@code length} bytes, folded but not complemented, added to
     * {@code sum}: big-endian 16-bit words, an odd last byte padded with a zero byte. Call it once per
     * part of a pseudo-header and payload, passing the previous result as {@code sum}; a packet whose
     * checksum field is right sums to {@code 0xFFFF}.
     *
     * @param s the segment
     * @param at the byte offset of the first byte in {@code s}
     * @param length the number of bytes to add
     * @param sum the sum so far (0 to start)
     * @return the folded 16-bit sum, 0..0xFFFF
     * @throws IndexOutOfBoundsException when the bytes are not all inside {@code s}
     */
    public static int onesComplementSum(MemorySegment s, long at, int length, long sum) {
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += u16(s, at + i);
        }
        if (i < length) {
            sum += u8(s, at + i) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }
}
