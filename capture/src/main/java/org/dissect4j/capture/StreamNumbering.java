package org.dissect4j.capture;

import java.util.Arrays;

/**
 * The renumbering merge of stream indices ({@code tcp.stream}, {@code udp.stream}) for a
 * {@link ParallelDissection}: each worker's engine numbers the streams it sees 0, 1, 2... in the order it
 * sees them; tshark numbers them in the order of their first frame in the whole capture. Each worker logs,
 * per kind, the read sequence number of the frame that created each of its local streams (its log is
 * sorted, since a worker dissects its frames in read order). The global index of local stream {@code i}
 * of worker {@code w}, created by the frame with sequence number {@code q}, is {@code i} plus, for every
 * other worker, the number of its streams created by frames before {@code q}: valid once every frame
 * before {@code q} has been dissected, which the caller waits for. Each worker caches what it computed, so
 * a stream costs one binary search per other worker, once.
 *
 * <p>Memory: one {@code long} per stream and kind in the logs and one {@code int} in the worker's cache.
 */
final class StreamNumbering {
    private final Log[][] logs;

    /** Numbering for {@code kinds} stream-index fields and {@code workers} workers. */
    StreamNumbering(int kinds, int workers) {
        logs = new Log[kinds][workers];
        for (Log[] perKind : logs) {
            for (int w = 0; w < workers; w++) {
                perKind[w] = new Log();
            }
        }
    }

    /**
     * Logs that frame {@code seq} of worker {@code w} created local streams up to {@code local}
     * (its stream field showed that value). Called by worker {@code w} only.
     */
    void seen(int kind, int w, long local, long seq) {
        Log log = logs[kind][w];
        while (log.count <= local) {
            log.append(seq);
        }
    }

    /** The frame that created local stream {@code local} of worker {@code w} (logged before). */
    long creator(int kind, int w, int local) {
        return logs[kind][w].seqs[local];
    }

    /**
     * The global index of local stream {@code local} of worker {@code w}; every frame before the one that
     * created it must have been dissected (and its streams logged).
     */
    int global(int kind, int w, int local) {
        long q = logs[kind][w].seqs[local];
        int index = local;
        Log[] perKind = logs[kind];
        for (int v = 0; v < perKind.length; v++) {
            if (v != w) {
                index += perKind[v].before(q);
            }
        }
        return index;
    }

    /** One worker's creation sequence numbers, appended by that worker and read by the others. */
    private static final class Log {
        private volatile long[] seqs = new long[64];
        private volatile int count;

        void append(long seq) {
            long[] a = seqs;
            int n = count;
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                seqs = a;
            }
            a[n] = seq;
            count = n + 1;   // publishes the entry (and a grown array) to the readers
        }

        /** How many logged streams were created by frames before {@code seq}. */
        int before(long seq) {
            int n = count;
            long[] a = seqs;
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < seq) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
