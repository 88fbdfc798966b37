package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.dissect4j.testkit.Fuzzer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each fuzz target of {@link FuzzTargets}: in {@code verify}, every seed and regression input once (the
 * regression mode); with {@code -Dfuzz.seconds=N}, then mutated inputs for N seconds per target ({@code .ci/run}
 * gives each 40 s; docs/robustness.md has the long-run command). Findings go to {@code target/fuzz-findings/}
 * and fail the test; a line per target (executions, seconds, executions per second, findings) is appended to
 * {@code target/fuzz-stats.tsv}.
 */
class FuzzTest {
    private static final long SECONDS = Long.getLong("fuzz.seconds", 0);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    static Iterable<String> targets() {
        String only = System.getProperty("fuzz.targets");
        return only == null ? FuzzTargets.NAMES : java.util.List.of(only.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void noFinding(String name, @TempDir Path scratch) throws IOException {
        FuzzTargets targets = new FuzzTargets(scratch);
        Fuzzer fuzzer = new Fuzzer(name, targets.target(name), FuzzCorpus.seeds(name), FuzzCorpus.dictionary(name),
                name.equals("readers") || name.equals("tcp") ? 65_536 : 4096, 5_000);
        Fuzzer.Result r = fuzzer.fuzz(SECONDS * 1000, SEED, Path.of("target/fuzz-findings"));
        String line = String.format(java.util.Locale.ROOT, "%s\t%d\t%.1f\t%.0f\t%d\tseed=%d%n", name, r.executions(),
                r.nanos() / 1e9, r.perSecond(), r.findings().size(), SEED);
        System.out.print("fuzz " + line);
        Files.writeString(Path.of("target/fuzz-stats.tsv"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(r.findings()).as("findings of %s (seed %d): copy each into src/test/resources/fuzz/%s/ once fixed", name, SEED,
                name).isEmpty();
    }
}
