package org.dissect4j.cli;

import java.io.PrintStream;

/**
 * Writes text to a {@link PrintStream} as UTF-8 bytes through one reused buffer: no String per line and no pass
 * through the stream's charset encoder, which took a third of {@code -V}'s time (a lone surrogate becomes '?', as
 * the encoder makes it). The stream's own {@code print} calls may be mixed in: PrintStream writes those through at
 * once, so the order holds.
 */
final class Utf8Out {
    private byte[] buf = new byte[1 << 13];

    /** {@code s} as UTF-8. */
    void print(PrintStream out, CharSequence s) {
        int n = encode(s, 0);       // first: encode may replace the buffer
        out.write(buf, 0, n);
    }

    /** {@code s} and a line feed. */
    void println(PrintStream out, CharSequence s) {
        int n = encode(s, 1);
        buf[n++] = '\n';
        out.write(buf, 0, n);
    }

    private int encode(CharSequence s, int extra) {
        int len = s.length();
        if (buf.length < 3 * len + extra) {
            buf = new byte[Math.max(3 * len + extra, buf.length * 2)];
        }
        byte[] b = buf;
        int n = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[n++] = (byte) (0xF0 | cp >> 18);
                    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    b[n++] = '?';
                }
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}
