package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/**
 * Known answers from hex vectors (each headed by the tcpdump line that describes it) and from the
 * module's captures: field values, Info and Protocol columns, tree labels and the addresses and
 * ports a packet hands to later layers, all as tshark 4.0.17 shows them.
 */
class KnownAnswerTest {
    /** 02:00:00:77:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 10.77.0.1 tell 10.77.0.2. */
    static final String ARP_REQUEST = "ffffffffffff 020000770002 0806 0001 0800 06 04 0001 020000770002 0a4d0002"
            + "000000000000 0a4d0001";

    /** 10.77.0.2.46336 > 10.77.0.1.40001: UDP, length 5. */
    static final String UDP4 = "020000770001 020000770002 0800 4500 0021 76b1 4000 40 11 adcc 0a4d0002 0a4d0001"
            + "b500 9c41 000d 0000 6865 6c6c 6f";

    @Test
    void arpRequest() {
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(NetTestKit.eth(ARP_REQUEST));
        assertThat(p.protocolColumn()).isEqualTo("ARP");
        assertThat(p.info().toString()).isEqualTo("Who has 10.77.0.1? Tell 10.77.0.2");
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:arp");
        assertThat(NetTestKit.value(e, "arp.opcode")).isEqualTo("1");
        assertThat(NetTestKit.value(e, "arp.src.hw_mac")).isEqualTo("02:00:00:77:00:02");
        assertThat(NetTestKit.value(e, "arp.dst.proto_ipv4")).isEqualTo("10.77.0.1");
        assertThat(NetTestKit.value(e, "eth.addr")).isEqualTo("ff:ff:ff:ff:ff:ff,02:00:00:77:00:02");
        assertThat(NetTestKit.value(e, "eth.ig")).isEqualTo("1,0");
        assertThat(NetTestKit.label(e, "eth")).isEqualTo(
                "Ethernet II, Src: 02:00:00:77:00:02 (02:00:00:77:00:02), Dst: Broadcast (ff:ff:ff:ff:ff:ff)");
        assertThat(NetTestKit.label(e, "arp")).isEqualTo("Address Resolution Protocol (request)");
        assertThat(NetTestKit.label(e, "frame")).isEqualTo("Frame 1: 42 bytes on wire (336 bits), 42 bytes captured (336 bits)");
        assertThat(p.dlType()).isEqualTo(Packet.AT_ETHER);
        StringBuilder sb = new StringBuilder();
        FieldFormat.ether(p.dlDst(), sb);
        assertThat(sb.toString()).isEqualTo("ff:ff:ff:ff:ff:ff");
    }

    @Test
    void ipv4Udp() {
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(NetTestKit.eth(UDP4));
        assertThat(p.protocolColumn()).isEqualTo("UDP");
        assertThat(p.info().toString()).isEqualTo("46336 \u2192 40001 Len=5");
        assertThat(NetTestKit.label(e, "ip")).isEqualTo("Internet Protocol Version 4, Src: 10.77.0.2, Dst: 10.77.0.1");
        assertThat(NetTestKit.label(e, "udp")).isEqualTo("User Datagram Protocol, Src Port: 46336, Dst Port: 40001");
        assertThat(NetTestKit.value(e, "ip.hdr_len")).isEqualTo("20");
        assertThat(NetTestKit.value(e, "ip.flags")).isEqualTo("0x02");
        assertThat(NetTestKit.value(e, "ip.flags.df")).isEqualTo("1");
        assertThat(NetTestKit.value(e, "ip.id")).isEqualTo("0x76b1");
        assertThat(NetTestKit.value(e, "ip.checksum.status")).isEqualTo("2");
        assertThat(NetTestKit.value(e, "ip.addr")).isEqualTo("10.77.0.2,10.77.0.1");
        assertThat(NetTestKit.value(e, "ip.host")).isEqualTo("10.77.0.2,10.77.0.1");
        assertThat(NetTestKit.value(e, "udp.port")).isEqualTo("46336,40001");
        assertThat(NetTestKit.value(e, "udp.stream")).isEqualTo("0");
        assertThat(NetTestKit.value(e, "udp.payload")).isEqualTo("68656c6c6f");
        assertThat(NetTestKit.value(e, "eth.padding")).isEmpty();
        assertThat(p.netType()).isEqualTo(Packet.AT_IPV4);
        assertThat(p.netSrc()[3]).isEqualTo((byte) 2);
        assertThat(p.portType()).isEqualTo(Packet.PT_UDP);
        assertThat(p.srcPort()).isEqualTo(46336);
        assertThat(p.dstPort()).isEqualTo(40001);
    }

    @Test
    void checksumsAreVerifiedWhenTheSettingsAskForIt() {
        Engine e = NetTestKit.engine(new Settings().set("ip.check_checksum", "true").set("udp.check_checksum", "true"));
        byte[] good = Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.2", "10.0.0.1", 17, 1, 0, 64,
                Pkt.udp(1000, 2000, new byte[] {1, 2, 3}, "10.0.0.2", "10.0.0.1")));
        e.dissect(NetTestKit.frame(good, LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.value(e, "ip.checksum.status")).isEqualTo("1");
        assertThat(NetTestKit.value(e, "udp.checksum.status")).isEqualTo("1");
        byte[] bad = good.clone();
        bad[24] ^= 0x55;
        bad[bad.length - 1] ^= 0x55;
        e.dissect(NetTestKit.frame(bad, LinkType.ETHERNET, 2, 0));
        assertThat(NetTestKit.value(e, "ip.checksum.status")).isEqualTo("0");
        assertThat(NetTestKit.value(e, "ip.checksum_calculated")).isEqualTo(
                NetTestKit.value(NetTestKitHolder.dissected(good), "ip.checksum"));
        assertThat(NetTestKit.value(e, "udp.checksum.status")).isEqualTo("0");
        assertThat(NetTestKit.experts(e)).contains("ip.checksum_bad.expert", "udp.checksum.bad");
    }

    /** Dissects a packet with the default settings (for comparisons). */
    static final class NetTestKitHolder {
        static Engine dissected(byte[] bytes) {
            Engine e = NetTestKit.engine();
            e.dissect(NetTestKit.frame(bytes, LinkType.ETHERNET, 1, 0));
            return e;
        }
    }

    @Test
    void icmpErrorQuotesADatagramWithoutTouchingTheColumns() throws Exception {
        List<Frame> frames = TestCaptures.read(OwnCapturesTest.dir().resolve("net-ipv4.pcap"));
        Engine e = NetTestKit.engine();
        Packet p = null;
        for (Frame f : frames.subList(0, 16)) {
            p = e.dissect(f);
            e.displayed(f);
        }
        // Frame 16: ICMP port unreachable quoting the UDP datagram of frame 15.
        assertThat(p.protocolColumn()).isEqualTo("ICMP");
        assertThat(p.info().toString()).isEqualTo("Destination unreachable (Port unreachable)");
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:icmp:ip:udp:data");
        assertThat(NetTestKit.value(e, "ip.src")).isEqualTo("10.88.0.1,10.88.0.2");
        assertThat(p.netSrc()[3]).isEqualTo((byte) 1);
        assertThat(p.portType()).isEqualTo(Packet.PT_NONE);
        assertThat(NetTestKit.value(e, "icmp.checksum.status")).isEqualTo("1");
        assertThat(NetTestKit.value(e, "udp.checksum.status")).isEqualTo("2");
    }

    @Test
    void echoReplyPointsToItsRequest() throws Exception {
        List<Frame> frames = TestCaptures.read(OwnCapturesTest.dir().resolve("net-ipv4.pcap"));
        Engine e = NetTestKit.engine();
        e.dissect(frames.get(2));
        Packet p = e.dissect(frames.get(3));
        assertThat(p.info().toString()).isEqualTo("Echo (ping) reply    id=0x7942, seq=1/256, ttl=64 (request in 3)");
        assertThat(NetTestKit.value(e, "icmp.resp_to")).isEqualTo("3");
        assertThat(NetTestKit.value(e, "icmp.resptime")).isEqualTo("0.085");
        // Second pass: the request points to its reply.
        p = e.dissect(frames.get(2), true);
        assertThat(NetTestKit.value(e, "icmp.resp_in")).isEqualTo("4");
        assertThat(p.info().toString()).endsWith("(reply in 4)");
    }

    @Test
    void neighbourDiscoveryInfoTexts() throws Exception {
        List<Frame> frames = TestCaptures.read(OwnCapturesTest.dir().resolve("net-ipv6.pcapng"));
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(frames.get(1));
        assertThat(p.info().toString()).isEqualTo("Neighbor Solicitation for fd00:88::1 from 02:00:00:88:00:02");
        assertThat(NetTestKit.label(e, "frame")).isEqualTo(
                "Frame 2: 86 bytes on wire (688 bits), 86 bytes captured (688 bits) on interface veB, id 0");
        assertThat(NetTestKit.value(e, "frame.interface_name")).isEqualTo("veB");
        p = e.dissect(frames.get(2));
        assertThat(p.info().toString()).isEqualTo("Neighbor Advertisement fd00:88::1 (sol, ovr) is at 02:00:00:88:00:01");
        assertThat(NetTestKit.label(e, "ipv6")).isEqualTo("Internet Protocol Version 6, Src: fd00:88::1, Dst: fd00:88::2");
        assertThat(NetTestKit.value(e, "ip.version")).isEqualTo("6");
        assertThat(NetTestKit.value(e, "icmpv6.nd.na.flag.s")).isEqualTo("1");
    }

    @Test
    void frameTimesCountFromFirstPreviousAndDisplayedFrames() {
        Engine e = NetTestKit.engine();
        byte[] b = NetTestKit.hex(UDP4);
        e.dissect(NetTestKit.frame(b, LinkType.ETHERNET, 1, 1_000_000_000L));
        assertThat(NetTestKit.value(e, "frame.time_delta_displayed")).isEqualTo("0.000000000");
        e.displayed(NetTestKit.frame(b, LinkType.ETHERNET, 1, 1_000_000_000L));
        e.dissect(NetTestKit.frame(b, LinkType.ETHERNET, 2, 1_500_000_000L));
        e.dissect(NetTestKit.frame(b, LinkType.ETHERNET, 3, 3_250_000_000L));
        assertThat(NetTestKit.value(e, "frame.time_relative")).isEqualTo("2.250000000");
        assertThat(NetTestKit.value(e, "frame.time_delta")).isEqualTo("1.750000000");
        assertThat(NetTestKit.value(e, "frame.time_delta_displayed")).isEqualTo("2.250000000");
        assertThat(NetTestKit.value(e, "frame.time_epoch")).isEqualTo("3.250000000");
        assertThat(NetTestKit.value(e, "frame.encap_type")).isEqualTo("1");
        assertThat(NetTestKit.value(e, "udp.time_delta")).isEqualTo("1.750000000");
        assertThat(NetTestKit.value(e, "udp.time_relative")).isEqualTo("2.250000000");
    }

    @Test
    void unknownLinkTypeIsData() {
        Engine e = NetTestKit.engine();
        e.dissect(NetTestKit.frame(NetTestKit.hex("0102030405"), 147, 1, 0));
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("data");
        assertThat(NetTestKit.value(e, "data.len")).isEqualTo("5");
        assertThat(NetTestKit.value(e, "frame.encap_type")).isEqualTo("0");
    }

    @Test
    void framesAreDissectedWithoutColumnsToo() {
        Engine e = NetTestKit.engine();
        e.columns(false);
        Packet p = e.dissect(NetTestKit.eth(ARP_REQUEST));
        assertThat(p.info().length()).isZero();
        assertThat(NetTestKit.value(e, "arp.dst.proto_ipv4")).isEqualTo("10.77.0.1");
    }
}
