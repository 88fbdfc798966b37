package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/** IPv4/IPv6 fragment reassembly: results, second pass, and the bounds (bytes, datagrams, fragments, timeout). */
class ReassemblyTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    /** The three fragments of one 208-byte UDP datagram, id {@code id}, each in an Ethernet frame. */
    static byte[][] fragments(int id) {
        byte[] payload = new byte[200];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        byte[] udp = Pkt.udp(40000, 40001, payload, "10.0.0.2", "10.0.0.1");
        return new byte[][] {
            frag(id, Arrays.copyOfRange(udp, 0, 80), 0, true),
            frag(id, Arrays.copyOfRange(udp, 80, 160), 80, true),
            frag(id, Arrays.copyOfRange(udp, 160, udp.length), 160, false)};
    }

    static byte[] frag(int id, byte[] data, int offset, boolean more) {
        return Pkt.eth(Pkt.A, Pkt.B, 0x0800,
                Pkt.ipv4("10.0.0.2", "10.0.0.1", 17, id, (more ? 0x2000 : 0) | offset / 8, 64, data));
    }

    static Packet dissect(Engine e, byte[] bytes, long number, long time, boolean secondPass) {
        return e.dissect(NetTestKit.frame(bytes, LinkType.ETHERNET, number, time), secondPass);
    }

    @Test
    void fragmentsInOrderAreReassembledOnTheLastOne() {
        Engine e = NetTestKit.engine();
        byte[][] f = fragments(77);
        Packet p = dissect(e, f[0], 1, T0, false);
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:data");
        assertThat(p.info().toString()).isEqualTo("Fragmented IP protocol (proto=UDP 17, off=0, ID=004d)");
        dissect(e, f[1], 2, T0 + 1000, false);
        p = dissect(e, f[2], 3, T0 + 2000, false);
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:udp:data");
        assertThat(NetTestKit.value(e, "ip.fragment")).isEqualTo("1,2,3");
        assertThat(NetTestKit.value(e, "ip.fragment.count")).isEqualTo("3");
        assertThat(NetTestKit.value(e, "ip.reassembled.length")).isEqualTo("208");
        assertThat(NetTestKit.value(e, "udp.length")).isEqualTo("208");
        assertThat(NetTestKit.value(e, "data.len")).isEqualTo("200");
        assertThat(e.tree().sourceCount()).isEqualTo(2);
        assertThat(e.tree().sourceName(1)).isEqualTo("Reassembled IPv4");
        assertThat(p.info().toString()).isEqualTo("40000 \u2192 40001 Len=200");
    }

    @Test
    void secondPassShowsWhereTheDatagramWasReassembled() {
        Engine e = NetTestKit.engine();
        byte[][] f = fragments(78);
        for (int i = 0; i < 3; i++) {
            dissect(e, f[i], i + 1, T0 + i, false);
        }
        dissect(e, f[0], 1, T0, true);
        assertThat(NetTestKit.value(e, "ip.reassembled_in")).isEqualTo("3");
        dissect(e, f[2], 3, T0 + 2, true);
        assertThat(NetTestKit.value(e, "udp.length")).isEqualTo("208");
        assertThat(NetTestKit.value(e, "ip.fragment")).isEqualTo("1,2,3");
    }

    @Test
    void outOfOrderAndOverlappingFragments() {
        Engine e = NetTestKit.engine();
        byte[][] f = fragments(79);
        dissect(e, f[2], 1, T0, false);
        dissect(e, f[0], 2, T0 + 1, false);
        dissect(e, f[0], 3, T0 + 2, false);
        Packet p = dissect(e, f[1], 4, T0 + 3, false);
        assertThat(NetTestKit.value(e, "ip.fragment")).isEqualTo("2,3,4,1");
        assertThat(NetTestKit.value(e, "ip.fragment.overlap")).isEqualTo("1");
        assertThat(NetTestKit.value(e, "ip.fragment.overlap.conflict")).isEmpty();
        assertThat(NetTestKit.value(e, "udp.length")).isEqualTo("208");
        assertThat(p.malformed()).isFalse();
    }

    @Test
    void byteBoundStopsReassemblyWithAnExpertItem() {
        Engine e = NetTestKit.engine(new Settings().set("ip.defragment.max_bytes", "100"));
        byte[][] f = fragments(80);
        dissect(e, f[0], 1, T0, false);
        dissect(e, f[1], 2, T0 + 1, false);
        assertThat(NetTestKit.experts(e)).contains("ip.fragment.limit");
        dissect(e, f[2], 3, T0 + 2, false);
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:data");
    }

    @Test
    void timeoutForgetsPendingFragments() {
        Engine e = NetTestKit.engine(new Settings().set("ip.defragment.timeout", "5"));
        byte[][] f = fragments(81);
        dissect(e, f[0], 1, T0, false);
        dissect(e, f[1], 2, T0 + 1_000_000_000L, false);
        dissect(e, f[2], 3, T0 + 10_000_000_000L, false);
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:data");
    }

    @Test
    void disabledReassemblyDissectsTheFirstFragment() {
        Engine e = NetTestKit.engine(new Settings().set("ip.defragment", "false"));
        byte[][] f = fragments(82);
        dissect(e, f[0], 1, T0, false);
        assertThat(NetTestKit.value(e, "udp.srcport")).isEqualTo("40000");
        dissect(e, f[2], 2, T0 + 1, false);
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:data");
    }

    @Test
    void reassemblerStaysWithinItsBoundsUnderAFloodOfDatagrams() {
        FragmentReassembler r = new FragmentReassembler(65535, 8, 64 * 1024, 100, 60_000_000_000L);
        MemorySegment seg = MemorySegment.ofArray(new byte[1480]);
        for (int id = 0; id < 20_000; id++) {
            int status = r.add(4, 0, 1, 0, 2, id, 17, 0, true, seg, 0, 1480, id + 1, T0 + id);
            assertThat(status).isIn(FragmentReassembler.PENDING, FragmentReassembler.LIMIT);
            assertThat(r.datagrams()).isLessThanOrEqualTo(100);
            assertThat(r.bytes()).isLessThanOrEqualTo(64 * 1024);
        }
        // Fragments per datagram are bounded too.
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            if (r.add(4, 0, 9, 0, 9, 1, 17, i * 8, true, seg, 0, 8, 100_000 + i, T0 + 30_000) == FragmentReassembler.LIMIT) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(12);
        // A fragment ending beyond the largest datagram is refused.
        assertThat(r.add(4, 0, 3, 0, 3, 1, 17, 65528, false, seg, 0, 16, 200_000, T0 + 30_001))
                .isEqualTo(FragmentReassembler.LIMIT);
    }

    @Test
    void ipv6FragmentsAreReassembled() throws Exception {
        List<Frame> frames = TestCaptures.read(OwnCapturesTest.dir().resolve("ipv6-extensions.pcap"));
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(frames.get(4));
        assertThat(p.info().toString()).isEqualTo("IPv6 fragment (off=0 more=y ident=0xabcdef01 nxt=17)");
        e.dissect(frames.get(5));
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ipv6:ipv6.fraghdr:udp:data");
        assertThat(NetTestKit.value(e, "ipv6.fragment")).isEqualTo("5,6");
        assertThat(NetTestKit.value(e, "ipv6.reassembled.length")).isEqualTo("108");
        assertThat(NetTestKit.value(e, "udp.length")).isEqualTo("108");
    }
}
