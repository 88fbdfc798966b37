package org.dissect4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.dissect4j.testkit.Fuzzer;

/**
 * The entry point Jazzer's driver calls ({@code --target_class}): one of {@link FuzzTargets}' targets, chosen by
 * the system property {@code fuzz.target}. {@link JazzerRun} starts one JVM per target with it; what the target
 * lets out is a finding, which Jazzer writes to its artifact folder.
 *
 * <p>With {@code -Dfuzz.blind=SEED} the driver ignores libFuzzer's input and runs the blind {@link Fuzzer}'s next
 * input instead (its seeds, then its mutations): the same target, instrumentation and budget without coverage
 * feedback, so that libFuzzer's edge count measures what blind mutation reaches (docs/robustness.md).
 */
public final class JazzerDriver {
    private static Fuzzer.Target target;
    private static Iterator<byte[]> blind;

    private JazzerDriver() {
    }

    /**
     * Called once by Jazzer before the first input.
     *
     * @throws Exception when the scratch folder cannot be made or the seeds cannot be read
     */
    public static void fuzzerInitialize() throws Exception {
        Path scratch = Path.of(System.getProperty("fuzz.scratch", "target/fuzz-scratch"));
        Files.createDirectories(scratch);
        String name = System.getProperty("fuzz.target", "frame");
        target = new FuzzTargets(scratch).target(name);
        Fuzzer fuzzer = FuzzTest.fuzzer(name, target);
        warmUp(fuzzer);
        String blindSeed = System.getProperty("fuzz.blind");
        if (blindSeed != null && !blindSeed.isEmpty()) {
            blind = fuzzer.inputs(Long.parseLong(blindSeed));
        }
    }

    /**
     * Runs a few seeds before libFuzzer starts its clock: the first inputs load, instrument and compile most of
     * the dissectors, seconds that would otherwise count against the first inputs' time limit.
     */
    private static void warmUp(Fuzzer fuzzer) throws Exception {
        List<byte[]> seeds = fuzzer.seeds();
        for (int i = 0; i < seeds.size(); i += Math.max(1, seeds.size() / 64)) {
            try {
                target.run(seeds.get(i));
            } catch (Exception e) {
                // a seed that fails fails again when libFuzzer runs it, and is reported there with its input
            }
        }
    }

    /**
     * Called by Jazzer for every input.
     *
     * @param input the bytes
     * @throws Exception a finding
     */
    public static void fuzzerTestOneInput(byte[] input) throws Exception {
        target.run(blind == null ? input : blind.next());
    }
}
