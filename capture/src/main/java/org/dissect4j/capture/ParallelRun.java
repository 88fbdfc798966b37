package org.dissect4j.capture;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.dissect4j.api.Frame;

/**
 * The state of one {@link ParallelDissection#run}: the slot ring, the workers' queues and threads, the
 * watermarks of the ordered steps, and the reader's loop.
 *
 * @param <R> the result type
 */
final class ParallelRun<R> {
    final ParallelDissection<R> config;
    final ParallelDissection.Consumer<R> consumer;
    final FrameSlot<R>[] slots;
    final SlotQueue[] queues;
    final Thread[] threads;
    final StreamNumbering streams;
    final Object markLock = new Object();
    /** Every frame up to this sequence number has been dissected (stream indices logged). */
    volatile long dissectedMark = -1;
    /** Every frame up to this sequence number has its display decision. */
    volatile long decidedMark = -1;
    /** The timestamp of the last displayed frame up to {@link #decidedMark}. */
    volatile long lastDisplayed = Long.MIN_VALUE;
    volatile Throwable failure;
    volatile boolean stopping;
    volatile Thread readerWaiting;
    /** The sequence number whose completion wakes the reader. */
    volatile long readerWaitsFor = -1;
    /**
     * Decryption Secrets Blocks read so far, each with the sequence number of the first frame after it: a worker
     * hands a block to its engine before that frame (as tshark applies a block to the packets after it). Appended by
     * the reader before it publishes that frame's slot, so a worker that takes the slot sees the block.
     */
    final java.util.List<SecretsAt> secrets = new java.util.concurrent.CopyOnWriteArrayList<>();

    record SecretsAt(long seq, DecryptionSecrets secrets) {
    }

    /** The reader's own counters, in an object of their own: no cache line the workers read changes per frame. */
    final ReaderCounters counters;

    @SuppressWarnings("unchecked")
    ParallelRun(ParallelDissection<R> config, ParallelDissection.Consumer<R> consumer) {
        this.config = config;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        int n = config.threads;
        slots = (FrameSlot<R>[]) new FrameSlot<?>[n * ParallelDissection.SLOTS_PER_WORKER];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new FrameSlot<>(config.results.get());
        }
        queues = new SlotQueue[n];
        threads = new Thread[n];
        for (int w = 0; w < n; w++) {
            queues[w] = new SlotQueue(slots.length + 1);
        }
        streams = new StreamNumbering(ParallelDissection.STREAM_FIELDS.length, n);
        counters = new ReaderCounters();
    }

    long run(CaptureSource source) throws IOException, InterruptedException {
        for (int w = 0; w < threads.length; w++) {
            ParallelWorker<R> loop = new ParallelWorker<>(this, w);
            threads[w] = Thread.ofPlatform().name("dissect4j-worker-" + w).daemon().unstarted(loop::run);
            threads[w].start();
        }
        // a mapped file's frames stay valid until it is closed: the slots refer to them (zero-copy)
        boolean zeroCopy = source instanceof CaptureReader r && r.framesStayValid();
        long seq = 0;
        long next = 0;   // the next sequence number to consume
        long first = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        long bytesBefore = 0;
        IOException readError = null;
        boolean completed = false;
        try {
            while (config.frameLimit < 0 || seq < config.frameLimit) {
                Frame f;
                try {
                    f = source.next();
                } catch (CaptureException e) {
                    readError = e;
                    break;
                }
                if (f == null) {
                    break;
                }
                if (source instanceof CaptureReader r) {
                    for (int i = secrets.size(); i < r.secrets().size(); i++) {
                        secrets.add(new SecretsAt(seq, r.secrets().get(i)));
                    }
                }
                FrameSlot<R> slot = slots[(int) (seq % slots.length)];
                // back-pressure: the slot must be free, and the captured bytes in flight under the budget
                while (slot.state != FrameSlot.FREE || (counters.inflightBytes > 0
                        && counters.inflightBytes + f.capturedLength() > ParallelDissection.INFLIGHT_BYTES)) {
                    next = consume(next, true);
                }
                long ts = f.timestampNanos();
                if (seq == 0) {
                    first = ts;
                    previous = ts;
                }
                if (zeroCopy) {
                    slot.refer(f);
                } else {
                    slot.fill(f);
                }
                slot.frame.captureContext(first, previous, bytesBefore);
                previous = ts;
                bytesBefore += f.originalLength();
                counters.inflightBytes += slot.frame.capturedLength();
                slot.seq = seq;
                slot.state = FrameSlot.QUEUED;
                if (config.readHook != null) {
                    config.readHook.read(slot.frame, slot.result);
                }
                queues[ShardKey.worker(ShardKey.of(slot.frame), queues.length)].put((int) (seq % slots.length));
                seq++;
                counters.dispatched = seq;
                while (next < seq && slots[(int) (next % slots.length)].state == FrameSlot.DONE) {
                    next = consume(next, false);
                }
            }
            while (next < seq) {
                next = consume(next, true);
            }
            completed = true;
        } finally {
            stop(completed);
        }
        rethrowFailure();
        if (readError != null) {
            throw readError;
        }
        return seq;
    }

    /** Hands slot {@code next} to the consumer, waiting for its result when {@code wait}; returns the next to consume. */
    private long consume(long next, boolean wait) throws IOException, InterruptedException {
        long dispatched = counters.dispatched;
        FrameSlot<R> slot = slots[(int) (next % slots.length)];
        if (slot.state != FrameSlot.DONE) {
            if (!wait) {
                return next;
            }
            awaitDone(slot, dispatched);
        }
        counters.inflightBytes -= slot.frame.capturedLength();
        consumer.accept(slot.frame, slot.displayed, slot.result);
        slot.release();
        return next + 1;
    }

    /**
     * Waits until {@code slot} is done. The reader waits for a batch: for the slot {@link ParallelDissection#READER_BATCH}
     * frames later when that many are in flight, so that it wakes once per batch and not once per frame.
     */
    private void awaitDone(FrameSlot<R> slot, long inFlightUntil) throws IOException, InterruptedException {
        long target = Math.min(slot.seq + ParallelDissection.READER_BATCH - 1, inFlightUntil - 1);
        FrameSlot<R> last = slots[(int) (target % slots.length)];
        for (SlotQueue q : queues) {
            q.wake();
        }
        int spins = 0;
        while (slot.state != FrameSlot.DONE || (last.seq == target && last.state != FrameSlot.DONE)) {
            rethrowFailure();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (spins++ < 50) {
                Thread.onSpinWait();
                continue;
            }
            readerWaitsFor = slot.state != FrameSlot.DONE ? slot.seq : target;
            readerWaiting = Thread.currentThread();
            if (slot.state != FrameSlot.DONE || (last.seq == target && last.state != FrameSlot.DONE)) {
                LockSupport.parkNanos(this, 1_000_000L);
            }
            readerWaiting = null;
        }
    }

    /** Called by a worker after it set the state of the slot of {@code seq} to {@link Slot#DONE}. */
    void done(long seq) {
        if (seq == readerWaitsFor) {
            Thread r = readerWaiting;
            if (r != null) {
                LockSupport.unpark(r);
            }
        }
    }

    void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        stopping = true;
        Thread r = readerWaiting;
        if (r != null) {
            LockSupport.unpark(r);
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException("a dissection worker failed: " + t, t);
    }

    /** Ends the workers; when the run did not complete (an error), they skip what is left. */
    private void stop(boolean completed) throws InterruptedException {
        if (!completed) {
            stopping = true;
        }
        for (SlotQueue q : queues) {
            q.put(SlotQueue.END);
        }
        for (Thread t : threads) {
            if (t != null) {
                t.join();
            }
        }
    }

    /** Moves a watermark past every slot from {@code mark + 1} on that reached {@code state}; under {@link #markLock}. */
    void advance(int state) {
        synchronized (markLock) {
            long mark = state == FrameSlot.DISSECTED ? dissectedMark : decidedMark;
            long displayedTs = lastDisplayed;
            while (true) {
                FrameSlot<R> s = slots[(int) ((mark + 1) % slots.length)];
                if (s.seq != mark + 1 || s.state < state) {
                    break;
                }
                mark++;
                if (state == FrameSlot.DECIDED && s.displayed) {
                    displayedTs = s.frame.timestampNanos();
                }
            }
            if (state == FrameSlot.DISSECTED) {
                dissectedMark = mark;
            } else {
                lastDisplayed = displayedTs;
                decidedMark = mark;
            }
        }
    }

    /** Waits until the watermark of {@code state} reaches {@code seq}; false when the run stops. */
    boolean awaitMark(int state, long seq) {
        int spins = 0;
        while ((state == FrameSlot.DISSECTED ? dissectedMark : decidedMark) < seq) {
            if (stopping) {
                return false;
            }
            if (spins++ < 1000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 20_000L);
            }
        }
        return true;
    }

    /** What only the reader reads and writes per frame. */
    static final class ReaderCounters {
        /** Frames handed to the workers so far. */
        long dispatched;
        /** Captured bytes of the frames in flight. */
        long inflightBytes;
    }
}
