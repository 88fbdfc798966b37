package org.dissect4j.tls.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Captures;
import org.junit.jupiter.api.Test;

/**
 * Allocation on the DTLS parse path, measured with the thread allocation counter: the openssl DTLS 1.2 capture (a
 * handshake in fragments, reassembled, with its certificate chain, then application data and alerts) replayed over
 * and over in one association; none per packet once the association and its reassembly buffers exist.
 */
class DtlsAllocationTest {
    static final int ROUNDS = 1000;

    @Test
    void dtlsRecordsAndReassemblyAllocateNothing() throws Exception {
        List<Captures.Packet> packets = Captures.read(DtlsTestKit.DIR.resolve("dtls12-mtu.pcap"));
        Engine e = DtlsTestKit.runner().engine();
        e.columns(false);
        e.tree().wantAll(false);
        for (String f : new String[] {"dtls.handshake.type", "dtls.record.epoch", "dtls.record.sequence_number",
            "dtls.handshake.ciphersuite", "dtls.handshake.ja3"}) {
            e.tree().want(e.field(f));
        }
        DtlsDatagrams d = new DtlsDatagrams(e);
        MemorySegment[] frames = new MemorySegment[packets.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = MemorySegment.ofArray(packets.get(i).data());
        }
        for (int i = 0; i < ROUNDS; i++) {
            for (MemorySegment f : frames) {
                d.feed(f);
            }
        }
        long before = Allocation.threadBytes();
        for (int i = 0; i < ROUNDS; i++) {
            for (MemorySegment f : frames) {
                d.feed(f);
            }
        }
        long perPacket = (Allocation.threadBytes() - before) / ((long) ROUNDS * packets.size());
        System.out.println("DTLS 1.2 handshake replayed: " + perPacket + " B/packet");
        assertThat(d.feed(packets.get(0).data()).tree().has(e.field("dtls.handshake.type"))).isTrue();
        assertThat(perPacket).isZero();
    }
}
