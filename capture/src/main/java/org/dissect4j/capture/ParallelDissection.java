package org.dissect4j.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Dissects a capture on several threads and delivers the results in frame order, the same as one engine
 * reading the capture alone would produce them.
 *
 * <p>The calling thread reads: it puts each frame into a reused slot of a ring (no allocation per
 * frame; a view of the mapping for a mapped file, whose frames stay valid until it is closed, and a copy
 * of the bytes for a stream or gzip input), notes where the frame stands in the capture ({@link Frame#captureContext}: first and previous
 * timestamps, bytes before), and hands the slot to one of {@code threads} workers chosen by the frame's
 * unordered IP address pair ({@link ShardKey}), so that every conversation's state stays on one worker.
 * Each worker has its own {@link Engine}, made on the worker's thread by the {@link WorkerFactory}, and
 * turns each of its frames into a result {@code R} (one reused object per slot). The calling thread
 * then hands the results to the {@link Consumer} in read order. The ring is the only buffer: when it is
 * full, the reader waits for the oldest result to be consumed (back-pressure), so memory stays bounded
 * by the slot count and by a byte budget for the frames in flight.
 *
 * <p>What a worker cannot know from its own frames is computed here:
 * <ul>
 * <li>{@code frame.time_relative}, {@code frame.time_delta} and cumulative bytes: by the reader, carried by
 *   the frame's capture context;</li>
 * <li>{@code tcp.stream} and {@code udp.stream}: renumbered from each engine's local numbering to the
 *   capture's first-seen order ({@link StreamNumbering}) before the worker's filter and outputs see the
 *   tree, when some output or filter wants those fields;</li>
 * <li>{@code frame.time_delta_displayed}: without a display filter every frame is displayed and the reader
 *   knows the previous frame; with one ({@link Worker#filters()}) and when the field is wanted or the
 *   worker {@link Worker#readsPreviousDisplayed() reads it}, each frame's filter waits for the earlier
 *   frames' results, in order (the dissections still run in parallel).</li>
 * </ul>
 * Conversation tables keep their bounds per worker ({@code Engine}), so a capture with more concurrent
 * connections than a table holds may number streams differently from one engine; see the README.
 *
 * <p>Threads: the {@link WorkerFactory} is called on each worker's thread, and the worker (its engine,
 * filter, outputs) is used only there. {@link Worker#result} runs on the worker's thread; the
 * {@link Consumer} and the optional reader hook run on the thread that calls {@link #run}.
 *
 * @param <R> the per-frame result a worker fills and the consumer reads (one reused object per slot)
 */
public final class ParallelDissection<R> {
    /** Frames in flight at most, per worker. */
    static final int SLOTS_PER_WORKER = 256;
    /** A slot keeps a frame buffer up to this size; a bigger frame's buffer is dropped once consumed. */
    static final int SLOT_KEEP_BYTES = 64 << 10;
    /** Results the reader waits for at once when the ring is full (a quarter of the slots of one worker). */
    static final int READER_BATCH = SLOTS_PER_WORKER / 4;
    /** Captured bytes in flight at most (a single bigger frame still passes, alone). */
    static final long INFLIGHT_BYTES = 64L << 20;
    /** The stream-index fields renumbered to the capture's first-seen order. */
    static final String[] STREAM_FIELDS = {"tcp.stream", "udp.stream"};

    /**
     * Makes the worker of one thread.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface WorkerFactory<R> {
        /**
         * Makes worker {@code index}, on that worker's thread: its engine, primed with the fields its
         * outputs and filter read, and whatever else it uses per frame.
         *
         * @param index 0 to threads - 1
         * @return the worker
         * @throws Exception when it cannot be made; {@link #run} rethrows it
         */
        Worker<R> create(int index) throws Exception;
    }

    /**
     * One thread's dissection: an engine and what to make of each frame.
     *
     * @param <R> the result type
     */
    public interface Worker<R> {
        /**
         * The engine this worker dissects with; used only on the worker's thread.
         *
         * @return the engine
         */
        Engine engine();

        /**
         * Whether {@link #displayed} may say no (a display filter).
         *
         * @return {@code false} by default
         */
        default boolean filters() {
            return false;
        }

        /**
         * Whether {@link #result} reads {@link Engine#previousDisplayedTimestamp()} (a delta-displayed
         * time column), so that it must follow the display decisions of earlier frames.
         *
         * @return {@code false} by default
         */
        default boolean readsPreviousDisplayed() {
            return false;
        }

        /**
         * Whether the frame is displayed (passes the display filter); the tree's cross-frame values are
         * set already.
         *
         * @param frame the frame
         * @param packet its dissection
         * @return {@code true} by default
         */
        default boolean displayed(Frame frame, Packet packet) {
            return true;
        }

        /**
         * Fills {@code result} from the frame's dissection, on the worker's thread.
         *
         * @param frame the frame (a copy in a slot; valid during the call)
         * @param packet its dissection (the engine's, valid during the call)
         * @param displayed what {@link #displayed} said
         * @param result the slot's reused result object
         * @throws IOException when an output fails; {@link #run} rethrows it
         */
        void result(Frame frame, Packet packet, boolean displayed, R result) throws IOException;
    }

    /**
     * Receives the results in read order, on the thread that called {@link #run}.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface Consumer<R> {
        /**
         * One frame's result.
         *
         * @param frame the frame (valid during the call)
         * @param displayed what the worker's {@link Worker#displayed} said
         * @param result the result (reused for a later frame after the call)
         * @throws IOException when writing fails; {@link #run} stops and rethrows it
         */
        void accept(Frame frame, boolean displayed, R result) throws IOException;
    }

    /**
     * Sees each frame on the reading thread before a worker gets it.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface ReadHook<R> {
        /**
         * Called with the slot's copy of the frame and its result object, before the hand-off.
         *
         * @param frame the frame copy
         * @param result the slot's result object, which the worker fills next
         */
        void read(Frame frame, R result);
    }

    private final int threads;
    private final WorkerFactory<R> workers;
    private final Supplier<R> results;
    private long frameLimit = -1;
    private ReadHook<R> readHook;

    private ParallelDissection(int threads, WorkerFactory<R> workers, Supplier<R> results) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = Objects.requireNonNull(workers, "workers");
        this.results = Objects.requireNonNull(results, "results");
    }

    /**
     * A parallel dissection with {@code threads} workers.
     *
     * @param threads the number of workers (each its own thread and engine)
     * @param workers makes each worker on its thread
     * @param results makes the reused result object of each slot (called {@code threads * 256} times)
     * @param <R> the result type
     * @return the dissection, to {@link #run}
     */
    public static <R> ParallelDissection<R> of(int threads, WorkerFactory<R> workers, Supplier<R> results) {
        return new ParallelDissection<>(threads, workers, results);
    }

    /**
     * Stops after {@code frames} frames ({@code -c}).
     *
     * @param frames the limit, negative for none
     * @return this
     */
    public ParallelDissection<R> frameLimit(long frames) {
        this.frameLimit = frames;
        return this;
    }

    /**
     * Calls {@code hook} on the reading thread for every frame before its hand-off (what only the reader
     * knows, e.g. the capture's interface table).
     *
     * @param hook the hook
     * @return this
     */
    public ParallelDissection<R> onRead(ReadHook<R> hook) {
        this.readHook = hook;
        return this;
    }

    /**
     * Reads {@code source} to its end (or the frame limit), dissecting on the workers and handing the
     * results to {@code consumer} in read order. A capture error comes after every frame before it was
     * consumed, as with one engine.
     *
     * @param source the capture (read on this thread only)
     * @param consumer receives the results in order, on this thread
     * @return the number of frames read
     * @throws IOException a capture error, or an error of a worker or of the consumer
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public long run(CaptureSource source, Consumer<R> consumer) throws IOException, InterruptedException {
        return new Run<>(this, consumer).run(source);
    }

    /** One frame in flight: its copy, its result, and how far the pipeline got with it. */
    static final class Slot<R> {
        static final int FREE = 0;
        static final int QUEUED = 1;
        static final int DISSECTED = 2;
        static final int DECIDED = 3;
        static final int DONE = 4;
        private static final byte[] NO_BYTES = new byte[0];

        final Frame frame = new Frame();
        final R result;
        /** The copy of a frame that does not stay valid (stdin, gzip); made on first use, reused. */
        byte[] bytes = NO_BYTES;
        MemorySegment segment = MemorySegment.ofArray(bytes);
        long seq = -1;
        boolean displayed;
        volatile int state;

        Slot(R result) {
            this.result = result;
        }

        /** Points this slot's frame at {@code f}'s bytes, which stay valid (a mapped file): no copy. */
        void refer(Frame f) {
            frame.copyFrom(f);
        }

        /** Copies {@code f}'s bytes and description into this slot. */
        void fill(Frame f) {
            int n = f.capturedLength();
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, Math.min(Math.max(2048, bytes.length * 2), SLOT_KEEP_BYTES))];
                segment = MemorySegment.ofArray(bytes);
            }
            MemorySegment.copy(f.segment(), Bytes.U8, f.offset(), segment, Bytes.U8, 0, n);
            frame.copyFrom(f);
            frame.set(f.number(), segment, 0, n, f.originalLength(), f.timestampNanos(), f.interfaceId(), f.linkType());
            frame.comment(f.comment());
        }

        /** After consumption: a buffer grown past {@link #SLOT_KEEP_BYTES} is let go. */
        void release() {
            if (bytes.length > SLOT_KEEP_BYTES) {
                bytes = NO_BYTES;
                segment = MemorySegment.ofArray(bytes);
            }
            state = FREE;
        }
    }

    /** The state of one {@link #run}. */
    static final class Run<R> {
        final ParallelDissection<R> config;
        final Consumer<R> consumer;
        final Slot<R>[] slots;
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
        /** The reader's own counters, in an object of their own: workers never read them, so no cache line of theirs changes per frame. */
        final ReaderCounters counters;

        @SuppressWarnings("unchecked")
        Run(ParallelDissection<R> config, Consumer<R> consumer) {
            this.config = config;
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            int n = config.threads;
            slots = (Slot<R>[]) new Slot<?>[n * SLOTS_PER_WORKER];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = new Slot<>(config.results.get());
            }
            queues = new SlotQueue[n];
            threads = new Thread[n];
            for (int w = 0; w < n; w++) {
                queues[w] = new SlotQueue(slots.length + 1);
            }
            streams = new StreamNumbering(STREAM_FIELDS.length, n);
            counters = new ReaderCounters();
        }

        long run(CaptureSource source) throws IOException, InterruptedException {
            for (int w = 0; w < threads.length; w++) {
                WorkerLoop<R> loop = new WorkerLoop<>(this, w);
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
                    Slot<R> slot = slots[(int) (seq % slots.length)];
                    while (slot.state != Slot.FREE || (counters.inflightBytes > 0 && counters.inflightBytes + f.capturedLength() > INFLIGHT_BYTES)) {
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
                    slot.state = Slot.QUEUED;
                    if (config.readHook != null) {
                        config.readHook.read(slot.frame, slot.result);
                    }
                    queues[ShardKey.worker(ShardKey.of(slot.frame), queues.length)].put((int) (seq % slots.length));
                    seq++;
                    counters.dispatched = seq;
                    while (next < seq && slots[(int) (next % slots.length)].state == Slot.DONE) {
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
            Slot<R> slot = slots[(int) (next % slots.length)];
            if (slot.state != Slot.DONE) {
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
         * Waits until {@code slot} is done. The reader waits for a batch: for the slot {@link #READER_BATCH}
         * frames later when that many are in flight, so that it wakes once per batch and not once per frame.
         */
        private void awaitDone(Slot<R> slot, long inFlightUntil) throws IOException, InterruptedException {
            long target = Math.min(slot.seq + READER_BATCH - 1, inFlightUntil - 1);
            Slot<R> last = slots[(int) (target % slots.length)];
            for (SlotQueue q : queues) {
                q.wake();
            }
            int spins = 0;
            while (slot.state != Slot.DONE || (last.seq == target && last.state != Slot.DONE)) {
                rethrowFailure();
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (spins++ < 50) {
                    Thread.onSpinWait();
                    continue;
                }
                readerWaitsFor = slot.state != Slot.DONE ? slot.seq : target;
                readerWaiting = Thread.currentThread();
                if (slot.state != Slot.DONE || (last.seq == target && last.state != Slot.DONE)) {
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
                long mark = state == Slot.DISSECTED ? dissectedMark : decidedMark;
                long displayedTs = lastDisplayed;
                while (true) {
                    Slot<R> s = slots[(int) ((mark + 1) % slots.length)];
                    if (s.seq != mark + 1 || s.state < state) {
                        break;
                    }
                    mark++;
                    if (state == Slot.DECIDED && s.displayed) {
                        displayedTs = s.frame.timestampNanos();
                    }
                }
                if (state == Slot.DISSECTED) {
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
            while ((state == Slot.DISSECTED ? dissectedMark : decidedMark) < seq) {
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
    }

    /** What only the reader reads and writes per frame. */
    static final class ReaderCounters {
        /** Frames handed to the workers so far. */
        long dispatched;
        /** Captured bytes of the frames in flight. */
        long inflightBytes;
    }

    /** One worker thread: takes its slots, dissects, sets the cross-frame values, fills the result. */
    static final class WorkerLoop<R> {
        private final Run<R> run;
        private final int index;
        private Worker<R> worker;
        private Engine engine;
        private final int[] streamFieldIds = new int[STREAM_FIELDS.length];
        private boolean renumber;
        private boolean chain;
        private int deltaDisplayedId = -1;
        /** Per stream kind: local index to global, -1 when not known yet. */
        private final int[][] globalOf = new int[STREAM_FIELDS.length][];

        WorkerLoop(Run<R> run, int index) {
            this.run = run;
            this.index = index;
        }

        void run() {
            try {
                setUp();
                loop();
            } catch (Throwable t) {
                run.fail(t);
                drain();
            }
        }

        private void setUp() throws Exception {
            worker = run.config.workers.create(index);
            engine = worker.engine();
            Tree t = engine.tree();
            for (int k = 0; k < STREAM_FIELDS.length; k++) {
                Field f = engine.findField(STREAM_FIELDS[k]).orElse(null);
                streamFieldIds[k] = f == null ? -1 : f.id();
                renumber |= f != null && t.wants(f);
                globalOf[k] = new int[256];
                java.util.Arrays.fill(globalOf[k], -1);
            }
            Field delta = engine.findField("frame.time_delta_displayed").orElse(null);
            deltaDisplayedId = delta == null ? -1 : delta.id();
            chain = worker.filters() && (worker.readsPreviousDisplayed() || (delta != null && t.wants(delta)));
        }

        private void loop() throws IOException {
            SlotQueue queue = run.queues[index];
            Slot<R>[] slots = run.slots;
            int slotIndex;
            while ((slotIndex = queue.take()) != SlotQueue.END) {
                if (run.stopping) {
                    slots[slotIndex].state = Slot.DONE;
                    continue;
                }
                frame(slots[slotIndex]);
            }
        }

        private void frame(Slot<R> slot) throws IOException {
            Frame f = slot.frame;
            long seq = slot.seq;
            engine.previousDisplayedTimestamp(seq == 0 ? Long.MIN_VALUE : f.previousTimestampNanos());
            Packet p = engine.dissect(f);
            Tree t = p.tree();
            if (renumber) {
                logStreams(t, seq);
                slot.state = Slot.DISSECTED;
                run.advance(Slot.DISSECTED);
                if (!renumberStreams(t)) {
                    slot.state = Slot.DONE;
                    return;
                }
            }
            if (chain) {
                if (!run.awaitMark(Slot.DECIDED, seq - 1)) {
                    slot.state = Slot.DONE;
                    return;
                }
                long previous = run.lastDisplayed;
                engine.previousDisplayedTimestamp(previous);
                long delta = previous == Long.MIN_VALUE ? 0 : f.timestampNanos() - previous;
                for (int n = t.first(deltaDisplayedId); n >= 0; n = t.next(n)) {
                    t.setValue(n, delta);
                }
            }
            boolean shown = worker.displayed(f, p);
            slot.displayed = shown;
            if (chain) {
                slot.state = Slot.DECIDED;
                run.advance(Slot.DECIDED);
            }
            worker.result(f, p, shown, slot.result);
            slot.state = Slot.DONE;
            run.done(seq);
        }

        /** Logs the local streams this frame created (its stream fields show values not seen before). */
        private void logStreams(Tree t, long seq) {
            for (int k = 0; k < streamFieldIds.length; k++) {
                if (streamFieldIds[k] < 0) {
                    continue;
                }
                for (int n = t.first(streamFieldIds[k]); n >= 0; n = t.next(n)) {
                    run.streams.seen(k, index, t.value(n), seq);
                }
            }
        }

        /** Rewrites the stream fields to the global numbering; false when the run stops while waiting. */
        private boolean renumberStreams(Tree t) {
            for (int k = 0; k < streamFieldIds.length; k++) {
                if (streamFieldIds[k] < 0) {
                    continue;
                }
                for (int n = t.first(streamFieldIds[k]); n >= 0; n = t.next(n)) {
                    int local = (int) t.value(n);
                    int[] known = globalOf[k];
                    if (local >= known.length) {
                        int old = known.length;
                        known = java.util.Arrays.copyOf(known, Math.max(local + 1, old * 2));
                        java.util.Arrays.fill(known, old, known.length, -1);
                        globalOf[k] = known;
                    }
                    if (known[local] < 0) {
                        // every frame before the one that created the stream must have logged its streams
                        if (!run.awaitMark(Slot.DISSECTED, run.streams.creator(k, index, local) - 1)) {
                            return false;
                        }
                        known[local] = run.streams.global(k, index, local);
                    }
                    t.setValue(n, known[local]);
                }
            }
            return true;
        }

        /** After a failure: marks the remaining slots done so that the reader is not left waiting. */
        private void drain() {
            SlotQueue queue = run.queues[index];
            int slotIndex;
            while ((slotIndex = queue.take()) != SlotQueue.END) {
                run.slots[slotIndex].state = Slot.DONE;
            }
        }
    }
}
