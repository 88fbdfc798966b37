package org.dissect4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Frame;
import org.dissect4j.capture.CaptureException;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading frames from an mmap'd pcap file: one operation is one frame (open, walk all records,
 * close, divided by the frame count): the score is frames per second, and {@code gc.alloc.rate.norm} under {@code -prof gc} is
 * bytes allocated per frame — the reader object itself is spread over {@value #FRAMES} frames.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PcapReadBenchmark {
    static final int FRAMES = 100_000;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = BenchCaptures.repeated(FRAMES);
    }

    /** Walks every frame and touches its length and first byte, as a dissector would. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long readFrames() throws IOException {
        long sum = 0;
        try (CaptureReader r = CaptureFiles.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                sum += f.capturedLength() + f.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, f.offset());
            }
        } catch (CaptureException e) {
            throw new IllegalStateException(e);
        }
        return sum;
    }
}
