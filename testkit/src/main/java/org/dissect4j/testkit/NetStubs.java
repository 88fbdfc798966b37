package org.dissect4j.testkit;

import org.dissect4j.api.Base;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;

/**
 * Just enough of frame, Ethernet, Linux cooked v2, BSD loopback, IPv4, IPv6 and GRE to carry TCP in
 * tests, with Wireshark's protocol names so that {@code frame.protocols} reads the same. Stand-ins for the
 * net-dissectors module, which is written separately.
 */
public final class NetStubs implements DissectorPlugin {
    static final Protocol FRAME = new Protocol("Frame", "FRAME", "frame");
    static final Protocol ETH = new Protocol("Ethernet II", "ETH", "eth");
    static final Protocol ETHERTYPE = new Protocol("Ethertype", "ETHERTYPE", "ethertype");
    static final Protocol SLL = new Protocol("Linux cooked capture v2", "SLL", "sll");
    static final Protocol NULL = new Protocol("Null/Loopback", "NULL", "null");
    static final Protocol IP = new Protocol("Internet Protocol Version 4", "IPv4", "ip");
    static final Protocol IPV6 = new Protocol("Internet Protocol Version 6", "IPv6", "ipv6");
    static final Protocol GRE = new Protocol("Generic Routing Encapsulation", "GRE", "gre");

    private DissectorTable ipProto;
    private DissectorTable ethertype;
    private DissectorHandle eth, sll, nul, ethertypeH, ip, ipv6, gre;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "net-stubs";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(FRAME);
        r.protocol(ETH);
        r.protocol(ETHERTYPE);
        r.protocol(SLL);
        r.protocol(NULL);
        r.protocol(IP);
        r.protocol(IPV6);
        r.protocol(GRE);
        ipProto = r.newTable("ip.proto", "IP protocol", FieldType.UINT8, Base.DEC);
        ethertype = r.newTable("ethertype.stub", "Ethertype", FieldType.UINT16, Base.HEX);
        r.dissector("frame", FRAME, frame());
        eth = r.dissector("eth", ETH, (p, o, l) -> {
            p.dlAddresses(o + 6, o);
            return 14 + etherPayload(p, p.u16(o + 12), o + 14, l - 14);
        });
        sll = r.dissector("sll", SLL, (p, o, l) -> 20 + etherPayload(p, p.u16(o), o + 20, l - 20));
        nul = r.dissector("null", NULL, (p, o, l) -> {
            long fam = p.u32le(o);
            if (fam > 0xffff) {
                fam = p.u32(o);
            }
            int t = fam == 2 ? 0x0800 : fam == 24 || fam == 28 || fam == 30 ? 0x86dd : 0;
            return 4 + (t == 0 ? p.callData(o + 4, l - 4) : p.callTable(ethertype, t, o + 4, l - 4));
        });
        ethertypeH = r.dissector("ethertype", ETHERTYPE, (p, o, l) -> {
            int c = p.callTable(ethertype, p.arg(), o, l);
            return c > 0 ? c : p.callData(o, l);
        });
        ip = r.dissector("ip", IP, this::ipv4);
        ipv6 = r.dissector("ipv6", IPV6, this::ipv6);
        gre = r.dissector("gre", GRE, (p, o, l) -> {
            int fl = p.u16(o);
            int proto = p.u16(o + 2);
            int h = 4 + ((fl & 0x8000) != 0 ? 4 : 0) + ((fl & 0x2000) != 0 ? 4 : 0) + ((fl & 0x1000) != 0 ? 4 : 0);
            int c = p.callTable(ethertype, proto, o + h, l - h);
            return h + (c > 0 ? c : p.callData(o + h, l - h));
        });
    }

    @Override
    public void handoff(Registrar r) {
        ethertype.add(0x0800, ip);
        ethertype.add(0x86dd, ipv6);
        ipProto.add(47, gre);
    }

    private int etherPayload(Packet p, int type, int off, int len) {
        p.arg(type);
        int c = p.call(ethertypeH, off, len);
        return c > 0 ? c : p.callData(off, len);
    }

    private Dissector frame() {
        return (p, o, l) -> switch (p.frame().linkType()) {
            case 1 -> p.call(eth, o, l);
            case 276 -> p.call(sll, o, l);
            case 0 -> p.call(nul, o, l);
            case 101 -> p.callTable(ethertype, (p.u8(o) >> 4) == 6 ? 0x86dd : 0x0800, o, l);
            default -> p.callData(o, l);
        };
    }

    private int ipv4(Packet p, int o, int l) {
        int ihl = (p.u8(o) & 0x0f) * 4;
        int total = p.u16(o + 2);
        int proto = p.u8(o + 9);
        p.netAddresses(Packet.AT_IPV4, o + 12, o + 16);
        int plen = Math.max(0, Math.min(total, l) - ihl);
        int fragOff = p.u16(o + 6) & 0x1fff;
        boolean mf = (p.u16(o + 6) & 0x2000) != 0;
        if (fragOff != 0 || mf) {
            return ihl + p.callData(o + ihl, plen);
        }
        int c = p.callTable(ipProto, proto, o + ihl, plen);
        return ihl + (c > 0 ? c : p.callData(o + ihl, plen));
    }

    private int ipv6(Packet p, int o, int l) {
        int plen = p.u16(o + 4);
        int nxt = p.u8(o + 6);
        p.netAddresses(Packet.AT_IPV6, o + 8, o + 24);
        int off = o + 40;
        int end = o + 40 + Math.min(plen, l - 40);
        // hop-by-hop, routing, destination options
        while (nxt == 0 || nxt == 43 || nxt == 60) {
            int n = p.u8(off);
            int hl = (p.u8(off + 1) + 1) * 8;
            nxt = n;
            off += hl;
        }
        int c = p.callTable(ipProto, nxt, off, end - off);
        return 40 + (c > 0 ? c : p.callData(off, end - off));
    }
}
