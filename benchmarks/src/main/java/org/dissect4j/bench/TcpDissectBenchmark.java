package org.dissect4j.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Tree;
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
 * Ethernet/IPv4/TCP dissection of preloaded packets (the TCP packets of the project's sample
 * capture, replayed in order). {@code primed=tcp} records every TCP field: options decoded,
 * conversation tracking and analysis on; {@code primed=tracking} wants only {@code tcp.stream}, so
 * TCP still tracks the connection and runs its analysis but records almost nothing (the cost of
 * decoding and state alone); {@code primed=header} wants only {@code tcp.flags.syn}, as
 * {@code -Y 'tcp.flags.syn==1' -T fields -e frame.number} does, so TCP decodes its header and
 * skips conversations, options and hand-offs ({@code Packet.wantsOnlyHeader}). One operation
 * is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TcpDissectBenchmark {
    @Param({"tcp", "tracking", "header"})
    public String primed;

    private Preloaded packets;
    private Engine engine;
    private final Frame frame = new Frame();
    private int next;
    private long number;
    private long round;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        packets = Preloaded.load(BenchCaptures.sample(), Preloaded::isEthIpv4Tcp);
        engine = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new TcpPlugin()).build();
        Tree t = engine.tree();
        switch (primed) {
            case "tcp" -> {
                for (Field f : engine.fields()) {
                    if (f.abbrev().startsWith("tcp.") || f.abbrev().equals("tcp")) {
                        t.want(f);
                    }
                }
            }
            case "tracking" -> t.want(engine.field("tcp.stream"));
            default -> t.want(engine.field("tcp.flags.syn"));
        }
    }

    @Benchmark
    public long dissect() {
        int i = next;
        if (++next == packets.size()) {
            next = 0;
            // the next replay of the capture starts a new connection later in time (same ports: "reused ports")
            round += 10_000_000_000L;
        }
        Tree t = engine.dissect(packets.frame(frame, i, ++number, round)).tree();
        return t.size();
    }
}
