package org.dissect4j.http2;

/**
 * The bytes all connections of one dissector may hold for HPACK tables and unfinished header blocks together
 * ({@code http2.max_state_bytes}, default 16 MiB): a table or buffer that would grow past it stops growing,
 * and its connection shows an expert item instead of headers.
 */
final class Http2Budget {
    private final long limit;
    private long used;

    Http2Budget(long limit) {
        this.limit = limit;
    }

    boolean take(long n) {
        if (used + n > limit) {
            return false;
        }
        used += n;
        return true;
    }

    void give(long n) {
        used -= n;
    }

    long used() {
        return used;
    }
}
