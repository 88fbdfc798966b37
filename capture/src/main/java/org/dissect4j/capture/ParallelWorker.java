package org.dissect4j.capture;

import java.io.IOException;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * One worker thread of a {@link ParallelDissection}: takes its slots, dissects, sets the cross-frame values
 * (stream indices, {@code frame.time_delta_displayed}), fills the result.
 *
 * @param <R> the result type
 */
final class ParallelWorker<R> {
    private final ParallelRun<R> run;
    private final int index;
    private ParallelDissection.Worker<R> worker;
    private Engine engine;
    private final int[] streamFieldIds = new int[ParallelDissection.STREAM_FIELDS.length];
    private boolean renumber;
    private boolean chain;
    private int deltaDisplayedId = -1;
    /** Per stream kind: local index to global, -1 when not known yet. */
    private final int[][] globalOf = new int[ParallelDissection.STREAM_FIELDS.length][];
    /** Decryption Secrets Blocks handed to this worker's engine ({@link ParallelRun#secrets}). */
    private int secretsHanded;

    ParallelWorker(ParallelRun<R> run, int index) {
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
        for (int k = 0; k < ParallelDissection.STREAM_FIELDS.length; k++) {
            Field f = engine.findField(ParallelDissection.STREAM_FIELDS[k]).orElse(null);
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
        FrameSlot<R>[] slots = run.slots;
        int slotIndex;
        while ((slotIndex = queue.take()) != SlotQueue.END) {
            if (run.stopping) {
                slots[slotIndex].state = FrameSlot.DONE;
                continue;
            }
            frame(slots[slotIndex]);
        }
    }

    private void frame(FrameSlot<R> slot) throws IOException {
        Frame f = slot.frame;
        long seq = slot.seq;
        engine.previousDisplayedTimestamp(seq == 0 ? Long.MIN_VALUE : f.previousTimestampNanos());
        for (; secretsHanded < run.secrets.size() && run.secrets.get(secretsHanded).seq() <= seq; secretsHanded++) {
            DecryptionSecrets d = run.secrets.get(secretsHanded).secrets();
            engine.addSecrets(d.type(), d.data());
        }
        Packet p = engine.dissect(f);
        Tree t = p.tree();
        if (renumber) {
            logStreams(t, seq);
            slot.state = FrameSlot.DISSECTED;
            run.advance(FrameSlot.DISSECTED);
            if (!renumberStreams(t)) {
                slot.state = FrameSlot.DONE;
                return;
            }
        }
        if (chain) {
            if (!run.awaitMark(FrameSlot.DECIDED, seq - 1)) {
                slot.state = FrameSlot.DONE;
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
            slot.state = FrameSlot.DECIDED;
            run.advance(FrameSlot.DECIDED);
        }
        worker.result(f, p, shown, slot.result);
        slot.state = FrameSlot.DONE;
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
                    if (!run.awaitMark(FrameSlot.DISSECTED, run.streams.creator(k, index, local) - 1)) {
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
            run.slots[slotIndex].state = FrameSlot.DONE;
        }
    }
}
