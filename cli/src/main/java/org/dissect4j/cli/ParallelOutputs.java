package org.dissect4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.capture.CaptureWriter;
import org.dissect4j.capture.ParallelDissection;
import org.dissect4j.filter.DisplayFilter;

/**
 * {@code --threads N}: the per-packet outputs of {@link Main} on N workers of a {@link ParallelDissection}.
 * Each worker has its own engine (built from the same options), display filter, {@link Columns} and a
 * worker's copy of the packet sink ({@link Sink#worker()}), which writes each displayed packet's bytes
 * into the frame's slot ({@link Bytes}); the reading thread prints the slots in frame order, with what the
 * printing sink writes between packets ({@link Sink#beforePacket}), and writes {@code -w}. The printing
 * sink (made and primed by {@link Main}) writes the header and the footer as without threads.
 */
final class ParallelOutputs implements ParallelDissection.WorkerFactory<ParallelOutputs.Bytes>,
        ParallelDissection.Consumer<ParallelOutputs.Bytes> {
    private final Main main;
    private final Engine firstEngine;
    private final DisplayFilter firstFilter;
    private final PrintStream out;
    private final PrintStream err;
    private final Sink printing;
    private final CaptureWriter writer;
    private final Progress progress;
    private boolean firstShown = true;
    private long consumed;

    ParallelOutputs(Main main, Engine firstEngine, DisplayFilter firstFilter, PrintStream out, PrintStream err, Sink printing,
                    CaptureWriter writer, Progress progress) {
        this.main = main;
        this.firstEngine = firstEngine;
        this.firstFilter = firstFilter;
        this.out = out;
        this.err = err;
        this.printing = printing;
        this.writer = writer;
        this.progress = progress;
    }

    /** Dissects {@code reader} on {@code threads} workers; returns the number of frames read. */
    long run(CaptureReader reader, int threads) throws IOException, InterruptedException {
        return ParallelDissection.of(threads, this, Bytes::new)
                .frameLimit(main.count)
                .onRead((frame, slot) -> slot.digits = Main.timeDigits(reader, frame))
                .run(reader, this);
    }

    /** One frame's output: the bytes its packet sink wrote, and the time digits of its interface. */
    static final class Bytes {
        byte[] buf = new byte[512];
        int len;
        int digits;

        void write(int b) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[len++] = (byte) b;
        }

        void write(byte[] b, int off, int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
            }
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }
    }

    /** Where a worker's sink writes: the current slot's {@link Bytes}, or nowhere between frames. */
    private static final class SlotStream extends OutputStream {
        Bytes target;

        @Override
        public void write(int b) {
            if (target != null) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int n) {
            if (target != null) {
                target.write(b, off, n);
            }
        }
    }

    @Override
    public ParallelDissection.Worker<Bytes> create(int index) throws org.dissect4j.filter.FilterException {
        Engine engine = index == 0 ? firstEngine : main.buildEngine(main.settings());
        DisplayFilter filter = index == 0 ? firstFilter
                : main.displayFilter == null ? null : DisplayFilter.compile(main.displayFilter, engine);
        SlotStream stream = new SlotStream();
        Bytes[] current = new Bytes[1];
        FieldsSink.DigitsSource digits = f -> current[0].digits;
        Columns columns = new Columns(main.timeFormat, !main.noResolve);
        // the worker's copy of the printing sink, made by the same rule (none when nothing is printed: -q, -w -)
        Sink sink = printing == null ? null : new Outputs(main, new PrintStream(stream, false, StandardCharsets.UTF_8), err)
                .packetSink(columns, digits, main.writeFile != null);
        if (sink != null) {
            sink.worker();
            sink.prime(engine);
        }
        if (filter != null) {
            filter.prime(engine.tree());
        }
        boolean deltaDisplayedColumn = main.timeFormat.equals("dd")
                || main.columnFormat != null && main.columnFormat.stream().anyMatch(c -> c.format().equals("%Gt"));
        return new ParallelDissection.Worker<>() {
            @Override
            public Engine engine() {
                return engine;
            }

            @Override
            public boolean filters() {
                return filter != null;
            }

            @Override
            public boolean readsPreviousDisplayed() {
                return deltaDisplayedColumn;
            }

            @Override
            public boolean displayed(Frame frame, Packet packet) {
                return filter == null || filter.matches(packet.tree());
            }

            @Override
            public void result(Frame frame, Packet packet, boolean displayed, Bytes result) throws IOException {
                result.len = 0;
                if (!displayed || sink == null) {
                    return;
                }
                current[0] = result;
                stream.target = result;
                columns.frameContext(frame, engine.previousDisplayedTimestamp());
                try {
                    sink.packet(frame, packet);
                } finally {
                    stream.target = null;
                }
            }
        };
    }

    @Override
    public void accept(Frame frame, boolean displayed, Bytes result) throws IOException {
        if (displayed) {
            if (printing != null) {
                printing.beforePacket(firstShown);
                out.write(result.buf, 0, result.len);
            }
            firstShown = false;
            if (main.flushEachPacket) {
                out.flush();
            }
            if (writer != null) {
                writer.write(frame);
            }
        }
        progress.update(++consumed);
    }
}
