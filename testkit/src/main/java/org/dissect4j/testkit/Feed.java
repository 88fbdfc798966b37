package org.dissect4j.testkit;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/** Feeds hand-built Ethernet frames to an engine, numbering and timestamping them. */
public final class Feed {
    private final Engine engine;
    private final Frame frame = new Frame();
    private long number;
    private long time = 1_700_000_000_000_000_000L;

    public Feed(Engine engine) {
        this.engine = engine;
    }

    public Packet next(byte[] data) {
        return next(data, data.length, 1_000_000);
    }

    /** Dissects {@code data}, captured up to {@code captured} bytes, {@code gapNanos} after the previous frame. */
    public Packet next(byte[] data, int captured, long gapNanos) {
        return next(MemorySegment.ofArray(data), captured, data.length, gapNanos);
    }

    /** Dissects bytes already wrapped in a segment (no allocation here). */
    public Packet next(MemorySegment data, int captured, int length, long gapNanos) {
        number++;
        time += gapNanos;
        frame.set(number, data, 0, captured, length, time, 0, 1);
        return engine.dissect(frame);
    }
}
