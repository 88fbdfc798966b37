#!/usr/bin/env python3
"""Writes the synthetic tunnel captures of this folder (no dependencies beyond pcapkit.py).

tunnels.pcap   one frame per case tshark 4.0.17 is compared on (regen-goldens.sh): VXLAN with GBP flags,
               Geneve with OAM and a critical option, MPLS stacks (IPv4, the GAL with its channel header, a
               short Y.1711 payload), ERSPAN types I and II, Teredo with authentication and origin indications,
               GTP-U with a PDU session container, GTPv2-C with IEs, PPP over PPTP's GRE (LCP, IPCP, PAP, IPv4).
hostile.pcap   inputs that must stay bounded: 20 nested VXLAN tunnels, a GTP extension-header chain that
               never ends (each header names another one, to the end of the frame), one with a zero length,
               an MPLS stack without a bottom label, a Geneve option longer than the options.
"""
import struct

from pcapkit import Pcap, eth, ipv4, ipv6, udp, ip4

A, B = "192.0.2.1", "192.0.2.2"
IN_A, IN_B = "10.0.0.1", "10.0.0.2"
MAC_C = bytes.fromhex("020000000003")
MAC_D = bytes.fromhex("020000000004")


def udp4(src, dst, sport, dport, payload, ident=1):
    return ipv4(src, dst, 17, udp(src, dst, sport, dport, payload), ident=ident)


def inner_dns(ident=7):
    query = struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + b"\x07example\x03com\x00" + struct.pack("!HH", 1, 1)
    return udp4(IN_A, IN_B, 40000 + ident, 53, query, ident=ident)


def vxlan(payload, vni, flags=0x0800, gbp=0):
    return struct.pack("!HHI", flags, gbp, vni << 8) + eth(payload, src=MAC_C, dst=MAC_D)


def geneve(payload, vni, options=b"", flags=0, proto=0x6558):
    return struct.pack("!BBH", len(options) // 4, flags, proto) + struct.pack("!I", vni << 8) + options + payload


def gre(proto, payload, flags=0, extra=b""):
    return struct.pack("!HH", flags, proto) + extra + payload


def mpls(labels, payload):
    out = b""
    for i, (label, ttl) in enumerate(labels):
        bottom = 1 if i == len(labels) - 1 else 0
        out += struct.pack("!I", label << 12 | bottom << 8 | ttl)
    return out + payload


def frame_ether(etype, payload):
    return bytes.fromhex("020000000002") + bytes.fromhex("020000000001") + struct.pack("!H", etype) + payload


def gtp1(message, teid, payload, flags=0x30, optional=b""):
    body = optional + payload
    return struct.pack("!BBHI", flags, message, len(body), teid) + body


def ppp(protocol, payload):
    return b"\xff\x03" + struct.pack("!H", protocol) + payload


def pptp_gre(payload, seq):
    # enhanced GRE: key (payload length, call id), sequence and acknowledgment numbers
    return gre(0x880B, payload, flags=0x3081, extra=struct.pack("!HHII", len(payload), 6016, seq, seq - 1))


def tunnels(path):
    p = Pcap()
    # VXLAN: VNI 4660 with the GBP extension's G and A bits and a policy ID
    p.udp(A, B, 50001, 4789, vxlan(inner_dns(1), 4660, flags=0x8808, gbp=0x1234))
    # Geneve: OAM and critical flags, a critical option of class 0x0103, then IPv4
    option = struct.pack("!HBB", 0x0103, 0x80, 1) + b"\xde\xad\xbe\xef"
    p.udp(A, B, 50002, 6081, geneve(inner_dns(2), 0x0ABCDE, option, flags=0xC0, proto=0x0800))
    # MPLS: two labels, IPv4 below
    p.add(frame_ether(0x8847, mpls([(1000, 64), (2000, 63)], inner_dns(3))))
    # MPLS: GAL at the bottom, then a generic associated channel header (channel 0x0021)
    p.add(frame_ether(0x8847, mpls([(1001, 64), (13, 1)], struct.pack("!BBH", 0x10, 0, 0x0021) + b"\x00" * 8)))
    # MPLS: OAM alert label with a short payload
    p.add(frame_ether(0x8847, mpls([(14, 1)], b"\x01" * 20)))
    # ERSPAN type II (GRE with a sequence number) and type I (without)
    erspan2 = struct.pack("!HHI", 0x1000 | 100, 0x2000 | 5, 42) + eth(inner_dns(4), src=MAC_C, dst=MAC_D)
    p.add(eth(ipv4(A, B, 47, gre(0x88BE, erspan2, flags=0x1000, extra=struct.pack("!I", 7)))))
    p.add(eth(ipv4(A, B, 47, gre(0x88BE, eth(inner_dns(5), src=MAC_C, dst=MAC_D)))))
    # Teredo: authentication (ID "ab", value "xyz") and origin indication, then IPv6 with no next header
    inner6 = struct.pack("!IHBB", 6 << 28, 0, 59, 64) + bytes(16) + bytes(15) + b"\x01"
    auth = struct.pack("!HBB", 1, 2, 3) + b"ab" + b"xyz" + b"\x11" * 8 + b"\x00"
    origin = struct.pack("!HH", 0, ~3544 & 0xFFFF) + bytes(~b & 0xFF for b in ip4("198.51.100.7"))
    p.udp(A, B, 50003, 3544, auth + origin + inner6)
    # GTP-U: E flag with a PDU session container (QFI 9), then IPv4
    container = struct.pack("!BBBB", 1, 0x10, 9, 0)
    p.udp(A, B, 2152, 2152, gtp1(0xFF, 0x1234, inner_dns(6), flags=0x34, optional=struct.pack("!HBB", 5, 0, 0x85) + container))
    # GTP-U echo request (S flag)
    p.udp(A, B, 2152, 2152, gtp1(0x01, 0, b"", flags=0x32, optional=struct.pack("!HBB", 9, 0, 0)))
    # GTPv2-C: Create Session Request with TEID, two IEs (IMSI, recovery)
    ies = struct.pack("!BHB", 1, 8, 0) + bytes.fromhex("2143658709214365") + struct.pack("!BHB", 3, 1, 0) + b"\x07"
    v2 = struct.pack("!BBHI", 0x48, 32, 8 + len(ies), 0x11223344) + struct.pack("!I", 0x00ABCD << 8) + ies
    p.udp(A, B, 2123, 2123, v2)
    # PPP over PPTP's GRE: LCP Configure-Request (MRU, magic number), IPCP Configure-Request (address, DNS),
    # PAP Authenticate-Request, and IPv4
    lcp = struct.pack("!BBH", 1, 1, 14) + struct.pack("!BBH", 1, 4, 1400) + struct.pack("!BBI", 5, 6, 0x1A2B3C4D)
    ipcp = struct.pack("!BBH", 1, 2, 16) + struct.pack("!BB4s", 3, 6, ip4("0.0.0.0")) + struct.pack("!BB4s", 129, 6, ip4("0.0.0.0"))
    pap = struct.pack("!BBH", 1, 3, 4 + 1 + 4 + 1 + 6) + b"\x04user" + b"\x06secret"
    for i, (proto, body) in enumerate([(0xC021, lcp), (0x8021, ipcp), (0xC023, pap), (0x0021, inner_dns(8))]):
        p.add(eth(ipv4(A, B, 47, pptp_gre(ppp(proto, body), 100 + i))))
    p.write(path)


def hostile(path):
    p = Pcap()
    # 20 nested VXLAN tunnels around a DNS query
    pkt = inner_dns(9)
    for depth in range(20):
        pkt = udp4(A, B, 50100 + depth, 4789, vxlan(pkt, depth + 1), ident=depth + 1)
    p.add(eth(pkt))
    # GTP-U extension headers that never end: each one-word header names the next (type 0x40), to the frame's end
    chain = b"".join(struct.pack("!BHB", 1, i, 0x40) for i in range(300))
    p.udp(A, B, 2152, 2152, gtp1(0xFF, 1, chain, flags=0x34, optional=struct.pack("!HBB", 1, 0, 0x40)))
    # an extension header of length 0
    p.udp(A, B, 2152, 2152, gtp1(0xFF, 2, b"\x00\x00\x00\x00" * 4, flags=0x34, optional=struct.pack("!HBB", 1, 0, 0xC0)))
    # an MPLS stack with no bottom-of-stack bit, to the end of the frame
    p.add(frame_ether(0x8847, b"".join(struct.pack("!I", (3000 + i) << 12 | 64) for i in range(100))))
    # a Geneve option whose length runs past the options
    bad = struct.pack("!HBB", 0x0100, 1, 31) + b"\x00" * 4
    p.udp(A, B, 50004, 6081, geneve(inner_dns(10), 77, bad))
    p.write(path)


tunnels("tunnels.pcap")
hostile("hostile.pcap")
