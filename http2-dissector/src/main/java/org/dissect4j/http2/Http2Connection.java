package org.dissect4j.http2;

/**
 * One HTTP/2 connection's state, kept as the TCP connection's {@code ConversationData}: per direction the HPACK
 * decoder and the unfinished header block, and the content type of the last {@link #STREAM_SLOTS} streams per
 * direction (to hand a DATA frame's body to its media type's dissector). Released with the connection: its memory goes back to the
 * {@link Http2Budget}.
 */
final class Http2Connection {
    static final int STREAM_SLOTS = 16;
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
    /**
     * Per (stream, direction) slot: its key, content type and whether a DATA frame that did not end the stream
     * was seen (a body over several frames is not handed on). Made on the first content type, charged to the
     * budget (a connection without bodies costs nothing here).
     */
    private int[] streamIds;
    private byte[] contentTypes;
    private int[] contentTypeLengths;
    private boolean[] partialBody;
    private static final int SLOT_BYTES = STREAM_SLOTS * 2 * (CONTENT_TYPE_MAX + 9);
    private int nextSlot;

    Http2Connection(Http2Budget budget, int tableCap) {
        this.budget = budget;
        directions[0] = new Direction(new Hpack(tableCap, budget));
        directions[1] = new Direction(new Hpack(tableCap, budget));
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
        if (streamIds == null) {
            if (!budget.take(SLOT_BYTES)) {
                return;
            }
            streamIds = new int[STREAM_SLOTS * 2];
            java.util.Arrays.fill(streamIds, -1);
            contentTypes = new byte[STREAM_SLOTS * 2 * CONTENT_TYPE_MAX];
            contentTypeLengths = new int[STREAM_SLOTS * 2];
            partialBody = new boolean[STREAM_SLOTS * 2];
        }
        int key = stream << 1 | direction;
        int slot = find(key);
        if (slot < 0) {
            slot = nextSlot;
            nextSlot = (nextSlot + 1) % streamIds.length;
            streamIds[slot] = key;
        }
        partialBody[slot] = false;
        int n = Math.min(length, CONTENT_TYPE_MAX);
        System.arraycopy(value, 0, contentTypes, slot * CONTENT_TYPE_MAX, n);
        contentTypeLengths[slot] = n;
    }

    /**
     * A stream's media type into {@code to}: the content type lower-cased, without parameters or surrounding
     * blanks; returns its length, 0 when none is known.
     */
    int mediaType(int stream, int direction, byte[] to) {
        int slot = find(stream << 1 | direction);
        if (slot < 0 || partialBody[slot]) {
            return 0;
        }
        byte[] ct = contentTypes;
        int from = slot * CONTENT_TYPE_MAX;
        int end = from + contentTypeLengths[slot];
        for (int i = from; i < end; i++) {
            if (ct[i] == ';') {
                end = i;
                break;
            }
        }
        while (from < end && (ct[from] == ' ' || ct[from] == '\t')) {
            from++;
        }
        while (end > from && (ct[end - 1] == ' ' || ct[end - 1] == '\t')) {
            end--;
        }
        for (int i = from; i < end; i++) {
            byte b = ct[i];
            to[i - from] = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
        }
        return end - from;
    }

    /** Notes a DATA frame that does not end its stream. */
    void partialBody(int stream, int direction) {
        int slot = find(stream << 1 | direction);
        if (slot >= 0) {
            partialBody[slot] = true;
        }
    }

    private int find(int key) {
        if (streamIds == null) {
            return -1;
        }
        for (int i = 0; i < streamIds.length; i++) {
            if (streamIds[i] == key) {
                return i;
            }
        }
        return -1;
    }

    void release() {
        if (streamIds != null) {
            budget.give(SLOT_BYTES);
            streamIds = null;
        }
        for (Direction d : directions) {
            d.hpack.release();
            budget.give(d.block.length);
            d.block = new byte[0];
        }
    }
}
