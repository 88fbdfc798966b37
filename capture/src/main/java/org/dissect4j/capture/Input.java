package org.dissect4j.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * The bytes a reader walks, addressed by absolute offsets in the (decompressed) capture file.
 * Readers read at {@code segment.get(layout, at - base)} after {@link #fill} said the bytes are
 * there. A {@link MappedInput} holds the whole file ({@code base} is 0 forever); a
 * {@link StreamInput} holds a sliding window and may move bytes (and change {@code segment}
 * and {@code base}) on every {@code fill}, so readers re-read both after each call.
 */
abstract sealed class Input implements AutoCloseable permits MappedInput, StreamInput {
    /** The segment holding the readable bytes. */
    MemorySegment segment = MemorySegment.NULL;
    /** File offset of {@code segment}'s byte 0. */
    long base;

    /**
     * Makes up to {@code n} bytes from file offset {@code at} readable and returns how many are:
     * {@code n}, or fewer only at the end of the input. Never throws: a failing stream ends the
     * input and leaves its reason in {@link #endCause()}.
     */
    abstract long fill(long at, long n);

    /** Bytes before file offset {@code at} will not be read again (frames before it are gone). */
    abstract void release(long at);

    /** Size for progress reporting (compressed size for gzip), or -1 when unknown. */
    abstract long size();

    /** Progress position, in units of {@link #size()}, when the reader stands at file offset {@code at}. */
    abstract long position(long at);

    /** Why the input ended before its natural end (a gzip or stream error), or {@code null}. */
    abstract IOException endCause();

    /** True when offsets count decompressed bytes (messages say so). */
    abstract boolean decompressed();

    @Override
    public abstract void close();
}
