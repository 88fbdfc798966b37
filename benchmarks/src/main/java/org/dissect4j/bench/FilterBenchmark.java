package org.dissect4j.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Tree;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Display filters: {@code evaluate} runs a compiled filter against one dissected packet (the
 * sample's HTTP GET, frame 16, dissected once in set-up: this measures the filter alone);
 * {@code compile} parses, checks and compiles the 5-clause filter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterBenchmark {
    static final String FIVE_CLAUSES = "ip.src == 10.99.0.2 && tcp.dstport == 8000 && tcp.flags.push == 1 && tcp.len > 0"
            + " && http.request.method == \"GET\"";

    @Param({"comparison", "membership", "contains", "matches", "conjunction"})
    public String kind;

    private Engine engine;
    private DisplayFilter filter;
    private Tree tree;

    @Setup(Level.Trial)
    public void setUp() throws IOException, FilterException {
        engine = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new TcpPlugin()).plugin(new HttpPlugin()).build();
        filter = DisplayFilter.compile(switch (kind) {
            case "comparison" -> "tcp.port == 8000";
            case "membership" -> "tcp.port in {80, 443, 8000, 8080}";
            case "contains" -> "http.request.uri contains \"index\"";
            case "matches" -> "http.request.uri matches \"index\\\\.html$\"";
            default -> FIVE_CLAUSES;
        }, engine);
        filter.prime(engine.tree());
        Preloaded sample = Preloaded.load(BenchCaptures.sample(), s -> true);
        Frame f = new Frame();
        for (int i = 0; i < 16; i++) {
            tree = engine.dissect(sample.frame(f, i, i + 1, 0)).tree();
        }
        if (!filter.matches(tree)) {
            throw new IllegalStateException(kind + ": the filter should match frame 16");
        }
    }

    @Benchmark
    public boolean evaluate() {
        return filter.matches(tree);
    }

    @Benchmark
    public DisplayFilter compile() throws FilterException {
        return DisplayFilter.compile(FIVE_CLAUSES, engine);
    }
}
