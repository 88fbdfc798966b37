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
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.TcpPacket;

/**
 * The peer baseline: pcap4j 1.8.2 (static packet factory) decoding the same preloaded packets as
 * {@link TcpDissectBenchmark} with {@code EthernetPacket.newPacket(byte[], 0, len)}, which builds
 * the whole Ethernet/IPv4/TCP object graph (options included) eagerly. One operation is one packet;
 * the result is derived from the decoded TCP header so nothing is dead code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Pcap4jBaselineBenchmark {
    private byte[][] packets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        packets = Preloaded.load(BenchCaptures.sample(), Preloaded::isEthIpv4Tcp).arrays();
    }

    @Benchmark
    public long decode() throws IllegalRawDataException {
        byte[] b = packets[next];
        if (++next == packets.length) {
            next = 0;
        }
        EthernetPacket eth = EthernetPacket.newPacket(b, 0, b.length);
        TcpPacket tcp = eth.get(TcpPacket.class);
        if (tcp == null) {
            return eth.length();
        }
        TcpPacket.TcpHeader h = tcp.getHeader();
        return ((long) h.getSrcPort().valueAsInt() << 16 | h.getDstPort().valueAsInt()) + h.getSequenceNumberAsLong()
                + h.getOptions().size() + (h.getSyn() ? 1 : 0);
    }
}
