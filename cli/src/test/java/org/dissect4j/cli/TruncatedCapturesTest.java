package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clipping rule over the whole corpus (issue 18): every frame of every capture in {@code ../shared/captures}
 * and {@code ../shared/realworld} is cut to shorter captured lengths and fed, as one capture, through every
 * output ({@code -V -x}, summaries, {@code -T fields} with full and header-only fields, {@code -T json},
 * {@code -T ek}, {@code -T pdml}, {@code -T psml}, {@code -z conv}, {@code -z expert}, {@code -z flow},
 * {@code --handshakes} as text and JSON). For each cut:
 * <ul>
 * <li>nothing throws and no frame shows a dissector bug that the uncut frame does not show;</li>
 * <li>the bytes behind the captured ones are filled with 0x00 in one run and 0xFF in another: every output is
 * the same in both, so nothing printed comes from outside the frame;</li>
 * <li>no value made of bytes (bytes, strings, addresses) spans uncaptured bytes, and each has the value the uncut
 * frame gives to the same field at the same place.</li>
 * </ul>
 * Cut lengths: pass 1 removes the last byte of every frame, pass 2 halves it, the next passes draw lengths
 * (seeded by capture and pass) alternately in the headers' first 96 bytes and anywhere in the frame. The
 * number of passes is {@code -Ddissect4j.truncation.passes} (4 by default, the CI budget);
 * {@code -Ddissect4j.truncation.exhaustive=true} cuts every frame at every length instead (pass k cuts each frame
 * at k bytes), the long run documented in docs/robustness.md; a second test (on unless
 * {@code -Ddissect4j.truncation.boundaries=false}) cuts every frame at every boundary of its uncut tree's items and
 * one byte either side ({@link Boundaries}), through {@code -V -x}, which stands for every length with 5 times fewer cuts.
 */
class TruncatedCapturesTest {
    private static final int PASSES = Integer.getInteger("dissect4j.truncation.passes", 4);
    private static final boolean EXHAUSTIVE = Boolean.getBoolean("dissect4j.truncation.exhaustive");
    /** The boundary sweep runs unless {@code -Ddissect4j.truncation.boundaries=false} (see {@link Boundaries}). */
    private static final boolean BOUNDARIES = !"false".equals(System.getProperty("dissect4j.truncation.boundaries"));
    /** At most this many passes of the boundary sweep per capture ({@code -Ddissect4j.truncation.maxPasses}). */
    private static final int MAX_PASSES = Integer.getInteger("dissect4j.truncation.maxPasses", Integer.MAX_VALUE);
    /** A regular expression the capture's path must match ({@code -Ddissect4j.truncation.only}): to rerun a few. */
    private static final String ONLY = System.getProperty("dissect4j.truncation.only", "");
    private static final String BUG = "_ws.malformed.dissector_bug";
    private static final List<String> FIELDS = List.of("frame.protocols", "eth.src", "eth.dst", "ip.src", "ipv6.dst",
            "tcp.payload", "tcp.stream", "udp.payload", "data.data", "tls.handshake.extensions_server_name", "http.host",
            "dns.qry.name", "_ws.col.Info");

    /** One frame as read: its captured bytes and what the record says. */
    record Record(byte[] bytes, int original, long time, int iface, int linkType, long number) {
    }

    static Stream<Path> captures() throws IOException {
        List<Path> all = new ArrayList<>();
        if (ReportRun.SHARED != null) {
            Path shared = ReportRun.SHARED.getParent().getParent();
            for (String dir : List.of("captures", "realworld")) {
                Path root = shared.resolve(dir);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> s = Files.walk(root)) {
                        s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$"))
                                .filter(p -> p.toString().matches(".*(" + ONLY + ").*")).sorted().forEach(all::add);
                    }
                }
            }
        }
        return all.stream();
    }

    /** The sampled passes (or with {@code exhaustive}, every length) through every output option. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void noCutFrameShowsBytesFromOutsideItOrThrows(Path capture) throws IOException {
        sweep(capture, false);
    }

    /** Every boundary of every item, and one byte either side, through {@code -V -x}: every length's stand-in. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void noFrameCutAtAnItemBoundaryShowsBytesFromOutsideItOrThrows(Path capture) throws IOException {
        Assumptions.assumeTrue(BOUNDARIES && !EXHAUSTIVE, "-Ddissect4j.truncation.boundaries=false, or the exhaustive run");
        sweep(capture, true);
    }

    private void sweep(Path capture, boolean boundaries) throws IOException {
        List<Record> frames = read(capture);
        if (frames.isEmpty()) {
            return;
        }
        Run uncut = new Run(true, false, capture);
        List<Map<String, String>> reference = new ArrayList<>();
        boolean[] bugUncut = new boolean[frames.size()];
        int[][] boundaryCuts = new int[frames.size()][];
        for (int i = 0; i < frames.size(); i++) {
            Record r = frames.get(i);
            Packet p = uncut.packet(frame(r, r.bytes.length, (byte) 0));
            bugUncut[i] = hasBug(p.tree());
            reference.add(byteValues(p.tree()));
            boundaryCuts[i] = Boundaries.cuts(p.tree(), r.bytes.length);
        }
        uncut.finish();
        int maxCaptured = frames.stream().mapToInt(r -> r.bytes.length).max().orElse(0);
        int passes = boundaries ? Math.min(Boundaries.passes(boundaryCuts), MAX_PASSES) : EXHAUSTIVE ? maxCaptured : PASSES;
        if (boundaries) {
            System.out.printf("boundaries %s: %d frames, %d cuts (every length: %d), %d passes%n", capture.getFileName(),
                    frames.size(), Boundaries.total(boundaryCuts), frames.stream().mapToLong(r -> r.bytes.length).sum(),
                    Boundaries.passes(boundaryCuts));
        }
        for (int pass = 0; pass < passes; pass++) {
            int[] cut = boundaries ? Boundaries.pass(boundaryCuts, frames.stream().mapToInt(r -> r.bytes.length).toArray(), pass)
                    : cuts(capture, frames, pass);
            for (boolean full : boundaries ? new boolean[] {true} : new boolean[] {true, false}) {
                Run zeros = new Run(full, boundaries, capture);
                Run ones = new Run(full, boundaries, capture);
                // the boundary sweep's later passes: the frames after the last one cut in this pass change nothing
                int frameCount = boundaries ? Boundaries.lastCut(boundaryCuts, pass) + 1 : frames.size();
                for (int i = 0; i < frameCount; i++) {
                    Record r = frames.get(i);
                    Packet p = zeros.packet(frame(r, cut[i], (byte) 0));
                    String where = capture.getFileName() + " frame " + r.number + " cut to " + cut[i] + " of " + r.bytes.length;
                    if (!bugUncut[i]) {
                        assertThat(hasBug(p.tree())).as("dissector bug: %s", where).isFalse();
                    }
                    if (full) {
                        checkValues(p.tree(), cut[i], reference.get(i), where);
                    }
                    ones.packet(frame(r, cut[i], (byte) 0xFF));
                }
                zeros.finish();
                ones.finish();
                for (int s = 0; s < zeros.names.size(); s++) {
                    String difference = firstDifference(zeros.outputs.get(s).toString(StandardCharsets.UTF_8),
                            ones.outputs.get(s).toString(StandardCharsets.UTF_8));
                    assertThat(difference).as("%s: %s (%s) cut in pass %d shows bytes from behind the frames", zeros.names.get(s),
                            capture.getFileName(), full ? "all fields" : "header fields", pass).isNull();
                }
            }
        }
    }

    /** The first line that differs, with the two lines before it, or null. */
    static String firstDifference(String a, String b) {
        if (a.equals(b)) {
            return null;
        }
        // the PDML header's time is the wall clock's
        a = a.replaceFirst("<pdml ([^>]*) time=\"[^\"]*\"", "<pdml $1");
        b = b.replaceFirst("<pdml ([^>]*) time=\"[^\"]*\"", "<pdml $1");
        if (a.equals(b)) {
            return null;
        }
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, i - 2); k < i; k++) {
            sb.append("  ").append(x[k]).append('\n');
        }
        sb.append("- ").append(i < x.length ? x[i] : "(end)").append('\n');
        sb.append("+ ").append(i < y.length ? y[i] : "(end)");
        return sb.toString();
    }

    /** The captured length of every frame in {@code pass}. */
    private static int[] cuts(Path capture, List<Record> frames, int pass) {
        int[] cut = new int[frames.size()];
        SplittableRandom random = new SplittableRandom(capture.getFileName().toString().hashCode() * 31L + pass);
        for (int i = 0; i < cut.length; i++) {
            int captured = frames.get(i).bytes.length;
            if (EXHAUSTIVE) {
                cut[i] = Math.min(pass, Math.max(0, captured - 1));
            } else if (pass == 0) {
                cut[i] = Math.max(0, captured - 1);
            } else if (pass == 1) {
                cut[i] = captured / 2;
            } else if (pass % 2 == 0) {
                cut[i] = random.nextInt(Math.min(captured, 96) + 1);
            } else {
                cut[i] = random.nextInt(captured + 1);
            }
        }
        return cut;
    }

    private static List<Record> read(Path capture) throws IOException {
        List<Record> frames = new ArrayList<>();
        try (CaptureReader reader = CaptureFiles.open(capture)) {
            Frame f;
            while (true) {
                try {
                    f = reader.next();
                } catch (IOException | RuntimeException e) {
                    break; // a corrupt tail: the frames before it are the test's input
                }
                if (f == null) {
                    break;
                }
                byte[] b = f.segment().asSlice(f.offset(), f.capturedLength()).toArray(ValueLayout.JAVA_BYTE);
                frames.add(new Record(b, f.originalLength(), f.timestampNanos(), f.interfaceId(), f.linkType(), f.number()));
            }
        }
        return frames;
    }

    /** The record cut to {@code captured} bytes; behind them, up to the original length and 64 more, {@code poison}. */
    private static Frame frame(Record r, int captured, byte poison) {
        byte[] memory = new byte[Math.max(r.original, r.bytes.length) + 64];
        Arrays.fill(memory, poison);
        System.arraycopy(r.bytes, 0, memory, 0, captured);
        return new Frame().set(r.number, MemorySegment.ofArray(memory), 0, captured, r.original, r.time, r.iface, r.linkType);
    }

    private static boolean hasBug(Tree t) {
        for (int i = 0; i < t.expertCount(); i++) {
            if (t.expertOf(t.expertNode(i)).field().abbrev().equals(BUG)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isByteValue(FieldType type) {
        return switch (type) {
            case STRING, STRINGZ, BYTES, ETHER, GUID, OID -> true;
            default -> false;
        };
    }

    /** The frame's values made of bytes, by field, offset and length. */
    private static Map<String, String> byteValues(Tree t) {
        Map<String, String> values = new HashMap<>();
        for (int n = 0; n < t.size(); n++) {
            if (t.source(n) == 0 && (t.flags(n) & (Tree.GENERATED | Tree.EXPERT)) == 0 && isByteValue(t.field(n).type())) {
                StringBuilder sb = new StringBuilder();
                FieldFormat.value(t, n, sb);
                values.putIfAbsent(t.field(n).id() + ":" + t.offset(n) + ":" + t.length(n), sb.toString());
            }
        }
        return values;
    }

    private static void checkValues(Tree t, int captured, Map<String, String> reference, String where) {
        for (int n = 0; n < t.size(); n++) {
            if (t.source(n) != 0 || (t.flags(n) & (Tree.GENERATED | Tree.EXPERT)) != 0 || !isByteValue(t.field(n).type())) {
                continue;
            }
            String name = t.field(n).abbrev();
            assertThat(t.offset(n) + t.length(n)).as("%s spans uncaptured bytes: %s", name, where).isLessThanOrEqualTo(captured);
            String want = reference.get(t.field(n).id() + ":" + t.offset(n) + ":" + t.length(n));
            if (want != null) {
                StringBuilder sb = new StringBuilder();
                FieldFormat.value(t, n, sb);
                assertThat(sb.toString()).as("%s differs from the uncut frame's: %s", name, where).isEqualTo(want);
            }
        }
    }

    /** An engine with every output (or, not {@code full}, header-only -T fields) and what each printed. */
    private static final class Run {
        final Engine engine = Engine.load();
        final Columns columns = new Columns("r", true);
        final List<String> names = new ArrayList<>();
        final List<ByteArrayOutputStream> outputs = new ArrayList<>();
        final List<Sink> sinks = new ArrayList<>();
        final List<PrintStream> streams = new ArrayList<>();

        /**
         * @param full every output with every field, else -T fields with header-only fields
         * @param detailOnly only {@code -V -x} (the boundary sweep: every node's line and every byte shown)
         * @param capture the capture
         */
        Run(boolean full, boolean detailOnly, Path capture) {
            FieldsSink.DigitsSource digits = f -> 6;
            if (detailOnly) {
                add("-V -x", out -> new DetailSink(out, true, true, null));
            } else if (!full) {
                add("-T fields -e ip.src -e tcp.srcport", out -> new FieldsSink(out, List.of("ip.src", "ipv6.src", "tcp.srcport", "udp.dstport"),
                        new FieldsSink.Options(), columns, digits));
            } else {
                add("summaries", out -> new SummarySink(out, columns, digits));
                add("-V -x", out -> new DetailSink(out, true, true, null));
                add("-T fields", out -> new FieldsSink(out, FIELDS, new FieldsSink.Options(), columns, digits));
                add("-T json -x", out -> new JsonSink(out, new JsonOptions(null, false, false, true, true),
                        new SelectedFields(List.of(), columns, digits)));
                add("-T ek", out -> new EkSink(out, new JsonOptions(null, false, false, false, true),
                        new SelectedFields(List.of(), columns, digits)));
                add("-T pdml", out -> new PdmlSink(out, capture.getFileName().toString(), null, false));
                add("-T psml", out -> new PsmlSink(out, ColumnSpec.parse(ColumnSpec.DEFAULT), columns, digits));
                add("-z conv,tcp", out -> new ConversationStats(out, "tcp", "r", true));
                add("-z conv,ip", out -> new ConversationStats(out, "ip", "r", true));
                add("-z expert", out -> new ExpertStats(out, ExpertStats.level(null)));
                add("-z flow,tcp,standard", out -> new FlowText(out, columns, digits));
                add("--handshakes", out -> new HandshakeReport(out, false));
                add("--handshakes -T json", out -> new HandshakeReport(out, true));
            }
            for (Sink s : sinks) {
                s.prime(engine);
            }
        }

        private void add(String name, java.util.function.Function<PrintStream, Sink> make) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            names.add(name);
            outputs.add(bytes);
            PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
            streams.add(out);
            sinks.add(make.apply(out));
        }

        Packet packet(Frame f) throws IOException {
            columns.frameRead(f);
            Packet p = engine.dissect(f);
            for (Sink s : sinks) {
                s.packet(f, p);
            }
            engine.displayed(f);
            columns.frameDone(f, true);
            return p;
        }

        void finish() throws IOException {
            for (Sink s : sinks) {
                s.finish();
            }
            streams.forEach(PrintStream::flush);
        }
    }
}
