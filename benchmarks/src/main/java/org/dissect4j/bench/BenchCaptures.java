package org.dissect4j.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Frame;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.capture.CaptureWriter;

/** Test data for benchmarks: a capture of the project's own sample traffic, repeated to a given size. */
final class BenchCaptures {
    private BenchCaptures() {
    }

    /** The sample capture shipped in {@code samples/}, found from the working directory or its parent. */
    static Path sample() {
        for (Path p : List.of(Path.of("samples/http-sample.pcap"), Path.of("../samples/http-sample.pcap"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("samples/http-sample.pcap not found: run the benchmarks from the repository root");
    }

    /** A file of the repository, found from the working directory or its parent. */
    static Path find(String relative) {
        for (Path p : List.of(Path.of(relative), Path.of("..").resolve(relative))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException(relative + " not found: run the benchmarks from the repository root");
    }

    /** Writes {@code frames} frames (the sample's frames over and over) to a temporary pcap file. */
    static Path repeated(int frames) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        List<int[]> lengths = new ArrayList<>();
        int linkType;
        try (CaptureReader r = CaptureFiles.open(sample())) {
            Frame f;
            while ((f = r.next()) != null) {
                byte[] b = new byte[f.capturedLength()];
                java.lang.foreign.MemorySegment.copy(f.segment(), java.lang.foreign.ValueLayout.JAVA_BYTE, f.offset(), b, 0, b.length);
                packets.add(b);
                lengths.add(new int[] {f.originalLength()});
            }
            linkType = r.interfaces().get(0).linkType();
        }
        Path out = Files.createTempFile("dissect4j-bench-", ".pcap");
        out.toFile().deleteOnExit();
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             CaptureWriter w = CaptureWriter.pcap(os, linkType, 262144, false)) {
            Frame f = new Frame();
            for (int i = 0; i < frames; i++) {
                byte[] b = packets.get(i % packets.size());
                f.set(i + 1, java.lang.foreign.MemorySegment.ofArray(b), 0, b.length, lengths.get(i % packets.size())[0],
                        1_700_000_000_000_000_000L + i * 1_000L, 0, linkType);
                w.write(f);
            }
        }
        return out;
    }
}
