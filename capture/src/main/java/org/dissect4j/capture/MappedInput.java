package org.dissect4j.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;

/**
 * A whole regular file mapped read-only into one {@link java.lang.foreign.MemorySegment} of any
 * size (also beyond 2 GiB). Frames are views of the mapping; it stays mapped until {@link #close()}.
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

    @Override
    void release(long at) {
        // the whole file stays mapped
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
