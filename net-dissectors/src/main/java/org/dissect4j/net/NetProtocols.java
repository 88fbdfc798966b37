package org.dissect4j.net;

import java.lang.foreign.MemorySegment;
import org.dissect4j.api.AddressText;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;
import org.dissect4j.api.TreeView;

/**
 * The protocols this module registers, with Wireshark's long, short and filter names, and the
 * labelers that compose their tree lines ({@code Internet Protocol Version 4, Src: ..., Dst: ...})
 * for outputs. Labelers read the header bytes the protocol node covers, or its recorded children,
 * and run only when an output asks for a label.
 */
public final class NetProtocols {
    /** {@code frame}: the capture record itself. */
    public static final Protocol FRAME = new Protocol("Frame", "Frame", "frame");
    /** {@code eth}: Ethernet II and IEEE 802.3. */
    public static final Protocol ETH = new Protocol("Ethernet", "Ethernet", "eth");
    /** {@code ethertype}: the Ethertype hand-off (no tree item of its own, as in Wireshark). */
    public static final Protocol ETHERTYPE = new Protocol("Ethertype", "Ethertype", "ethertype");
    /** {@code llc}: IEEE 802.2 LLC and SNAP. */
    public static final Protocol LLC = new Protocol("Logical-Link Control", "LLC", "llc");
    /** {@code vlan}: IEEE 802.1Q / 802.1ad tags. */
    public static final Protocol VLAN = new Protocol("802.1Q Virtual LAN", "VLAN", "vlan");
    /** {@code ieee8021ad}: IEEE 802.1ad service tags (QinQ). */
    public static final Protocol IEEE8021AD = new Protocol("IEEE 802.1ad", "IEEE 802.1AD", "ieee8021ad");
    /** {@code sll}: Linux cooked capture v1 and v2. */
    public static final Protocol SLL = new Protocol("Linux cooked-mode capture", "SLL", "sll");
    /** {@code null}: BSD loopback. */
    public static final Protocol NULL = new Protocol("Null/Loopback", "Null", "null");
    /** {@code raw}: raw IP link types. */
    public static final Protocol RAW = new Protocol("Raw packet data", "Raw", "raw");
    /** {@code ip}: IPv4. */
    public static final Protocol IP = new Protocol("Internet Protocol Version 4", "IPv4", "ip");
    /** {@code ipv6}: IPv6. */
    public static final Protocol IPV6 = new Protocol("Internet Protocol Version 6", "IPv6", "ipv6");
    /** {@code ipv6.hopopts}: IPv6 Hop-by-Hop options header. */
    public static final Protocol IPV6_HOPOPTS = new Protocol("IPv6 Hop-by-Hop Option", "IPv6 Hop-by-Hop", "ipv6.hopopts");
    /** {@code ipv6.routing}: IPv6 routing header. */
    public static final Protocol IPV6_ROUTING = new Protocol("Routing Header for IPv6", "IPv6 Routing", "ipv6.routing");
    /** {@code ipv6.fraghdr}: IPv6 fragment header. */
    public static final Protocol IPV6_FRAGHDR = new Protocol("Fragment Header for IPv6", "IPv6 Fragment", "ipv6.fraghdr");
    /** {@code ipv6.dstopts}: IPv6 destination options header. */
    public static final Protocol IPV6_DSTOPTS = new Protocol("Destination Options for IPv6", "IPv6 Destination", "ipv6.dstopts");
    /** {@code udp}: UDP. */
    public static final Protocol UDP = new Protocol("User Datagram Protocol", "UDP", "udp");
    /** {@code arp}: ARP and RARP. */
    public static final Protocol ARP = new Protocol("Address Resolution Protocol", "ARP/RARP", "arp");
    /** {@code icmp}: ICMP. */
    public static final Protocol ICMP = new Protocol("Internet Control Message Protocol", "ICMP", "icmp");
    /** {@code icmpv6}: ICMPv6. */
    public static final Protocol ICMPV6 = new Protocol("Internet Control Message Protocol v6", "ICMPv6", "icmpv6");
    /** {@code gre}: GRE. */
    public static final Protocol GRE = new Protocol("Generic Routing Encapsulation", "GRE", "gre");

    /** Value of the {@code eth} protocol node for an IEEE 802.3 frame with LLC. */
    static final long ETH_KIND_8023 = 1;
    /** Value of the {@code eth} protocol node for a raw IEEE 802.3 frame (IPX). */
    static final long ETH_KIND_8023_RAW = 2;
    /** Value of the {@code eth} protocol node for an invalid length/type. */
    static final long ETH_KIND_INVALID = 3;
    /** Value of the {@code sll} protocol node for version 2. */
    static final long SLL_V2 = 2;

    static {
        FRAME.labeler(NetProtocols::frameLabel);
        ETH.labeler(NetProtocols::ethLabel);
        VLAN.labeler(NetProtocols::vlanLabel);
        IEEE8021AD.labeler((t, n, out) -> {
            out.append("IEEE 802.1ad");
            if (captured(t, n) >= 2) {
                out.append(", ID: ").append(u16(t, n, 0) & 0xFFF);
            }
        });
        SLL.labeler((t, n, out) -> out.append("Linux cooked capture v").append(t.value(n) == SLL_V2 ? '2' : '1'));
        IP.labeler(NetProtocols::ipLabel);
        IPV6.labeler(NetProtocols::ipv6Label);
        IPV6_ROUTING.labeler(NetProtocols::routingLabel);
        UDP.labeler(NetProtocols::udpLabel);
        ARP.labeler(NetProtocols::arpLabel);
        GRE.labeler(NetProtocols::greLabel);
    }

    private NetProtocols() {
    }

    /** Every protocol, in registration order. */
    static Protocol[] all() {
        return new Protocol[] {FRAME, ETH, ETHERTYPE, LLC, VLAN, IEEE8021AD, SLL, NULL, RAW, IP, IPV6, IPV6_HOPOPTS, IPV6_ROUTING,
            IPV6_FRAGHDR, IPV6_DSTOPTS, UDP, ARP, ICMP, ICMPV6, GRE};
    }

    // ---- labelers (outputs only; may allocate) ------------------------------------------------

    private static MemorySegment seg(TreeView t, int n) {
        return t.segment(t.source(n));
    }

    private static long at(TreeView t, int n) {
        return t.base(t.source(n)) + t.offset(n);
    }

    private static int u16(TreeView t, int n, int off) {
        return Bytes.u16(seg(t, n), at(t, n) + off);
    }

    /**
     * The node's bytes that were captured: a protocol node may cover more (its reported length, or one byte
     * when nothing of it was captured), and a labeler reads only these, never the memory behind the frame.
     */
    private static int captured(TreeView t, int n) {
        return Math.max(0, Math.min(t.length(n), t.sourceLength(t.source(n)) - t.offset(n)));
    }

    private static void udpLabel(TreeView t, int n, StringBuilder out) {
        out.append("User Datagram Protocol");
        if (captured(t, n) >= 4) {
            out.append(", Src Port: ").append(u16(t, n, 0)).append(", Dst Port: ").append(u16(t, n, 2));
        }
    }

    private static long childValue(TreeView t, int n, Field f, long dflt) {
        int c = Labeler.child(t, n, f);
        return c >= 0 ? t.value(c) : dflt;
    }

    private static void frameLabel(TreeView t, int n, StringBuilder out) {
        long number = childValue(t, n, FrameFields.NUMBER, 0);
        long len = childValue(t, n, FrameFields.LEN, t.length(n));
        long cap = childValue(t, n, FrameFields.CAP_LEN, t.length(n));
        out.append("Frame ").append(number).append(": ").append(len).append(" bytes on wire (").append(len * 8)
                .append(" bits), ").append(cap).append(" bytes captured (").append(cap * 8).append(" bits)");
        int name = Labeler.child(t, n, FrameFields.INTERFACE_NAME);
        int id = Labeler.child(t, n, FrameFields.INTERFACE_ID);
        if (name >= 0) {
            out.append(" on interface ").append(t.string(name)).append(", id ").append(id >= 0 ? t.value(id) : 0);
        } else if (id >= 0) {
            out.append(" on interface ").append(t.value(id));
        }
    }

    private static void ethLabel(TreeView t, int n, StringBuilder out) {
        MemorySegment s = seg(t, n);
        long a = at(t, n);
        long kind = t.value(n);
        if (kind == ETH_KIND_8023) {
            out.append("IEEE 802.3 Ethernet ");
            return;
        }
        if (kind == ETH_KIND_8023_RAW) {
            out.append("IEEE 802.3 Ethernet Raw ");
            return;
        }
        out.append(kind == ETH_KIND_INVALID ? "Ethernet Unknown, Src: " : "Ethernet II, Src: ");
        if (captured(t, n) >= 12) {
            org.dissect4j.api.MacNames.withResolution(out, s, a + 6);
            out.append(", Dst: ");
            org.dissect4j.api.MacNames.withResolution(out, s, a);
        }
    }

    private static void vlanLabel(TreeView t, int n, StringBuilder out) {
        if (captured(t, n) < 2) {
            out.append("802.1Q Virtual LAN");
            return;
        }
        int tci = u16(t, n, 0);
        out.append("802.1Q Virtual LAN, PRI: ").append(tci >>> 13).append(", DEI: ").append((tci >>> 12) & 1)
                .append(", ID: ").append(tci & 0xFFF);
    }

    /** {@code Frame check sequence: 0xa9a9685a [unverified]}: tshark's checksum line with its status beside it. */
    static void fcsLabel(TreeView t, int n, StringBuilder out) {
        FieldFormat.checksum(t, n, EthernetFields.FCS_STATUS, null, " [unverified]", "", out);
    }

    /**
     * {@code Total Length: 60}; a length taken from the frame because the header said 0 (TCP segmentation
     * offload, recorded as a generated node) reads as packet-ip.c writes it.
     */
    static void ipTotalLengthLabel(TreeView t, int n, StringBuilder out) {
        out.append("Total Length: ").append(t.value(n));
        if ((t.flags(n) & Tree.GENERATED) != 0) {
            out.append(" bytes (reported as 0, presumed to be because of \"TCP segmentation offload\" (TSO))");
        }
    }

    private static void ipLabel(TreeView t, int n, StringBuilder out) {
        MemorySegment s = seg(t, n);
        long a = at(t, n);
        out.append("Internet Protocol Version 4");
        if (captured(t, n) < 20) {
            return;
        }
        long hdrDst = Bytes.u32(s, a + 16);
        long dst = childValue(t, n, Ipv4Fields.DST, hdrDst);
        out.append(", Src: ");
        AddressText.ipv4(out, Bytes.u32(s, a + 12)).append(", Dst: ");
        AddressText.ipv4(out, dst);
        if (dst != hdrDst) {
            AddressText.ipv4(out.append(", Via: "), hdrDst);
        }
    }

    private static void ipv6Label(TreeView t, int n, StringBuilder out) {
        MemorySegment s = seg(t, n);
        long a = at(t, n);
        out.append("Internet Protocol Version 6");
        if (captured(t, n) < 40) {
            return;
        }
        AddressText.ipv6(out.append(", Src: "), s, a + 8);
        AddressText.ipv6(out.append(", Dst: "), s, a + 24);
    }

    private static void routingLabel(TreeView t, int n, StringBuilder out) {
        out.append("Routing Header for IPv6");
        if (captured(t, n) >= 3) {
            int type = Bytes.u8(seg(t, n), at(t, n) + 2);
            String name = Ipv6Fields.ROUTING_TYPE.values().name(type);
            out.append(" (");
            if (name != null) {
                out.append(name);
            } else {
                out.append("Unknown type ").append(type);
            }
            out.append(')');
        }
    }

    private static void arpLabel(TreeView t, int n, StringBuilder out) {
        out.append("Address Resolution Protocol");
        long kind = t.value(n);
        String what = ArpDissector.labelSuffix(kind);
        if (what != null) {
            out.append(" (").append(what).append(')');
        }
    }

    private static void greLabel(TreeView t, int n, StringBuilder out) {
        out.append("Generic Routing Encapsulation");
        if (captured(t, n) >= 4) {
            int type = u16(t, n, 2);
            String name = GreFields.PROTO.values().name(type);
            out.append(" (").append(name != null ? name : String.format("0x%04x - unknown", type)).append(')');
        }
    }
}
