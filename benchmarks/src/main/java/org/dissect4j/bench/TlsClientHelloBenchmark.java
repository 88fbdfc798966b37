package org.dissect4j.bench;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Bytes;
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
 * eth, ip, tcp, tls — followed by the server's bare ACK of it, as on the wire. The client's sequence
 * number advances on every operation, so TCP hands the record to TLS as new in-order data each
 * time, and the ACK keeps TCP's list of unacknowledged segments as short as in real traffic.
 * {@code wanted=ja4} records JA4 and JA4_r (SHA-256 and the sorted lists computed every time),
 * {@code wanted=sni} only the server name, {@code wanted=tcp-only} dissects the same two frames
 * with the TLS dissector disabled: the difference to it is the cost of TLS. One operation is the
 * ClientHello and its ACK.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TlsClientHelloBenchmark {
    @Param({"ja4", "sni", "tcp-only"})
    public String wanted;

    private Engine engine;
    private MemorySegment packet;
    private MemorySegment ack;
    private int length;
    private int ackLength;
    private int seqOffset;
    private int ackOffset;
    private int payload;
    private int seq;
    private final Frame frame = new Frame();
    private long number;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path capture = BenchCaptures.find("tls-dissector/src/test/resources/captures/tls13-full.pcap");
        Preloaded all = Preloaded.load(capture, s -> true);
        engine = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new TcpPlugin()).plugin(new TlsPlugin()).build();
        Tree t = engine.tree();
        switch (wanted) {
            case "ja4" -> {
                t.want(engine.field("tls.handshake.ja4"));
                t.want(engine.field("tls.handshake.ja4_r"));
            }
            case "sni" -> t.want(engine.field("tls.handshake.extensions_server_name"));
            default -> {
                t.want(engine.field("tcp.stream"));
                engine.enableProtocol("tls", false);
            }
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
                seq = packet.get(Bytes.BE32, seqOffset);
                ack = MemorySegment.ofArray(ackOf(b, ip, tcp, data));
                ackLength = data;
                ackOffset = tcp + 8;
                break;
            }
        }
        if (packet == null) {
            throw new IllegalStateException("no ClientHello in " + capture);
        }
        String check = switch (wanted) {
            case "ja4" -> "tls.handshake.ja4";
            case "sni" -> "tls.handshake.extensions_server_name";
            default -> "tcp.stream";
        };
        clientHello();
        if (!engine.tree().has(engine.field(check))) {
            throw new IllegalStateException("the ClientHello was not dissected as expected (" + check + ")");
        }
        serverAck();
    }

    /** The server's bare ACK of the ClientHello frame {@code b}: addresses and ports swapped, no payload. */
    private static byte[] ackOf(byte[] b, int ip, int tcp, int data) {
        byte[] a = java.util.Arrays.copyOf(b, data);
        System.arraycopy(b, 0, a, 6, 6);
        System.arraycopy(b, 6, a, 0, 6);
        System.arraycopy(b, ip + 12, a, ip + 16, 4);
        System.arraycopy(b, ip + 16, a, ip + 12, 4);
        System.arraycopy(b, tcp, a, tcp + 2, 2);
        System.arraycopy(b, tcp + 2, a, tcp, 2);
        System.arraycopy(b, tcp + 8, a, tcp + 4, 4); // the server's sequence number is what the client acknowledged
        int total = data - ip;
        a[ip + 2] = (byte) (total >> 8);
        a[ip + 3] = (byte) total;
        a[tcp + 13] = 0x10; // ACK
        return a;
    }

    @Benchmark
    public int dissect() {
        int size = clientHello();
        serverAck();
        return size;
    }

    private int clientHello() {
        seq += payload;
        packet.set(Bytes.BE32, seqOffset, seq);
        return engine.dissect(frame.set(++number, packet, 0, length, length, number * 1000, 0, 1)).tree().size();
    }

    private void serverAck() {
        ack.set(Bytes.BE32, ackOffset, seq + payload);
        engine.dissect(frame.set(++number, ack, 0, ackLength, ackLength, number * 1000, 0, 1));
    }
}
