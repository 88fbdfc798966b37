package org.dissect4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.tls.TlsPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole pipeline over an mmap'd file, as {@code dissect4j -r FILE -Y FILTER} runs it without
 * printing: read each frame, dissect it with every plugin (net, tcp, http, tls), evaluate the display
 * filter. The file is {@value #PACKETS} packets of the benchmark capture ({@code MakeCapture}: the
 * project's own TCP/TLS/HTTP connections replayed with fresh addresses, ports and sequence numbers).
 * One operation is one packet. Each pass over the file gets a fresh engine (made before the pass, not
 * timed), so connections are new to it; {@code gc.alloc.rate.norm} therefore counts the per-connection
 * state (conversations, TLS sessions, reassembly buffers) spread over the packets: memory that grows
 * with flows, not with packets.
 * {@code filter=syn} is {@code tcp.flags.syn==1} (TCP decodes only its header), {@code filter=sni}
 * is {@code tls.handshake.type==1} (conversations, reassembly and TLS on every packet).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
    static final int PACKETS = 100_000;

    @Param({"syn", "sni"})
    public String filter;

    private Path file;
    private Engine engine;
    private DisplayFilter display;

    @Setup(Level.Trial)
    public void capture() throws IOException {
        List<MakeCapture.Template> templates = new ArrayList<>();
        for (String source : MakeCapture.DEFAULT_SOURCES) {
            templates.add(MakeCapture.load(BenchCaptures.find(source)));
        }
        file = Files.createTempFile("dissect4j-pipeline-", ".pcap");
        MakeCapture.write(templates, PACKETS, 1, file);
    }

    @Setup(Level.Invocation)
    public void freshEngine() throws FilterException {
        engine = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new TcpPlugin()).plugin(new HttpPlugin())
                .plugin(new TlsPlugin()).build();
        display = DisplayFilter.compile(filter.equals("syn") ? "tcp.flags.syn==1" : "tls.handshake.type==1", engine);
        display.prime(engine.tree());
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long pass() throws IOException {
        long matched = 0;
        try (CaptureReader r = CaptureFiles.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                if (display.matches(engine.dissect(f).tree())) {
                    matched++;
                }
            }
        }
        return matched;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
