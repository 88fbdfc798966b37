package org.dissect4j.api;

/**
 * Scanning helpers for line-oriented text protocols (HTTP/1.x, RESP, SIP, SMTP, ...): lines ending in
 * CR LF or a bare LF, separators, blanks, ASCII case-insensitive comparison and decimal or hexadecimal
 * numbers, read in place from a {@link Packet}'s current data source.
 *
 * <p>Every method reads only the bytes of {@code [from, end)} (offsets as in {@link Packet#u8}), checks
 * that range once with {@link Packet#require} (so a range past the captured bytes throws the preallocated
 * {@link PacketBoundsException}, like any checked read) and then reads without further checks. Callers
 * usually bound {@code end} by {@link Packet#capturedEnd()}. Nothing is allocated; patterns are passed as
 * {@code byte[]} constants, and the {@code IgnoreCase} methods expect them in lower case.
 */
public final class AsciiScan {
    private AsciiScan() {
    }

    /**
     * Whether {@code c} is an ASCII digit {@code 0}..{@code 9}.
     *
     * @param c a byte value
     * @return {@code true} for {@code '0'}..{@code '9'}
     */
    public static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The value of ASCII hexadecimal digit {@code c} ({@code 0-9}, {@code a-f}, {@code A-F}), or -1.
     *
     * @param c a byte value
     * @return 0..15, or -1 when {@code c} is not a hex digit
     */
    public static int hexValue(int c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * {@code c} with ASCII upper-case letters made lower case; every other value unchanged.
     *
     * @param c a byte value
     * @return {@code c}, lower-cased when it is {@code 'A'}..{@code 'Z'}
     */
    public static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /**
     * The end of the line that starts at {@code from}: the offset of its CR LF, or of its LF when no CR
     * precedes it; -1 when there is no LF before {@code end}. The next line starts at
     * {@link #nextLine(Packet, int)} of the result.
     *
     * @param p the packet
     * @param from where the line starts in the current data source
     * @param end the end of the range searched (exclusive)
     * @return the offset of the line's CR LF or LF, or -1
     */
    public static int lineEnd(Packet p, int from, int end) {
        int lf = indexOf(p, from, end, '\n');
        if (lf < 0) {
            return -1;
        }
        return lf > from && Bytes.u8(p.segment(), p.base() + lf - 1) == '\r' ? lf - 1 : lf;
    }

    /**
     * Where the line after a line end found by {@link #lineEnd} starts: past its CR LF or LF.
     *
     * @param p the packet
     * @param lineEnd a result of {@link #lineEnd} (not -1)
     * @return the offset of the next line
     */
    public static int nextLine(Packet p, int lineEnd) {
        p.require(lineEnd, 1);
        return Bytes.u8(p.segment(), p.base() + lineEnd) == '\r' ? lineEnd + 2 : lineEnd + 1;
    }

    /**
     * The offset of the first byte {@code b} in {@code [from, end)}, or -1.
     *
     * @param p the packet
     * @param from the first offset searched
     * @param end the end of the range (exclusive)
     * @param b the byte value looked for
     * @return the offset, or -1
     */
    public static int indexOf(Packet p, int from, int end, int b) {
        if (!readable(p, from, end)) {
            return -1;
        }
        var seg = p.segment();
        long base = p.base();
        for (int i = from; i < end; i++) {
            if (Bytes.u8(seg, base + i) == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first offset in {@code [from, end)} that is not a space or horizontal tab, or {@code end}.
     *
     * @param p the packet
     * @param from the start of the range
     * @param end the end of the range (exclusive)
     * @return the offset of the first non-blank byte, or {@code end}
     */
    public static int skipBlanks(Packet p, int from, int end) {
        if (!readable(p, from, end)) {
            return from;
        }
        var seg = p.segment();
        long base = p.base();
        int i = from;
        while (i < end && isBlank(Bytes.u8(seg, base + i))) {
            i++;
        }
        return i;
    }

    /**
     * {@code end} moved back over spaces and horizontal tabs, but not before {@code from}.
     *
     * @param p the packet
     * @param from the start of the range
     * @param end the end of the range (exclusive)
     * @return the end without trailing blanks
     */
    public static int trimBlanks(Packet p, int from, int end) {
        if (!readable(p, from, end)) {
            return end;
        }
        var seg = p.segment();
        long base = p.base();
        int i = end;
        while (i > from && isBlank(Bytes.u8(seg, base + i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * Whether {@code [at, end)} begins with {@code prefix}, byte for byte.
     *
     * @param p the packet
     * @param at the start of the range
     * @param end the end of the range (exclusive)
     * @param prefix the bytes expected
     * @return {@code true} when the range is long enough and starts with {@code prefix}
     */
    public static boolean startsWith(Packet p, int at, int end, byte[] prefix) {
        if (end - at < prefix.length) {
            return false;
        }
        return matches(p, at, prefix, false);
    }

    /**
     * Whether {@code [at, end)} begins with {@code lowerPrefix}, ignoring ASCII case.
     *
     * @param p the packet
     * @param at the start of the range
     * @param end the end of the range (exclusive)
     * @param lowerPrefix the bytes expected, in lower case
     * @return {@code true} when the range is long enough and starts with {@code lowerPrefix}
     */
    public static boolean startsWithIgnoreCase(Packet p, int at, int end, byte[] lowerPrefix) {
        if (end - at < lowerPrefix.length) {
            return false;
        }
        return matches(p, at, lowerPrefix, true);
    }

    /**
     * Whether {@code [at, end)} is exactly {@code lowerName}, ignoring ASCII case (a header or command name).
     *
     * @param p the packet
     * @param at the start of the range
     * @param end the end of the range (exclusive)
     * @param lowerName the name, in lower case
     * @return {@code true} when the range has the name's length and matches it
     */
    public static boolean equalsIgnoreCase(Packet p, int at, int end, byte[] lowerName) {
        return end - at == lowerName.length && matches(p, at, lowerName, true);
    }

    /**
     * The offset of the first occurrence of {@code lowerWord} in {@code [from, end)}, ignoring ASCII case, or -1.
     *
     * @param p the packet
     * @param from the first offset searched
     * @param end the end of the range (exclusive)
     * @param lowerWord the bytes looked for, in lower case
     * @return the offset, or -1
     */
    public static int indexOfIgnoreCase(Packet p, int from, int end, byte[] lowerWord) {
        for (int i = from; i + lowerWord.length <= end; i++) {
            if (matches(p, i, lowerWord, true)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code [from, end)} as a non-negative decimal number; -1 when the range is empty, holds anything but
     * digits (no sign, no blanks) or would exceed about {@link Long#MAX_VALUE}.
     *
     * @param p the packet
     * @param from the start of the number
     * @param end the end of the number (exclusive)
     * @return the value, or -1
     */
    public static long parseDecimal(Packet p, int from, int end) {
        if (!readable(p, from, end)) {
            return -1;
        }
        var seg = p.segment();
        long base = p.base();
        long n = 0;
        for (int i = from; i < end; i++) {
            int c = Bytes.u8(seg, base + i);
            if (!isDigit(c) || n > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    /**
     * {@code [from, end)} as a hexadecimal number of 1 to 15 digits (either case, so it always fits a
     * non-negative long); -1 when the range is empty, longer, or holds anything but hex digits.
     *
     * @param p the packet
     * @param from the start of the number
     * @param end the end of the number (exclusive)
     * @return the value, or -1
     */
    public static long parseHex(Packet p, int from, int end) {
        if (end - from > 15 || !readable(p, from, end)) {
            return -1;
        }
        var seg = p.segment();
        long base = p.base();
        long n = 0;
        for (int i = from; i < end; i++) {
            int d = hexValue(Bytes.u8(seg, base + i));
            if (d < 0) {
                return -1;
            }
            n = n * 16 + d;
        }
        return n;
    }

    /** False for an empty range; else checks {@code [from, end)} once (throwing past the captured bytes) and returns true. */
    private static boolean readable(Packet p, int from, int end) {
        if (end <= from) {
            return false;
        }
        p.require(from, end - from);
        return true;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    /** Whether the bytes at {@code at} equal {@code s} (lower-cased first when {@code fold}); the caller checked the length. */
    private static boolean matches(Packet p, int at, byte[] s, boolean fold) {
        if (!readable(p, at, at + s.length)) {
            return true; // an empty pattern
        }
        var seg = p.segment();
        long base = p.base();
        for (int i = 0; i < s.length; i++) {
            int c = Bytes.u8(seg, base + at + i);
            if ((fold ? toLower(c) : c) != (s[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
