package org.dissect4j.net;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.dissect4j.api.Bytes;

/**
 * Bounded reassembly of IP fragments, shared by IPv4 and IPv6 (one instance each per engine).
 *
 * <p>A datagram is identified by address family, source, destination, identification and (IPv4)
 * protocol. Its fragments are copied into a per-datagram buffer; when every byte from 0 to the end
 * announced by the last fragment (more-fragments clear) is present, the datagram is complete and
 * {@link #add} returns it. Limits, all set at registration:
 * <ul>
 * <li>{@code maxDatagram}: a datagram may not end beyond this many bytes (fragment too long);</li>
 * <li>{@code maxFragments}: fragments kept per datagram;</li>
 * <li>{@code maxBytes}: bytes buffered by all datagrams together;</li>
 * <li>{@code maxDatagrams}: datagrams remembered (pending and completed);</li>
 * <li>{@code timeoutNanos}: a pending datagram whose last fragment is older than this (by frame
 * time) is dropped when a fragment of another datagram arrives.</li>
 * </ul>
 * When a bound would be crossed the least recently used datagrams are dropped; a fragment that
 * still does not fit is reported as not reassembled ({@link #LIMIT}), never an OutOfMemoryError.
 * Completed datagrams are kept (within the same bounds) so that a second pass, or a duplicate
 * fragment, can show in which frame the datagram was reassembled. No allocation happens per
 * fragment except growing a datagram's buffer.
 */
final class FragmentReassembler {
    /** {@link #add} status: the fragment is kept, the datagram is not complete yet. */
    static final int PENDING = 0;
    /** The fragment completed the datagram ({@link #current()} holds it). */
    static final int COMPLETE = 1;
    /** The datagram was completed before, in another frame ({@link #current()} tells which). */
    static final int DONE_BEFORE = 2;
    /** A limit prevented keeping the fragment. */
    static final int LIMIT = 3;

    /** One datagram being (or having been) reassembled. */
    static final class Datagram {
        int family;
        long srcHi;
        long srcLo;
        long dstHi;
        long dstLo;
        long id;
        int proto;
        byte[] buf = new byte[0];
        MemorySegment segment = MemorySegment.ofArray(buf);
        /** Datagram length once the last fragment was seen, else -1. */
        int total = -1;
        int count;
        long[] fragFrame = new long[4];
        int[] fragOffset = new int[4];
        int[] fragLength = new int[4];
        long lastTime;
        /** Frame that completed the datagram, 0 while pending. */
        long reassembledIn;
        boolean overlap;
        boolean conflict;
        boolean multipleTails;
        boolean tooLong;
        Datagram nextInBucket;
        Datagram older;
        Datagram newer;

        /** Bytes of the reassembled datagram (valid until the datagram is dropped). */
        MemorySegment segment() {
            return segment;
        }

        int length() {
            return total;
        }

        /** Fragments in offset order: the i-th fragment's frame, offset and length. */
        long frame(int i) {
            return fragFrame[order[i]];
        }

        int offset(int i) {
            return fragOffset[order[i]];
        }

        int fragmentLength(int i) {
            return fragLength[order[i]];
        }

        int count() {
            return count;
        }

        long reassembledIn() {
            return reassembledIn;
        }

        private int[] order = new int[4];

        void sortFragments() {
            if (order.length < count) {
                order = new int[fragOffset.length];
            }
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            // Insertion sort: fragment lists are short and nearly always already in order.
            for (int i = 1; i < count; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= 0 && fragOffset[order[j]] > fragOffset[x]) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
        }
    }

    private final int maxDatagram;
    private final int maxFragments;
    private final long maxBytes;
    private final int maxDatagrams;
    private final long timeoutNanos;

    private final Datagram[] buckets;
    private Datagram oldest;
    private Datagram newest;
    private int datagrams;
    private long bytes;
    private Datagram current;

    FragmentReassembler(int maxDatagram, int maxFragments, long maxBytes, int maxDatagrams, long timeoutNanos) {
        this.maxDatagram = maxDatagram;
        this.maxFragments = Math.max(1, maxFragments);
        this.maxBytes = maxBytes;
        this.maxDatagrams = Math.max(1, maxDatagrams);
        this.timeoutNanos = timeoutNanos;
        this.buckets = new Datagram[Integer.highestOneBit(Math.max(16, this.maxDatagrams * 2 - 1)) << 1];
    }

    /** The datagram the last {@link #add} was about. */
    Datagram current() {
        return current;
    }

    /** Datagrams remembered now (pending and completed). */
    int datagrams() {
        return datagrams;
    }

    /** Bytes buffered now. */
    long bytes() {
        return bytes;
    }

    /**
     * Adds the fragment of {@code length} bytes at {@code at} in {@code seg} (all captured), which
     * starts {@code offset} bytes into the datagram; {@code more} is the more-fragments flag.
     * Returns {@link #PENDING}, {@link #COMPLETE}, {@link #DONE_BEFORE} or {@link #LIMIT}.
     */
    int add(int family, long srcHi, long srcLo, long dstHi, long dstLo, long id, int proto, int offset, boolean more,
            MemorySegment seg, long at, int length, long frame, long time) {
        if (length < 0 || offset < 0) {
            // no bytes to keep: a caller's bad arithmetic must not become an out-of-bounds copy
            current = null;
            return LIMIT;
        }
        expire(time);
        int h = hash(family, srcHi, srcLo, dstHi, dstLo, id, proto);
        Datagram d = find(h, family, srcHi, srcLo, dstHi, dstLo, id, proto);
        if (d != null && d.reassembledIn != 0) {
            for (int i = 0; i < d.count; i++) {
                if (d.fragFrame[i] == frame) {
                    current = d;
                    touch(d, time);
                    return d.reassembledIn == frame ? COMPLETE : DONE_BEFORE;
                }
            }
            if (time - d.lastTime > timeoutNanos || d.reassembledIn < frame) {
                // A new datagram reusing the identification: forget the completed one.
                remove(d, h);
                d = null;
            }
        }
        long end = (long) offset + length;
        if (end > maxDatagram) {
            if (d != null) {
                d.tooLong = true;
            }
            current = d;
            return LIMIT;
        }
        if (d == null) {
            d = new Datagram();
            d.family = family;
            d.srcHi = srcHi;
            d.srcLo = srcLo;
            d.dstHi = dstHi;
            d.dstLo = dstLo;
            d.id = id;
            d.proto = proto;
            insert(d, h);
        } else {
            for (int i = 0; i < d.count; i++) {
                if (d.fragFrame[i] == frame && d.fragOffset[i] == offset) {
                    // The same fragment again (second pass): nothing new.
                    current = d;
                    touch(d, time);
                    return d.reassembledIn == frame ? COMPLETE : PENDING;
                }
            }
        }
        current = d;
        touch(d, time);
        if (d.count >= maxFragments || !reserve(d, (int) end)) {
            return LIMIT;
        }
        // Overlaps: the new bytes must agree with what an earlier fragment put there.
        for (int i = 0; i < d.count; i++) {
            int o = d.fragOffset[i];
            int e = o + d.fragLength[i];
            if (o < end && offset < e) {
                d.overlap = true;
                int from = Math.max(o, offset);
                int to = (int) Math.min(e, end);
                for (int k = from; k < to; k++) {
                    if (d.buf[k] != seg.get(Bytes.U8, at + (k - offset))) {
                        d.conflict = true;
                        break;
                    }
                }
            }
        }
        MemorySegment.copy(seg, Bytes.U8, at, d.buf, offset, length);
        if (d.count == d.fragFrame.length) {
            int n = d.count * 2;
            d.fragFrame = Arrays.copyOf(d.fragFrame, n);
            d.fragOffset = Arrays.copyOf(d.fragOffset, n);
            d.fragLength = Arrays.copyOf(d.fragLength, n);
        }
        d.fragFrame[d.count] = frame;
        d.fragOffset[d.count] = offset;
        d.fragLength[d.count] = length;
        d.count++;
        if (!more) {
            if (d.total >= 0 && d.total != end) {
                d.multipleTails = true;
            }
            d.total = (int) end;
        }
        if (d.total < 0) {
            return PENDING;
        }
        d.sortFragments();
        int covered = 0;
        for (int i = 0; i < d.count && covered < d.total; i++) {
            int o = d.offset(i);
            if (o > covered) {
                return PENDING;
            }
            covered = Math.max(covered, o + d.fragmentLength(i));
        }
        if (covered < d.total) {
            return PENDING;
        }
        d.reassembledIn = frame;
        return COMPLETE;
    }

    /** Grows the datagram's buffer to hold {@code end} bytes within the byte budget. */
    private boolean reserve(Datagram d, int end) {
        if (end <= d.buf.length) {
            return true;
        }
        int size = Math.min(maxDatagram, Math.max(end, Math.max(2048, d.buf.length * 2)));
        long more = size - d.buf.length;
        while (bytes + more > maxBytes && oldest != null && oldest != d) {
            drop(oldest);
        }
        if (bytes + more > maxBytes) {
            size = end;
            more = size - d.buf.length;
            if (bytes + more > maxBytes) {
                return false;
            }
        }
        d.buf = Arrays.copyOf(d.buf, size);
        d.segment = MemorySegment.ofArray(d.buf);
        bytes += more;
        return true;
    }

    private void expire(long now) {
        while (oldest != null && now - oldest.lastTime > timeoutNanos) {
            drop(oldest);
        }
    }

    private void insert(Datagram d, int h) {
        while (datagrams >= maxDatagrams && oldest != null) {
            drop(oldest);
        }
        d.nextInBucket = buckets[h];
        buckets[h] = d;
        datagrams++;
        d.newer = null;
        d.older = newest;
        if (newest != null) {
            newest.newer = d;
        }
        newest = d;
        if (oldest == null) {
            oldest = d;
        }
    }

    private void touch(Datagram d, long time) {
        d.lastTime = time;
        if (d == newest) {
            return;
        }
        unlink(d);
        d.older = newest;
        d.newer = null;
        if (newest != null) {
            newest.newer = d;
        }
        newest = d;
        if (oldest == null) {
            oldest = d;
        }
    }

    private void unlink(Datagram d) {
        if (d.older != null) {
            d.older.newer = d.newer;
        } else {
            oldest = d.newer;
        }
        if (d.newer != null) {
            d.newer.older = d.older;
        } else {
            newest = d.older;
        }
        d.older = null;
        d.newer = null;
    }

    private void drop(Datagram d) {
        remove(d, hash(d.family, d.srcHi, d.srcLo, d.dstHi, d.dstLo, d.id, d.proto));
    }

    private void remove(Datagram d, int h) {
        Datagram prev = null;
        for (Datagram x = buckets[h]; x != null; prev = x, x = x.nextInBucket) {
            if (x == d) {
                if (prev == null) {
                    buckets[h] = x.nextInBucket;
                } else {
                    prev.nextInBucket = x.nextInBucket;
                }
                break;
            }
        }
        unlink(d);
        datagrams--;
        bytes -= d.buf.length;
        if (current == d) {
            current = null;
        }
    }

    private Datagram find(int h, int family, long srcHi, long srcLo, long dstHi, long dstLo, long id, int proto) {
        for (Datagram d = buckets[h]; d != null; d = d.nextInBucket) {
            if (d.family == family && d.srcHi == srcHi && d.srcLo == srcLo && d.dstHi == dstHi && d.dstLo == dstLo
                    && d.id == id && d.proto == proto) {
                return d;
            }
        }
        return null;
    }

    private int hash(int family, long srcHi, long srcLo, long dstHi, long dstLo, long id, int proto) {
        long x = family * 31L + srcHi;
        x = x * 0x9E3779B97F4A7C15L + srcLo;
        x = x * 0x9E3779B97F4A7C15L + dstHi;
        x = x * 0x9E3779B97F4A7C15L + dstLo;
        x = x * 0x9E3779B97F4A7C15L + id;
        x = x * 0x9E3779B97F4A7C15L + proto;
        x ^= x >>> 29;
        return (int) x & (buckets.length - 1);
    }
}
