package org.dissect4j.net;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * What an IPv6 address carries inside it, drawn after the addresses as packet-ipv6.c does: a 6to4 gateway
 * (RFC 3056, {@code 2002::/16}), a Teredo server, port and client (RFC 4380, {@code 2001::/32}, port and client
 * stored inverted), the MAC address of a modified EUI-64 interface identifier (RFC 4291 appendix A, "SLAAC"),
 * an ISATAP IPv4 address (RFC 5214), and, after both addresses, an IPv4 address behind the well-known NAT64
 * prefix {@code 64:ff9b::/96} (RFC 6052). Each source or destination item has a hidden twin without the
 * direction ({@code ipv6.6to4_gw_ipv4}) for filters, but the NAT64 one, whose twin tshark shows. All generated.
 */
final class Ipv6EmbeddedAddresses {
    private static final int PREFIX_6TO4 = 0x2002;
    private static final long PREFIX_TEREDO = 0x2001_0000L;
    private static final long ISATAP_MASK = 0xfcff_ffffL;
    private static final long ISATAP_ID = 0x0000_5efeL;
    private static final long NAT64_HI = 0x0064_ff9b_0000_0000L;
    private static final int GENERATED = Tree.GENERATED;
    private static final int HIDDEN_GENERATED = Tree.GENERATED | Tree.HIDDEN;

    /** The MAC address an interface identifier encodes, copied into the tree from here. */
    private final MemorySegment mac = MemorySegment.ofArray(new byte[6]);

    /** Records the details of the source address at {@code src} and the destination address at {@code dst}. */
    void record(Packet p, Tree t, int src, int dst) {
        direction(p, t, src, true);
        direction(p, t, dst, false);
        nat64(p, t, src, Ipv6Fields.SRC_EMBED_IPV4);
        nat64(p, t, dst, Ipv6Fields.DST_EMBED_IPV4);
    }

    private void direction(Packet p, Tree t, int at, boolean source) {
        if (p.u16(at) == PREFIX_6TO4) {
            long gateway = p.u32(at + 2);
            int sla = p.u16(at + 6);
            flag(t.addUint(source ? Ipv6Fields.SRC_6TO4_GW_IPV4 : Ipv6Fields.DST_6TO4_GW_IPV4, at + 2, 4, gateway), t, GENERATED);
            flag(t.addUint(source ? Ipv6Fields.SRC_6TO4_SLA_ID : Ipv6Fields.DST_6TO4_SLA_ID, at + 6, 2, sla), t, GENERATED);
            flag(t.addUint(Ipv6Fields.F6TO4_GW_IPV4, at + 2, 4, gateway), t, HIDDEN_GENERATED);
            flag(t.addUint(Ipv6Fields.F6TO4_SLA_ID, at + 6, 2, sla), t, HIDDEN_GENERATED);
        } else if (p.u32(at) == PREFIX_TEREDO) {
            long server = p.u32(at + 4);
            int port = p.u16(at + 10) ^ 0xFFFF;
            long client = p.u32(at + 12) ^ 0xFFFF_FFFFL;
            flag(t.addUint(source ? Ipv6Fields.SRC_TS_IPV4 : Ipv6Fields.DST_TS_IPV4, at + 4, 4, server), t, GENERATED);
            flag(t.addUint(source ? Ipv6Fields.SRC_TC_PORT : Ipv6Fields.DST_TC_PORT, at + 10, 2, port), t, GENERATED);
            flag(t.addUint(source ? Ipv6Fields.SRC_TC_IPV4 : Ipv6Fields.DST_TC_IPV4, at + 12, 4, client), t, GENERATED);
            flag(t.addUint(Ipv6Fields.TS_IPV4, at + 4, 4, server), t, HIDDEN_GENERATED);
            flag(t.addUint(Ipv6Fields.TC_PORT, at + 10, 2, port), t, HIDDEN_GENERATED);
            flag(t.addUint(Ipv6Fields.TC_IPV4, at + 12, 4, client), t, HIDDEN_GENERATED);
        }
        if ((p.u8(at + 8) & 0x02) != 0 && p.u16(at + 11) == 0xFFFE) {
            // ff:fe in the middle of the interface identifier, universal/local bit inverted
            mac.set(JAVA_BYTE, 0, (byte) (p.u8(at + 8) & ~0x02));
            mac.set(JAVA_BYTE, 1, (byte) p.u8(at + 9));
            mac.set(JAVA_BYTE, 2, (byte) p.u8(at + 10));
            mac.set(JAVA_BYTE, 3, (byte) p.u8(at + 13));
            mac.set(JAVA_BYTE, 4, (byte) p.u8(at + 14));
            mac.set(JAVA_BYTE, 5, (byte) p.u8(at + 15));
            macItem(t, source ? Ipv6Fields.SRC_SLAAC_MAC : Ipv6Fields.DST_SLAAC_MAC, at + 8, GENERATED);
            macItem(t, Ipv6Fields.SLAAC_MAC, at + 8, HIDDEN_GENERATED);
        } else if ((p.u32(at + 8) & ISATAP_MASK) == ISATAP_ID) {
            long v4 = p.u32(at + 12);
            flag(t.addUint(source ? Ipv6Fields.SRC_ISATAP_IPV4 : Ipv6Fields.DST_ISATAP_IPV4, at + 12, 4, v4), t, GENERATED);
            flag(t.addUint(Ipv6Fields.ISATAP_IPV4, at + 12, 4, v4), t, HIDDEN_GENERATED);
        }
    }

    private void macItem(Tree t, Field f, int at, int flags) {
        int node = t.addBytes(f, mac, 0, 6);
        t.showAt(node, at, 8);
        flag(node, t, flags);
    }

    private static void nat64(Packet p, Tree t, int at, Field embedded) {
        if (p.u64(at) != NAT64_HI || p.u32(at + 8) != 0) {
            return;
        }
        long v4 = p.u32(at + 12);
        flag(t.add(Ipv6Fields.EMBED_IPV4_PREFIX, at, 12), t, GENERATED);
        flag(t.addUint(embedded, at + 12, 4, v4), t, GENERATED);
        flag(t.addUint(Ipv6Fields.EMBED_IPV4, at + 12, 4, v4), t, GENERATED);
    }

    private static void flag(int node, Tree t, int flags) {
        t.setFlags(node, flags);
    }
}
