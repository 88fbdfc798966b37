package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * {@link Packet#netAddresses(int, byte[], byte[])}: a layer that calls one whose header sets other
 * addresses (ICMP quoting a datagram) puts its own back from copies.
 */
class NetAddressesTest {
    static final Protocol OUTER = new Protocol("Addresses Outer", "ADDRO", "addro");
    static final Protocol INNER = new Protocol("Addresses Inner", "ADDRI", "addri");

    /** Outer: IPv4 addresses at 0 and 4, an inner IPv6 pair at 8 and 24; puts the outer pair back after the inner call. */
    static final class Plugin implements DissectorPlugin {
        final byte[] src = new byte[16];
        final byte[] dst = new byte[16];
        int innerType;
        byte[] innerSrc;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "addresses";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(OUTER);
            r.protocol(INNER);
            DissectorHandle inner = r.dissector("addri", INNER, (p, off, len) -> {
                p.netAddresses(Packet.AT_IPV6, off, off + 16);
                innerType = p.netType();
                innerSrc = p.netSrc().clone();
                return len;
            });
            r.dissector("frame", OUTER, (p, off, len) -> {
                p.netAddresses(Packet.AT_IPV4, off, off + 4);
                int type = p.netType();
                System.arraycopy(p.netSrc(), 0, src, 0, 16);
                System.arraycopy(p.netDst(), 0, dst, 0, 16);
                p.call(inner, off + 8, len - 8);
                p.netAddresses(type, src, dst);
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
        }
    }

    @Test
    void theCallerPutsItsAddressesBackAfterAnInnerHeaderSetItsOwn() {
        Plugin plugin = new Plugin();
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        byte[] bytes = new byte[40];
        bytes[0] = 10;
        bytes[3] = 1;
        bytes[4] = 10;
        bytes[7] = 2;
        bytes[8] = (byte) 0xfe;
        bytes[9] = (byte) 0x80;
        bytes[23] = 1;
        Packet p = e.dissect(TestFrames.frame(1, bytes, 1));
        assertThat(plugin.innerType).isEqualTo(Packet.AT_IPV6);
        assertThat(plugin.innerSrc[0]).isEqualTo((byte) 0xfe);
        assertThat(p.netType()).isEqualTo(Packet.AT_IPV4);
        assertThat(Arrays.copyOf(p.netSrc(), 4)).containsExactly(10, 0, 0, 1);
        assertThat(Arrays.copyOf(p.netDst(), 4)).containsExactly(10, 0, 0, 2);
    }

    @Test
    void noAddressesMeansNone() {
        Plugin plugin = new Plugin();
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        Packet p = e.dissect(TestFrames.frame(1, new byte[40], 1));
        p.netAddresses(Packet.AT_NONE, null, null);
        assertThat(p.netType()).isEqualTo(Packet.AT_NONE);
    }
}
