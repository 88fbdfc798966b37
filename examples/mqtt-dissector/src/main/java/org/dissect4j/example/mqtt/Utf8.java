package org.dissect4j.example.mqtt;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;

/** Appends UTF-8 bytes to a {@link StringBuilder} as text without making a String (for the Info column). */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    /** Appends {@code len} bytes at {@code at}; a byte that does not start or continue a valid sequence becomes U+FFFD. */
    static void append(StringBuilder out, MemorySegment seg, long at, int len) {
        int i = 0;
        while (i < len) {
            int b = Bytes.u8(seg, at + i);
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            // lead byte: how many continuation bytes follow, and the smallest code point allowed (no overlong forms)
            int extra = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
            int cp = extra == 3 ? b & 0x07 : extra == 2 ? b & 0x0F : b & 0x1F;
            int min = extra == 3 ? 0x10000 : extra == 2 ? 0x800 : 0x80;
            boolean ok = extra > 0 && i + extra < len;     // the continuation bytes i+1 .. i+extra are there
            if (ok) {
                for (int k = 1; k <= extra; k++) {
                    int c = Bytes.u8(seg, at + i + k);
                    if ((c & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = (cp << 6) | (c & 0x3F);
                }
            }
            if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            // appendCodePoint would allocate a char[2] (Character.toChars) for a code point beyond the BMP
            if (Character.isBmpCodePoint(cp)) {
                out.append((char) cp);
            } else {
                out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
            }
            i += 1 + extra;
        }
    }
}
