package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Standard input, pipes, FIFOs and gzip: read incrementally through the bounded window. */
class StreamTest {
    @TempDir
    Path tmp;

    @Test
    void dashMeansStandardInput() throws IOException {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Captures.resource("udp-lo-comments.pcapng.gz"))));
            try (CaptureReader r = CaptureFiles.open(Path.of("-"))) {
                assertThat(r.name()).isEqualTo("-");
                assertThat(r.size()).isEqualTo(-1);
                assertThat(Captures.readAll(r)).usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(Captures.readAll(Captures.resource("udp-lo-comments.pcapng")));
            }
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void gzipFileReportsCompressedProgress() throws IOException {
        Path gz = Captures.resource("udp-lo.pcap.gz");
        try (CaptureReader r = CaptureFiles.open(gz)) {
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(r.size()).isEqualTo(Files.size(gz));
            long last = 0;
            for (Frame f = r.next(); f != null; f = r.next()) {
                assertThat(r.position()).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(r.size());
                last = r.position();
            }
            assertThat(r.position()).isEqualTo(r.size());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void framesArriveBeforeTheStreamEnds() throws Exception {
        byte[] capture = Files.readAllBytes(Captures.resource("udp-lo.pcap"));
        long[][] records = BadInputTest.pcapRecords(capture);
        int firstEnd = (int) (records[0][0] + records[0][1]);
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer, 1 << 16);
        CountDownLatch firstFrameRead = new CountDownLatch(1);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                writer.write(capture, 0, firstEnd);
                writer.flush();
                // the rest only after the reader has seen frame 1: a live pipe (tcpdump -w - | ...)
                if (firstFrameRead.await(20, TimeUnit.SECONDS)) {
                    writer.write(capture, firstEnd, capture.length - firstEnd);
                }
                writer.close();
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        try (CaptureReader r = CaptureFiles.open(pipe, "-")) {
            Frame f = r.next();
            assertThat(f.number()).isEqualTo(1);
            firstFrameRead.countDown();
            int n = 1;
            while (r.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(12);
        }
        producer.join(10_000);
    }

    @Test
    void windowGrowsForBigRecordsAndSlidesForManySmallOnes() throws IOException {
        PcapBuilder p = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, true, 0, 1);
        // 3 MiB of small records (the window must slide), then records of 1.5 and 5 MiB (it must grow)
        int small = 3 * 1024 * 1024 / (16 + 200);
        for (int i = 0; i < small; i++) {
            p.record(i, 0, VectorGenerator.payload(i, 200), 200);
        }
        p.record(1, 0, VectorGenerator.payload(1, 1_500_000), 1_500_000);
        p.record(2, 0, VectorGenerator.payload(2, 5_000_000), 5_000_000);
        p.record(3, 0, VectorGenerator.payload(3, 20), 20);
        byte[] bytes = p.bytes();
        List<Captures.Rec> mapped = Captures.readFile(tmp, "big.pcap", bytes);
        try (CaptureReader r = CaptureFiles.open(BadInputTest.trickleChunks(bytes, 70_000), "big")) {
            List<Captures.Rec> streamed = Captures.readAll(r);
            assertThat(streamed).hasSize(small + 3);
            for (int i = 0; i < streamed.size(); i++) {
                assertThat(streamed.get(i).md5()).isEqualTo(mapped.get(i).md5());
            }
            long capacity = ((StreamInput) ((AbstractReader) r).input).capacity();
            // big enough for the 5 MB record, not sized by the 3 MiB of earlier data on top
            assertThat(capacity).isEqualTo(8L << 20);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void fifoIsReadAsAStream() throws Exception {
        Path fifo = tmp.resolve("cap.fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo not available: skipped");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed: skipped");
        byte[] bytes = Files.readAllBytes(Captures.resource("udp-lo.pcapng"));
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Files.write(fifo, bytes);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        try (CaptureReader r = CaptureFiles.open(fifo)) {
            assertThat(r.size()).isEqualTo(-1);
            assertThat(Captures.readAll(r)).hasSize(10);
        }
        writer.join(10_000);
    }
}
