package org.dissect4j.tunnel.gtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tunnel.TunnelTestKit;
import org.junit.jupiter.api.Test;

/**
 * GTP control messages from bytes built here: GTPv1-C elements (TEID Data I, GSN address, Recovery), an echo
 * response naming its request, and GTPv0 on UDP 3386 (its 20-byte header, the TID, a T-PDU's packet) under the
 * GTP' protocol, as packet-gtp.c shows them.
 */
class GtpControlTest {
    private static final byte[] SGSN = {(byte) 192, 0, 2, 1};
    private static final byte[] GGSN = {(byte) 192, 0, 2, 2};

    private final Runner runner = TunnelTestKit.runner();
    private final Engine engine = runner.engine();

    @Test
    void errorIndicationShowsTeidDataAndGsnAddress() {
        byte[] elements = {16, (byte) 0xa0, (byte) 0xf2, 0x23, 0x50, (byte) 133, 0, 4, (byte) 212, (byte) 200, (byte) 245, 64};
        Packet p = dissect(1, 0, SGSN, GGSN, GtpPlugin.UDP_PORT_USER, v1(0x1a, 0, elements));
        assertThat(render(p, "gtp.teid_data")).isEqualTo("0xa0f22350");
        assertThat(render(p, "gtp.gsn_address_length")).isEqualTo("4");
        assertThat(render(p, "gtp.gsn_ipv4")).isEqualTo("212.200.245.64");
        assertThat(render(p, "_ws.col.Info")).isEqualTo("Error indication");
    }

    @Test
    void echoResponseNamesItsRequestAndTheTimeBetween() {
        dissect(1, 1_000_000_000L, SGSN, GGSN, GtpPlugin.UDP_PORT_CONTROL, v1(1, 0xfe69, new byte[0]));
        Packet other = dissect(2, 1_010_000_000L, SGSN, GGSN, GtpPlugin.UDP_PORT_CONTROL, v1(2, 0x0001, new byte[] {14, 0}));
        assertThat(render(other, "gtp.response_to")).isEmpty();
        Packet p = dissect(3, 1_028_676_000L, GGSN, SGSN, GtpPlugin.UDP_PORT_CONTROL, v1(2, 0xfe69, new byte[] {14, 0}));
        assertThat(render(p, "gtp.recovery")).isEqualTo("0");
        assertThat(render(p, "gtp.response_to")).isEqualTo("1");
        assertThat(render(p, "gtp.time")).isEqualTo("0.028676000");
    }

    @Test
    void version0OnItsPortIsGtpUnderGtpPrime() {
        Packet request = dissect(1, 0, SGSN, GGSN, GtpPlugin.UDP_PORT_PRIME, v0(1, 0x1400, new byte[0]));
        assertThat(render(request, "frame.protocols")).isEqualTo("eth:ethertype:ip:udp:gtpprime");
        assertThat(render(request, "gtp.tid")).isEqualTo("2400101234567890");
        assertThat(render(request, "gtp.flags.reserved")).isEqualTo("7");
        assertThat(render(request, "gtp.flow_label")).isEqualTo("0x0001");
        Packet response = dissect(2, 66_120_000L, GGSN, SGSN, GtpPlugin.UDP_PORT_PRIME, v0(2, 0x1400, new byte[] {14, 1}));
        assertThat(render(response, "gtp.recovery")).isEqualTo("1");
        assertThat(render(response, "gtp.response_to")).isEqualTo("1");
        byte[] inner = {0x45, 0, 0, 20, 0, 1, 0, 0, 64, (byte) 253, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
        Packet tpdu = dissect(3, 70_000_000L, SGSN, GGSN, GtpPlugin.UDP_PORT_PRIME, v0(0xff, 0, inner));
        assertThat(render(tpdu, "frame.protocols")).startsWith("eth:ethertype:ip:udp:gtpprime:ip");
        assertThat(render(tpdu, "ip.src")).isEqualTo("192.0.2.1,10.0.0.1");
    }

    private Packet dissect(long number, long nanos, byte[] src, byte[] dst, int port, byte[] gtp) {
        byte[] frame = ethernet(ipv4(src, dst, udp(port, port, gtp)));
        return engine.dissect(new Frame().set(number, MemorySegment.ofArray(frame), 0, frame.length, frame.length, nanos, 0,
                LinkType.ETHERNET));
    }

    private String render(Packet p, String column) {
        return runner.render(p, column);
    }

    /** GTPv1 with a sequence number (flags 0x32), TEID 0. */
    private static byte[] v1(int message, int seq, byte[] elements) {
        ByteBuffer b = ByteBuffer.allocate(12 + elements.length);
        b.put((byte) 0x32).put((byte) message).putShort((short) (4 + elements.length)).putInt(0);
        return b.putShort((short) seq).putShort((short) 0).put(elements).array();
    }

    /** GTPv0 (flags 0x1e): flow label 1, SNDCP number 0xff, TID 2400101234567890 in swapped BCD. */
    private static byte[] v0(int message, int seq, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x1e).put((byte) message).putShort((short) payload.length).putShort((short) seq).putShort((short) 1);
        b.put((byte) 0xff).put((byte) 0xff).put((byte) 0xff).put((byte) 0xff);
        b.putLong(0x4200012143658709L);
        return b.put(payload).array();
    }

    private static byte[] ethernet(byte[] ip) {
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
