package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/**
 * How much of a datagram the IP layers hand on when the lengths are unusual in real captures, as
 * tshark 4.0.17 does it (answers checked with tshark on the same frames).
 */
class IpPayloadLengthTest {
    /** A TCP header (no options) and 1000 bytes of payload: what a NIC doing segmentation offload hands the capture. */
    private static final byte[] SEGMENT = Pkt.cat(NetTestKit.hex("04d2 01bb 00000065 000001f5 5018 2000 0000 0000"),
            new byte[1000]);

    private static byte[] withTotalLength(byte[] frame, int totalLength) {
        frame[14 + 2] = (byte) (totalLength >> 8);
        frame[14 + 3] = (byte) totalLength;
        return frame;
    }

    @Test
    void aTotalLengthOfZeroIsTcpSegmentationOffload() {
        Engine e = NetTestKit.engine();
        byte[] frame = withTotalLength(Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.1", "10.0.0.2", 6, 1, 0x4000, 64,
                SEGMENT)), 0);
        Packet p = e.dissect(NetTestKit.frame(frame, LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.value(e, "ip.len")).isEqualTo("1040");
        assertThat(NetTestKit.label(e, "ip.len")).isEqualTo(
                "Total Length: 1040 bytes (reported as 0, presumed to be because of \"TCP segmentation offload\" (TSO))");
        assertThat(NetTestKit.experts(e)).doesNotContain("ip.bogus_ip_length");
        assertThat(NetTestKit.value(e, "data.len")).isEqualTo("1020");
        assertThat(p.malformed()).isFalse();

        Engine off = NetTestKit.engine(new Settings().set("ip.tso_support", "false"));
        p = off.dissect(NetTestKit.frame(frame, LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.value(off, "ip.len")).isEqualTo("0");
        assertThat(NetTestKit.experts(off)).contains("ip.bogus_ip_length");
        assertThat(p.info().toString()).isEqualTo("Bogus IP length (0, less than header length 20)");
    }

    @Test
    void aDatagramWithoutPayloadHandsNothingOn() {
        Engine e = NetTestKit.engine();
        // Protocol 0 (hop-by-hop options) and UDP, each with a Total Length of 20: no next header is dissected.
        for (int proto : new int[] {0, 17}) {
            Packet p = e.dissect(NetTestKit.frame(Pkt.eth(Pkt.A, Pkt.B, 0x0800,
                    Pkt.ipv4("10.0.0.1", "10.0.0.2", proto, 1, 0, 64, new byte[0])), LinkType.ETHERNET, 1, 0));
            assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip");
            assertThat(p.malformed()).isFalse();
        }
    }

    /**
     * A hop-by-hop header whose next header is another hop-by-hop header, where the bytes an ICMP error
     * quotes end (zeek's icmp/icmp-destunreach-ip.pcap and icmp6-destunreach-ip6ext-trunc.pcap, in the own
     * captures, end right after the IP header): nothing more is dissected.
     */
    @Test
    void theHeadersQuotedInAnIcmpErrorEndWhereTheQuotedBytesEnd() {
        Engine e = NetTestKit.engine();
        byte[] hopByHopToHopByHop = NetTestKit.hex("00 00 01 04 00000000");
        byte[] inner6 = Pkt.cat(NetTestKit.hex("6000000000100040 00000000000000000000000000000001 00000000000000000000000000000002"),
                hopByHopToHopByHop);
        byte[] icmpv6 = Pkt.cat(NetTestKit.hex("01 00 0000 00000000"), inner6);
        byte[] outer6 = Pkt.cat(NetTestKit.hex("60000000"), Pkt.u16(icmpv6.length),
                NetTestKit.hex("3a40 00000000000000000000000000000002 00000000000000000000000000000001"), icmpv6);
        e.dissect(NetTestKit.frame(Pkt.eth(Pkt.A, Pkt.B, 0x86dd, outer6), LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ipv6:icmpv6:ipv6:ipv6.hopopts");

        byte[] inner4 = Pkt.ipv4("10.0.0.2", "10.0.0.1", 0, 1, 0, 64, hopByHopToHopByHop);
        byte[] icmp = Pkt.cat(NetTestKit.hex("03 00 0000 00000000"), inner4);
        e.dissect(NetTestKit.frame(Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.1", "10.0.0.2", 1, 1, 0, 64, icmp)),
                LinkType.ETHERNET, 2, 0));
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip:icmp:ip:ipv6.hopopts");
    }

    /** Found by FuzzTest: a header length of 52 in a datagram of 31 bytes. */
    @Test
    void optionsRunningPastTheDatagramAreMalformed() {
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(NetTestKit.frame(NetTestKit.hex("0200e1770001 020000770002 0800 4d00003f12344080401114980a000002"
                + "0a000001 9c409c41000b00f0616263"), LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.bug(e, p)).isFalse();
        assertThat(p.malformed()).isTrue();
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:ip");
    }

    /** A stand-in transport on ip.proto 6 that notes the network addresses it is called with. */
    static final class AddressProbe implements DissectorPlugin {
        static final Protocol PROBE = new Protocol("Address probe", "PROBE", "probe");
        final List<String> seen = new ArrayList<>();

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(PROBE);
            r.dissector("probe", PROBE, (p, off, len) -> {
                seen.add(HexFormat.of().formatHex(Arrays.copyOf(p.netSrc(), 4)) + ">"
                        + HexFormat.of().formatHex(Arrays.copyOf(p.netDst(), 4)));
                p.ports(Packet.PT_TCP, 1000, 80);
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
            r.table("ip.proto").add(6, r.dissector("probe"));
        }
    }

    @Test
    void theQuotedHeaderSetsTheAddressesForItsTransportAndTheErrorGetsItsOwnBack() {
        AddressProbe probe = new AddressProbe();
        Engine e = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(probe).build();
        byte[] inner = Pkt.ipv4("10.0.0.1", "10.0.0.2", 6, 1, 0, 64, new byte[8]);
        byte[] icmp = Pkt.cat(NetTestKit.hex("0b 00 0000 00000000"), inner);
        Packet p = e.dissect(NetTestKit.frame(Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.3", "10.0.0.1", 1, 1, 0, 64, icmp)),
                LinkType.ETHERNET, 1, 0));
        assertThat(probe.seen).containsExactly("0a000001>0a000002");
        assertThat(p.netType()).isEqualTo(Packet.AT_IPV4);
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(p.netSrc(), 4))).isEqualTo("0a000003");
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(p.netDst(), 4))).isEqualTo("0a000001");
        assertThat(p.portType()).isEqualTo(Packet.PT_NONE);
    }
}
