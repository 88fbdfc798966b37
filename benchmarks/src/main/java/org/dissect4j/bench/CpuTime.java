package org.dissect4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Runs one of this module's JMH benchmarks by its annotations and reports the thread's CPU time per
 * operation, not wall time: on a machine that other work keeps busy, wall time measures the waiting for a
 * core, CPU time still measures the code. Used to compare two builds side by side
 * ({@code benchmarks/cpu-side-by-side.sh}); on a quiet machine JMH's own numbers are the reference.
 *
 * <pre>java -cp benchmarks.jar org.dissect4j.bench.CpuTime PipelineBenchmark filter=syn [ROUNDS]</pre>
 *
 * <p>Each round times {@code @Benchmark} calls for about 100 ms of CPU ({@code @Setup(Level.Invocation)}
 * methods run untimed before each call); the first half of the rounds is warm-up. Printed: the least and
 * the median ns/op of the second half (the least is the least disturbed by other processes' cache use).
 */
public final class CpuTime {
    private static final long ROUND_NANOS = 100_000_000L;

    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CpuTime BENCHMARK_CLASS [param=value ...] [ROUNDS]");
            System.exit(2);
        }
        Class<?> c = Class.forName(CpuTime.class.getPackageName() + "." + args[0]);
        Object bench = c.getConstructor().newInstance();
        int rounds = 40;
        StringBuilder params = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                rounds = Integer.parseInt(args[i]);
            } else {
                c.getField(args[i].substring(0, eq)).set(bench, args[i].substring(eq + 1));
                params.append(' ').append(args[i]);
            }
        }
        Method benchmark = null;
        List<Method> perInvocation = new ArrayList<>();
        for (Method m : c.getMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) {
                benchmark = m;
            }
            Setup s = m.getAnnotation(Setup.class);
            if (s != null && s.value() == Level.Invocation) {
                perInvocation.add(m);
            }
        }
        for (Method m : c.getMethods()) {
            Setup s = m.getAnnotation(Setup.class);
            if (s != null && s.value() != Level.Invocation) {
                m.invoke(bench);
            }
        }
        OperationsPerInvocation ops = benchmark.getAnnotation(OperationsPerInvocation.class);
        double[] nsPerOp = measure(bench, benchmark, perInvocation, ops == null ? 1 : ops.value(), rounds);
        for (Method m : c.getMethods()) {
            if (m.isAnnotationPresent(TearDown.class)) {
                m.invoke(bench);
            }
        }
        double[] measured = Arrays.copyOfRange(nsPerOp, rounds / 2, rounds);
        Arrays.sort(measured);
        System.out.printf("%s%s: least %.1f, median %.1f ns/op of CPU time (%d rounds after %d of warm-up)%n", args[0], params,
                measured[0], measured[measured.length / 2], measured.length, rounds / 2);
    }

    private static double[] measure(Object bench, Method benchmark, List<Method> perInvocation, int opsPerCall, int rounds)
            throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] nsPerOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long spent = 0;
            long calls = 0;
            while (spent < ROUND_NANOS) {
                for (Method m : perInvocation) {
                    m.invoke(bench);
                }
                long t0 = mx.getCurrentThreadCpuTime();
                int batch = perInvocation.isEmpty() ? 1000 : 1;
                for (int i = 0; i < batch; i++) {
                    benchmark.invoke(bench);
                }
                spent += mx.getCurrentThreadCpuTime() - t0;
                calls += batch;
            }
            nsPerOp[r] = spent / (double) (calls * opsPerCall);
        }
        return nsPerOp;
    }
}
