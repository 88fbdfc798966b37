package org.dissect4j.cli;

import java.io.PrintStream;

/**
 * Writes text as UTF-8 through one reused byte buffer: {@code PrintStream.println} would make a String and run a
 * charset encoder for every line, a third of the time of a summary run (and of {@code -V}).
 */
final class Utf8Lines {
    private final PrintStream out;
    private byte[] buf = new byte[1024];

    Utf8Lines(PrintStream out) {
        this.out = out;
    }

    /** Writes {@code s} and a newline. Unpaired surrogates become '?', as the JDK's encoder writes them. */
    void println(CharSequence s) {
        int j = encode(s, 1);
        buf[j++] = '\n';
        out.write(buf, 0, j);
    }

    /**
     * Writes {@code s} (the whole packet of a structured output). The stream's own {@code print} calls may be mixed
     * in: PrintStream writes those through at once, so the order holds.
     */
    void print(CharSequence s) {
        int j = encode(s, 0);       // first: encode may replace the buffer
        out.write(buf, 0, j);
    }

    private int encode(CharSequence s, int extra) {
        int n = s.length();
        if (buf.length < n * 3 + extra) {
            buf = new byte[Math.max(n * 3 + extra, buf.length * 2)];
        }
        byte[] b = buf;
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[j++] = (byte) c;
            } else if (c < 0x800) {
                b[j++] = (byte) (0xc0 | c >> 6);
                b[j++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[j++] = (byte) (0xf0 | cp >> 18);
                b[j++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[j++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[j++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                b[j++] = '?';
            } else {
                b[j++] = (byte) (0xe0 | c >> 12);
                b[j++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[j++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return j;
    }
}
