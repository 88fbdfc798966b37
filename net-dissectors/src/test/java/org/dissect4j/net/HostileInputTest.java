package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.junit.jupiter.api.Test;

/**
 * The cases of issue 18 ("hostile input") for the link and network layers, each from a frame built here: what
 * was not captured is neither recorded nor formatted, whatever lies in memory behind the captured bytes.
 *
 * <p>The check behind most of them: the frame is dissected twice, once with the bytes behind the captured ones
 * set to 0x00 and once to 0xFF; every node's value and tree line must be the same both times (a formatter
 * that reads past the captured bytes would show the difference), and no value field may span uncaptured bytes.
 */
class HostileInputTest {
    private static final byte[] UDP = Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.1", "10.0.0.2", 17, 7, 0, 64,
            Pkt.udp(5353, 53, NetTestKit.hex("0102030405060708"), "10.0.0.1", "10.0.0.2")));

    /** Everything an output would print of the packet: per node its field, value and tree line. */
    private static List<String> rendered(Engine e, byte[] frame, int captured, byte poison) {
        byte[] bytes = frame.clone();
        Arrays.fill(bytes, captured, bytes.length, poison);
        Packet p = e.dissect(NetTestKit.frame(bytes, captured, LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.bug(e, p)).as("dissector bug at %d captured bytes", captured).isFalse();
        Tree t = e.tree();
        assertThat(NetTestKit.pastTheCapturedBytes(t, captured)).as("fields past %d captured bytes", captured).isEmpty();
        List<String> out = new ArrayList<>();
        for (int n = 0; n < t.size(); n++) {
            StringBuilder sb = new StringBuilder(t.field(n).abbrev()).append('=');
            FieldFormat.value(t, n, sb);
            FieldFormat.label(t, n, sb.append(" | "));
            out.add(sb.toString());
        }
        return out;
    }

    /** Every captured length of {@code frame}: nothing shown depends on the bytes that were not captured. */
    private static void sweep(byte[] frame) {
        Engine zeros = NetTestKit.engine();
        Engine ones = NetTestKit.engine();
        for (int captured = 0; captured <= frame.length; captured++) {
            assertThat(rendered(ones, frame, captured, (byte) 0xFF)).as("%d captured bytes", captured)
                    .isEqualTo(rendered(zeros, frame, captured, (byte) 0));
        }
    }

    @Test
    void udpCutRightAfterTheIpHeaderShowsNoPorts() {
        Engine e = NetTestKit.engine();
        for (int udpBytes = 0; udpBytes < 4; udpBytes++) {
            rendered(e, UDP, 14 + 20 + udpBytes, (byte) 0x55);
            // packet-udp.c reads both ports before it draws anything: no UDP item, only "[Packet size limited...]"
            assertThat(NetTestKit.label(e, "udp")).as("%d UDP bytes", udpBytes).isNull();
            assertThat(NetTestKit.label(e, "udp.srcport")).as("%d UDP bytes", udpBytes).isNull();
        }
        sweep(UDP);
    }

    @Test
    void ethernetFramesOfFewBytesShowNoAddressFromBehindTheFrame() {
        Engine e = NetTestKit.engine();
        for (int captured = 2; captured < 12; captured++) {
            rendered(e, UDP, captured, (byte) 0x55);
            assertThat(NetTestKit.value(e, "eth.src")).as("%d bytes", captured).isEmpty();
        }
        sweep(UDP);
    }

    @Test
    void icmpErrorsCutAnywhereShowNoUnusedBytesFromBehindTheFrame() {
        // destination unreachable (port; with and without an RFC 4884 length), time exceeded, parameter problem
        String[] headers = {"0303 0000 00000000", "0303 0000 00020000", "0b00 0000 00000000", "0b00 0000 00020000",
            "0c00 0000 05000000", "0c00 0000 05020000", "0304 0000 0000 05dc"};
        byte[] quoted = Pkt.ipv4("10.0.0.2", "10.0.0.1", 17, 9, 0, 64, Pkt.udp(53, 5353, new byte[0], "10.0.0.2", "10.0.0.1"));
        for (String h : headers) {
            sweep(Pkt.eth(Pkt.A, Pkt.B, 0x0800, Pkt.ipv4("10.0.0.1", "10.0.0.2", 1, 8, 0, 64,
                    Pkt.cat(NetTestKit.hex(h), quoted))));
        }
    }

    @Test
    void aRecordWithNothingCapturedAndAHugeOriginalLengthDecodesNothing() {
        Engine e = NetTestKit.engine();
        MemorySegment behind = MemorySegment.ofArray(UDP.clone());
        Packet p = e.dissect(new Frame().set(1, behind, 0, 0, 0x7FFF_0000, 0, 0, LinkType.ETHERNET));
        assertThat(NetTestKit.bug(e, p)).isFalse();
        assertThat(p.truncated()).isTrue();
        assertThat(NetTestKit.value(e, "eth.dst")).isEmpty();
        assertThat(NetTestKit.value(e, "eth.src")).isEmpty();
        assertThat(NetTestKit.value(e, "frame.cap_len")).isEqualTo("0");
        assertThat(NetTestKit.label(e, "eth")).isIn(null, "Ethernet II, Src: ");
    }

    /**
     * IHL 15 (a 60-byte header) in a 40-byte datagram with a fragment offset: the payload length would be
     * negative; it was handed to the defragmenter ({@code IndexOutOfBoundsException}, "Dissector bug").
     */
    @Test
    void aHeaderLongerThanTheDatagramWithAFragmentOffsetIsNoDissectorBug() {
        byte[] ip = Pkt.ipv4("10.0.0.1", "10.0.0.2", 17, 7, 0x2001, 64, new byte[20]);
        ip[0] = 0x4f;
        ip[2] = 0;
        ip[3] = (byte) 200; // total length 200 > 40 bytes of frame: taken as 40
        byte[] frame = Pkt.eth(Pkt.A, Pkt.B, 0x0800, ip);
        Engine e = NetTestKit.engine();
        Packet p = e.dissect(NetTestKit.frame(frame, LinkType.ETHERNET, 1, 0));
        assertThat(NetTestKit.bug(e, p)).isFalse();
        assertThat(NetTestKit.experts(e)).contains("ip.bogus_ip_length");
        sweep(frame);
        for (int tail = 0; tail <= 1; tail++) {
            // and with the more-fragments flag, the first fragment of a datagram
            ip[6] = (byte) (0x20 | tail);
            ip[7] = 0;
            p = e.dissect(NetTestKit.frame(Pkt.eth(Pkt.A, Pkt.B, 0x0800, ip), LinkType.ETHERNET, 2 + tail, 0));
            assertThat(NetTestKit.bug(e, p)).isFalse();
        }
    }
}
