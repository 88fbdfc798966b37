package org.dissect4j.bench;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Settings;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TLS decryption end to end: one operation is a whole TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256 connection of the
 * project's own capture ({@code tls12-aes128-gcm-bulk.pcap}: handshake, a GET, a 256 KiB response in 16 full
 * records of 16 KiB plus a last one, close_notify; 29 frames) dissected by one engine that wants
 * {@code http.request.method}, a field beyond the record layer. Before each operation the client's port is
 * changed in the frames (not timed), so each operation is a new connection to TCP and TLS (same client random,
 * so the key log finds its secret).
 * {@code keys=keylog} gives it the capture's key log: the records are decrypted, the handshake's encrypted
 * messages dissected and the response reassembled across records for HTTP; {@code keys=none} dissects the same
 * frames without keys. The difference of the two is the cost of decryption; {@code gc.alloc.rate.norm} of the
 * first holds the per-connection state (key derivation, {@code Cipher} objects, the reassembly buffer) and what
 * the JDK allocates per record ({@code Cipher.init}'s parameter spec).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TlsDecryptBenchmark {
    /** Plaintext bytes of the application data records of one operation (the 256 KiB file and the response header). */
    public static final int PLAINTEXT_BYTES = 262144 + 64;

    @Param({"keylog", "none"})
    public String keys;

    private Preloaded frames;
    private long number;
    private Path keyLog;
    private Engine engine;
    private final Frame frame = new Frame();

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path capture = BenchCaptures.find("tls-dissector/src/test/resources/captures/decrypt/tls12-aes128-gcm-bulk.pcap");
        keyLog = capture.resolveSibling("tls12-aes128-gcm-bulk.keys");
        frames = Preloaded.load(capture, seg -> true);
        Settings s = new Settings();
        if (keys.equals("keylog")) {
            s.set("tls.keylog_file", keyLog.toString());
        }
        engine = Engine.builder().discover(false).settings(s).plugin(new NetPlugin()).plugin(new TcpPlugin())
                .plugin(new HttpPlugin()).plugin(new TlsPlugin()).build();
        engine.tree().want(engine.field("http.request.method"));
    }

    private static final ValueLayout.OfShort PORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private int clientPort = 20000;

    /** A new client port in every frame (Ethernet + IPv4 + TCP; the server's port is 443). */
    @Setup(Level.Invocation)
    public void newConnection() {
        clientPort = clientPort == 60000 ? 20000 : clientPort + 1;
        for (int i = 0; i < frames.size(); i++) {
            long tcp = frames.offsets[i] + 14 + 20;
            boolean toServer = frames.bytes.get(PORT, tcp + 2) == 443;
            frames.bytes.set(PORT, tcp + (toServer ? 0 : 2), (short) clientPort);
        }
    }

    @Benchmark
    public long connection() {
        long nodes = 0;
        for (int i = 0; i < frames.size(); i++) {
            frames.frame(frame, i, ++number, 0);
            nodes += engine.dissect(frame).tree().size();
        }
        return nodes;
    }
}
