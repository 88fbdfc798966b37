package org.dissect4j.bench;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Tree;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.tls.TlsPlugin;
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
 * A TLS 1.3 ClientHello frame (the project's own openssl capture) dissected end to end — frame,
 * eth, ip, tcp, tls — with the TCP sequence number advanced on every operation, so TCP hands the
 * record to TLS as new in-order data each time. {@code wanted=ja4} records JA4 and JA4_r (SHA-256
 * and the sorted lists computed every time), {@code wanted=sni} only the server name. One
 * operation is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TlsClientHelloBenchmark {
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    @Param({"ja4", "sni"})
    public String wanted;

    private Engine engine;
    private MemorySegment packet;
    private int length;
    private int seqOffset;
    private int payload;
    private int seq;
    private final Frame frame = new Frame();
    private long number;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path capture = find("tls-dissector/src/test/resources/captures/tls13-full.pcap");
        Preloaded all = Preloaded.load(capture, s -> true);
        engine = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new TcpPlugin()).plugin(new TlsPlugin()).build();
        Tree t = engine.tree();
        for (String f : wanted.equals("ja4") ? List.of("tls.handshake.ja4", "tls.handshake.ja4_r")
                : List.of("tls.handshake.extensions_server_name")) {
            t.want(engine.field(f));
        }
        // the frame carrying the ClientHello: IPv4 + TCP + a handshake record of type 1
        for (int i = 0; i < all.size(); i++) {
            byte[] b = new byte[all.lengths[i]];
            MemorySegment.copy(all.bytes, ValueLayout.JAVA_BYTE, all.offsets[i], b, 0, b.length);
            int ip = 14, tcp = ip + (b[ip] & 0x0F) * 4, data = tcp + ((b[tcp + 12] >> 4) & 0x0F) * 4;
            if (b.length > data + 5 && b[data] == 0x16 && b[data + 5] == 0x01) {
                packet = MemorySegment.ofArray(b);
                length = b.length;
                seqOffset = tcp + 4;
                payload = b.length - data;
                seq = packet.get(BE32, seqOffset);
                break;
            }
        }
        if (packet == null) {
            throw new IllegalStateException("no ClientHello in " + capture);
        }
        dissect();
        if (!engine.tree().has(engine.field(wanted.equals("ja4") ? "tls.handshake.ja4" : "tls.handshake.extensions_server_name"))) {
            throw new IllegalStateException("the ClientHello was not dissected as TLS");
        }
    }

    @Benchmark
    public int dissect() {
        seq += payload;
        packet.set(BE32, seqOffset, seq);
        Tree t = engine.dissect(frame.set(++number, packet, 0, length, length, number * 1000, 0, 1)).tree();
        return t.size();
    }

    static Path find(String relative) {
        for (Path p : List.of(Path.of(relative), Path.of("..").resolve(relative))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException(relative + " not found: run the benchmarks from the repository root");
    }
}
