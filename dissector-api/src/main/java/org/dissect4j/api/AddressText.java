package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * IPv4 and IPv6 addresses as text, exactly as tshark 4.0.17 prints them; the one place that
 * knows the format, so field values, columns, filters and reports cannot drift apart.
 *
 * <p>IPv6 follows RFC 5952 as the C library's {@code inet_ntop} (which Wireshark uses) writes it:
 * lower-case hex without leading zeros; the longest run of two or more zero groups (the first of
 * equal runs) becomes {@code ::}; an address whose first 80 bits are zero is written with a dotted
 * quad when the next 16 bits are {@code ffff} ({@code ::ffff:1.2.3.4}, IPv4-mapped) or when exactly
 * the first 96 bits are zero ({@code ::1.2.3.4}, IPv4-compatible; {@code ::1} and {@code ::ffff}
 * stay hex because their zero run is longer).
 *
 * <p>The {@link StringBuilder} writers append and never allocate (beyond the builder's own
 * growth): an address is read into two longs, not into an array.
 */
public final class AddressText {
    /** The longest text {@link #ipv6} writes: eight groups of four hex digits. */
    public static final int IPV6_MAX_LENGTH = 39;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final VarHandle BE64_IN_ARRAY = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private AddressText() {
    }

    /**
     * Appends the dotted quad of the 32-bit address in the low bits of {@code address}.
     *
     * @param out where to append
     * @param address the address as an unsigned 32-bit number (higher bits are ignored)
     * @return {@code out}
     */
    public static StringBuilder ipv4(StringBuilder out, long address) {
        return out.append((int) (address >>> 24) & 0xFF).append('.').append((int) (address >>> 16) & 0xFF).append('.')
                .append((int) (address >>> 8) & 0xFF).append('.').append((int) address & 0xFF);
    }

    /**
     * Appends the dotted quad of the first four bytes of {@code address}.
     *
     * @param out where to append
     * @param address at least 4 bytes, network order
     * @return {@code out}
     */
    public static StringBuilder ipv4(StringBuilder out, byte[] address) {
        return ipv4(out, ((address[0] & 0xFFL) << 24) | ((address[1] & 0xFF) << 16) | ((address[2] & 0xFF) << 8)
                | (address[3] & 0xFF));
    }

    /**
     * Appends the text of the 16-byte IPv6 address at {@code at} of {@code seg}.
     *
     * @param out where to append
     * @param seg the segment holding the address
     * @param at where the 16 bytes start in {@code seg}
     * @return {@code out}
     */
    public static StringBuilder ipv6(StringBuilder out, MemorySegment seg, long at) {
        return ipv6(out, Bytes.u64(seg, at), Bytes.u64(seg, at + 8));
    }

    /**
     * Appends the text of the IPv6 address in the first 16 bytes of {@code address}.
     *
     * @param out where to append
     * @param address at least 16 bytes, network order
     * @return {@code out}
     */
    public static StringBuilder ipv6(StringBuilder out, byte[] address) {
        return ipv6(out, (long) BE64_IN_ARRAY.get(address, 0), (long) BE64_IN_ARRAY.get(address, 8));
    }

    /**
     * Appends the text of the IPv6 address whose first eight bytes are {@code high} and last eight {@code low}.
     *
     * @param out where to append
     * @param high the first 8 bytes, big-endian
     * @param low the last 8 bytes, big-endian
     * @return {@code out}
     */
    public static StringBuilder ipv6(StringBuilder out, long high, long low) {
        int zeroRun = longestZeroRun(high, low);
        int runStart = zeroRun >>> 4;
        int runLength = zeroRun & 0xF;
        if (runStart == 0 && (runLength == 6 || runLength == 5 && group(high, low, 5) == 0xFFFF)) {
            out.append(runLength == 5 ? "::ffff:" : "::");
            return ipv4(out, low & 0xFFFF_FFFFL);
        }
        for (int i = 0; i < 8; i++) {
            if (i == runStart && runLength > 0) {
                out.append("::");
                i += runLength - 1;
                continue;
            }
            if (i > 0 && i != runStart + runLength) {
                out.append(':');
            }
            hexGroup(out, group(high, low, i));
        }
        return out;
    }

    /**
     * The text of an IPv4 address, for code off the packet path (allocates).
     *
     * @param address the address as an unsigned 32-bit number
     * @return the dotted quad
     */
    public static String ipv4(long address) {
        return ipv4(new StringBuilder(15), address).toString();
    }

    /**
     * The text of the IPv6 address in the first 16 bytes of {@code address}, for code off the packet path (allocates).
     *
     * @param address at least 16 bytes, network order
     * @return the text
     */
    public static String ipv6(byte[] address) {
        return ipv6(new StringBuilder(IPV6_MAX_LENGTH), address).toString();
    }

    /**
     * The zero run that {@code ::} replaces, as {@code start << 4 | length}: the longest run of two or
     * more zero groups, the first one when runs tie; 0 when there is none (a lone zero group stays {@code 0}).
     */
    static int longestZeroRun(long high, long low) {
        int bestStart = 0;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (group(high, low, i) != 0) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < 8 && group(high, low, end) == 0) {
                end++;
            }
            if (end - i >= 2 && end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end;
        }
        return bestStart << 4 | bestLength;
    }

    /** The 16-bit group {@code i} (0 to 7) of the address. */
    private static int group(long high, long low, int i) {
        long half = i < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (i & 3))) & 0xFFFF;
    }

    /** Lower-case hex without leading zeros (one digit at least). */
    private static void hexGroup(StringBuilder out, int group) {
        int shift = 12;
        while (shift > 0 && (group >>> shift) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.append(HEX[(group >>> shift) & 0xF]);
        }
    }
}
