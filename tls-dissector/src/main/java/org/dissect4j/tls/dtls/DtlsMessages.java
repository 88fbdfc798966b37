package org.dissect4j.tls.dtls;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Packet;

/**
 * One direction's handshake messages in reassembly (RFC 6347 §4.2.3: a message split into fragments, each with its
 * {@code fragment_offset} and {@code fragment_length}, over records and datagrams, in any order, overlapping when
 * retransmitted). Up to {@link #SLOTS} messages at once, keyed by {@code message_seq}; each keeps its bytes (grown to
 * the message length, bounded by {@link DtlsAssociations#maxMessage} and the global bound) and the byte ranges
 * received as a short sorted list of disjoint intervals (at most {@link #MAX_RANGES}: more holes than that and the
 * message is given up). Complete when one range covers {@code [0, length)}. Nothing is allocated per fragment once
 * a slot's buffer has grown.
 */
final class DtlsMessages {
    static final int SLOTS = 4;
    static final int MAX_RANGES = 32;
    /** Fragments listed in the {@code dtls.fragments} tree (the count goes on). */
    static final int MAX_LISTED = 64;
    private static final byte[] NO_BYTES = new byte[0];

    /** One message in reassembly. */
    static final class Slot {
        boolean used;
        int messageSeq;
        int length;
        long lastFrame;
        byte[] buf = NO_BYTES;
        final int[] rangeStart = new int[MAX_RANGES];
        final int[] rangeEnd = new int[MAX_RANGES];
        int ranges;
        final long[] fragmentFrame = new long[MAX_LISTED];
        final int[] fragmentOffset = new int[MAX_LISTED];
        final int[] fragmentLength = new int[MAX_LISTED];
        int fragments;

        boolean complete() {
            return ranges == 1 && rangeStart[0] == 0 && rangeEnd[0] == length;
        }

        void clear() {
            used = false;
            ranges = 0;
            fragments = 0;
            length = 0;
        }
    }

    final Slot[] slots = {new Slot(), new Slot(), new Slot(), new Slot()};

    /** The slot of {@code messageSeq}, or null. */
    Slot find(int messageSeq) {
        for (Slot s : slots) {
            if (s.used && s.messageSeq == messageSeq) {
                return s;
            }
        }
        return null;
    }

    /** A free slot for {@code messageSeq} (the least recently used one is given up when all are taken). */
    Slot open(int messageSeq, int length, long frame) {
        Slot pick = null;
        for (Slot s : slots) {
            if (!s.used) {
                pick = s;
                break;
            }
            if (pick == null || s.lastFrame < pick.lastFrame) {
                pick = s;
            }
        }
        pick.clear();
        pick.used = true;
        pick.messageSeq = messageSeq;
        pick.length = length;
        pick.lastFrame = frame;
        return pick;
    }

    /**
     * Adds {@code [offset, offset + n)} of the message from the packet's bytes at {@code at}; false when the message
     * cannot take it (too many holes: then the slot is cleared).
     */
    static boolean add(Slot s, Packet p, int at, int offset, int n) {
        MemorySegment.copy(p.segment(), Bytes.U8, p.base() + at, s.buf, offset, n);
        if (s.fragments < MAX_LISTED) {
            s.fragmentFrame[s.fragments] = p.frame().number();
            s.fragmentOffset[s.fragments] = offset;
            s.fragmentLength[s.fragments] = n;
        }
        s.fragments++;
        s.lastFrame = p.frame().number();
        return merge(s, offset, offset + n);
    }

    /** Inserts {@code [from, to)} into the sorted disjoint ranges, joining those it touches. */
    static boolean merge(Slot s, int from, int to) {
        if (from == to) {
            return true;
        }
        int i = 0;
        while (i < s.ranges && s.rangeEnd[i] < from) {
            i++;
        }
        int j = i;
        while (j < s.ranges && s.rangeStart[j] <= to) {
            from = Math.min(from, s.rangeStart[j]);
            to = Math.max(to, s.rangeEnd[j]);
            j++;
        }
        // ranges [i, j) are replaced by one
        int removed = j - i;
        if (removed == 0 && s.ranges == MAX_RANGES) {
            s.clear();
            return false;
        }
        int shift = 1 - removed;
        if (shift != 0) {
            System.arraycopy(s.rangeStart, j, s.rangeStart, j + shift, s.ranges - j);
            System.arraycopy(s.rangeEnd, j, s.rangeEnd, j + shift, s.ranges - j);
        }
        s.rangeStart[i] = from;
        s.rangeEnd[i] = to;
        s.ranges += shift;
        return true;
    }

    /** Bytes held by all slots' buffers. */
    long bytes() {
        long n = 0;
        for (Slot s : slots) {
            n += s.buf.length;
        }
        return n;
    }

    /** Gives a slot's buffer back (the message completed or was given up); returns the bytes freed. */
    static int release(Slot s) {
        int n = s.buf.length;
        s.clear();
        s.buf = NO_BYTES;
        return n;
    }

    /** Grows {@code s}'s buffer to its message length (copying what it holds). */
    static void grow(Slot s) {
        if (s.buf.length < s.length) {
            s.buf = Arrays.copyOf(s.buf, s.length);
        }
    }
}
