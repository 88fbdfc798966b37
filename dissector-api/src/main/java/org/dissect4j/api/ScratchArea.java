package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A packet's byte area for what is not in any data source: generated strings and bytes, custom labels,
 * expert messages, the positions items are shown at. Reset per packet; it grows by doubling up to a bound
 * (past it, writes are dropped), so a warmed-up tree allocates nothing here.
 */
final class ScratchArea {
    private static final int MAX_BYTES = 64 << 20;

    private byte[] bytes = new byte[1024];
    /** The bytes as a segment, replaced when the array grows. */
    MemorySegment segment = MemorySegment.ofArray(bytes);
    /** Bytes in use. */
    int length;

    /** Whether {@code n} more bytes fit, growing the area (doubling, up to its bound) if needed. */
    boolean room(int n) {
        long need = (long) length + n;
        if (need <= bytes.length) {
            return true;
        }
        if (need > MAX_BYTES) {
            return false;
        }
        int c = bytes.length;
        while (c < need) {
            c *= 2;
        }
        bytes = Arrays.copyOf(bytes, c);
        segment = MemorySegment.ofArray(bytes);
        return true;
    }

    void put(byte b) {
        if (room(1)) {
            bytes[length++] = b;
        }
    }

    /** Appends {@code s} encoded as UTF-8. */
    void put(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                put((byte) c);
            } else if (c < 0x800) {
                put((byte) (0xC0 | (c >> 6)));
                put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put((byte) (0xF0 | (cp >> 18)));
                put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                put((byte) (0x80 | (cp & 0x3F)));
            } else {
                put((byte) (0xE0 | (c >> 12)));
                put((byte) (0x80 | ((c >> 6) & 0x3F)));
                put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    /** Appends {@code len} bytes of {@code from} at {@code at}; returns where they start. */
    int copy(MemorySegment from, long at, int len) {
        int start = length;
        if (len > 0 && room(len)) {
            // one bulk copy instead of a bounds-checked segment read per byte
            MemorySegment.copy(from, Bytes.U8, at, bytes, start, len);
            length = start + len;
        } else {
            for (int i = 0; i < len; i++) {
                put(from.get(Bytes.U8, at + i));
            }
        }
        return start;
    }

    /** Writes a little-endian int at {@code at} (inside the used bytes). */
    // A view of the array itself: the segment is a field that changes when the area grows, and going
    // through it cost TCP's every-field path more than the rest of tcp.flags.str (JFR, TcpDissectBenchmark).
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    void setInt(int at, int v) {
        INT_LE.set(bytes, at, v);
    }

    int getInt(int at) {
        return (int) INT_LE.get(bytes, at);
    }
}
