package org.dissect4j.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Captures;
import org.junit.jupiter.api.Test;

/**
 * The tunnels' parse path allocates nothing at steady state: every frame of tunnels.pcap and hostile.pcap (each
 * tunnel, the nested and malformed ones) and of Zeek's VXLAN, Geneve, GTP (control messages too) and AYIYA
 * traces, with every field wanted and the columns composed, dissected again and again.
 */
class TunnelAllocationTest {
    @Test
    void steadyStateDissectionAllocatesNothing() throws Exception {
        for (String name : List.of("tunnels.pcap", "hostile.pcap", "zeek/tunnels--vxlan.pcap", "zeek/tunnels--geneve.pcap",
                "zeek/tunnels--gtp--gtp_ext_header.pcap", "zeek/tunnels--gre-erspan3-dot1q.pcap", "zeek/tunnels--ayiya3.pcap",
                "zeek/tunnels--gtp--gtp10_not_0xff.pcap")) {
            List<Frame> frames = new ArrayList<>();
            long n = 0;
            for (Captures.Packet cp : Captures.read(TunnelTestKit.capture(name))) {
                n++;
                frames.add(new Frame().set(n, MemorySegment.ofArray(cp.data()), 0, cp.data().length, cp.originalLength(),
                        cp.timestampNanos(), 0, cp.linkType()));
            }
            assertSteady(name, frames);
        }
    }

    private static void assertSteady(String name, List<Frame> frames) {
        Engine e = TunnelTestKit.runner().engine();
        long[] sink = new long[1];
        long allocated = Allocation.steadyState(() -> sink[0] += run(e, frames), 3_000, 1_000, 4096);
        assertThat(sink[0]).isPositive();
        // reading the counter allocates a little itself; one allocation per packet would be hundreds of kilobytes
        System.out.println(name + ": " + allocated + " bytes for " + frames.size() * 1_000L + " packets");
        assertThat(allocated).as("%s: bytes allocated for %d packets", name, frames.size() * 1_000L).isLessThan(4096);
    }

    private static long run(Engine e, List<Frame> frames) {
        long n = 0;
        for (int i = 0, size = frames.size(); i < size; i++) {      // no iterator: the loop must not allocate either
            Packet p = e.dissect(frames.get(i));
            n += p.tree().size() + p.info().length();
        }
        return n;
    }
}
