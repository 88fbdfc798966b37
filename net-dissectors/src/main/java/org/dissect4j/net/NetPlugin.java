package org.dissect4j.net;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;

/**
 * The link- and network-layer dissectors of dissect4j: {@code frame}, Ethernet (with the
 * {@code ethertype} dispatcher and LLC), 802.1Q/802.1ad, Linux cooked capture v1/v2, BSD loopback,
 * raw IP, ARP, IPv4, IPv6 and its extension headers, ICMP, ICMPv6, GRE and UDP.
 *
 * <p>Phase 1 ({@link #register}) declares the protocols, fields, expert items, named dissectors,
 * the dissector tables {@code ethertype}, {@code ip.proto}, {@code udp.port}, {@code sll.ltype},
 * {@code gre.proto}, {@code null.type} and the heuristic list {@code udp}. Phase 2
 * ({@link #handoff}) wires them into each other and into the engine's {@code link.type} table.
 *
 * <p>Settings (read once here): {@code ip.check_checksum} and {@code udp.check_checksum} (false),
 * {@code ip.tso_support} (true),
 * {@code ip.defragment} and {@code ipv6.defragment} (true), and the reassembly bounds
 * {@code ip.defragment.max_bytes}, {@code .max_datagrams}, {@code .max_fragments},
 * {@code .timeout} (seconds), same under {@code ipv6.}; {@code udp.max_conversations}.
 * See the module README for the defaults.
 */
public final class NetPlugin implements DissectorPlugin {
    /** Default bound on bytes buffered by one reassembler (all datagrams together). */
    public static final long DEFAULT_REASSEMBLY_BYTES = 16L << 20;
    /** Default bound on datagrams one reassembler remembers. */
    public static final int DEFAULT_REASSEMBLY_DATAGRAMS = 4096;
    /** Default bound on fragments per datagram. */
    public static final int DEFAULT_REASSEMBLY_FRAGMENTS = 1024;
    /** Default timeout of a pending datagram, in seconds of capture time. */
    public static final int DEFAULT_REASSEMBLY_TIMEOUT = 60;
    /** Default bound on UDP conversations remembered for {@code udp.stream}. */
    public static final int DEFAULT_UDP_CONVERSATIONS = 1 << 18;

    private final NetContext ctx = new NetContext();
    private FrameDissector frame;
    private EthernetDissector ethMaybeFcs;
    private EthernetDissector ethWithoutFcs;
    private EthertypeDissector ethertype;
    private LlcDissector llc;
    private VlanDissector vlan;
    private VlanDissector ieee8021ad;
    private SllDissector sll;
    private SllDissector sll2;
    private NullDissector nullDissector;
    private NullDissector loop;
    private RawIpDissector raw;
    private Ipv4Dissector ip;
    private Ipv6Dissector ipv6;
    private Ipv6ExtensionDissector[] extensions;
    private UdpDissector udp;
    private ArpDissector arp;
    private IcmpDissector icmp;
    private Icmpv6Dissector icmpv6;
    private GreDissector gre;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "net";
    }

    @Override
    public void register(Registrar r) {
        for (Protocol p : NetProtocols.all()) {
            if (p != NetProtocols.IPV6) {
                r.protocol(p);
            }
        }
        r.fields(FrameFields.all());
        r.fields(EthernetFields.all());
        r.fields(LlcFields.all());
        r.fields(LlcDissector.CONTROL_FTYPE_U);
        r.fields(VlanFields.all());
        r.fields(SllFields.all());
        r.fields(NullFields.all());
        r.fields(Ipv4Fields.all());
        // after IPv4's: IPv6's own ip.version is the second field of that name, as in Wireshark
        r.protocol(NetProtocols.IPV6, Ipv6Dissector.IP_VERSION);
        r.fields(Ipv6Fields.all());
        r.fields(UdpFields.all());
        r.fields(UdpLabels.TIMESTAMPS);
        r.fields(ArpFields.all());
        r.fields(IcmpFields.all());
        r.fields(Icmpv6Fields.all());
        r.fields(Icmpv6Dissector.LINKADDR_BYTES, Icmpv6Dissector.SRC_LINKADDR_BYTES, Icmpv6Dissector.TARGET_LINKADDR_BYTES);
        r.fields(GreFields.all());
        r.experts(NetExperts.all());

        r.newTable("ethertype", "Ethertype", FieldType.UINT16, Base.HEX);
        r.newTable("ip.proto", "IP protocol", FieldType.UINT8, Base.DEC);
        r.newTable("udp.port", "UDP port", FieldType.UINT16, Base.DEC);
        r.newTable("sll.ltype", "Linux SLL protocol type", FieldType.UINT16, Base.HEX);
        r.newTable("gre.proto", "GRE protocol type", FieldType.UINT16, Base.HEX);
        r.newTable("null.type", "Null type", FieldType.UINT32, Base.DEC);
        r.newHeuristicList("udp", "UDP heuristic sub-dissectors");

        Settings s = r.settings();
        frame = new FrameDissector(ctx);
        ethMaybeFcs = new EthernetDissector(ctx, -1);
        ethWithoutFcs = new EthernetDissector(ctx, 0);
        ethertype = new EthertypeDissector(ctx);
        llc = new LlcDissector();
        vlan = new VlanDissector(ctx, false);
        ieee8021ad = new VlanDissector(ctx, true);
        sll = new SllDissector(ctx, false);
        sll2 = new SllDissector(ctx, true);
        nullDissector = new NullDissector(ctx, false);
        loop = new NullDissector(ctx, true);
        raw = new RawIpDissector();
        ip = new Ipv4Dissector(ctx, s.bool("ip.check_checksum", false), s.bool("ip.tso_support", true),
                s.bool("ip.defragment", true), reassembler(s, "ip", 65535));
        ipv6 = new Ipv6Dissector(ctx, s.bool("ipv6.defragment", true), reassembler(s, "ipv6", 65535));
        extensions = new Ipv6ExtensionDissector[] {
            new Ipv6ExtensionDissector(ctx, Ipv6Dissector.HOPOPTS), new Ipv6ExtensionDissector(ctx, Ipv6Dissector.ROUTING),
            new Ipv6ExtensionDissector(ctx, Ipv6Dissector.FRAGMENT), new Ipv6ExtensionDissector(ctx, Ipv6Dissector.DSTOPTS)};
        udp = new UdpDissector(ctx, s.bool("udp.check_checksum", false),
                new ConversationTable((int) Math.min(Integer.MAX_VALUE,
                        s.integer("udp.max_conversations", DEFAULT_UDP_CONVERSATIONS))));
        arp = new ArpDissector();
        icmp = new IcmpDissector(ctx, new EchoTracker(1 << 16));
        icmpv6 = new Icmpv6Dissector(ctx, new EchoTracker(1 << 16));
        gre = new GreDissector(ctx);

        r.dissector("frame", NetProtocols.FRAME, frame);
        r.dissector("eth_maybefcs", NetProtocols.ETH, ethMaybeFcs);
        r.dissector("eth_withoutfcs", NetProtocols.ETH, ethWithoutFcs);
        r.dissector("ethertype", NetProtocols.ETHERTYPE, ethertype);
        r.dissector("llc", NetProtocols.LLC, llc);
        r.dissector("vlan", NetProtocols.VLAN, vlan);
        r.dissector("ieee8021ad", NetProtocols.IEEE8021AD, ieee8021ad);
        r.dissector("sll_v1", NetProtocols.SLL, sll);
        r.dissector("sll_v2", NetProtocols.SLL, sll2);
        r.dissector("null", NetProtocols.NULL, nullDissector);
        r.dissector("loop", NetProtocols.NULL, loop);
        r.dissector("raw_ip", NetProtocols.RAW, raw);
        r.dissector("ip", NetProtocols.IP, ip);
        r.dissector("ipv6", NetProtocols.IPV6, ipv6);
        r.dissector("ipv6.hopopts", NetProtocols.IPV6_HOPOPTS, extensions[0]);
        r.dissector("ipv6.routing", NetProtocols.IPV6_ROUTING, extensions[1]);
        r.dissector("ipv6.fraghdr", NetProtocols.IPV6_FRAGHDR, extensions[2]);
        r.dissector("ipv6.dstopts", NetProtocols.IPV6_DSTOPTS, extensions[3]);
        r.dissector("udp", NetProtocols.UDP, udp);
        r.dissector("arp", NetProtocols.ARP, arp);
        r.dissector("icmp", NetProtocols.ICMP, icmp);
        r.dissector("icmpv6", NetProtocols.ICMPV6, icmpv6);
        r.dissector("gre", NetProtocols.GRE, gre);
    }

    private static FragmentReassembler reassembler(Settings s, String prefix, int maxDatagram) {
        long bytes = s.integer(prefix + ".defragment.max_bytes", DEFAULT_REASSEMBLY_BYTES);
        long datagrams = s.integer(prefix + ".defragment.max_datagrams", DEFAULT_REASSEMBLY_DATAGRAMS);
        long fragments = s.integer(prefix + ".defragment.max_fragments", DEFAULT_REASSEMBLY_FRAGMENTS);
        long timeout = s.integer(prefix + ".defragment.timeout", DEFAULT_REASSEMBLY_TIMEOUT);
        return new FragmentReassembler(maxDatagram, (int) Math.min(Integer.MAX_VALUE, fragments), bytes,
                (int) Math.min(1 << 24, datagrams), timeout * 1_000_000_000L);
    }

    @Override
    public void handoff(Registrar r) {
        DissectorHandle data = r.dissector("data");
        DissectorTable ethertypes = r.table("ethertype");
        DissectorTable ipProto = r.table("ip.proto");
        DissectorTable udpPorts = r.table("udp.port");
        DissectorTable sllTypes = r.table("sll.ltype");
        DissectorTable greProto = r.table("gre.proto");
        DissectorTable nullTypes = r.table("null.type");
        DissectorTable linkTypes = r.table(Engine.LINK_TYPE_TABLE);
        HeuristicList udpHeuristics = r.heuristics("udp");

        DissectorHandle hEthMaybe = r.dissector("eth_maybefcs");
        DissectorHandle hEthWithout = r.dissector("eth_withoutfcs");
        DissectorHandle hEthertype = r.dissector("ethertype");
        DissectorHandle hLlc = r.dissector("llc");
        DissectorHandle hVlan = r.dissector("vlan");
        DissectorHandle hIeee8021ad = r.dissector("ieee8021ad");
        DissectorHandle hIp = r.dissector("ip");
        DissectorHandle hIpv6 = r.dissector("ipv6");
        DissectorHandle hArp = r.dissector("arp");

        frame.wire(linkTypes, data);
        ethMaybeFcs.wire(hEthertype, hLlc, data);
        ethWithoutFcs.wire(hEthertype, hLlc, data);
        ethertype.wire(ethertypes, data);
        llc.wire(ethertypes, data);
        vlan.wire(hEthertype, hLlc, data);
        ieee8021ad.wire(hEthertype, hLlc, data);
        sll.wire(hEthertype, sllTypes, greProto, data);
        sll2.wire(hEthertype, sllTypes, greProto, data);
        nullDissector.wire(nullTypes, hEthertype, data);
        loop.wire(nullTypes, hEthertype, data);
        raw.wire(hIp, hIpv6, data);
        ip.wire(ipProto, data);
        ipv6.wire(ipProto, data);
        for (Ipv6ExtensionDissector e : extensions) {
            e.wire(ipProto, data);
        }
        udp.wire(udpPorts, udpHeuristics, data);
        icmp.wire(hIp, data);
        icmpv6.wire(hIpv6, data);
        gre.wire(greProto, data);

        linkTypes.add(LinkType.NULL, r.dissector("null"));
        linkTypes.add(LinkType.ETHERNET, hEthMaybe);
        linkTypes.add(LinkType.RAW, r.dissector("raw_ip"));
        linkTypes.add(LinkType.LOOP, r.dissector("loop"));
        linkTypes.add(LinkType.LINUX_SLL, r.dissector("sll_v1"));
        linkTypes.add(LinkType.LINUX_SLL2, r.dissector("sll_v2"));
        linkTypes.add(LinkType.IPV4, hIp);
        linkTypes.add(LinkType.IPV6, hIpv6);

        ethertypes.add(0x0800, hIp);
        ethertypes.add(0x86DD, hIpv6);
        ethertypes.add(0x0806, hArp);
        ethertypes.add(0x8035, hArp);
        ethertypes.add(0x8100, hVlan);
        ethertypes.add(0x9100, hVlan);
        ethertypes.add(0x88A8, hIeee8021ad);
        // Transparent Ethernet bridging: an Ethernet frame without FCS (Geneve, NVGRE-like payloads), as packet-eth.c registers it
        ethertypes.add(0x6558, hEthWithout);

        ipProto.add(Ipv6Dissector.HOPOPTS, r.dissector("ipv6.hopopts"));
        ipProto.add(1, r.dissector("icmp"));
        ipProto.add(4, hIp);
        ipProto.add(17, r.dissector("udp"));
        ipProto.add(41, hIpv6);
        ipProto.add(Ipv6Dissector.ROUTING, r.dissector("ipv6.routing"));
        ipProto.add(Ipv6Dissector.FRAGMENT, r.dissector("ipv6.fraghdr"));
        ipProto.add(47, r.dissector("gre"));
        // GRE over UDP, RFC 8086 (packet-gre.c registers the port)
        udpPorts.add(4754, r.dissector("gre"));
        ipProto.add(58, r.dissector("icmpv6"));
        ipProto.add(Ipv6Dissector.DSTOPTS, r.dissector("ipv6.dstopts"));

        greProto.add(0x0800, hIp);
        greProto.add(0x86DD, hIpv6);
        greProto.add(0x0806, hArp);
        greProto.add(0x6558, hEthWithout);

        sllTypes.add(0x0004, hLlc);

        nullTypes.add(2, hIp);
        nullTypes.add(24, hIpv6);
        nullTypes.add(28, hIpv6);
        nullTypes.add(30, hIpv6);
    }
}
