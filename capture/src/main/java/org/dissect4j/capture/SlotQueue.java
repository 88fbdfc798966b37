package org.dissect4j.capture;

import java.util.concurrent.locks.LockSupport;

/**
 * A single-producer, single-consumer queue of slot indices: the reading thread hands a worker the slots
 * it filled. It never blocks the producer: the pipeline puts at most as many entries as it has slots,
 * plus the end marker, and the ring holds that many. The consumer spins a little, then parks; the
 * producer wakes a parked consumer only once {@link #WAKE_BATCH} entries wait (a wake-up per frame would
 * cost more than the frame), or when it calls {@link #wake()} before it waits itself, or with the end
 * marker. A parked consumer also looks again every millisecond. Allocates nothing.
 */
final class SlotQueue {
    /** The entry that tells the worker there is nothing more. */
    static final int END = -1;
    private static final int SPINS = 50;
    private static final long PARK_NANOS = 1_000_000L;
    /** Entries that make the producer wake a parked consumer. */
    static final int WAKE_BATCH = 64;

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
        if (slot == END || t + 1 - head >= WAKE_BATCH) {
            wake();
        }
    }

    /** Wakes the consumer if it is parked (the producer is about to wait, or has put a batch). */
    void wake() {
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
