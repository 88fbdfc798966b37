package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.dissect4j.api.Engine;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.junit.jupiter.api.Test;

/**
 * Frames cut by the snaplen where real captures cut them (zeek's {@code trunc/trunc-hdr.pcap}: 8 of 78
 * bytes): no field spans bytes that were not captured.
 */
class CapturedBytesTest {
    /** A TCP SYN with no options: 54 bytes, padded to 60 on the wire. */
    private static final byte[] SYN = Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.1", "10.0.0.2", 6, 1, 0, 64,
            NetTestKit.hex("04d2 0050 00000001 00000000 5002 2000 0000 0000")));

    @Test
    void anEthernetHeaderCutInTheSourceAddressRecordsNoSourceAddress() {
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(NetTestKit.frame(SYN, 8, LinkType.ETHERNET, 1, 0));
        assertThat(p.truncated()).isTrue();
        assertThat(NetTestKit.value(e, "eth.src")).isEmpty();
        assertThat(NetTestKit.value(e, "eth.dst")).isEqualTo(Pkt.A);
    }
}
