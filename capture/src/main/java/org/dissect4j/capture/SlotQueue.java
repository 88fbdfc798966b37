package org.dissect4j.capture;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A single-producer, single-consumer queue of slot indices: the reading thread hands a worker the slots
 * it filled. It never blocks the producer: the pipeline puts at most as many entries as it has slots,
 * plus the end marker, and the ring holds that many. The consumer spins a little, then parks; the
 * producer wakes a parked consumer only once {@link #WAKE_BATCH} entries wait (a wake-up per frame would
 * cost more than the frame), or when it calls {@link #wake()} before it waits itself, or with the end
 * marker. A parked consumer also looks again every millisecond. Allocates nothing.
 *
 * <p>The head (written by the consumer) and the tail (written by the producer) sit 128 bytes apart, so that
 * they do not share a cache line, and each side keeps a copy of the other's counter that it reads again only
 * when the copy says the queue is empty (consumer) or a batch is waiting (producer): a hand-off moves no
 * cache line back and forth but the ring's.
 */
final class SlotQueue {
    /** The entry that tells the worker there is nothing more. */
    static final int END = -1;
    /** Entries that make the producer wake a parked consumer. */
    static final int WAKE_BATCH = 64;
    private static final int SPINS = 50;
    private static final long PARK_NANOS = 1_000_000L;
    private static final int HEAD = 8;
    private static final int TAIL = 24;

    private final int[] ring;
    private final int mask;
    /** {@link #HEAD} and {@link #TAIL}, padded apart. */
    private final AtomicLongArray counters = new AtomicLongArray(32);
    private volatile Thread parked;
    // the producer's own
    private long producerTail;
    private long headSeen;
    // the consumer's own
    private long consumerHead;
    private long tailSeen;

    /** A queue for at least {@code capacity} entries. */
    SlotQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        ring = new int[size];
        mask = size - 1;
    }

    /** Adds {@code slot}; called by the one producer. */
    void put(int slot) {
        long t = producerTail;
        if (t - headSeen >= ring.length) {
            headSeen = counters.get(HEAD);
            if (t - headSeen >= ring.length) {
                throw new IllegalStateException("slot queue overflow: more entries than slots");
            }
        }
        ring[(int) (t & mask)] = slot;
        producerTail = t + 1;
        counters.set(TAIL, t + 1);
        if (slot == END) {
            wake();
        } else if (t + 1 - headSeen >= WAKE_BATCH) {
            headSeen = counters.get(HEAD);
            if (t + 1 - headSeen >= WAKE_BATCH) {
                wake();
            }
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
        long h = consumerHead;
        if (h == tailSeen) {
            int spins = 0;
            while ((tailSeen = counters.get(TAIL)) == h) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = Thread.currentThread();
                if (counters.get(TAIL) == h) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
                parked = null;
            }
        }
        int v = ring[(int) (h & mask)];
        consumerHead = h + 1;
        counters.set(HEAD, h + 1);
        return v;
    }
}
