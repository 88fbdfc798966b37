package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.dissect4j.api.Engine;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.junit.jupiter.api.Test;

/**
 * Frames cut by the snaplen where real captures cut them (zeek's {@code trunc/trunc-hdr.pcap}: 8 of 78
 * bytes; {@code tcp/truncated-header.pcap}: a 60-byte frame whose 2 bytes of padding were not
 * captured): no field spans bytes that were not captured, and a trailer is handled as tshark 4.0.17
 * handles it (answers checked with tshark on the same frames).
 */
class CapturedBytesTest {
    /** A TCP SYN with no options: 54 bytes, padded to 60 on the wire. */
    private static final byte[] SYN = Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.1", "10.0.0.2", 6, 1, 0, 64,
            NetTestKit.hex("04d2 0050 00000001 00000000 5002 2000 0000 0000")));

    private static Packet cut(Engine e, byte[] trailer, int captured) {
        byte[] frame = Pkt.cat(SYN, trailer);
        return e.dissect(NetTestKit.frame(frame, captured, LinkType.ETHERNET, 1, 0));
    }

    @Test
    void anEthernetHeaderCutShortRecordsNoAddressAtAll() {
        // tshark 4.0.17 on Zeek's trunc--trunc-hdr.pcap (8 bytes captured): eth.dst empty too, the type is read first
        for (int captured : new int[] {8, 12, 13}) {
            Engine e = NetTestKit.engine();
            Packet p = e.dissect(NetTestKit.frame(SYN, captured, LinkType.ETHERNET, 1, 0));
            assertThat(p.truncated()).isTrue();
            assertThat(NetTestKit.value(e, "eth.src")).isEmpty();
            assertThat(NetTestKit.value(e, "eth.dst")).isEmpty();
        }
        Engine e = NetTestKit.engine();
        e.dissect(NetTestKit.frame(SYN, 14, LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.value(e, "eth.dst")).isEqualTo(Pkt.A);
    }

    @Test
    void paddingOfWhichNothingWasCapturedIsNotLookedAt() {
        Engine e = NetTestKit.engine();
        Packet p = cut(e, new byte[6], 54);
        assertThat(p.truncated()).isFalse();
        assertThat(NetTestKit.value(e, "eth.padding")).isEmpty();
        assertThat(NetTestKit.value(e, "eth.trailer")).isEmpty();
    }

    @Test
    void zeroPaddingCutByTheSnaplenTruncatesTheFrame() {
        Engine e = NetTestKit.engine();
        assertThat(cut(e, new byte[6], 56).truncated()).isTrue();
        assertThat(NetTestKit.value(e, "eth.padding")).isEmpty();
    }

    @Test
    void aNonZeroTrailerCutByTheSnaplenIsShownAsCaptured() {
        Engine e = NetTestKit.engine();
        Packet p = cut(e, new byte[] {1, 1, 1, 1, 1, 1}, 56);
        assertThat(p.truncated()).isFalse();
        assertThat(NetTestKit.value(e, "eth.trailer")).isEqualTo("0101");
        assertThat(NetTestKit.experts(e)).contains("eth.padding_bad");
        assertThat(NetExperts.ETH_PADDING_BAD.message())
                .isEqualTo("Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.");
    }

    @Test
    void anFcsCutByTheSnaplenTruncatesTheFrame() {
        Engine e = NetTestKit.engine();
        byte[] paddingAndFcs = {0, 0, 0, 0, 0, 0, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd};
        assertThat(cut(e, paddingAndFcs, 54).truncated()).isFalse();
        assertThat(cut(e, paddingAndFcs, 62).truncated()).isTrue();
        assertThat(NetTestKit.value(e, "eth.padding")).isEqualTo("000000000000");
        assertThat(cut(e, paddingAndFcs, 64).truncated()).isFalse();
        assertThat(NetTestKit.value(e, "eth.fcs")).isEqualTo("0xaabbccdd");
    }

    /**
     * zeek trunc/ipv4-internally-truncated-header.pcap: a 60-byte header of which 20 bytes were captured.
     * Whether a source route changes the destination is unknown, so there is no ip.dst (as in tshark).
     */
    @Test
    void anIpv4HeaderCutInItsOptionsHasNoDestination() {
        Engine e = NetTestKit.engine();
        // Three NOPs, a loose source route through 10.0.0.5 to 10.0.0.6, EOL and padding: 40 bytes.
        byte[] options = Pkt.cat(NetTestKit.hex("01 01 01 83 0b 04 0a000005 0a000006 00"), new byte[25]);
        byte[] header = Pkt.ipv4("10.0.0.1", "10.0.0.2", 17, 1, 0, 64, options);
        header[0] = 0x4f;
        byte[] frame = Pkt.eth(Pkt.A, Pkt.B, 0x0800, header);
        Packet p = e.dissect(NetTestKit.frame(frame, 14 + 20, LinkType.ETHERNET, 1, 0));
        assertThat(p.truncated()).isTrue();
        assertThat(NetTestKit.value(e, "ip.src")).isEqualTo("10.0.0.1");
        assertThat(NetTestKit.value(e, "ip.dst")).isEmpty();
        // Captured through the loose source route: the header's destination is the current hop; the final one
        // is shown with the options, only when they were captured whole.
        p = e.dissect(NetTestKit.frame(frame, 14 + 20 + 14, LinkType.ETHERNET, 2, 0));
        assertThat(NetTestKit.value(e, "ip.cur_rt")).isEqualTo("10.0.0.2");
        assertThat(NetTestKit.value(e, "ip.dst")).isEmpty();
        p = e.dissect(NetTestKit.frame(frame, LinkType.ETHERNET, 3, 0));
        assertThat(NetTestKit.value(e, "ip.dst")).isEqualTo("10.0.0.6");
    }
}
