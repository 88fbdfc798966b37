package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --threads 2} prints exactly what {@code --threads 1} prints, byte for byte, for every output format,
 * on every shared capture ({@code captures/public}, {@code captures/ja4}) and on every 25th of
 * {@code realworld/zeek} ({@code -Ddissect4j.zeekStride=1}: all of them): {@code -T fields} with the 77 fields
 * of the goldens, {@code -V}, {@code -x}, PDML,
 * PSML, JSON, EK, {@code -Y} (with {@code frame.time_delta_displayed} and the stream indices, which cross
 * the workers), {@code -t dd}, {@code -c}, {@code -w} in both formats, and the reports (which keep one
 * thread).
 */
class ThreadsIdentityTest {
    /** The PDML preamble carries the time of the run. */
    private static final String PDML_TIME = "(?m)^<pdml version=\"0\" creator=\"[^\"]*\" time=\"[^\"]*\"";

    static Stream<String> captures() throws IOException {
        Path shared = Conformance.sharedCaptures();
        if (shared == null) {
            return Stream.of("(no shared corpus)");
        }
        List<String> all = new ArrayList<>();
        for (Path p : Conformance.captures(shared)) {
            all.add(p.toString());
        }
        Path zeek = shared.resolveSibling("realworld").resolve("zeek");
        if (Files.isDirectory(zeek)) {
            List<Path> z = Conformance.captures(zeek);
            int stride = Integer.getInteger("dissect4j.zeekStride", 25);   // 1: every zeek capture
            for (int i = 0; i < z.size(); i += stride) {
                all.add(z.get(i).toString());
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyOutputIsTheSameOnTwoThreads(String capture, @TempDir Path tmp) throws IOException {
        assumeTrue(Conformance.sharedCaptures() != null, "shared capture corpus is absent: skipped");
        Path cap = Path.of(capture);
        List<String> fields = goldenFields(cap);
        List<List<String>> runs = new ArrayList<>();
        runs.add(fieldsArgs(fields));
        runs.add(List.of("-V"));
        runs.add(List.of("-x"));
        runs.add(List.of("-T", "pdml"));
        runs.add(List.of("-T", "psml"));
        runs.add(List.of("-T", "json"));
        runs.add(List.of("-T", "ek"));
        runs.add(List.of("-Y", "tcp.len > 0 || dns", "-T", "fields", "-E", "header=y", "-e", "frame.number", "-e",
                "frame.time_delta_displayed", "-e", "tcp.stream", "-e", "udp.stream", "-e", "_ws.col.Info"));
        runs.add(List.of("-Y", "tcp.stream == 1 || udp.stream == 2", "-T", "json"));
        runs.add(List.of("-Y", "not arp", "-t", "dd"));
        runs.add(List.of("-c", "7", "-V"));
        runs.add(List.of("-q", "-z", "conv,tcp", "-z", "expert"));
        for (List<String> args : runs) {
            Cli one = run(cap, "1", args);
            Cli two = run(cap, "2", args);
            assertThat(two.status()).as("%s %s: exit status", cap.getFileName(), args).isEqualTo(one.status());
            assertThat(two.err()).as("%s %s: stderr", cap.getFileName(), args).isEqualTo(one.err());
            assertThat(two.out().replaceFirst(PDML_TIME, "")).as("%s %s: stdout", cap.getFileName(), args)
                    .isEqualTo(one.out().replaceFirst(PDML_TIME, ""));
        }
        for (String format : List.of("pcapng", "pcap")) {
            Path a = tmp.resolve("one." + format);
            Path b = tmp.resolve("two." + format);
            Cli one = run(cap, "1", List.of("-Y", "ip || ipv6", "-F", format, "-w", a.toString()));
            Cli two = run(cap, "2", List.of("-Y", "ip || ipv6", "-F", format, "-w", b.toString()));
            assertThat(two.status()).isEqualTo(one.status());
            assertThat(two.out()).isEqualTo(one.out());
            if (one.status() == 0) {
                assertThat(Files.readAllBytes(b)).as("%s -w %s", cap.getFileName(), format).isEqualTo(Files.readAllBytes(a));
            }
        }
    }

    @Test
    void theThreadCountIsChecked() {
        for (String bad : new String[] {"0", "-2", "many", "1025"}) {
            Cli run = Cli.run("--threads", bad, "-r", Cli.SAMPLE.toString());
            assertThat(run.status()).as("--threads %s", bad).isEqualTo(1);
            assertThat(run.err()).contains("--threads");
        }
        assertThat(Cli.run("--threads", "3", "-r", Cli.SAMPLE.toString()).out()).isEqualTo(Cli.run("--threads", "1", "-r",
                Cli.SAMPLE.toString()).out());
    }

    private static Cli run(Path cap, String threads, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--threads", threads, "-r", cap.toString()));
        all.addAll(args);
        return Cli.run(all.toArray(String[]::new));
    }

    /** The 77 fields of the capture's {@code fields.tsv} golden, with the golden's {@code -E} options. */
    private static List<String> fieldsArgs(List<String> fields) {
        List<String> args = new ArrayList<>(List.of("-T", "fields", "-E", "header=y", "-E", "occurrence=a", "-E", "aggregator=,",
                "-E", "quote=n"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        return args;
    }

    private static List<String> goldenFields(Path cap) throws IOException {
        Path golden = cap.resolveSibling(cap.getFileName() + ".fields.tsv");
        try (Stream<String> lines = Files.lines(golden)) {
            return List.of(lines.findFirst().orElseThrow().split("\t"));
        }
    }
}
