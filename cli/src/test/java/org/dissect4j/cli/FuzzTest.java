package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.dissect4j.testkit.Fuzzer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each fuzz target of {@link FuzzTargets}. In {@code verify}: every seed and regression input once (the
 * regression mode, through the blind {@link Fuzzer}). With {@code -Dfuzz.seconds=N}: N seconds of coverage-guided
 * fuzzing per target with Jazzer ({@link JazzerRun}; {@code .ci/run} gives each 40 s; docs/robustness.md has the
 * long-run command); {@code -Dfuzz.engine=blind} fuzzes with the blind harness in this JVM instead, and
 * {@code -Dfuzz.engine=jazzer-blind} runs the blind harness's inputs under Jazzer to measure the edges they reach.
 * Findings go to {@code target/fuzz-findings/} and fail the test; a line per target is appended to
 * {@code target/fuzz-stats.tsv}: target, executions, seconds, executions per second, findings, seed, engine, then
 * for Jazzer the edges covered by the seeds, the edges and features covered at the end and the corpus size.
 */
class FuzzTest {
    private static final long SECONDS = Long.getLong("fuzz.seconds", 0);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime() & 0x7FFF_FFFFL);
    private static final String ENGINE = System.getProperty("fuzz.engine", "jazzer");

    static Iterable<String> targets() {
        String only = System.getProperty("fuzz.targets");
        return only == null ? FuzzTargets.NAMES : List.of(only.split(","));
    }

    /** The blind fuzzer of a target: its seeds, dictionary, longest input and slow-input limit (5 s). */
    static Fuzzer fuzzer(String name, Fuzzer.Target target) throws IOException {
        return new Fuzzer(name, target, FuzzCorpus.seeds(name), FuzzCorpus.dictionary(name), maxLength(name), 5_000);
    }

    private static int maxLength(String name) {
        return name.equals("readers") || name.equals("tcp") ? 65_536 : 4096;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void noFinding(String name, @TempDir Path scratch) throws IOException, InterruptedException {
        String line;
        List<Path> findings;
        if (SECONDS > 0 && ENGINE.startsWith("jazzer")) {
            JazzerRun r = JazzerRun.fuzz(name, SECONDS, SEED, FuzzCorpus.seeds(name), FuzzCorpus.dictionary(name), maxLength(name),
                    ENGINE.equals("jazzer-blind"));
            line = String.format(Locale.ROOT, "%s\t%d\t%.1f\t%.0f\t%d\tseed=%d\t%s\t%d\t%d\t%d\t%d%n", name, r.executions(),
                    r.seconds(), r.perSecond(), r.findings().size(), SEED, ENGINE, r.seedEdges(), r.edges(), r.features(), r.corpus());
            findings = r.findings();
        } else {
            Fuzzer.Result r = fuzzer(name, new FuzzTargets(scratch).target(name)).fuzz(SECONDS * 1000, SEED, Path.of("target/fuzz-findings"));
            line = String.format(Locale.ROOT, "%s\t%d\t%.1f\t%.0f\t%d\tseed=%d\tblind%n", name, r.executions(), r.nanos() / 1e9,
                    r.perSecond(), r.findings().size(), SEED);
            findings = r.findings();
        }
        System.out.print("fuzz " + line);
        Files.writeString(Path.of("target/fuzz-stats.tsv"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(findings).as("findings of %s (seed %d): copy each into src/test/resources/fuzz/%s/ once fixed", name, SEED, name)
                .isEmpty();
    }
}
