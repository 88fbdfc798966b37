package org.dissect4j.http2;

/**
 * One HTTP/2 connection's state, kept as the TCP connection's {@code ConversationData}: per direction the HPACK
 * decoder and the unfinished header block, and the content type of the last {@link #STREAM_SLOTS} streams (for
 * the Info column's {@code DATA[1] (text/plain)}). Released with the connection: its memory goes back to the
 * {@link Http2Budget}.
 */
final class Http2Connection {
    static final int STREAM_SLOTS = 32;
    static final int CONTENT_TYPE_MAX = 64;

    /** One direction: the decoder of the headers it sends and its header block in progress. */
    static final class Direction {
        final Hpack hpack;
        /** Undecoded bytes of the header block in progress (a representation cut by a CONTINUATION). */
        byte[] block = new byte[0];
        int blockLength;
        /** Bytes of the current header block so far, over its HEADERS/PUSH_PROMISE and CONTINUATION frames. */
        long blockTotal;
        int blockLines;
        boolean stopped;

        Direction(Hpack hpack) {
            this.hpack = hpack;
        }
    }

    private final Http2Budget budget;
    final Direction[] directions = new Direction[2];
    /** The source port of direction 0 (the first frame seen), -1 before. */
    int firstPort = -1;
    private final int[] streamIds = new int[STREAM_SLOTS * 2];
    private final byte[][] contentTypes = new byte[STREAM_SLOTS * 2][CONTENT_TYPE_MAX];
    private final int[] contentTypeLengths = new int[STREAM_SLOTS * 2];
    private int nextSlot;

    Http2Connection(Http2Budget budget, int tableCap) {
        this.budget = budget;
        directions[0] = new Direction(new Hpack(tableCap, budget));
        directions[1] = new Direction(new Hpack(tableCap, budget));
        java.util.Arrays.fill(streamIds, -1);
    }

    /** The direction of a frame from {@code srcPort} (a connection whose two ports are equal is one direction). */
    int direction(int srcPort) {
        if (firstPort < 0) {
            firstPort = srcPort;
        }
        return srcPort == firstPort ? 0 : 1;
    }

    /** Grows direction {@code d}'s block buffer to hold {@code n} bytes within {@code limit} and the budget. */
    boolean reserveBlock(Direction d, int n, int limit) {
        if (n <= d.block.length) {
            return true;
        }
        if (n > limit) {
            return false;
        }
        int grown = Math.min(limit, Math.max(n, 2 * d.block.length));
        if (!budget.take(grown - d.block.length)) {
            return false;
        }
        d.block = java.util.Arrays.copyOf(d.block, grown);
        return true;
    }

    /** Remembers a stream's content type (per direction: a request body and its response have their own). */
    void contentType(int stream, int direction, byte[] value, int length) {
        int key = stream << 1 | direction;
        int slot = find(key);
        if (slot < 0) {
            slot = nextSlot;
            nextSlot = (nextSlot + 1) % streamIds.length;
            streamIds[slot] = key;
        }
        int n = Math.min(length, CONTENT_TYPE_MAX);
        System.arraycopy(value, 0, contentTypes[slot], 0, n);
        contentTypeLengths[slot] = n;
    }

    /** Appends a stream's content type to {@code sb}; false when none is known. */
    boolean appendContentType(int stream, int direction, StringBuilder sb) {
        int slot = find(stream << 1 | direction);
        if (slot < 0) {
            return false;
        }
        Http2Scratch.append(sb, contentTypes[slot], contentTypeLengths[slot]);
        return true;
    }

    private int find(int key) {
        for (int i = 0; i < streamIds.length; i++) {
            if (streamIds[i] == key) {
                return i;
            }
        }
        return -1;
    }

    void release() {
        for (Direction d : directions) {
            d.hpack.release();
            budget.give(d.block.length);
            d.block = new byte[0];
        }
    }
}
