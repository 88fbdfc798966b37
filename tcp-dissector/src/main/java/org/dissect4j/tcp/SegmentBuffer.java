package org.dissect4j.tcp;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The bytes of one PDU being reassembled (Wireshark's {@code fragment_head} for a TCP MSP): a buffer
 * indexed by offset from the PDU's first sequence number, the byte ranges written so far (overlapping
 * data keeps the bytes that arrived first, as Wireshark's reassembly does), the total length once the
 * segment that ends the PDU was added, and the frames that contributed (for {@code tcp.segment}).
 *
 * <p>Allocated per stream direction, grown with the PDU and bounded by the {@link ReassemblyBudget}.
 */
final class SegmentBuffer {
    private static final int MAX_RANGES = 512;
    private static final int MAX_SEGMENTS = 1 << 16;
    /** A buffer up to this size is kept for the stream's next PDU; a larger one is given back. */
    private static final int KEEP_CAPACITY = 16 * 1024;
    /** An announced length up to this size is allocated at once; a larger one grows as data comes (it may never come). */
    private static final int EXPECTED_LIMIT = 256 * 1024;

    byte[] data;
    MemorySegment view;
    private int[] rangeStart = new int[4];
    private int[] rangeEnd = new int[4];
    private int ranges;
    int total = -1;
    /**
     * The PDU's length when the upper layer announced it (0 when unknown): the buffer is then sized
     * once instead of doubling through every smaller size (a 16 KiB TLS record cost 64 KiB of arrays).
     */
    int expected;
    long[] segFrame = new long[8];
    int[] segOffset = new int[8];
    int[] segLength = new int[8];
    int segCount;

    /** Forgets the PDU; a large buffer is given back so idle streams hold little memory. */
    void reset(ReassemblyBudget budget) {
        ranges = 0;
        total = -1;
        expected = 0;
        segCount = 0;
        if (data != null && data.length > KEEP_CAPACITY) {
            release(budget);
        }
    }

    void release(ReassemblyBudget budget) {
        if (data != null) {
            budget.give(data.length);
            data = null;
            view = null;
        }
        ranges = 0;
        total = -1;
        expected = 0;
        segCount = 0;
    }

    int capacity() {
        return data == null ? 0 : data.length;
    }

    /**
     * Adds {@code len} bytes from {@code src} at {@code at} as PDU offset {@code off}; {@code last} says
     * this segment ends the PDU. Returns false when a bound would be exceeded (nothing is added).
     */
    boolean add(MemorySegment src, long at, int off, int len, boolean last, long frame, ReassemblyBudget budget) {
        if (off < 0 || len < 0) {
            return false;
        }
        long end = (long) off + len;
        if (end > budget.maxStream) {
            return false;
        }
        if (!ensure((int) end, budget)) {
            return false;
        }
        if (len > 0) {
            // Copy only the bytes no earlier segment supplied.
            int pos = off;
            for (int i = 0; i < ranges && pos < end; i++) {
                if (rangeEnd[i] <= pos) {
                    continue;
                }
                if (rangeStart[i] >= end) {
                    break;
                }
                if (rangeStart[i] > pos) {
                    MemorySegment.copy(src, java.lang.foreign.ValueLayout.JAVA_BYTE, at + (pos - off), data, pos,
                            rangeStart[i] - pos);
                }
                pos = Math.max(pos, rangeEnd[i]);
            }
            if (pos < end) {
                MemorySegment.copy(src, java.lang.foreign.ValueLayout.JAVA_BYTE, at + (pos - off), data, pos,
                        (int) (end - pos));
            }
            if (!addRange(off, (int) end)) {
                return false;
            }
        }
        if (last) {
            total = (int) end;
        }
        addSegment(frame, off, len);
        return true;
    }

    /** Copies {@code len} bytes at {@code from} of another buffer to offset 0 of this one (splitting a PDU). */
    boolean takeTail(SegmentBuffer other, int from, int len, ReassemblyBudget budget) {
        if (!ensure(len, budget)) {
            return false;
        }
        System.arraycopy(other.data, from, data, 0, len);
        ranges = 0;
        if (len > 0) {
            addRange(0, len);
        }
        return true;
    }

    /** Whether every byte of the PDU, up to its known total, is here. */
    boolean complete() {
        return total >= 0 && (total == 0 || ranges > 0 && rangeStart[0] == 0 && rangeEnd[0] >= total);
    }

    /** Length of the contiguous bytes from offset 0. */
    int contiguous() {
        return ranges > 0 && rangeStart[0] == 0 ? rangeEnd[0] : 0;
    }

    /** Forget the total so that more segments can be added (the dissector asked for more). */
    void partial() {
        total = -1;
    }

    private boolean ensure(int size, ReassemblyBudget budget) {
        int cap = capacity();
        if (size <= cap) {
            return true;
        }
        int n;
        if (size <= expected && expected <= EXPECTED_LIMIT) {
            n = expected;
        } else {
            n = Math.max(256, cap); // most PDUs are small: memory grows with streams, not with the largest PDU
            while (n < size) {
                n = n > (Integer.MAX_VALUE >> 1) ? Integer.MAX_VALUE - 8 : n * 2;
            }
        }
        n = Math.min(n, Math.max(size, budget.maxStream));
        if (!budget.take(n - (long) cap)) {
            return false;
        }
        byte[] d = new byte[n];
        if (data != null) {
            System.arraycopy(data, 0, d, 0, data.length);
        }
        data = d;
        view = MemorySegment.ofArray(d);
        return true;
    }

    private boolean addRange(int s, int e) {
        int i = 0;
        while (i < ranges && rangeEnd[i] < s) {
            i++;
        }
        int j = i;
        int ns = s, ne = e;
        while (j < ranges && rangeStart[j] <= e) {
            ns = Math.min(ns, rangeStart[j]);
            ne = Math.max(ne, rangeEnd[j]);
            j++;
        }
        int removed = j - i;
        if (removed == 0) {
            if (ranges == MAX_RANGES) {
                return false;
            }
            if (ranges == rangeStart.length) {
                rangeStart = Arrays.copyOf(rangeStart, ranges * 2);
                rangeEnd = Arrays.copyOf(rangeEnd, ranges * 2);
            }
            System.arraycopy(rangeStart, i, rangeStart, i + 1, ranges - i);
            System.arraycopy(rangeEnd, i, rangeEnd, i + 1, ranges - i);
            ranges++;
        } else if (removed > 1) {
            System.arraycopy(rangeStart, j, rangeStart, i + 1, ranges - j);
            System.arraycopy(rangeEnd, j, rangeEnd, i + 1, ranges - j);
            ranges -= removed - 1;
        }
        rangeStart[i] = ns;
        rangeEnd[i] = ne;
        return true;
    }

    private void addSegment(long frame, int off, int len) {
        if (segCount >= MAX_SEGMENTS) {
            return;
        }
        if (segCount == segFrame.length) {
            int n = segCount * 2;
            segFrame = Arrays.copyOf(segFrame, n);
            segOffset = Arrays.copyOf(segOffset, n);
            segLength = Arrays.copyOf(segLength, n);
        }
        // Kept in offset order, as Wireshark lists a reassembly's fragments.
        int i = segCount;
        while (i > 0 && segOffset[i - 1] > off) {
            segFrame[i] = segFrame[i - 1];
            segOffset[i] = segOffset[i - 1];
            segLength[i] = segLength[i - 1];
            i--;
        }
        segFrame[i] = frame;
        segOffset[i] = off;
        segLength[i] = len;
        segCount++;
    }
}
