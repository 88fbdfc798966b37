package org.dissect4j.capture;

import java.util.concurrent.locks.LockSupport;

/**
 * A single-producer, single-consumer queue of slot indices: the reading thread hands a worker the slots
 * it filled. It never blocks the producer: the pipeline puts at most as many entries as it has slots,
 * plus the end marker, and the ring holds that many. The consumer spins a little, then parks until the
 * producer wakes it (or a millisecond passes, so that no wake-up can be lost). Allocates nothing.
 */
final class SlotQueue {
    /** The entry that tells the worker there is nothing more. */
    static final int END = -1;
    private static final int SPINS = 200;
    private static final long PARK_NANOS = 1_000_000L;

    private final int[] ring;
    private final int mask;
    private volatile long head;
    private volatile long tail;
    private volatile Thread parked;

    /** A queue for at least {@code capacity} entries. */
    SlotQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        ring = new int[size];
        mask = size - 1;
    }

    /** Adds {@code slot}; called by the one producer. */
    void put(int slot) {
        long t = tail;
        if (t - head >= ring.length) {
            throw new IllegalStateException("slot queue overflow: more entries than slots");
        }
        ring[(int) (t & mask)] = slot;
        tail = t + 1;
        Thread waiting = parked;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** The next entry, waiting for it; called by the one consumer. */
    int take() {
        long h = head;
        int spins = 0;
        while (tail == h) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            parked = Thread.currentThread();
            if (tail == h) {
                LockSupport.parkNanos(this, PARK_NANOS);
            }
            parked = null;
        }
        int v = ring[(int) (h & mask)];
        head = h + 1;
        return v;
    }
}
