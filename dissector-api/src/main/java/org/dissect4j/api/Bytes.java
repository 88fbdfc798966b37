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
    public static final ValueLayout.OfByte U8 = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong LE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    public static int u8(MemorySegment s, long at) {
        return s.get(U8, at) & 0xFF;
    }

    public static int u16(MemorySegment s, long at) {
        return s.get(BE16, at) & 0xFFFF;
    }

    public static int u24(MemorySegment s, long at) {
        return (u8(s, at) << 16) | u16(s, at + 1);
    }

    public static long u32(MemorySegment s, long at) {
        return s.get(BE32, at) & 0xFFFF_FFFFL;
    }

    public static int i32(MemorySegment s, long at) {
        return s.get(BE32, at);
    }

    public static long u64(MemorySegment s, long at) {
        return s.get(BE64, at);
    }

    public static int u16le(MemorySegment s, long at) {
        return s.get(LE16, at) & 0xFFFF;
    }

    public static long u32le(MemorySegment s, long at) {
        return s.get(LE32, at) & 0xFFFF_FFFFL;
    }

    public static long u64le(MemorySegment s, long at) {
        return s.get(LE64, at);
    }

    /** {@code n} bytes (1..8) big-endian as an unsigned long. */
    public static long uN(MemorySegment s, long at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | u8(s, at + i);
        }
        return v;
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes, folded but not complemented, added to {@code sum}. */
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
