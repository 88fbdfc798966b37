package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Declared lengths that do not fit the packet: each fixture records the expected expert item
 * (and the malformed mark where Wireshark reports one), never a dissector bug, and the next
 * packet, a good one, is dissected normally by the same engine.
 */
class MalformedTest {
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("ipv4-malformed.pcap", 1, "ip.bogus_ip_length", false),
                Arguments.of("ipv4-malformed.pcap", 2, "ip.bogus_ip_length", false),
                Arguments.of("ipv4-malformed.pcap", 3, "ip.bogus_header_length", false),
                Arguments.of("ipv4-malformed.pcap", 4, "ip.bogus_ip_version", false),
                Arguments.of("ipv4-malformed.pcap", 5, "udp.length.bad", true),
                Arguments.of("ipv4-malformed.pcap", 6, "udp.length.bad", true),
                Arguments.of("ipv4-malformed.pcap", 9, "ip.ttl.too_small", false),
                Arguments.of("ipv4-options.pcap", 10, "ip.opt.len.invalid", false),
                Arguments.of("ipv4-options.pcap", 9, "ip.nop", false),
                Arguments.of("malformed.pcap", 1, "ipv6.plen_exceeds_framing", false),
                Arguments.of("malformed.pcap", 2, "_ws.malformed.expert", true),
                Arguments.of("malformed.pcap", 3, "icmpv6.invalid_option_length", true),
                Arguments.of("malformed.pcap", 4, "eth.len.past_end", false),
                Arguments.of("malformed.pcap", 5, "vlan.len.past_end", false),
                Arguments.of("malformed.pcap", 6, "eth.invalid_lentype.expert", false),
                Arguments.of("gre.pcap", 4, "gre.checksum.incorrect", false));
    }

    @ParameterizedTest(name = "{0} #{1}: {2}")
    @MethodSource("fixtures")
    void badLengthIsReportedAndTheNextPacketIsFine(String capture, int number, String expert, boolean malformed)
            throws Exception {
        List<Frame> frames = TestCaptures.read(OwnCapturesTest.dir().resolve(capture));
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(frames.get(number - 1));
        assertThat(NetTestKit.bug(e, p)).isFalse();
        assertThat(NetTestKit.experts(e)).contains(expert);
        assertThat(p.malformed()).isEqualTo(malformed);

        Frame good = TestCaptures.read(OwnCapturesTest.dir().resolve("link-ethernet.pcap")).get(6);
        p = e.dissect(good);
        assertThat(p.malformed()).isFalse();
        assertThat(p.truncated()).isFalse();
        assertThat(NetTestKit.experts(e)).isEmpty();
        assertThat(NetTestKit.value(e, "frame.protocols")).isEqualTo("eth:ethertype:vlan:ethertype:ip:udp:data");
        assertThat(NetTestKit.value(e, "udp.dstport")).isEqualTo("40001");
    }

    @org.junit.jupiter.api.Test
    void ipv6PayloadLengthZeroIsReportedLikeWireshark() {
        // 02:00:00:77:00:01 < 02:00:00:77:00:02 IPv6 fd00::2 > fd00::1 UDP, payload length 0
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(NetTestKit.eth("020000770001 020000770002 86dd 60000000 0000 11 40"
                + "fd000000000000000000000000000002 fd000000000000000000000000000001 9c409c41000a0000 6869"));
        assertThat(NetTestKit.experts(e)).contains("ipv6.plen_zero");
        assertThat(p.malformed()).isTrue();
        assertThat(NetTestKit.value(e, "eth.trailer")).isEqualTo("9c409c41000a");
        assertThat(NetTestKit.bug(e, p)).isFalse();
    }
}
