package org.dissect4j.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor: hand-written L2–L4 reads from the same preloaded packets as
 * {@link TcpDissectBenchmark}, straight from each packet's {@code byte[]} with the length checks a
 * correct parser needs and nothing else: Ethertype, IPv4 header length and protocol, TCP ports,
 * data offset and flags. No tree, no options, no state. One operation is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandWrittenBaselineBenchmark {
    private byte[][] packets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        packets = Preloaded.load(BenchCaptures.sample(), Preloaded::isEthIpv4Tcp).arrays();
    }

    @Benchmark
    public long read() {
        byte[] b = packets[next];
        if (++next == packets.length) {
            next = 0;
        }
        int n = b.length;
        if (n < 14) {
            return -1;
        }
        int ethertype = (b[12] & 0xFF) << 8 | (b[13] & 0xFF);
        if (ethertype != 0x0800 || n < 14 + 20) {
            return ethertype;
        }
        int ihl = (b[14] & 0x0F) * 4;
        int proto = b[14 + 9] & 0xFF;
        int tcp = 14 + ihl;
        if (proto != 6 || ihl < 20 || n < tcp + 20) {
            return proto;
        }
        int srcPort = (b[tcp] & 0xFF) << 8 | (b[tcp + 1] & 0xFF);
        int dstPort = (b[tcp + 2] & 0xFF) << 8 | (b[tcp + 3] & 0xFF);
        int offFlags = (b[tcp + 12] & 0xFF) << 8 | (b[tcp + 13] & 0xFF);
        int dataOffset = (offFlags >>> 12) * 4;
        int flags = offFlags & 0x0FFF;
        return ((long) srcPort << 48) ^ ((long) dstPort << 32) ^ ((long) flags << 16) ^ (dataOffset << 8) ^ proto;
    }
}
