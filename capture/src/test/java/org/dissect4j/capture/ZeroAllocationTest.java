package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dissect4j.api.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading allocates nothing per frame: 100,000 frames of a synthetic capture are read several
 * times and the heap allocation of the reading thread is measured around the frame loop.
 */
class ZeroAllocationTest {
    private static final int FRAMES = 100_000;
    /** Bytes per frame allowed on average: measurement noise only (well under one object per frame). */
    private static final double BUDGET_PER_FRAME = 0.5;

    @TempDir
    static Path tmp;
    static Path pcap;
    static Path pcapng;
    static Path gz;

    @BeforeAll
    static void makeCaptures() throws IOException {
        PcapBuilder p = new PcapBuilder(ByteOrder.BIG_ENDIAN, true, 65535, 1);
        PcapngBuilder n = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(1, 0, PcapngBuilder.u8(9, 9))
                .idb(101, 0, PcapngBuilder.u8(9, 6));
        byte[] data = VectorGenerator.payload(1, 64);
        for (int i = 0; i < FRAMES; i++) {
            p.record(1_700_000_000L + i, i, data, 64);
            n.epb(i & 1, 1_700_000_000_000_000_000L + i, data, 64);
        }
        pcap = Files.write(tmp.resolve("alloc.pcap"), p.bytes());
        pcapng = Files.write(tmp.resolve("alloc.pcapng"), n.bytes());
        gz = tmp.resolve("alloc.pcapng.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(n.bytes());
        }
    }

    @Test
    void mappedPcapAllocatesNothingPerFrame() throws IOException {
        measure(pcap, false);
    }

    @Test
    void mappedPcapngAllocatesNothingPerFrame() throws IOException {
        measure(pcapng, false);
    }

    @Test
    void streamedPcapngAllocatesNothingPerFrame() throws IOException {
        measure(pcapng, true);
    }

    @Test
    void gzipAllocatesNothingPerFrame() throws IOException {
        measure(gz, false);
    }

    private static void measure(Path file, boolean stream) throws IOException {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        // the first rounds warm up the JIT; the best later round is the steady state
        for (int round = 0; round < 5; round++) {
            InputStream in = stream ? Files.newInputStream(file) : null;
            try (CaptureReader r = stream ? CaptureFiles.open(in, "-") : CaptureFiles.open(file)) {
                long checksum = 0;
                long count = 0;
                long before = mx.getCurrentThreadAllocatedBytes();
                for (Frame f = r.next(); f != null; f = r.next()) {
                    checksum += f.capturedLength() + f.timestampNanos() + f.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, f.offset());
                    count++;
                }
                long allocated = mx.getCurrentThreadAllocatedBytes() - before;
                assertThat(count).isEqualTo(FRAMES);
                assertThat(checksum).isNotZero();
                best = Math.min(best, allocated);
            }
        }
        assertThat((double) best / FRAMES).as("bytes allocated per frame reading " + file.getFileName()
                + (stream ? " as a stream" : "") + " (" + best + " in total)").isLessThan(BUDGET_PER_FRAME);
    }
}
