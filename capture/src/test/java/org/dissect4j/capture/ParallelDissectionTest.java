package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ParallelDissection}: results in read order, each address pair (both directions) on one worker,
 * the capture context the reader computes, errors of a worker or of the consumer ending the run, and no
 * allocation per frame on the hand-off (reader, ring, queues, workers, consumer) at steady state.
 */
class ParallelDissectionTest {
    private static final int FRAMES = 200_000;
    private static final int PAIRS = 64;

    @TempDir
    static Path tmp;
    static Path pcap;

    /** Ethernet + IPv4 frames between 64 address pairs, alternating directions, 1 ms apart. */
    @BeforeAll
    static void makeCapture() throws IOException {
        PcapBuilder p = new PcapBuilder(ByteOrder.BIG_ENDIAN, false, 65535, 1);
        for (int i = 0; i < FRAMES; i++) {
            byte[] f = new byte[14 + 20 + 8];
            f[12] = 0x08;
            f[14] = 0x45;
            f[16] = 0;
            f[17] = 28;
            f[23] = 17;
            int pair = (i / 2) % PAIRS;
            byte[] a = {10, 0, 0, (byte) pair};
            byte[] b = {10, 1, 0, (byte) pair};
            boolean reverse = (i & 1) == 1;
            System.arraycopy(reverse ? b : a, 0, f, 26, 4);
            System.arraycopy(reverse ? a : b, 0, f, 30, 4);
            p.record(1_700_000_000L + i / 1000, (i % 1000) * 1000L, f, f.length + (i % 3));
        }
        pcap = Files.write(tmp.resolve("pairs.pcap"), p.bytes());
    }

    /** The result of one frame: its number, the worker and the context seen there. */
    static final class Seen {
        long number;
        int worker;
        long first;
        long previous;
        long bytesBefore;
    }

    private static ParallelDissection.Worker<Seen> worker(int index, Map<Integer, long[]> allocations) {
        Engine engine = Engine.builder().discover(false).build();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] at = new long[2];
        allocations.put(index, at);
        return new ParallelDissection.Worker<>() {
            @Override
            public Engine engine() {
                return engine;
            }

            @Override
            public void result(Frame frame, Packet packet, boolean displayed, Seen r) {
                r.number = frame.number();
                r.worker = index;
                r.first = frame.firstTimestampNanos();
                r.previous = frame.previousTimestampNanos();
                r.bytesBefore = frame.bytesBefore();
                if (frame.number() <= FRAMES / 4) {
                    at[0] = mx.getCurrentThreadAllocatedBytes();
                } else if (frame.number() <= FRAMES * 3 / 4) {
                    at[1] = mx.getCurrentThreadAllocatedBytes();
                }
            }
        };
    }

    /** The capture mapped (frames handed over as views) or streamed (frames copied into the slots). */
    private static CaptureReader open(boolean streamed) throws IOException {
        return streamed ? CaptureFiles.open(Files.newInputStream(pcap), "-") : CaptureFiles.open(pcap);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resultsComeInOrderAndEachPairStaysOnOneWorker(boolean streamed) throws Exception {
        Map<Integer, long[]> allocations = new ConcurrentHashMap<>();
        Map<Integer, Integer> workerOfPair = new HashMap<>();
        long[] expected = {1, 0, 0, 0};   // next number, first ts, previous ts, bytes before
        int[] perWorker = new int[2];
        try (CaptureReader r = open(streamed)) {
            assertThat(r.framesStayValid()).isEqualTo(!streamed);
            long read = ParallelDissection.of(2, i -> worker(i, allocations), Seen::new).run(r, (frame, displayed, s) -> {
                assertThat(s.number).isEqualTo(expected[0]).isEqualTo(frame.number());
                if (s.number == 1) {
                    expected[1] = frame.timestampNanos();
                    expected[2] = frame.timestampNanos();
                }
                assertThat(s.first).isEqualTo(expected[1]);
                assertThat(s.previous).isEqualTo(expected[2]);
                assertThat(s.bytesBefore).isEqualTo(expected[3]);
                int pair = (int) ((s.number - 1) / 2 % PAIRS);
                assertThat(workerOfPair.computeIfAbsent(pair, k -> s.worker)).as("worker of pair %d", pair).isEqualTo(s.worker);
                assertThat(frame.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, frame.offset() + 29)).isEqualTo((byte) pair);
                perWorker[s.worker]++;
                expected[0]++;
                expected[2] = frame.timestampNanos();
                expected[3] += frame.originalLength();
            });
            assertThat(read).isEqualTo(FRAMES);
        }
        assertThat(perWorker[0]).as("frames on worker 0").isPositive();
        assertThat(perWorker[1]).as("frames on worker 1").isPositive();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theHandOffAllocatesNothingPerFrame(boolean streamed) throws Exception {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        // the first rounds warm up the JIT; the best later round is the steady state
        for (int round = 0; round < 4; round++) {
            Map<Integer, long[]> allocations = new ConcurrentHashMap<>();
            long[] reader = new long[2];
            try (CaptureReader r = open(streamed)) {
                ParallelDissection.of(2, i -> worker(i, allocations), Seen::new).run(r, (frame, displayed, s) -> {
                    if (s.number == FRAMES / 4) {
                        reader[0] = mx.getCurrentThreadAllocatedBytes();
                    } else if (s.number == FRAMES * 3 / 4) {
                        reader[1] = mx.getCurrentThreadAllocatedBytes();
                    }
                });
            }
            long total = reader[1] - reader[0];
            for (long[] w : allocations.values()) {
                total += w[1] - w[0];
            }
            best = Math.min(best, total);
        }
        // the middle half of the frames: reader, copies, queues, both workers' dissections and the consumer
        assertThat((double) best / (FRAMES / 2)).as("bytes allocated per frame (%d in total)", best).isLessThan(0.5);
    }

    @Test
    void theFrameLimitStopsReading() throws Exception {
        long[] last = new long[1];
        try (CaptureReader r = CaptureFiles.open(pcap)) {
            long read = ParallelDissection.of(3, i -> worker(i, new HashMap<>()), Seen::new).frameLimit(1234)
                    .run(r, (frame, displayed, s) -> last[0] = s.number);
            assertThat(read).isEqualTo(1234);
        }
        assertThat(last[0]).isEqualTo(1234);
    }

    @Test
    void aWorkerThatCannotStartFailsTheRun() throws Exception {
        try (CaptureReader r = CaptureFiles.open(pcap)) {
            assertThatThrownBy(() -> ParallelDissection.<Seen>of(2, i -> {
                if (i == 1) {
                    throw new IllegalStateException("no engine for worker 1");
                }
                return worker(i, new HashMap<>());
            }, Seen::new).run(r, (frame, displayed, s) -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no engine for worker 1");
        }
    }

    @Test
    void aConsumerErrorEndsTheRun() throws Exception {
        try (CaptureReader r = CaptureFiles.open(pcap)) {
            assertThatThrownBy(() -> ParallelDissection.of(2, i -> worker(i, new HashMap<>()), Seen::new).run(r, (frame, displayed, s) -> {
                if (s.number == 5000) {
                    throw new IOException("disk full");
                }
            })).isInstanceOf(IOException.class).hasMessage("disk full");
        }
    }

    @Test
    void aTruncatedCaptureDeliversEveryFrameBeforeTheFault() throws Exception {
        byte[] whole = Files.readAllBytes(pcap);
        Path cut = Files.write(tmp.resolve("cut.pcap"), java.util.Arrays.copyOf(whole, 24 + 10 * (16 + 42) + 20));
        long[] count = new long[1];
        try (CaptureReader r = CaptureFiles.open(cut)) {
            assertThatThrownBy(() -> ParallelDissection.of(2, i -> worker(i, new HashMap<>()), Seen::new)
                    .run(r, (frame, displayed, s) -> count[0]++)).isInstanceOf(CaptureException.class);
        }
        assertThat(count[0]).isEqualTo(10);
    }
}
