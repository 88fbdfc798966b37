package org.dissect4j.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;

/**
 * A whole regular file mapped read-only into one {@link java.lang.foreign.MemorySegment} of any
 * size (also beyond 2 GiB). Frames are views of the mapping; it stays mapped until {@link #close()},
 * but pages far behind the reader are dropped from memory ({@link #release}).
 * The shared arena lets the reader be handed to another thread after opening.
 */
final class MappedInput extends Input {
    private final Arena arena;
    private final long size;

    MappedInput(FileChannel channel, long size) throws IOException {
        this.arena = Arena.ofShared();
        try {
            this.segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
        this.size = size;
    }

    @Override
    long fill(long at, long n) {
        long left = size - at;
        return left < n ? Math.max(left, 0) : n;
    }

    /** Pages are given back in steps of this many bytes, one step behind the reader. */
    private static final long UNLOAD_STEP = 8L << 20;
    private long unloadedTo;

    /**
     * Gives the pages of frames already read back to the system ({@code madvise(MADV_DONTNEED)}
     * through {@link java.lang.foreign.MemorySegment#unload()}), so that resident memory stays flat
     * on a big file: the page cache keeps them, and a late read would fault them back in.
     */
    @Override
    void release(long at) {
        if (at - unloadedTo >= 2 * UNLOAD_STEP) {
            long to = at - UNLOAD_STEP;
            segment.asSlice(unloadedTo, to - unloadedTo).unload();
            unloadedTo = to;
        }
    }

    @Override
    long size() {
        return size;
    }

    @Override
    long position(long at) {
        return at;
    }

    @Override
    IOException endCause() {
        return null;
    }

    @Override
    boolean decompressed() {
        return false;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
