package org.dissect4j.net;

import java.lang.foreign.MemorySegment;
import org.dissect4j.api.AddressText;
import org.dissect4j.api.Bytes;

/**
 * Allocation-free text helpers for the Info column and generated strings: MAC addresses and numbers
 * appended to a caller's {@link StringBuilder} as Wireshark prints them (IP addresses: {@link AddressText}).
 */
final class NetFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NetFormat() {
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
