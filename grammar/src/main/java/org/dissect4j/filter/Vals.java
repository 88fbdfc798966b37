package org.dissect4j.filter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import org.dissect4j.api.Tree;

/**
 * A compiled value: the list of values an operand has in the current packet. {@link #eval} fills
 * reusable arrays and returns how many values there are ({@link #n}); they stay valid until the
 * node is evaluated again. Each node uses one representation: longs ({@link #l}, integers,
 * booleans, IPv4, times), doubles ({@link #d}) or byte ranges ({@link #seg}/{@link #at}/{@link #len},
 * pointing into the packet or into the node's own scratch buffer). Arrays only grow, so steady-state
 * evaluation allocates nothing.
 */
abstract class Vals {
    int n;
    long[] l = new long[4];
    double[] d;
    MemorySegment[] seg;
    long[] at;
    int[] len;
    /** IPv4 netmask per value (constants with a CIDR block), or {@code null} for /32 everywhere. */
    long[] mask;
    /** IPv6 prefix bits per value (-1 = all 128), or {@code null}. */
    int[] prefix;

    private byte[] buf;
    private MemorySegment bufSeg;
    private int bufLen;

    abstract int eval(Tree t);

    final void initDoubles() {
        d = new double[4];
    }

    final void initBytes() {
        seg = new MemorySegment[4];
        at = new long[4];
        len = new int[4];
    }

    final void putLong(long v) {
        if (n == l.length) {
            l = Arrays.copyOf(l, n * 2);
        }
        l[n++] = v;
    }

    final void putDouble(double v) {
        if (n == d.length) {
            d = Arrays.copyOf(d, n * 2);
        }
        d[n++] = v;
    }

    final void putRange(MemorySegment s, long a, int length) {
        if (n == seg.length) {
            int c = n * 2;
            seg = Arrays.copyOf(seg, c);
            at = Arrays.copyOf(at, c);
            len = Arrays.copyOf(len, c);
        }
        seg[n] = s;
        at[n] = a;
        len[n] = length;
        n++;
    }

    // ---- scratch bytes for computed values ----------------------------------------------------

    final void resetScratch() {
        bufLen = 0;
    }

    /** Where the next scratch byte goes; start a value with this, then {@link #scratch(int)} bytes, then {@link #endScratch}. */
    final int scratchMark() {
        return bufLen;
    }

    final void scratch(int b) {
        if (buf == null || bufLen == buf.length) {
            buf = buf == null ? new byte[64] : Arrays.copyOf(buf, buf.length * 2);
            bufSeg = MemorySegment.ofArray(buf);
        }
        buf[bufLen++] = (byte) b;
    }

    final void scratchAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            scratch(s.charAt(i));
        }
    }

    /**
     * Records the scratch bytes since {@code mark} as a value. A buffer that grew meanwhile left
     * earlier values in the old array, which stays valid: their segments still point at it.
     */
    final void endScratch(int mark) {
        if (bufSeg == null) {
            buf = new byte[64];
            bufSeg = MemorySegment.ofArray(buf);
        }
        putRange(bufSeg, mark, bufLen - mark);
    }

    static int u8(MemorySegment s, long a) {
        return s.get(ValueLayout.JAVA_BYTE, a) & 0xFF;
    }

    /** An empty list: field references (tshark has no selected packet). */
    static final class None extends Vals {
        None(Kind k) {
            if (k.isDouble()) {
                initDoubles();
            } else if (k.isBytes()) {
                initBytes();
            }
        }

        @Override
        int eval(Tree t) {
            return n = 0;
        }
    }
}
