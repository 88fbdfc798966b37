package org.dissect4j.filter;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * A small protocol stack for the filter tests, dissected from real bytes: frame, Ethernet II,
 * IPv4 (IP-in-IP nests), IPv6, TCP, UDP and a toy "TLS" (records, handshake messages, an SNI and a
 * session id), with field names and types as Wireshark's so the tests read like real filters.
 * {@code tls.handshake.type} is registered twice, the SSLv2 table first, as in Wireshark.
 */
final class TestStack implements DissectorPlugin {
    static final Protocol FRAME = new Protocol("Frame", "FRAME", "frame");
    static final Field FRAME_NUMBER = Field.define("frame.number", "Frame Number", FieldType.UINT32).build();
    static final Field FRAME_LEN = Field.define("frame.len", "Frame length", FieldType.UINT32).build();
    static final Field FRAME_TIME = Field.define("frame.time", "Arrival Time", FieldType.ABSOLUTE_TIME).base(Base.LOCAL).build();
    static final Field FRAME_TIME_RELATIVE = Field.define("frame.time_relative", "Time since first",
            FieldType.RELATIVE_TIME).build();
    static final Field FRAME_PROTOCOLS = Field.define("frame.protocols", "Protocols", FieldType.STRING).build();
    static final Field FRAME_RATIO = Field.define("frame.ratio", "A double for tests", FieldType.DOUBLE).build();

    static final Protocol ETH = new Protocol("Ethernet II", "ETH", "eth");
    static final Field ETH_DST = Field.define("eth.dst", "Destination", FieldType.ETHER).build();
    static final Field ETH_SRC = Field.define("eth.src", "Source", FieldType.ETHER).build();
    static final Field ETH_ADDR = Field.define("eth.addr", "Address", FieldType.ETHER).hidden().build();
    static final Field ETH_TYPE = Field.define("eth.type", "Type", FieldType.UINT16).base(Base.HEX)
            .values(ValueNames.of(0x0800, "IPv4", 0x86dd, "IPv6", 0x0806, "ARP")).build();

    static final ValueNames IP_PROTOS = ValueNames.of(4, "IPIP", 6, "TCP", 17, "UDP");
    static final Protocol IP = new Protocol("Internet Protocol Version 4", "IPv4", "ip");
    static final Field IP_HDR_LEN = Field.define("ip.hdr_len", "Header Length", FieldType.UINT8).build();
    static final Field IP_LEN = Field.define("ip.len", "Total Length", FieldType.UINT16).build();
    static final Field IP_DF = Field.define("ip.flags.df", "Don't fragment", FieldType.BOOLEAN).mask(0x4000, 16).build();
    static final Field IP_TTL = Field.define("ip.ttl", "Time to Live", FieldType.UINT8).build();
    static final Field IP_PROTO = Field.define("ip.proto", "Protocol", FieldType.UINT8).values(IP_PROTOS).build();
    static final Field IP_SRC = Field.define("ip.src", "Source Address", FieldType.IPv4).build();
    static final Field IP_DST = Field.define("ip.dst", "Destination Address", FieldType.IPv4).build();
    static final Field IP_ADDR = Field.define("ip.addr", "Source or Destination Address", FieldType.IPv4).hidden().build();

    static final Protocol IPV6 = new Protocol("Internet Protocol Version 6", "IPv6", "ipv6");
    static final Field IPV6_PLEN = Field.define("ipv6.plen", "Payload Length", FieldType.UINT16).build();
    static final Field IPV6_NXT = Field.define("ipv6.nxt", "Next Header", FieldType.UINT8).values(IP_PROTOS).build();
    static final Field IPV6_SRC = Field.define("ipv6.src", "Source Address", FieldType.IPv6).build();
    static final Field IPV6_DST = Field.define("ipv6.dst", "Destination Address", FieldType.IPv6).build();
    static final Field IPV6_ADDR = Field.define("ipv6.addr", "Source or Destination Address", FieldType.IPv6).hidden().build();

    static final Protocol TCP = new Protocol("Transmission Control Protocol", "TCP", "tcp");
    static final Field TCP_SRCPORT = Field.define("tcp.srcport", "Source Port", FieldType.UINT16).build();
    static final Field TCP_DSTPORT = Field.define("tcp.dstport", "Destination Port", FieldType.UINT16).build();
    static final Field TCP_PORT = Field.define("tcp.port", "Source or Destination Port", FieldType.UINT16).hidden().build();
    static final Field TCP_SEQ = Field.define("tcp.seq", "Sequence Number", FieldType.UINT32).build();
    static final Field TCP_HDR_LEN = Field.define("tcp.hdr_len", "Header Length", FieldType.UINT8).build();
    static final Field TCP_FLAGS = Field.define("tcp.flags", "Flags", FieldType.UINT16).base(Base.HEX).mask(0x0FFF, 16).build();
    static final Field TCP_SYN = Field.define("tcp.flags.syn", "Syn", FieldType.BOOLEAN).mask(0x002, 12).build();
    static final Field TCP_ACK = Field.define("tcp.flags.ack", "Acknowledgment", FieldType.BOOLEAN).mask(0x010, 12).build();
    static final Field TCP_FIN = Field.define("tcp.flags.fin", "Fin", FieldType.BOOLEAN).mask(0x001, 12).build();
    static final Field TCP_WINDOW = Field.define("tcp.window_size_value", "Window", FieldType.UINT16).build();
    static final Field TCP_SCALE = Field.define("tcp.window_size_scalefactor", "Window size scaling factor",
            FieldType.INT32).build();
    static final Field TCP_LEN = Field.define("tcp.len", "TCP Segment Len", FieldType.UINT32).build();
    static final Field TCP_PAYLOAD = Field.define("tcp.payload", "TCP payload", FieldType.BYTES).build();
    static final Field TCP_ANALYSIS = Field.define("tcp.analysis.flags", "TCP Analysis Flags", FieldType.NONE).build();
    static final Field TCP_CHECKSUM_STATUS = Field.define("tcp.checksum.status", "Checksum Status", FieldType.UINT8)
            .values(ValueNames.of(0, "Bad", 1, "Good", 2, "Unverified")).build();

    static final Protocol UDP = new Protocol("User Datagram Protocol", "UDP", "udp");
    static final Field UDP_SRCPORT = Field.define("udp.srcport", "Source Port", FieldType.UINT16).build();
    static final Field UDP_DSTPORT = Field.define("udp.dstport", "Destination Port", FieldType.UINT16).build();
    static final Field UDP_LENGTH = Field.define("udp.length", "Length", FieldType.UINT16).build();

    static final Protocol TLS = new Protocol("Transport Layer Security", "TLS", "tls");
    static final Field TLS_RECORD = Field.define("tls.record", "Record Layer", FieldType.NONE).build();
    static final Field TLS_CONTENT_TYPE = Field.define("tls.record.content_type", "Content Type", FieldType.UINT8)
            .values(ValueNames.of(20, "Change Cipher Spec", 21, "Alert", 22, "Handshake", 23, "Application Data")).build();
    static final Field TLS_RECORD_VERSION = Field.define("tls.record.version", "Version", FieldType.UINT16).base(Base.HEX)
            .values(ValueNames.of(0x0301, "TLS 1.0", 0x0303, "TLS 1.2")).build();
    static final Field TLS_HANDSHAKE = Field.define("tls.handshake", "Handshake Protocol", FieldType.NONE).build();
    /** The SSLv2 registration comes first, as in Wireshark: 4.0 resolves names with it. */
    static final Field TLS_HS_TYPE_V2 = Field.define("tls.handshake.type", "Handshake Message Type", FieldType.UINT8)
            .values(ValueNames.of(0, "Error", 1, "Client Hello", 2, "Client Master Key", 3, "Client Finished",
                    4, "Server Hello")).build();
    static final Field TLS_HS_TYPE = Field.define("tls.handshake.type", "Handshake Type", FieldType.UINT8)
            .values(ValueNames.of(1, "Client Hello", 2, "Server Hello", 4, "New Session Ticket", 11, "Certificate",
                    14, "Server Hello Done")).build();
    static final Field TLS_SESSION_ID = Field.define("tls.handshake.session_id", "Session ID", FieldType.BYTES).build();
    static final Field TLS_SNI = Field.define("tls.handshake.extensions_server_name", "Server Name", FieldType.STRING).build();

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "filter-test-stack";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(FRAME, FRAME_NUMBER, FRAME_LEN, FRAME_TIME, FRAME_TIME_RELATIVE, FRAME_PROTOCOLS, FRAME_RATIO);
        r.protocol(ETH, ETH_DST, ETH_SRC, ETH_ADDR, ETH_TYPE);
        r.protocol(IP, IP_HDR_LEN, IP_LEN, IP_DF, IP_TTL, IP_PROTO, IP_SRC, IP_DST, IP_ADDR);
        r.protocol(IPV6, IPV6_PLEN, IPV6_NXT, IPV6_SRC, IPV6_DST, IPV6_ADDR);
        r.protocol(TCP, TCP_SRCPORT, TCP_DSTPORT, TCP_PORT, TCP_SEQ, TCP_HDR_LEN, TCP_FLAGS, TCP_SYN, TCP_ACK, TCP_FIN,
                TCP_WINDOW, TCP_SCALE, TCP_LEN, TCP_PAYLOAD, TCP_ANALYSIS, TCP_CHECKSUM_STATUS);
        r.protocol(UDP, UDP_SRCPORT, UDP_DSTPORT, UDP_LENGTH);
        r.protocol(TLS, TLS_RECORD, TLS_CONTENT_TYPE, TLS_RECORD_VERSION, TLS_HANDSHAKE, TLS_HS_TYPE_V2, TLS_HS_TYPE,
                TLS_SESSION_ID, TLS_SNI);
        r.dissector("frame", FRAME, TestStack::frame);
    }

    static Engine engine() {
        return Engine.builder().discover(false).plugin(new TestStack()).build();
    }

    // ---- dissection ----------------------------------------------------------------------------

    private static int frame(Packet p, int off, int len) {
        Tree t = p.tree();
        Frame f = p.frame();
        t.open(FRAME.field(), 0, len);
        t.addGenerated(FRAME_NUMBER, f.number());
        t.addGenerated(FRAME_LEN, len);
        t.addLong(FRAME_TIME, 0, 0, f.timestampNanos());
        t.addLong(FRAME_TIME_RELATIVE, 0, 0, f.timestampNanos() - START);
        t.addDouble(FRAME_RATIO, 0, 0, f.number() / 4.0);
        StringBuilder protocols = new StringBuilder("eth:ethertype");
        int type = p.u16(12);
        protocols.append(type == 0x0800 ? ":ip" : type == 0x86dd ? ":ipv6" : "");
        t.addString(FRAME_PROTOCOLS, protocols);
        t.close();
        eth(p, 0, len);
        return len;
    }

    static final long START = 1_700_000_000_000_000_000L;

    private static void eth(Packet p, int off, int len) {
        Tree t = p.tree();
        t.open(ETH.field(), off, 14);
        t.add(ETH_DST, off, 6);
        t.add(ETH_ADDR, off, 6);
        t.add(ETH_SRC, off + 6, 6);
        t.add(ETH_ADDR, off + 6, 6);
        int type = p.u16(off + 12);
        t.addUint(ETH_TYPE, off + 12, 2, type);
        t.close();
        if (type == 0x0800) {
            ip(p, off + 14);
        } else if (type == 0x86dd) {
            ipv6(p, off + 14);
        }
    }

    private static void ip(Packet p, int off) {
        Tree t = p.tree();
        int hl = (p.u8(off) & 0xF) * 4;
        int total = p.u16(off + 2);
        t.open(IP.field(), off, hl);
        t.addUint(IP_HDR_LEN, off, 1, hl);
        t.addUint(IP_LEN, off + 2, 2, total);
        t.addUint(IP_DF, off + 6, 2, p.u16(off + 6));
        t.addUint(IP_TTL, off + 8, 1, p.u8(off + 8));
        int proto = p.u8(off + 9);
        t.addUint(IP_PROTO, off + 9, 1, proto);
        t.addLong(IP_SRC, off + 12, 4, p.u32(off + 12));
        t.addLong(IP_ADDR, off + 12, 4, p.u32(off + 12));
        t.addLong(IP_DST, off + 16, 4, p.u32(off + 16));
        t.addLong(IP_ADDR, off + 16, 4, p.u32(off + 16));
        t.close();
        transport(p, proto, off + hl, total - hl);
    }

    private static void ipv6(Packet p, int off) {
        Tree t = p.tree();
        t.open(IPV6.field(), off, 40);
        int plen = p.u16(off + 4);
        t.addUint(IPV6_PLEN, off + 4, 2, plen);
        int nxt = p.u8(off + 6);
        t.addUint(IPV6_NXT, off + 6, 1, nxt);
        t.add(IPV6_SRC, off + 8, 16);
        t.add(IPV6_ADDR, off + 8, 16);
        t.add(IPV6_DST, off + 24, 16);
        t.add(IPV6_ADDR, off + 24, 16);
        t.close();
        transport(p, nxt, off + 40, plen);
    }

    private static void transport(Packet p, int proto, int off, int len) {
        switch (proto) {
            case 4 -> ip(p, off);
            case 6 -> tcp(p, off, len);
            case 17 -> udp(p, off, len);
            default -> {
            }
        }
    }

    private static void tcp(Packet p, int off, int len) {
        Tree t = p.tree();
        int hl = (p.u8(off + 12) >> 4) * 4;
        t.open(TCP.field(), off, hl);
        int sport = p.u16(off);
        int dport = p.u16(off + 2);
        t.addUint(TCP_SRCPORT, off, 2, sport);
        t.addUint(TCP_DSTPORT, off + 2, 2, dport);
        t.addUint(TCP_PORT, off, 2, sport);
        t.addUint(TCP_PORT, off + 2, 2, dport);
        t.addUint(TCP_SEQ, off + 4, 4, p.u32(off + 4));
        t.addUint(TCP_HDR_LEN, off + 12, 1, hl);
        int flags = p.u16(off + 12);
        t.openUint(TCP_FLAGS, off + 12, 2, flags);
        t.addUint(TCP_SYN, off + 12, 2, flags);
        t.addUint(TCP_ACK, off + 12, 2, flags);
        t.addUint(TCP_FIN, off + 12, 2, flags);
        t.close();
        t.addUint(TCP_WINDOW, off + 14, 2, p.u16(off + 14));
        t.addLong(TCP_SCALE, 0, 0, (flags & 0x02) != 0 ? -1 : 7);
        t.addUint(TCP_CHECKSUM_STATUS, off + 16, 2, 2);
        int payload = len - hl;
        t.addGenerated(TCP_LEN, payload);
        if (payload > 0) {
            t.add(TCP_PAYLOAD, off + hl, payload);
        }
        if (payload == 0 && (flags & 0x10) != 0 && (flags & 0x03) == 0) {
            t.add(TCP_ANALYSIS, 0, 0);
        }
        t.close();
        if (payload > 0 && (sport == 443 || dport == 443)) {
            tls(p, off + hl, payload);
        }
    }

    private static void udp(Packet p, int off, int len) {
        Tree t = p.tree();
        t.open(UDP.field(), off, 8);
        t.addUint(UDP_SRCPORT, off, 2, p.u16(off));
        t.addUint(UDP_DSTPORT, off + 2, 2, p.u16(off + 2));
        t.addUint(UDP_LENGTH, off + 4, 2, p.u16(off + 4));
        t.close();
    }

    /** Records [type][version:2][length:2] and, in handshake records, messages [type][length:3][body]. */
    private static void tls(Packet p, int off, int len) {
        Tree t = p.tree();
        t.open(TLS.field(), off, len);
        int end = off + len;
        while (off + 5 <= end) {
            int ct = p.u8(off);
            int rlen = p.u16(off + 3);
            t.open(TLS_RECORD, off, 5 + rlen);
            t.addUint(TLS_CONTENT_TYPE, off, 1, ct);
            t.addUint(TLS_RECORD_VERSION, off + 1, 2, p.u16(off + 1));
            if (ct == 22) {
                int m = off + 5;
                while (m + 4 <= off + 5 + rlen) {
                    int mlen = p.u24(m + 1);
                    t.open(TLS_HANDSHAKE, m, 4 + mlen);
                    t.addUint(TLS_HS_TYPE, m, 1, p.u8(m));
                    if (p.u8(m) == 1 && mlen >= 2) {
                        int sid = p.u8(m + 4);
                        t.add(TLS_SESSION_ID, m + 5, sid);
                        int sniLen = p.u8(m + 5 + sid);
                        t.add(TLS_SNI, m + 6 + sid, sniLen);
                    }
                    t.close();
                    m += 4 + mlen;
                }
            }
            t.close();
            off += 5 + rlen;
        }
        t.close();
    }

    // ---- building frames -------------------------------------------------------------------------

    static final byte[] MAC_CLIENT = {2, 0, 0, 0x77, 0, 1};
    static final byte[] MAC_SERVER = {2, 0, 0, 0x77, 0, 2};

    static byte[] eth(byte[] dst, byte[] src, int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(dst);
        out.writeBytes(src);
        out.write(type >> 8);
        out.write(type);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] ipv4(String src, String dst, int proto, int ttl, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = 20 + payload.length;
        out.writeBytes(new byte[] {0x45, 0, (byte) (total >> 8), (byte) total, 0, 1, 0x40, 0, (byte) ttl, (byte) proto, 0, 0});
        out.writeBytes(addr4(src));
        out.writeBytes(addr4(dst));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] ipv6(String src, String dst, int next, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x60, 0, 0, 0, (byte) (payload.length >> 8), (byte) payload.length, (byte) next, 64});
        try {
            out.writeBytes(java.net.InetAddress.ofLiteral(src).getAddress());
            out.writeBytes(java.net.InetAddress.ofLiteral(dst).getAddress());
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] tcp(int sport, int dport, int flags, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (sport >> 8), (byte) sport, (byte) (dport >> 8), (byte) dport, 0, 0, 0x10, 0,
                0, 0, 0, 0, 0x50, (byte) flags, (byte) 0xfa, (byte) 0xf0, 0, 0, 0, 0});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        int len = 8 + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (sport >> 8), (byte) sport, (byte) (dport >> 8), (byte) dport, (byte) (len >> 8),
                (byte) len, 0, 0});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] record(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) type, 3, 3, (byte) (body.length >> 8), (byte) body.length});
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] handshake(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) type, 0, (byte) (body.length >> 8), (byte) body.length});
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] clientHello(byte[] sessionId, String sni) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(sessionId.length);
        out.writeBytes(sessionId);
        byte[] s = sni.getBytes(StandardCharsets.UTF_8);
        out.write(s.length);
        out.writeBytes(s);
        return handshake(1, out.toByteArray());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : parts) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static byte[] addr4(String s) {
        String[] p = s.split("\\.");
        return new byte[] {(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]),
                (byte) Integer.parseInt(p[3])};
    }

    static Frame frame(long number, byte[] bytes) {
        return new Frame().set(number, MemorySegment.ofArray(bytes), 0, bytes.length, bytes.length,
                START + (number - 1) * 500_000_000L, 0, 1);
    }
}
