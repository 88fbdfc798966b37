package org.dissect4j.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * Hostile input stays bounded: tunnels nested deeper than anything real, a GTP extension-header chain that never
 * ends, an MPLS stack without a bottom, and every frame of the module's captures cut at every length and mutated
 * at random. Nothing may throw out of the engine, show a dissector bug, or take more than the frame's bytes.
 */
class TunnelHostileTest {
    @Test
    void twentyNestedVxlanTunnelsAreAllDissectedAsTsharkDoes() throws Exception {
        Runner r = TunnelTestKit.runner();
        Packet p = dissect(r.engine(), nestedVxlan(20), 1);
        assertThat(r.render(p, "vxlan.vni").split(",")).hasSize(20);
        assertThat(r.render(p, "ip.src").split(",")).hasSize(21);
        // the innermost frame's addresses, by layer operator's numbering: 21 IP layers
        assertThat(r.render(p, "ip.dst")).endsWith(",10.0.0.2");
        assertThat(r.render(p, "frame.protocols")).endsWith(":udp:data");
        assertThat(r.render(p, "_ws.malformed")).isEmpty();
    }

    @Test
    void tunnelsNestedPastTheHandOffBoundStopQuietly() throws Exception {
        Runner r = TunnelTestKit.runner();
        long start = System.nanoTime();
        Packet p = dissect(r.engine(), nestedVxlan(200), 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int vxlans = r.render(p, "vxlan.vni").split(",").length;
        // 256 nested hand-offs at about five per level: the dissection stops near level 50, the frame stays whole
        assertThat(vxlans).isBetween(40, 60);
        assertThat(r.render(p, "_ws.malformed")).doesNotContain("Dissector bug");
        assertThat(millis).isLessThan(2_000);
        // the next frame is dissected normally
        Packet next = dissect(r.engine(), nestedVxlan(1), 2);
        assertThat(r.render(next, "vxlan.vni")).isEqualTo("1");
    }

    @Test
    void endlessGtpExtensionChainsEndAtTheFrame() throws Exception {
        List<Captures.Packet> hostile = Captures.read(TunnelTestKit.capture("hostile.pcap"));
        Runner r = TunnelTestKit.runner();
        List<String[]> rows = r.run(hostile, List.of("frame.protocols", "gtp.ext_hdr.length", "_ws.malformed", "_ws.col.Info"));
        // frame 2: 300 one-word headers each naming another, then the frame ends: malformed, no user packet
        assertThat(rows.get(1)[0]).isEqualTo("eth:ethertype:ip:udp:gtp");
        assertThat(rows.get(1)[1].split(",")).hasSize(300);
        assertThat(rows.get(1)[2]).isEqualTo("[Malformed Packet: GTP],_ws.malformed");
        // frame 3: a header of length 0 ends the chain and the packet with Wireshark's expert item
        assertThat(rows.get(2)[1]).isEqualTo("0");
        assertThat(rows.get(2)[2]).isEqualTo("_ws.malformed");
        assertThat(rows.get(2)[3]).isEqualTo("T-PDU");
        // frame 4: 100 labels and no bottom of stack
        assertThat(rows.get(3)[0]).isEqualTo("eth:ethertype:mpls");
        assertThat(rows.get(3)[2]).isEqualTo("[Malformed Packet: MPLS],_ws.malformed");
    }

    @Test
    void everyTruncationAndRandomMutationIsBounded() throws Exception {
        Runner r = TunnelTestKit.runner();
        Engine e = r.engine();
        List<byte[]> samples = new java.util.ArrayList<>();
        for (String name : List.of("tunnels.pcap", "hostile.pcap", "zeek/tunnels--gre-erspan3-dot1q.pcap",
                "zeek/tunnels--geneve.pcap", "zeek/tunnels--gtp--gtp_ext_header.pcap", "zeek/tunnels--gre-pptp.pcap",
                "zeek/tunnels--ayiya-large-identity.pcap", "zeek/tunnels--gtp--gtp_control_prime.pcap")) {
            for (Captures.Packet cp : Captures.read(TunnelTestKit.capture(name))) {
                samples.add(cp.data());
            }
        }
        long n = 0;
        int checked = 0;
        for (byte[] sample : samples) {
            for (int cut = 0; cut <= sample.length; cut++) {
                checkBounded(r, e, sample, cut, sample.length, ++n);
                checked++;
            }
        }
        Random random = new Random(17);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = samples.get(random.nextInt(samples.size())).clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                b[14 + random.nextInt(b.length - 14)] = (byte) random.nextInt(256);
            }
            checkBounded(r, e, b, b.length, b.length, ++n);
            checked++;
        }
        assertThat(checked).isGreaterThan(25_000);
    }

    private static void checkBounded(Runner r, Engine e, byte[] b, int captured, int original, long number) {
        Frame f = new Frame().set(number, MemorySegment.ofArray(b), 0, captured, original, number * 1_000_000L, 0,
                LinkType.ETHERNET);
        Packet p = e.dissect(f);
        String malformed = r.render(p, "_ws.malformed");
        assertThat(malformed).as("frame %d cut at %d", number, captured).doesNotContain("Dissector bug");
        assertThat(r.render(p, "_ws.malformed.dissector_bug")).isEmpty();
    }

    private static Packet dissect(Engine e, byte[] b, long number) {
        return e.dissect(new Frame().set(number, MemorySegment.ofArray(b), 0, b.length, b.length, number * 1_000_000L, 0,
                LinkType.ETHERNET));
    }

    /** An Ethernet frame of {@code depth} VXLAN tunnels around a UDP datagram from 10.0.0.1 to 10.0.0.2. */
    static byte[] nestedVxlan(int depth) {
        byte[] inner = ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, udp(1, 9, new byte[] {'h', 'i'}));
        for (int d = 0; d < depth; d++) {
            ByteBuffer vx = ByteBuffer.allocate(8 + 14 + inner.length);
            vx.putShort((short) 0x0800).putShort((short) 0).putInt((d + 1) << 8);
            vx.put(ethernet(inner));
            inner = ipv4(new byte[] {(byte) 192, 0, 2, 1}, new byte[] {(byte) 192, 0, 2, 2}, udp(50000 + d, 4789, vx.array()));
        }
        return ethernet(inner);
    }

    static byte[] ethernet(byte[] ip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00});
        out.writeBytes(ip);
        return out.toByteArray();
    }

    static byte[] ipv4(byte[] src, byte[] dst, byte[] udp) {
        ByteBuffer b = ByteBuffer.allocate(20 + udp.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udp.length)).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(src).put(dst).put(udp);
        return b.array();
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        return b.array();
    }
}
