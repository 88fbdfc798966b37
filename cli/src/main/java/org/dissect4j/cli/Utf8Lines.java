package org.dissect4j.cli;

import java.io.PrintStream;

/**
 * Writes text as UTF-8 through one reused byte buffer: {@code PrintStream.println} would make a String and run a
 * charset encoder for every line, a third of the time of a summary run (and of {@code -V}).
 *
 * <p>Lines can also be {@linkplain #line kept} and written together by {@link #flush()}: one locked stream write
 * per packet instead of one per line of {@code -V}.
 */
final class Utf8Lines {
    private final PrintStream out;
    private byte[] buf = new byte[1024];
    /** Bytes kept by {@link #line} and not yet written. */
    private int kept;
    /** The text being encoded, copied out at once: a {@code charAt} call per character costs twice the encoding. */
    private char[] chars = new char[256];
    private boolean wide;

    Utf8Lines(PrintStream out) {
        this.out = out;
    }

    /** Writes {@code s} and a newline. Unpaired surrogates become '?', as the JDK's encoder writes them. */
    void println(CharSequence s) {
        line(s);
        flush();
    }

    /**
     * Writes {@code s} (the whole packet of a structured output). The stream's own {@code print} calls may be mixed
     * in: PrintStream writes those through at once, so the order holds.
     */
    void print(CharSequence s) {
        kept = encode(s, 0);
        flush();
    }

    /** Keeps {@code s} and a newline for the next {@link #flush()}. */
    void line(CharSequence s) {
        int j = encode(s, 1);
        buf[j++] = '\n';
        kept = j;
    }

    /** Writes what {@link #line} kept. */
    void flush() {
        if (kept > 0) {
            out.write(buf, 0, kept);
            kept = 0;
        }
    }

    /**
     * Whether the last text held a character beyond Latin-1. A StringBuilder that ever held one keeps two bytes per
     * character, and copying Latin-1 text into it goes character by character, for good: PDML went 30% slower after
     * the first '…' of a capture. Writers renew such a builder when this says so.
     */
    boolean wide() {
        return wide;
    }

    private int encode(CharSequence s, int extra) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] c = chars;
        if (s instanceof StringBuilder b) {
            b.getChars(0, n, c, 0);
        } else if (s instanceof String str) {
            str.getChars(0, n, c, 0);
        } else {
            for (int i = 0; i < n; i++) {
                c[i] = s.charAt(i);
            }
        }
        if (buf.length < kept + n * 3 + extra) {
            buf = java.util.Arrays.copyOf(buf, Math.max(kept + n * 3 + extra, buf.length * 2));
        }
        byte[] b = buf;
        int j = kept;
        int i = 0;
        while (i < n && c[i] < 0x80) {
            b[j++] = (byte) c[i++];
        }
        wide = false;
        return i == n ? j : encodeRest(c, i, n, j);
    }

    private int encodeRest(char[] s, int from, int n, int at) {
        byte[] b = buf;
        int j = at;
        for (int i = from; i < n; i++) {
            char c = s[i];
            if (c < 0x80) {
                b[j++] = (byte) c;
            } else if (c < 0x800) {
                wide |= c > 0xFF;
                b[j++] = (byte) (0xc0 | c >> 6);
                b[j++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                wide = true;
                int cp = Character.toCodePoint(c, s[++i]);
                b[j++] = (byte) (0xf0 | cp >> 18);
                b[j++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[j++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[j++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                wide = true;
                b[j++] = '?';
            } else {
                wide = true;
                b[j++] = (byte) (0xe0 | c >> 12);
                b[j++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[j++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return j;
    }
}
