package org.dissect4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of one target with Jazzer ({@code com.code-intelligence:jazzer} 0.30.0, whose agent
 * instruments Java 25 class files; 0.24.0 could not): a JVM of its own runs {@link JazzerDriver} under Jazzer's
 * libFuzzer, which keeps every input that reaches new edges of {@code org.dissect4j} code in the target's corpus
 * folder and mutates the corpus (seeds included) with the target's dictionary.
 *
 * <p>Folders, under {@code target/}: {@code fuzz-corpus/<target>/seeds} (the seeds, rewritten each run),
 * {@code fuzz-corpus/<target>/found} (what coverage feedback kept: it grows across runs until {@code mvn clean}),
 * {@code fuzz-corpus/<target>.dict}, {@code fuzz-corpus/<target>.log} (Jazzer's output) and
 * {@code fuzz-findings/<target>/} (the inputs of findings, with Jazzer's Java reproducers).
 *
 * @param target the target's name
 * @param executions inputs run (the seeds included)
 * @param seconds wall time of the fuzzing JVM
 * @param seedEdges edges covered once the seeds had run
 * @param edges edges covered at the end
 * @param features libFuzzer's features at the end (edges with hit-count buckets)
 * @param corpus inputs in the corpus at the end
 * @param findings the inputs of findings (empty: none)
 */
record JazzerRun(String target, long executions, double seconds, int seedEdges, int edges, int features, int corpus,
        List<Path> findings) {
    private static final Pattern COVERAGE = Pattern.compile("#(\\d+)\\s+(INITED|NEW|REDUCE|pulse|DONE)\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)");
    private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units: (\\d+)");

    /** Executions per second. */
    double perSecond() {
        return executions / Math.max(seconds, 1e-3);
    }

    /**
     * Fuzzes {@code target} for {@code seconds}.
     *
     * @param target the target's name ({@link FuzzTargets#NAMES})
     * @param seconds the budget
     * @param seed libFuzzer's random seed
     * @param seeds the inputs to start from
     * @param dictionary tokens the mutations insert
     * @param maxLength the longest input made
     * @param blind without coverage feedback: {@link JazzerDriver} runs the blind {@link org.dissect4j.testkit.Fuzzer}'s
     *     inputs (from {@code seeds}, seeded with {@code seed}) and libFuzzer only measures the edges they reach
     * @return what ran and what was found
     * @throws IOException when the folders cannot be written or Jazzer cannot be started
     * @throws InterruptedException when interrupted while waiting for Jazzer
     */
    static JazzerRun fuzz(String target, long seconds, long seed, List<byte[]> seeds, List<byte[]> dictionary, int maxLength,
            boolean blind) throws IOException, InterruptedException {
        Path corpus = Path.of("target/fuzz-corpus").toAbsolutePath();
        Path seedDir = corpus.resolve(target).resolve("seeds");
        Path found = corpus.resolve(target).resolve(blind ? "blind" : "found");
        Path findings = Path.of("target/fuzz-findings").toAbsolutePath().resolve(target);
        deleteTree(seedDir);
        if (blind) {
            deleteTree(found);
        }
        Files.createDirectories(seedDir);
        Files.createDirectories(found);
        Files.createDirectories(findings);
        for (int i = 0; i < (blind ? 0 : seeds.size()); i++) {
            Files.write(seedDir.resolve(String.format("seed-%06d", i)), seeds.get(i));
        }
        Path dict = corpus.resolve(target + ".dict");
        Files.write(dict, dictionaryFile(dictionary), StandardCharsets.US_ASCII);
        Path log = corpus.resolve(target + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-Xss2m", "--enable-native-access=ALL-UNNAMED",
                "-XX:+EnableDynamicAgentLoading", "-Dfuzz.target=" + target, "-Dfuzz.blind=" + (blind ? seed : ""),
                "-Dfuzz.scratch=" + corpus.resolve(target).resolve("scratch"),
                "-Ddissect4j.shared=" + System.getProperty("dissect4j.shared", ""),
                "com.code_intelligence.jazzer.Jazzer", "--target_class=" + JazzerDriver.class.getName(),
                "--instrumentation_includes=org.dissect4j.**", "--instrumentation_excludes=org.dissect4j.testkit.**",
                // dissect4j compiles the filter's regular expressions (bounded by a step budget, docs/display-filters.md):
                // that sanitizer would report every compile of a fuzzed pattern that fails as an injection
                "--disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection",
                "--reproducer_path=" + findings, "-artifact_prefix=" + findings + "/", "-dict=" + dict,
                "-max_total_time=" + seconds, "-timeout=10", "-max_len=" + maxLength, "-seed=" + seed, "-print_final_stats=1",
                "-rss_limit_mb=3072", found.toString(), seedDir.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        int seedEdges = 0;
        int edges = 0;
        int features = 0;
        int size = 0;
        for (Matcher m = COVERAGE.matcher(out); m.find(); ) {
            edges = Integer.parseInt(m.group(3));
            features = Integer.parseInt(m.group(4));
            size = Integer.parseInt(m.group(5));
            if (m.group(2).equals("INITED")) {
                seedEdges = edges;
            }
        }
        Matcher executed = EXECUTED.matcher(out);
        long executions = executed.find() ? Long.parseLong(executed.group(1)) : 0;
        List<Path> found2 = new ArrayList<>();
        try (Stream<Path> s = Files.list(findings)) {
            s.filter(f -> !f.getFileName().toString().endsWith(".java")).sorted().forEach(found2::add);
        }
        if (exit != 0 && found2.isEmpty()) {
            throw new IOException("Jazzer exited with " + exit + " and left no finding: see " + log);
        }
        return new JazzerRun(target, executions, wall, seedEdges, edges, features, size, found2);
    }

    /** libFuzzer's dictionary format: one quoted token a line, every byte escaped. */
    private static List<String> dictionaryFile(List<byte[]> tokens) {
        List<String> lines = new ArrayList<>();
        for (byte[] t : tokens) {
            StringBuilder sb = new StringBuilder("\"");
            for (byte b : t) {
                sb.append(String.format("\\x%02X", b & 0xFF));
            }
            lines.add(sb.append('"').toString());
        }
        return lines;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
