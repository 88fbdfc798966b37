package org.dissect4j.bench;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Frame;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;

/** Frames of a capture copied into one heap segment, replayed from memory so benchmarks measure dissection, not I/O. */
final class Preloaded {
    final MemorySegment bytes;
    final long[] offsets;
    final int[] lengths;
    final int[] originalLengths;
    final long[] timestamps;
    final int linkType;

    private Preloaded(MemorySegment bytes, long[] offsets, int[] lengths, int[] originalLengths, long[] timestamps, int linkType) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.lengths = lengths;
        this.originalLengths = originalLengths;
        this.timestamps = timestamps;
        this.linkType = linkType;
    }

    /** The frames of {@code file} for which {@code keep} says yes (e.g. only TCP over IPv4 over Ethernet). */
    static Preloaded load(Path file, java.util.function.Predicate<MemorySegment> keep) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        List<int[]> meta = new ArrayList<>();
        List<Long> ts = new ArrayList<>();
        int linkType;
        try (CaptureReader r = CaptureFiles.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                byte[] b = new byte[f.capturedLength()];
                MemorySegment.copy(f.segment(), ValueLayout.JAVA_BYTE, f.offset(), b, 0, b.length);
                if (keep.test(MemorySegment.ofArray(b))) {
                    frames.add(b);
                    meta.add(new int[] {f.originalLength()});
                    ts.add(f.timestampNanos());
                }
            }
            linkType = r.interfaces().get(0).linkType();
        }
        long total = 0;
        for (byte[] b : frames) {
            total += b.length;
        }
        MemorySegment all = MemorySegment.ofArray(new byte[(int) total]);
        long[] offsets = new long[frames.size()];
        int[] lengths = new int[frames.size()];
        int[] orig = new int[frames.size()];
        long[] times = new long[frames.size()];
        long at = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] b = frames.get(i);
            MemorySegment.copy(b, 0, all, ValueLayout.JAVA_BYTE, at, b.length);
            offsets[i] = at;
            lengths[i] = b.length;
            orig[i] = meta.get(i)[0];
            times[i] = ts.get(i);
            at += b.length;
        }
        return new Preloaded(all, offsets, lengths, orig, times, linkType);
    }

    int size() {
        return offsets.length;
    }

    /** Each frame's captured bytes as its own array (the input of byte[]-based peers such as pcap4j). */
    byte[][] arrays() {
        byte[][] out = new byte[offsets.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new byte[lengths[i]];
            MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, offsets[i], out[i], 0, lengths[i]);
        }
        return out;
    }

    /** Points {@code f} at frame {@code i}; {@code round} shifts the timestamp so replays move forward in time. */
    Frame frame(Frame f, int i, long number, long round) {
        return f.set(number, bytes, offsets[i], lengths[i], originalLengths[i], timestamps[i] + round, 0, linkType);
    }

    /** Ethernet + IPv4 + TCP. */
    static boolean isEthIpv4Tcp(MemorySegment s) {
        return s.byteSize() >= 54 && s.get(ValueLayout.JAVA_BYTE, 12) == 0x08 && s.get(ValueLayout.JAVA_BYTE, 13) == 0x00
                && s.get(ValueLayout.JAVA_BYTE, 23) == 6;
    }
}
