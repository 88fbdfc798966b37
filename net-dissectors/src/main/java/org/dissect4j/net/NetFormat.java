package org.dissect4j.net;

import java.lang.foreign.MemorySegment;
import org.dissect4j.api.Bytes;

/**
 * Allocation-free text helpers for the Info column and generated strings: addresses and numbers
 * appended to a caller's {@link StringBuilder} as Wireshark prints them.
 */
final class NetFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NetFormat() {
    }

    /** Dotted quad of a 32-bit address. */
    static StringBuilder ipv4(StringBuilder out, long v) {
        return out.append((int) (v >>> 24) & 0xFF).append('.').append((int) (v >>> 16) & 0xFF).append('.')
                .append((int) (v >>> 8) & 0xFF).append('.').append((int) v & 0xFF);
    }

    /** RFC 5952 text of the 16-byte address at {@code at} (longest run of two or more zero groups as {@code ::}). */
    static StringBuilder ipv6(StringBuilder out, MemorySegment seg, long at) {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (Bytes.u16(seg, at + 2L * i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && Bytes.u16(seg, at + 2L * j) == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestStart == 0 && (bestLen == 5 && Bytes.u16(seg, at + 10) == 0xFFFF)) {
            // IPv4-mapped address, ::ffff:a.b.c.d
            out.append("::ffff:");
            return ipv4(out, Bytes.u32(seg, at + 12));
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                out.append(':');
            }
            hexDigits(out, Bytes.u16(seg, at + 2L * i));
        }
        return out;
    }

    /** {@code aa:bb:cc:dd:ee:ff} of the 6 bytes at {@code at}. */
    static StringBuilder mac(StringBuilder out, MemorySegment seg, long at) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                out.append(':');
            }
            int b = Bytes.u8(seg, at + i);
            out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
        return out;
    }

    /** {@code n} bytes as lower-case hex pairs separated by {@code sep} (0 for none). */
    static StringBuilder hexBytes(StringBuilder out, MemorySegment seg, long at, int n, char sep) {
        for (int i = 0; i < n; i++) {
            if (i > 0 && sep != 0) {
                out.append(sep);
            }
            int b = Bytes.u8(seg, at + i);
            out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
        return out;
    }

    /** Lower-case hex digits without leading zeros (at least one digit). */
    static StringBuilder hexDigits(StringBuilder out, long v) {
        int shift = 60;
        while (shift > 0 && ((v >>> shift) & 0xF) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (v >>> shift) & 0xF]);
        }
        return out;
    }

    /** Exactly {@code digits} lower-case hex digits, zero-padded. */
    static StringBuilder hexPadded(StringBuilder out, long v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (v >>> shift) & 0xF]);
        }
        return out;
    }

    /** {@code 0x} and {@code digits} hex digits. */
    static StringBuilder hex(StringBuilder out, long v, int digits) {
        return hexPadded(out.append("0x"), v, digits);
    }
}
