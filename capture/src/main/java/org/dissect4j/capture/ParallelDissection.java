package org.dissect4j.capture;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

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

    final int threads;
    final WorkerFactory<R> workers;
    final Supplier<R> results;
    long frameLimit = -1;
    ReadHook<R> readHook;

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
        return new ParallelRun<>(this, consumer).run(source);
    }
}
