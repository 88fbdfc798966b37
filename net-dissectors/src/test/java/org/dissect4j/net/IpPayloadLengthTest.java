package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.dissect4j.api.Engine;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
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
}
