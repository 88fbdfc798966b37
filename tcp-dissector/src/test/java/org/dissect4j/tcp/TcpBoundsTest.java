package org.dissect4j.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;
import org.dissect4j.api.StreamPdus;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/** Memory bounds: SYN floods, reassembly limits, and no allocation per packet at steady state. */
class TcpBoundsTest {
    private static final int B = 0x0a630001;

    /** A length-prefixed test protocol on port 9999: 2-byte length, then that many bytes. */
    static final class LengthPrefixed implements DissectorPlugin, StreamPdus.Framing {
        final List<Integer> lengths = new ArrayList<>();
        private final StreamPdus pdus = new StreamPdus(2, this);

        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String name() {
            return "lp";
        }

        @Override
        public void register(Registrar r) {
            r.dissector("lp", null, (p, o, l) -> pdus.dissect(p, o, l));
        }

        @Override
        public void handoff(Registrar r) {
            r.table("tcp.port").add(9999, r.dissector("lp"));
        }

        @Override
        public int pduLength(Packet p, int offset, int available) {
            return 2 + p.u16(offset);
        }

        @Override
        public int dissectPdu(Packet p, int offset, int length, int capturedLength) {
            if (capturedLength >= length) {
                lengths.add(length);
            }
            return length;
        }
    }

    @Test
    void synFloodKeepsConversationsBounded() {
        Settings s = new Settings().set("tcp.max_conversations", "10000");
        Runner r = new Runner(s, new NetStubs(), new TcpPlugin());
        r.engine().tree().wantAll(false);
        r.engine().columns(false);
        TcpDissector tcp = (TcpDissector) r.engine().dissector("tcp").dissector();
        Feed f = new Feed(r.engine());
        for (int i = 0; i < 100_000; i++) {
            f.next(tcp(0x0b000000 + i, B, 1024 + (i & 0x7fff), 443, i * 7919L, 0, SYN, 64240, new byte[0], new byte[0]), 54, 1000);
        }
        assertThat(tcp.conversationCount()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void aFullConnectionTableSaysSoWithAnExpertItem() {
        Runner r = new Runner(new Settings().set("tcp.max_conversations", "16"), new NetStubs(), new TcpPlugin());
        Feed f = new Feed(r.engine());
        for (int i = 0; i < 17; i++) {
            Packet p = f.next(tcp(0x0b000000 + i, B, 1024 + i, 443, i, 0, SYN, 64240, new byte[0], new byte[0]), 54, 1000);
            org.dissect4j.api.Tree t = p.tree();
            List<String> experts = new ArrayList<>();
            for (int k = 0; k < t.expertCount(); k++) {
                experts.add(t.expertOf(t.expertNode(k)).field().abbrev());
            }
            if (i < 16) {
                assertThat(experts).as("SYN %d", i).doesNotContain("tcp.conversation_limit");
            } else {
                assertThat(experts).contains("tcp.conversation_limit");
            }
        }
    }

    @Test
    void perFlowCostOfASynFlood() {
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin());
        r.engine().tree().wantAll(false);
        r.engine().tree().want(TcpFields.STREAM); // a field that needs the connection: tracking stays on
        r.engine().columns(false);
        TcpDissector tcp = (TcpDissector) r.engine().dissector("tcp").dissector();
        Feed f = new Feed(r.engine());
        int n = 100_000;
        byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = tcp(0x0b000000 + i, B, 1024 + (i & 0x7fff), 443, i * 7919L, 0, SYN, 64240,
                    new byte[] {2, 4, 5, (byte) 0xb4}, new byte[0]);
        }
        long before = usedHeap();
        for (int i = 0; i < n; i++) {
            f.next(frames[i], frames[i].length, 1000);
        }
        long after = usedHeap();
        long perFlow = (after - before) / n;
        System.out.println("SYN flood: " + tcp.conversationCount() + " connections, about " + perFlow + " bytes per connection");
        assertThat(tcp.conversationCount()).isEqualTo(n);
        assertThat(perFlow).isLessThan(2048);
    }

    @Test
    void reassemblyBoundStopsTheStreamAndKeepsMemoryFlat() {
        Settings s = new Settings().set("tcp.reassembly.max_stream_bytes", "4096").set("tcp.reassembly.max_total_bytes", "65536");
        LengthPrefixed lp = new LengthPrefixed();
        Runner r = new Runner(s, new NetStubs(), new TcpPlugin(), lp);
        TcpDissector tcp = (TcpDissector) r.engine().dissector("tcp").dissector();
        Feed f = new Feed(r.engine());
        int a = 0x0a630002;
        f.next(tcp(a, B, 5000, 9999, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(B, a, 9999, 5000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        // A PDU announcing 60000 bytes, sent in 1000-byte segments: past 4096 the stream stops reassembling.
        byte[] first = new byte[1000];
        first[0] = (byte) (60000 >> 8);
        first[1] = (byte) 60000;
        long seq = 1;
        boolean limited = false;
        for (int i = 0; i < 60; i++) {
            Packet p = f.next(tcp(a, B, 5000, 9999, seq, 1, PSH | ACK, 100, new byte[0], i == 0 ? first : new byte[1000]));
            limited |= p.tree().has(TcpExpert.REASSEMBLY_LIMIT.field());
            seq += 1000;
            assertThat(tcp.reassemblyBytes()).isLessThanOrEqualTo(65536);
        }
        assertThat(limited).isTrue();
        assertThat(tcp.reassemblyBytes()).isZero();
    }

    @Test
    void outOfOrderAndOverlappingSegmentsReassemble() {
        LengthPrefixed lp = new LengthPrefixed();
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin(), lp);
        Feed f = new Feed(r.engine());
        int a = 0x0a630002;
        f.next(tcp(a, B, 5001, 9999, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(B, a, 9999, 5001, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        byte[] stream = new byte[2 + 3000 + 2 + 10];
        stream[0] = (byte) (3000 >> 8);
        stream[1] = (byte) (3000 & 0xff);
        stream[3002] = 0;
        stream[3003] = 10;
        // in order: 0..1000, then an overlapping retransmission 500..1500, then 1500..3014 in two pieces
        f.next(seg(a, 1, stream, 0, 1000));
        f.next(seg(a, 1, stream, 500, 1000));
        f.next(seg(a, 1, stream, 1500, 1000));
        f.next(seg(a, 1, stream, 2500, stream.length - 2500));
        assertThat(lp.lengths).containsExactly(3002, 12);
    }

    private static byte[] seg(int a, long isn, byte[] stream, int from, int len) {
        byte[] d = new byte[len];
        System.arraycopy(stream, from, d, 0, len);
        return tcp(a, B, 5001, 9999, isn + from, 1, PSH | ACK, 100, new byte[0], d);
    }

    @Test
    void noAllocationPerPacketAtSteadyState() {
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin());
        r.engine().tree().wantAll(false);
        r.engine().tree().want(TcpFields.SEQ);
        r.engine().tree().want(TcpFields.BYTES_IN_FLIGHT);
        r.engine().columns(true);
        Feed f = new Feed(r.engine());
        int a = 0x0a630002;
        f.next(tcp(a, B, 5002, 60000, 0, 0, SYN, 100, new byte[] {2, 4, 5, (byte) 0xb4, 1, 3, 3, 7}, new byte[0]));
        f.next(tcp(B, a, 60000, 5002, 0, 1, SYN | ACK, 100, new byte[] {2, 4, 5, (byte) 0xb4, 1, 3, 3, 7}, new byte[0]));
        int n = 20_000;
        java.lang.foreign.MemorySegment[] data = new java.lang.foreign.MemorySegment[n];
        java.lang.foreign.MemorySegment[] acks = new java.lang.foreign.MemorySegment[n];
        byte[] opts = {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2};
        for (int i = 0; i < n; i++) {
            data[i] = java.lang.foreign.MemorySegment.ofArray(tcp(a, B, 5002, 60000, 1 + 100L * i, 1, ACK, 100, opts, new byte[100]));
            acks[i] = java.lang.foreign.MemorySegment.ofArray(tcp(B, a, 60000, 5002, 1, 101 + 100L * i, ACK, 100, opts, new byte[0]));
        }
        for (int i = 0; i < n / 2; i++) {
            f.next(data[i], (int) data[i].byteSize(), (int) data[i].byteSize(), 1000);
            f.next(acks[i], (int) acks[i].byteSize(), (int) acks[i].byteSize(), 1000);
        }
        long before = Allocation.threadBytes();
        for (int i = n / 2; i < n; i++) {
            f.next(data[i], (int) data[i].byteSize(), (int) data[i].byteSize(), 1000);
            f.next(acks[i], (int) acks[i].byteSize(), (int) acks[i].byteSize(), 1000);
        }
        long perPacket = (Allocation.threadBytes() - before) / n;
        System.out.println("steady state: " + perPacket + " bytes allocated per packet");
        assertThat(perPacket).isLessThan(8);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
