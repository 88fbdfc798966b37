package org.dissect4j.tunnel.ayiya;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tunnel.TunnelTestKit;
import org.junit.jupiter.api.Test;

/**
 * AYIYA parsed from bytes built here: the header's nibbles, epoch, identity and signature; a Forward handed to IPv6
 * or IPv4 by its next header, a heartbeat left alone, a header cut short marked malformed.
 */
class AyiyaDissectorTest {
    private static final int IPV4 = 4;
    private static final int IPV6 = 41;
    private static final int NO_NEXT_HEADER = 59;
    private static final int FORWARD = 1;
    private static final int HEARTBEAT = 0;

    private final Runner runner = TunnelTestKit.runner();

    @Test
    void forwardOfIpv6ShowsTheHeaderAndHandsTheInnerPacketToIpv6() {
        Packet p = dissect(frame(ayiya(FORWARD, IPV6, innerIpv6())));
        assertThat(render(p, "frame.protocols")).isEqualTo("eth:ethertype:ip:udp:ayiya:ipv6:udp:data");
        assertThat(render(p, "ayiya.idlen")).isEqualTo("0x04");
        assertThat(render(p, "ayiya.idtype")).isEqualTo("0x01");
        assertThat(render(p, "ayiya.siglen")).isEqualTo("0x05");
        assertThat(render(p, "ayiya.hashmethod")).isEqualTo("0x02");
        assertThat(render(p, "ayiya.authmethod")).isEqualTo("0x01");
        assertThat(render(p, "ayiya.opcode")).isEqualTo("0x01");
        assertThat(render(p, "ayiya.nextheader")).isEqualTo("0x29");
        // shown in local time, as tshark does: only what no time zone changes
        assertThat(render(p, "ayiya.epoch")).contains(", 2009 ").contains(":33.000000000");
        assertThat(render(p, "ayiya.identity")).isEqualTo("20014978000f004c0000000000000001");
        assertThat(render(p, "ayiya.signature")).isEqualTo("00".repeat(19) + "ee");
        assertThat(render(p, "ipv6.src")).isEqualTo("2001:db8::1");
        assertThat(render(p, "udp.srcport")).isEqualTo(AyiyaPlugin.UDP_PORT + ",40000");
        assertThat(render(p, "_ws.malformed")).isEmpty();
    }

    @Test
    void forwardOfIpv4GoesToIpv4() {
        Packet p = dissect(frame(ayiya(FORWARD, IPV4, innerIpv4())));
        assertThat(render(p, "frame.protocols")).isEqualTo("eth:ethertype:ip:udp:ayiya:ip:udp:data");
        assertThat(render(p, "ip.src")).isEqualTo("192.0.2.1,10.0.0.1");
    }

    @Test
    void heartbeatCarriesNothingAndSetsTheProtocolColumn() {
        Packet p = dissect(frame(ayiya(HEARTBEAT, NO_NEXT_HEADER, new byte[0])));
        assertThat(render(p, "frame.protocols")).isEqualTo("eth:ethertype:ip:udp:ayiya");
        assertThat(render(p, "ayiya.opcode")).isEqualTo("0x00");
        assertThat(render(p, "_ws.col.Protocol")).isEqualTo("AYIYA");
    }

    @Test
    void headerEndingInsideTheSignatureIsMalformedAyiya() {
        byte[] header = ayiya(FORWARD, IPV6, new byte[0]);
        // the UDP datagram ends five bytes into the 20-byte signature: Wireshark's bounds error, blamed on AYIYA
        Packet p = dissect(frame(Arrays.copyOf(header, header.length - 15)));
        assertThat(render(p, "frame.protocols")).isEqualTo("eth:ethertype:ip:udp:ayiya");
        assertThat(render(p, "ayiya.identity")).isEqualTo("20014978000f004c0000000000000001");
        assertThat(render(p, "ayiya.signature")).isEmpty();
        assertThat(render(p, "_ws.malformed")).isEqualTo("[Malformed Packet: AYIYA],_ws.malformed");
    }

    private Packet dissect(byte[] frame) {
        return runner.engine().dissect(new Frame().set(1, MemorySegment.ofArray(frame), 0, frame.length, frame.length,
                1_000_000L, 0, LinkType.ETHERNET));
    }

    private String render(Packet p, String column) {
        return runner.render(p, column);
    }

    /** A 16-byte integer identity (IDLen 4), a 20-byte SHA1 signature (SigLen 5), shared-secret authentication. */
    private static byte[] ayiya(int opcode, int nextHeader, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 + 20 + payload.length);
        b.put((byte) 0x41).put((byte) 0x52).put((byte) (0x10 | opcode)).put((byte) nextHeader).putInt(0x4af64bfd);
        b.putLong(0x20014978000f004cL).putLong(1L);
        b.put(new byte[19]).put((byte) 0xee);
        return b.put(payload).array();
    }

    private static byte[] innerIpv6() {
        byte[] udp = udp(40000, 40001, new byte[] {'h', 'i'});
        ByteBuffer b = ByteBuffer.allocate(40 + udp.length);
        b.putInt(0x60000000).putShort((short) udp.length).put((byte) 17).put((byte) 64);
        b.putLong(0x20010db800000000L).putLong(1L).putLong(0x20010db800000000L).putLong(2L);
        return b.put(udp).array();
    }

    private static byte[] innerIpv4() {
        return ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, udp(40000, 40001, new byte[] {'h', 'i'}));
    }

    private static byte[] frame(byte[] ayiya) {
        byte[] ip = ipv4(new byte[] {(byte) 192, 0, 2, 1}, new byte[] {(byte) 192, 0, 2, 2}, udp(AyiyaPlugin.UDP_PORT, 53796, ayiya));
        ByteBuffer b = ByteBuffer.allocate(14 + ip.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00});
        return b.put(ip).array();
    }

    private static byte[] ipv4(byte[] src, byte[] dst, byte[] udp) {
        ByteBuffer b = ByteBuffer.allocate(20 + udp.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udp.length)).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(src).put(dst);
        return b.put(udp).array();
    }

    private static byte[] udp(int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0);
        return b.put(payload).array();
    }
}
