package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.dissect4j.api.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input: every frame before a fault is delivered, then one CaptureException naming file and offset. */
class BadInputTest {
    @TempDir
    Path tmp;

    /** What reading a capture did: the frames before the end or the fault, and the fault. */
    record Outcome(List<Captures.Rec> frames, CaptureException error) {
    }

    interface Opener {
        CaptureReader open() throws IOException;
    }

    static Outcome run(Opener opener) {
        List<Captures.Rec> frames = new ArrayList<>();
        try (CaptureReader r = opener.open()) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                frames.add(Captures.copy(f));
                if (frames.size() > 100_000) {
                    fail("runaway reader");
                }
            }
            // the end is sticky
            assertThat(r.next()).isNull();
            return new Outcome(frames, null);
        } catch (CaptureException e) {
            return new Outcome(frames, e);
        } catch (Throwable t) {
            throw new AssertionError("only CaptureException may escape, got " + t, t);
        }
    }

    // ---- truncation sweeps -----------------------------------------------------------------------

    @Test
    void pcapTruncatedAtEveryLength() throws IOException {
        sweep("udp-lo.pcap");
        sweep("synthetic-be.pcap");
    }

    @Test
    void pcapngTruncatedAtEveryLength() throws IOException {
        sweep("udp-lo-comments.pcapng");
        sweep("synthetic-mixed.pcapng");
        sweep("multi-section.pcapng");
    }

    /**
     * Cuts the file at every length, read both mapped and as a stream: complete records before
     * the cut are all delivered; a cut on a record boundary is a clean end; any other cut is one
     * CaptureException naming the file and the offset of the cut record.
     */
    private void sweep(String name) throws IOException {
        byte[] full = Files.readAllBytes(Captures.resource(name));
        List<Captures.Rec> all = Captures.readAll(Captures.resource(name));
        long[][] records = name.endsWith(".pcapng") ? pcapngBlocks(full) : pcapRecords(full);
        TreeSet<Long> boundaries = new TreeSet<>();
        boundaries.add(name.endsWith(".pcapng") ? -1L : 24L);
        for (long[] rec : records) {
            boundaries.add(rec[0] + rec[1]);
        }
        Path file = tmp.resolve(name);
        for (int cut = 0; cut <= full.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            Files.write(file, part);
            Outcome mapped = run(() -> CaptureFiles.open(file));
            Outcome stream = run(() -> CaptureFiles.open(new ByteArrayInputStream(part), name));
            int complete = 0;
            for (long[] rec : records) {
                if (rec[2] == 1 && rec[0] + rec[1] <= cut) {
                    complete++;
                }
            }
            for (Outcome o : List.of(mapped, stream)) {
                String where = name + " cut at " + cut;
                assertThat(o.frames()).as(where).hasSize(complete);
                for (int i = 0; i < complete; i++) {
                    assertThat(o.frames().get(i).md5()).as(where).isEqualTo(all.get(i).md5());
                    assertThat(o.frames().get(i).ts()).as(where).isEqualTo(all.get(i).ts());
                }
                if (cut > 0 && boundaries.contains((long) cut)) {
                    assertThat(o.error()).as(where).isNull();
                } else {
                    assertThat(o.error()).as(where).isNotNull();
                    Long floor = boundaries.floor((long) cut);
                    long expected = floor == null ? 0 : Math.max(0, floor);
                    assertThat(o.error().file()).as(where).isEqualTo(name.equals(file.toString()) ? name : o.error().file());
                    assertThat(o.error().getMessage()).as(where).contains(name);
                    assertThat(o.error().offset()).as(where).isEqualTo(expected);
                    if (cut >= 4) {
                        assertThat(o.error().getMessage()).as(where).contains("byte offset " + expected)
                                .containsPattern("need \\d+ bytes, \\d+ left");
                    }
                }
            }
        }
    }

    /** {start, length, isPacket} of every pcap record, walked independently of the reader. */
    static long[][] pcapRecords(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getInt(0) != 0xa1b2c3d4 && bb.getInt(0) != 0xa1b23c4d) {
            bb.order(ByteOrder.BIG_ENDIAN);
        }
        List<long[]> out = new ArrayList<>();
        for (int at = 24; at < b.length; ) {
            int len = 16 + bb.getInt(at + 8);
            out.add(new long[] {at, len, 1});
            at += len;
        }
        return out.toArray(long[][]::new);
    }

    /** {start, length, isPacket} of every pcapng block. */
    static long[][] pcapngBlocks(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        ByteOrder section = ByteOrder.LITTLE_ENDIAN;
        List<long[]> out = new ArrayList<>();
        for (int at = 0; at < b.length; ) {
            if (bb.order(ByteOrder.LITTLE_ENDIAN).getInt(at) == 0x0A0D0D0A) {
                section = bb.getInt(at + 8) == 0x1A2B3C4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            }
            bb.order(section);
            int type = bb.getInt(at);
            int len = bb.getInt(at + 4);
            out.add(new long[] {at, len, type == 6 || type == 3 || type == 2 ? 1 : 0});
            at += len;
        }
        return out.toArray(long[][]::new);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void gzipTruncatedAtEveryLength() throws IOException {
        byte[] gz = Files.readAllBytes(Captures.resource("udp-lo-comments.pcapng.gz"));
        List<Captures.Rec> all = Captures.readAll(Captures.resource("udp-lo-comments.pcapng"));
        int previous = 0;
        for (int cut = 0; cut < gz.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(gz, cut);
            Outcome o = run(() -> CaptureFiles.open(new ByteArrayInputStream(part), "c.pcapng.gz"));
            assertThat(o.error()).as("cut " + cut).isNotNull();
            assertThat(o.error().getMessage()).startsWith("c.pcapng.gz: ");
            assertThat(o.frames().size()).as("cut " + cut).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(all.size());
            for (int i = 0; i < o.frames().size(); i++) {
                assertThat(o.frames().get(i).md5()).isEqualTo(all.get(i).md5());
            }
            previous = o.frames().size();
        }
        // cut in the 8-byte gzip trailer: all frames were already delivered, then the gzip error
        assertThat(previous).isEqualTo(all.size());
        Outcome last = run(() -> CaptureFiles.open(new ByteArrayInputStream(java.util.Arrays.copyOf(gz, gz.length - 1)), "c.gz"));
        assertThat(last.error().getMessage()).contains("gzip:");
    }

    // ---- not a capture -------------------------------------------------------------------------

    @Test
    void zeroLengthFile() throws IOException {
        Path p = Files.write(tmp.resolve("zero.pcap"), new byte[0]);
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureException.class)
                .hasMessage(p + ": the file is empty (0 bytes), not a capture file");
        assertThatThrownBy(() -> CaptureFiles.open(new ByteArrayInputStream(new byte[0]), "-"))
                .isInstanceOf(CaptureException.class).hasMessage("-: the input is empty (0 bytes), not a capture file");
    }

    @Test
    void tooShortFiles() throws IOException {
        for (int n = 1; n < 4; n++) {
            Path p = Files.write(tmp.resolve("short" + n), new byte[n]);
            assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureException.class)
                    .hasMessageContaining("short" + n + ": not a capture file (only " + n + " bytes)");
        }
    }

    @Test
    void wrongMagicNamesTheFile() throws IOException {
        Path p = Files.write(tmp.resolve("notes.txt"), "hello world, no capture here".getBytes());
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureException.class)
                .hasMessage(p + ": not a pcap or pcapng file (first bytes 68 65 6c 6c)")
                .satisfies(e -> assertThat(((CaptureException) e).offset()).isZero());
    }

    @Test
    void garbageIsRejected() throws IOException {
        Random rnd = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] g = new byte[rnd.nextInt(1, 4096)];
            rnd.nextBytes(g);
            Outcome o = run(() -> CaptureFiles.open(new ByteArrayInputStream(g), "garbage"));
            assertThat(o.error()).isNotNull();
        }
    }

    @Test
    void gzipOfGarbageAndCorruptGzip() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write("plain text".getBytes());
        }
        Path p = Files.write(tmp.resolve("text.gz"), bo.toByteArray());
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("text.gz: not a pcap or pcapng file (first bytes 70 6c 61 69 after decompression)");
        Path bad = Files.write(tmp.resolve("bad.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertThatThrownBy(() -> CaptureFiles.open(bad)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("bad.gz: corrupt gzip header");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = tmp.resolve("nope.pcap");
        assertThatThrownBy(() -> CaptureFiles.open(missing)).isInstanceOf(CaptureException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> CaptureFiles.open(tmp)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("is a directory");
    }

    // ---- lying lengths -------------------------------------------------------------------------

    @Test
    void hugeCapturedLengthIsAnErrorWithoutAllocation() throws IOException {
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(1, 0, new byte[20], 20).record(2, 0, 0xFFFF_FFF0L, 0xFFFF_FFF0L).raw(new byte[40]).bytes();
        Path p = Files.write(tmp.resolve("huge.pcap"), bytes);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            Outcome mapped = run(() -> CaptureFiles.open(p));
            Outcome stream = run(() -> CaptureFiles.open(new ByteArrayInputStream(bytes), "huge.pcap"));
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            for (Outcome o : List.of(mapped, stream)) {
                assertThat(o.frames()).hasSize(1);
                assertThat(o.error().getMessage()).endsWith("huge.pcap: implausible captured length 4294967280 in the"
                        + " record header at byte offset 60 (the limit is 268435456 bytes)");
                assertThat(o.error().offset()).isEqualTo(60);
            }
            // the stream window starts at 1 MiB off-heap; the heap sees only small objects
            assertThat(allocated).isLessThan(1 << 20);
        }
    }

    @Test
    void largeButAllowedLengthOnAShortStreamDoesNotGrowTheWindow() throws IOException {
        // declares a 200 MiB packet but only 100 bytes follow: nothing is sized from the header
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(1, 0, 200L << 20, 200L << 20).raw(new byte[100]).bytes();
        try (CaptureReader r = CaptureFiles.open(new ByteArrayInputStream(bytes), "lie.pcap")) {
            assertThatThrownBy(r::next).isInstanceOf(CaptureException.class)
                    .hasMessage("lie.pcap: truncated packet data in the record at byte offset 24 (need 209715200 bytes, 100 left)");
            assertThat(((StreamInput) ((AbstractReader) r).input).capacity()).isEqualTo(StreamInput.INITIAL_WINDOW);
        }
        byte[] ng = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(1, 0)
                .raw(le(PcapngBlock.EPB, 200 << 20, 0, 0)).bytes();
        try (CaptureReader r = CaptureFiles.open(new ByteArrayInputStream(ng), "lie.pcapng")) {
            assertThat(r.next()).isNull();
        } catch (CaptureException e) {
            assertThat(e.getMessage()).contains("truncated Enhanced Packet Block at byte offset 48 (need 209715200 bytes, 16 left)");
        }
    }

    private static byte[] le(int... ints) {
        ByteBuffer b = ByteBuffer.allocate(ints.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : ints) {
            b.putInt(i);
        }
        return b.array();
    }

    /** A good SHB + IDB + one EPB, then {@code tail}; the error must come after the good frame. */
    private Outcome afterOneGoodFrame(byte[] tail) throws IOException {
        return afterOneGoodFrame(tail, 84);
    }

    private Outcome afterOneGoodFrame(byte[] tail, long offset) throws IOException {
        byte[] bytes = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(1, 0).epb(0, 1, new byte[] {1, 2, 3}, 3)
                .raw(tail).bytes();
        Path p = Files.write(tmp.resolve("bad.pcapng"), bytes);
        Outcome mapped = run(() -> CaptureFiles.open(p));
        Outcome stream = run(() -> CaptureFiles.open(new ByteArrayInputStream(bytes), p.toString()));
        assertThat(mapped.frames()).hasSize(1);
        assertThat(mapped.error()).isNotNull();
        assertThat(stream.error()).isNotNull();
        assertThat(stream.error().getMessage()).isEqualTo(mapped.error().getMessage());
        assertThat(mapped.error().file()).isEqualTo(p.toString());
        // SHB 28 + IDB 20 + EPB 36
        assertThat(mapped.error().offset()).isEqualTo(offset);
        return mapped;
    }

    private String message(byte[] tail) throws IOException {
        String m = afterOneGoodFrame(tail).error().getMessage();
        assertThat(m).startsWith(tmp.resolve("bad.pcapng") + ": ");
        return m.substring(m.indexOf(": ") + 2);
    }

    @Test
    void pcapngTrailingLengthDisagrees() throws IOException {
        assertThat(message(le(PcapngBlock.EPB, 36, 0, 0, 0, 0, 0, 0, 40)))
                .isEqualTo("the Enhanced Packet Block has different leading and trailing lengths at byte offset 84"
                        + " (leading 36, trailing 40)");
    }

    @Test
    void pcapngLengthNotAMultipleOf4() throws IOException {
        assertThat(message(le(PcapngBlock.EPB, 34, 0, 0, 0, 0, 0, 0, 0)))
                .isEqualTo("block length 34 of the Enhanced Packet Block is not a multiple of 4 at byte offset 84");
    }

    @Test
    void pcapngLengthBelowMinimum() throws IOException {
        assertThat(message(le(PcapngBlock.NRB, 8, 8))).contains("block length 8 of the Name Resolution Block is less than 12");
        assertThat(message(le(PcapngBlock.EPB, 28, 0, 0, 0, 0, 28)))
                .isEqualTo("the Enhanced Packet Block is too short at byte offset 84 (28 bytes, need at least 32)");
    }

    @Test
    void pcapngHugeBlockLength() throws IOException {
        assertThat(message(le(PcapngBlock.EPB, 0xFFFF_FFF0, 0, 0)))
                .isEqualTo("implausible block length 4294967280 of the Enhanced Packet Block at byte offset 84"
                        + " (the limit is 268435456 bytes)");
    }

    @Test
    void epbCapturedLengthBeyondTheBlock() throws IOException {
        assertThat(message(le(PcapngBlock.EPB, 36, 0, 0, 0, 5, 5, 0, 36)))
                .isEqualTo("captured length 5 exceeds the Enhanced Packet Block at byte offset 84 (room for 4 bytes)");
        assertThat(message(le(PcapngBlock.EPB, 36, 0, 0, 0, 0xFFFF_FFF0, 5, 0, 36)))
                .contains("captured length 4294967280 exceeds the Enhanced Packet Block");
        assertThat(message(le(PcapngBlock.PB, 32, 0, 0, 0, 1, 1, 32)))
                .contains("captured length 1 exceeds the Packet Block");
    }

    @Test
    void packetOfAnUndefinedInterface() throws IOException {
        assertThat(message(le(PcapngBlock.EPB, 32, 1, 0, 0, 0, 0, 32)))
                .isEqualTo("the Enhanced Packet Block refers to interface 1 of the section at byte offset 84"
                        + " (the section defines 1)");
        // a new section forgets the interfaces of the previous one
        byte[] shb = new PcapngBuilder().shb(ByteOrder.BIG_ENDIAN).bytes();
        byte[] spb = new PcapngBuilder().shb(ByteOrder.BIG_ENDIAN).spb(1, new byte[] {1}).bytes();
        Outcome o = afterOneGoodFrame(spb, 84 + shb.length);
        assertThat(o.error().getMessage()).contains("the Simple Packet Block refers to interface 0 of the section at byte offset "
                + (84 + shb.length));
    }

    @Test
    void secretsLongerThanTheirBlock() throws IOException {
        assertThat(message(le(PcapngBlock.DSB, 24, (int) DecryptionSecrets.TLS_KEY_LOG, 5, 0, 24)))
                .contains("secrets length 5 exceeds the Decryption Secrets Block at byte offset 84 (room for 4 bytes)");
    }

    @Test
    void optionOverrunsTheBlock() throws IOException {
        // EPB with no data and an opt_comment declaring 100 bytes in a 4-byte room
        assertThat(message(le(PcapngBlock.EPB, 40, 0, 0, 0, 0, 0, 1 | (100 << 16), 0, 40)))
                .isEqualTo("option 1 overruns the Enhanced Packet Block at byte offset 84 (option length 100, 4 bytes left)");
    }

    @Test
    void badByteOrderMagicAndVersion() throws IOException {
        assertThat(message(le(PcapngBlock.SHB, 28, 0x11223344, 1, -1, -1, 28)))
                .isEqualTo("bad byte-order magic in the Section Header Block at byte offset 84 (0x11223344)");
        assertThat(message(le(PcapngBlock.SHB, 28, 0x1A2B3C4D, 2, -1, -1, 28)))
                .contains("unsupported pcapng version 2.0 in the Section Header Block at byte offset 84");
    }

    @Test
    void fileTruncatedWhileMappedIsACaptureException() throws IOException {
        PcapBuilder b = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
        for (int i = 0; i < 100; i++) {
            b.record(i, 0, new byte[1000], 1000);
        }
        Path p = Files.write(tmp.resolve("shrinking.pcap"), b.bytes());
        try (CaptureReader r = CaptureFiles.open(p)) {
            assertThat(r.next()).isNotNull();
            try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(100);
            }
            assertThatThrownBy(() -> {
                while (r.next() != null) {
                    // read on into the vanished pages
                }
            }).isInstanceOf(CaptureException.class).hasMessageContaining("shrinking.pcap: the file changed while it was being read");
        }
    }

    @Test
    void failureIsSticky() throws IOException {
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).record(1, 0, 10, 10).bytes();
        try (CaptureReader r = CaptureFiles.open(new ByteArrayInputStream(bytes), "s")) {
            CaptureException first = org.junit.jupiter.api.Assertions.assertThrows(CaptureException.class, r::next);
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(CaptureException.class, r::next)).isSameAs(first);
            assertThat(first.getMessage()).isEqualTo("s: truncated packet data in the record at byte offset 24 (need 10 bytes, 0 left)");
        }
    }

    // ---- fuzz ------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomMutationsOnlyEverGiveCaptureExceptions() throws IOException {
        Random rnd = new Random(7);
        for (String name : List.of("udp-lo.pcap", "udp-lo-comments.pcapng", "synthetic-mixed.pcapng", "multi-if.pcapng")) {
            byte[] orig = Files.readAllBytes(Captures.resource(name));
            for (int i = 0; i < 1500; i++) {
                byte[] m = orig.clone();
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) {
                    int at = rnd.nextInt(m.length);
                    m[at] = switch (rnd.nextInt(4)) {
                        case 0 -> (byte) rnd.nextInt(256);
                        case 1 -> (byte) 0xFF;
                        case 2 -> 0;
                        default -> (byte) (m[at] ^ (1 << rnd.nextInt(8)));
                    };
                }
                run(() -> CaptureFiles.open(new ByteArrayInputStream(m), name));
                if (i % 50 == 0) {
                    Path p = Files.write(tmp.resolve("fuzz-" + name), m);
                    run(() -> CaptureFiles.open(p));
                }
            }
        }
    }

    /** A stream that hands out one byte per read call, to exercise partial reads. */
    static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    /** A stream that hands out at most {@code chunk} bytes per read call. */
    static InputStream trickleChunks(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void tricklingStreamsReadLikeFiles() throws IOException {
        for (String name : List.of("udp-lo.pcap", "synthetic-mixed.pcapng", "udp-lo.pcap.gz")) {
            byte[] bytes = Files.readAllBytes(Captures.resource(name));
            Outcome o = run(() -> CaptureFiles.open(trickle(bytes), name));
            assertThat(o.error()).isNull();
            assertThat(o.frames()).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(Captures.readAll(Captures.resource(name)));
        }
    }
}
