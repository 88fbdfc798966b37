package org.dissect4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A mutation-based fuzzer for dissect4j's fuzz targets, in the spirit of libFuzzer/Jazzer: inputs are seeds
 * (real frames, captures, filters) changed by stacked mutations (bit flips, interesting values, inserted,
 * deleted, duplicated or spliced ranges, tokens from a dictionary), run against a target for a time budget.
 *
 * <p>This harness is blind (no coverage feedback): it runs the regression inputs in every build and, through
 * {@link #inputs}, serves as the baseline that coverage-guided fuzzing with Jazzer is measured against (cli's
 * {@code JazzerRun}; docs/robustness.md). Its strength is the seeds: mutations start from deep, valid inputs.
 *
 * <p>A finding is any {@link Throwable} a target lets out, or an execution slower than {@code slowMillis}:
 * the input is written to {@code findings/<target>/<kind>-<sha1>.bin}, to be copied into the target's
 * regression folder once fixed ({@link #regressionInputs}).
 */
public final class Fuzzer {
    /** A fuzz target: what it lets out of {@code run} is a finding. */
    @FunctionalInterface
    public interface Target {
        /**
         * Runs one input.
         *
         * @param input the bytes, never longer than the fuzzer's maximum length
         * @throws Exception a finding
         */
        void run(byte[] input) throws Exception;
    }

    /**
     * What a run did.
     *
     * @param target the target's name
     * @param executions inputs run
     * @param nanos time spent
     * @param findings the files of the findings written (empty: none)
     */
    public record Result(String target, long executions, long nanos, List<Path> findings) {
        /** Executions per second. */
        public double perSecond() {
            return executions * 1e9 / Math.max(1, nanos);
        }
    }

    private static final int[] INTERESTING = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x3FFF, 0x4000, 0x7FFF, 0x8000, 0xFFFF};

    private final String name;
    private final Target target;
    private final List<byte[]> seeds;
    private final List<byte[]> dictionary;
    private final int maxLength;
    private final long slowMillis;

    /**
     * @param name the target's name (the findings' folder)
     * @param target the target
     * @param seeds the inputs mutations start from (at least one; an empty input is added when none)
     * @param dictionary tokens inserted or written over (TLS/TCP option bytes, filter words)
     * @param maxLength the longest input made
     * @param slowMillis an execution slower than this is a finding (a hang or unbounded work)
     */
    public Fuzzer(String name, Target target, List<byte[]> seeds, List<byte[]> dictionary, int maxLength, long slowMillis) {
        this.name = name;
        this.target = target;
        this.seeds = seeds.isEmpty() ? List.of(new byte[0]) : seeds;
        this.dictionary = dictionary;
        this.maxLength = maxLength;
        this.slowMillis = slowMillis;
    }

    /**
     * Runs every seed once, then mutated inputs until {@code budgetMillis} have passed; stops early after 5
     * findings.
     *
     * @param budgetMillis the time budget
     * @param seed the random seed (a run is reproducible for a given seed, corpus and target)
     * @param findings where findings are written ({@code <findings>/<name>/})
     * @return what was run and found
     */
    public Result fuzz(long budgetMillis, long seed, Path findings) {
        Iterator<byte[]> inputs = inputs(seed);
        Map<String, Path> found = new LinkedHashMap<>();
        long start = System.nanoTime();
        long deadline = start + budgetMillis * 1_000_000L;
        long executions = 0;
        for (int i = 0; i < seeds.size(); i++) {
            execute(inputs.next(), findings, found);
            executions++;
        }
        while (System.nanoTime() < deadline && found.size() < 5) {
            execute(inputs.next(), findings, found);
            executions++;
        }
        return new Result(name, executions, System.nanoTime() - start, List.copyOf(found.values()));
    }

    /**
     * The seeds mutations start from.
     *
     * @return the seeds, unmodifiable
     */
    public List<byte[]> seeds() {
        return java.util.Collections.unmodifiableList(seeds);
    }

    /**
     * The inputs {@link #fuzz} runs, without end: every seed (cut to the maximum length), then mutated seeds.
     *
     * @param seed the random seed
     * @return the inputs, one per call to {@code next}
     */
    public Iterator<byte[]> inputs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public byte[] next() {
                if (next < seeds.size()) {
                    byte[] s = seeds.get(next++);
                    return Arrays.copyOf(s, Math.min(s.length, maxLength));
                }
                return mutate(random);
            }
        };
    }

    private void execute(byte[] input, Path findings, Map<String, Path> found) {
        long t0 = System.nanoTime();
        String kind = null;
        String signature = null;
        try {
            target.run(input);
        } catch (Throwable e) {
            kind = "crash";
            StackTraceElement[] st = e.getStackTrace();
            signature = e.getClass().getName() + (st.length > 0 ? "@" + st[0] : "");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (kind == null && millis > slowMillis) {
            kind = "slow";
            signature = "slow";
        }
        if (kind != null && !found.containsKey(signature)) {
            found.put(signature, write(findings.resolve(name), kind, input));
        }
    }

    private static Path write(Path dir, String kind, byte[] input) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(kind + "-" + sha1(input) + ".bin");
            Files.write(p, input);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seed with one to four mutations stacked. */
    byte[] mutate(SplittableRandom r) {
        byte[] b = seeds.get(r.nextInt(seeds.size()));
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = mutateOnce(b, r);
        }
        return b.length > maxLength ? Arrays.copyOf(b, maxLength) : b;
    }

    private byte[] mutateOnce(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        int len = b.length;
        switch (r.nextInt(11)) {
            case 0 -> {
                if (len > 0) {
                    b[r.nextInt(len)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                if (len > 0) {
                    b[r.nextInt(len)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                if (len > 1) {
                    int at = r.nextInt(len - 1);
                    int v = INTERESTING[r.nextInt(INTERESTING.length)];
                    b[at] = (byte) (v >>> 8);
                    b[at + 1] = (byte) v;
                } else if (len == 1) {
                    b[0] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
                }
            }
            case 3 -> {
                if (len > 1) {
                    // a big-endian length or counter a little off
                    int at = r.nextInt(len - 1);
                    int v = ((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF)) + r.nextInt(-16, 17);
                    b[at] = (byte) (v >>> 8);
                    b[at + 1] = (byte) v;
                }
            }
            case 4 -> {
                byte[] add = new byte[1 + r.nextInt(16)];
                r.nextBytes(add);
                b = insert(b, r.nextInt(len + 1), add);
            }
            case 5 -> {
                if (len > 0) {
                    int at = r.nextInt(len);
                    int n = 1 + r.nextInt(Math.min(len - at, 64));
                    b = delete(b, at, n);
                }
            }
            case 6 -> {
                if (len > 0) {
                    int at = r.nextInt(len);
                    int n = 1 + r.nextInt(Math.min(len - at, 64));
                    b = insert(b, r.nextInt(len + 1), Arrays.copyOfRange(b, at, at + n));
                }
            }
            case 7, 8 -> {
                if (!dictionary.isEmpty()) {
                    byte[] token = dictionary.get(r.nextInt(dictionary.size()));
                    if (r.nextBoolean() || len < token.length) {
                        b = insert(b, r.nextInt(len + 1), token);
                    } else {
                        System.arraycopy(token, 0, b, r.nextInt(len - token.length + 1), token.length);
                    }
                }
            }
            case 9 -> {
                // splice: this input's head with another seed's tail
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int cut = len == 0 ? 0 : r.nextInt(len + 1);
                int from = other.length == 0 ? 0 : r.nextInt(other.length + 1);
                byte[] s = Arrays.copyOf(b, cut + other.length - from);
                System.arraycopy(other, from, s, cut, other.length - from);
                b = s;
            }
            default -> {
                if (len > 0) {
                    b = Arrays.copyOf(b, r.nextInt(len));
                }
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] add) {
        byte[] out = new byte[b.length + add.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(b, at, out, at + add.length, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, int at, int n) {
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        return out;
    }

    /**
     * The regression inputs of a target: every file in {@code dir} (findings that were fixed, and inputs
     * worth keeping), sorted by name; none when the folder is absent.
     *
     * @param dir the target's regression folder
     * @return the inputs
     * @throws IOException when the folder cannot be read
     */
    public static List<byte[]> regressionInputs(Path dir) throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return inputs;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                inputs.add(Files.readAllBytes(p));
            }
        }
        return inputs;
    }
}
