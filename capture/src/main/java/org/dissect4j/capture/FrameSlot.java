package org.dissect4j.capture;

import java.lang.foreign.MemorySegment;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Frame;

/**
 * One frame in flight in a {@link ParallelDissection}: its frame (a view or a copy), its result, and how far the
 * pipeline got with it ({@link #state}, written by the reader and the worker in turn).
 *
 * @param <R> the result type
 */
final class FrameSlot<R> {
    static final int FREE = 0;
    static final int QUEUED = 1;
    static final int DISSECTED = 2;
    static final int DECIDED = 3;
    static final int DONE = 4;
    private static final byte[] NO_BYTES = new byte[0];

    final Frame frame = new Frame();
    final R result;
    /** The copy of a frame that does not stay valid (stdin, gzip); made on first use, reused. */
    byte[] bytes = NO_BYTES;
    MemorySegment segment = MemorySegment.ofArray(bytes);
    long seq = -1;
    boolean displayed;
    volatile int state;

    FrameSlot(R result) {
        this.result = result;
    }

    /** Points this slot's frame at {@code f}'s bytes, which stay valid (a mapped file): no copy. */
    void refer(Frame f) {
        frame.copyFrom(f);
    }

    /** Copies {@code f}'s bytes and description into this slot. */
    void fill(Frame f) {
        int n = f.capturedLength();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, Math.min(Math.max(2048, bytes.length * 2), ParallelDissection.SLOT_KEEP_BYTES))];
            segment = MemorySegment.ofArray(bytes);
        }
        MemorySegment.copy(f.segment(), Bytes.U8, f.offset(), segment, Bytes.U8, 0, n);
        frame.copyFrom(f);
        frame.set(f.number(), segment, 0, n, f.originalLength(), f.timestampNanos(), f.interfaceId(), f.linkType());
        frame.comment(f.comment());
    }

    /** After consumption: a buffer grown past {@link ParallelDissection#SLOT_KEEP_BYTES} is let go. */
    void release() {
        if (bytes.length > ParallelDissection.SLOT_KEEP_BYTES) {
            bytes = NO_BYTES;
            segment = MemorySegment.ofArray(bytes);
        }
        state = FREE;
    }
}
