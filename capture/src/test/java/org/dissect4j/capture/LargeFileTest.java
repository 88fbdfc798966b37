package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.dissect4j.api.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files beyond 2 GiB are mapped whole; frames past 2^31 are views at long offsets. */
class LargeFileTest {
    private static final int BIG = 250 << 20;
    private static final int BIG_RECORDS = 9;

    @TempDir
    Path tmp;

    @Test
    void readsPastTwoGibibytes() throws IOException {
        Path p = tmp.resolve("big.pcap");
        byte[] tail = "beyond two gibibytes".getBytes(StandardCharsets.US_ASCII);
        long end;
        // a sparse file: record headers are written, the 250 MiB packet bodies are holes
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.wrap(new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 0, 1).bytes()), 0);
            long at = 24;
            for (int i = 0; i < BIG_RECORDS; i++) {
                ch.write(header(i, BIG, BIG), at);
                at += 16 + BIG;
            }
            ch.write(header(99, tail.length, tail.length), at);
            ch.write(ByteBuffer.wrap(tail), at + 16);
            end = at + 16 + tail.length;
        }
        assertThat(Files.size(p)).isEqualTo(end).isGreaterThan(1L << 31);
        try (CaptureReader r = CaptureFiles.open(p)) {
            assertThat(r.size()).isEqualTo(end);
            for (int i = 0; i < BIG_RECORDS; i++) {
                Frame f = r.next();
                assertThat(f.capturedLength()).isEqualTo(BIG);
            }
            Frame last = r.next();
            assertThat(last.number()).isEqualTo(BIG_RECORDS + 1);
            assertThat(last.offset()).isGreaterThan(Integer.MAX_VALUE);
            byte[] got = last.segment().asSlice(last.offset(), last.capturedLength()).toArray(ValueLayout.JAVA_BYTE);
            assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("beyond two gibibytes");
            assertThat(r.next()).isNull();
            assertThat(r.position()).isEqualTo(end);
        } finally {
            Files.deleteIfExists(p);
        }
    }

    private static ByteBuffer header(long seconds, int caplen, int len) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt((int) seconds).putInt(0).putInt(caplen)
                .putInt(len).flip();
    }
}
