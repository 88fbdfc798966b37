package org.dissect4j.capture;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A stream (standard input, a pipe, decompressed gzip) read incrementally into an off-heap
 * sliding window. Nothing is sized from a length field: the window grows (doubling, up to
 * {@link #MAX_WINDOW}) only when bytes that actually arrived do not fit, and bytes before the
 * reader's current record are dropped when room is needed. Memory is therefore bounded by about
 * twice the largest record, independent of the stream's length, and frames reach the reader as
 * soon as their bytes arrive (a live {@code tcpdump -w - | dissect4j -r -} pipe works).
 */
final class StreamInput extends Input {
    static final long INITIAL_WINDOW = 1L << 20;
    /** Room for the largest record a reader accepts plus its header. */
    static final long MAX_WINDOW = Limits.MAX_RECORD_LENGTH + (1L << 20);
    private static final int CHUNK_LENGTH = 1 << 16;

    private final InputStream in;
    private final CountingInputStream raw;
    private final long rawSize;
    private final byte[] chunk = new byte[CHUNK_LENGTH];
    private Arena arena;
    private long capacity;
    /** Valid bytes in the window: [0, limit). */
    private long limit;
    private long released;
    private boolean eof;
    private IOException cause;
    private final boolean decompressed;

    /**
     * @param in      the stream to read (already decompressing, for gzip)
     * @param raw     the counting stream under {@code in} for progress, or {@code null}
     * @param rawSize size of the raw input for progress, or -1
     */
    StreamInput(InputStream in, CountingInputStream raw, long rawSize, boolean decompressed) {
        this.in = in;
        this.raw = raw;
        this.rawSize = rawSize;
        this.decompressed = decompressed;
        this.arena = Arena.ofShared();
        this.capacity = INITIAL_WINDOW;
        this.segment = arena.allocate(capacity, 8);
    }

    @Override
    long fill(long at, long n) {
        long end = at + n;
        while (base + limit < end && !eof) {
            if (limit == capacity && !makeRoom(end)) {
                break;
            }
            int want = (int) Math.min(CHUNK_LENGTH, capacity - limit);
            int r;
            try {
                r = in.read(chunk, 0, want);
            } catch (IOException e) {
                cause = e;
                eof = true;
                break;
            }
            if (r < 0) {
                eof = true;
                break;
            }
            MemorySegment.copy(chunk, 0, segment, ValueLayout.JAVA_BYTE, limit, r);
            limit += r;
        }
        long avail = base + limit - at;
        return avail < n ? Math.max(avail, 0) : n;
    }

    /** Drops released bytes, or grows the window; false when the record cannot fit at all. */
    private boolean makeRoom(long end) {
        long drop = released - base;
        if (drop > 0) {
            // overlapping copies are safe: MemorySegment.copy behaves as if through a temporary
            MemorySegment.copy(segment, drop, segment, 0, limit - drop);
            base += drop;
            limit -= drop;
            return true;
        }
        if (capacity >= MAX_WINDOW) {
            cause = new IOException("a record needs more than " + MAX_WINDOW + " bytes of buffer"
                    + " (needed up to offset " + end + ")");
            eof = true;
            return false;
        }
        long newCapacity = Math.min(capacity * 2, MAX_WINDOW);
        Arena newArena = Arena.ofShared();
        MemorySegment bigger = newArena.allocate(newCapacity, 8);
        MemorySegment.copy(segment, 0, bigger, 0, limit);
        arena.close();
        arena = newArena;
        segment = bigger;
        capacity = newCapacity;
        return true;
    }

    @Override
    void release(long at) {
        if (at > released) {
            released = Math.min(at, base + limit);
        }
    }

    /** Current window size in bytes (tests check that it does not follow declared lengths). */
    long capacity() {
        return capacity;
    }

    @Override
    long size() {
        return rawSize;
    }

    @Override
    long position(long at) {
        return raw != null ? raw.count() : at;
    }

    @Override
    IOException endCause() {
        return cause;
    }

    @Override
    boolean decompressed() {
        return decompressed;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do: the reader is done with the stream
        }
        if (arena.scope().isAlive()) {
            arena.close();
        }
        segment = MemorySegment.NULL;
    }

    /** Counts the raw (compressed) bytes consumed, for progress. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long r = super.skip(n);
            count += r;
            return r;
        }
    }
}
