#!/usr/bin/env python3
"""Writes the module's synthetic captures: DNS messages built byte by byte (dnskit.py) in Ethernet/IP/UDP|TCP
frames (pcapkit.py). Deterministic: rerunning gives the same files. Usage: python3 make_synthetic.py [DIR]

  dns-types.pcap         every RR type Wireshark 4.0 decodes (and some it does not), EDNS(0) options, opcodes, rcodes
  dns-transactions.pcap  request/response matching: answers, retransmitted requests and responses, unsolicited
                         responses, an ID reused after the retransmission timer, IPv6
  dns-tcp.pcap           DNS over TCP: two messages in a segment, a message split over three segments, AXFR
  mdns.pcap              mDNS (5353): QU/QM questions, cache-flush records, service discovery (PTR, SRV, TXT, NSEC)
  llmnr.pcap             LLMNR (5355): query, response, conflict and tentative flags
  dns-hostile.pcap       odd names (escapes, UTF-8, compression loops, too long), truncated and malformed messages,
                         records past their RDATA, extraneous data, a packet cut by the snaplen
  dns-heuristic.pcap     DNS on a port nobody registered (found by the dns_udp heuristic) and UDP that is not DNS
"""
import os
import struct
import sys

from dnskit import header, msg, name, opt, option, ptr, question, rr, tcp_framed, txt
from pcapkit import Pcap

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
C, S = "192.0.2.10", "192.0.2.53"
C6, S6 = "2001:db8::10", "2001:db8::53"
QUERY, RESPONSE = 0x0100, 0x8180


def u16(v):
    return struct.pack("!H", v)


def u32(v):
    return struct.pack("!I", v)


def ip4(a):
    return bytes(int(x) for x in a.split("."))


def ip6(a):
    import ipaddress
    return ipaddress.IPv6Address(a).packed


def exchange(p, ident, qname, qtype, answers=(), authority=(), additional=(), flags=RESPONSE, sport=None,
             qadd=(opt(),)):
    """A query and its response on a fresh client port."""
    sport = sport or 30000 + ident
    q = question(qname, qtype)
    p.udp(C, S, sport, 53, msg(ident, QUERY, [q], additional=list(qadd)))
    p.udp(S, C, 53, sport, msg(ident, flags, [q], answers, authority, additional), gap=0.0123)


def bitmap(*types):
    """An RFC 4034 type bitmap of the given types."""
    windows = {}
    for t in types:
        windows.setdefault(t >> 8, set()).add(t & 0xFF)
    out = b""
    for w in sorted(windows):
        bits = windows[w]
        n = max(bits) // 8 + 1
        b = bytearray(n)
        for t in bits:
            b[t // 8] |= 0x80 >> (t % 8)
        out += bytes([w, n]) + bytes(b)
    return out


def types_capture():
    p = Pcap()
    owner = ptr(12)    # the question name: the first name of every message, at offset 12
    exchange(p, 0x1001, "www.example.com", 1,
             [rr("www.example.com", 5, name("web.example.com")), rr(b"\x03web" + ptr(16), 1, ip4("192.0.2.80")),
              rr(owner, 1, ip4("192.0.2.81"), ttl=0x80000001)],
             additional=[opt(options=option(10, bytes(range(8)) + bytes(range(16))))])
    exchange(p, 0x1002, "www.example.com", 28, [rr(owner, 28, ip6("2001:db8::1")), rr(owner, 28, ip6("::ffff:1.2.3.4"))])
    exchange(p, 0x1003, "example.com", 2, [rr(owner, 2, name("ns1.example.com")), rr(owner, 2, b"\x03ns2" + ptr(12))],
             additional=[rr("ns1.example.com", 1, ip4("192.0.2.1"))])
    exchange(p, 0x1004, "4.3.2.1.in-addr.arpa", 12, [rr(owner, 12, name("host.example.com"))])
    exchange(p, 0x1005, "example.com", 15, [rr(owner, 15, u16(10) + name("mx1.example.com")),
                                            rr(owner, 15, u16(20) + b"\x03mx2" + ptr(12))])
    exchange(p, 0x1006, "example.com", 16, [rr(owner, 16, txt("v=spf1 -all", "", "two words")),
                                            rr(owner, 16, txt(b"caf\xc3\xa9", b"bin\x01\x7f\x80"))])
    soa = name("ns1.example.com") + name("hostmaster.example.com") + u32(2024010101) + u32(7200) + u32(3600) \
        + u32(1209600) + u32(300)
    exchange(p, 0x1007, "nope.example.com", 1, authority=[rr("example.com", 6, soa)], flags=0x8183)
    exchange(p, 0x1008, "example.com", 6, [rr(owner, 6, soa)], flags=0x8580)
    exchange(p, 0x1009, "_sip._udp.example.com", 33,
             [rr(owner, 33, u16(10) + u16(60) + u16(5060) + name("sip.example.com")),
              rr("_ldap._tcp.dc._msdcs.example.com", 33, u16(0) + u16(100) + u16(389) + name("dc.example.com")),
              rr("single", 33, u16(1) + u16(1) + u16(1) + name(""))])
    exchange(p, 0x100a, "example.com", 35,
             [rr(owner, 35, u16(100) + u16(10) + b"\x01U" + b"\x07E2U+sip" + b"\x1b!^.*$!sip:info@example.com!"
                 + name("")),
              rr(owner, 35, u16(102) + u16(10) + b"\x01S" + b"\x07SIP+D2U" + b"\x00" + name("_sip._udp.example.com"))])
    cookie = option(10, bytes.fromhex("0102030405060708"))
    ecs4 = option(8, u16(1) + bytes([24, 0]) + ip4("198.51.100.0")[:3])
    ecs6 = option(8, u16(2) + bytes([56, 0]) + ip6("2001:db8:1234::")[:7])
    ede = option(15, u16(18) + b"blocked by policy")
    options = cookie + ecs4 + ecs6 + ede + option(12, bytes(6)) + option(11, u16(300)) + option(5, bytes([8, 13, 15])) \
        + option(6, bytes([1, 2])) + option(7, bytes([1])) + option(3, b"ns-id") + option(13, name("example.com")) \
        + option(0x50FA, u16(1) + bytes([16, 0]) + ip4("10.1.0.0")[:2]) + option(9, b"") + option(65001, b"\xaa\xbb")
    exchange(p, 0x100b, "example.org", 1, [rr(owner, 1, ip4("192.0.2.9"))],
             additional=[opt(udp_size=4096, ext_rcode=1, version=0, z=0x8000, options=options)],
             qadd=[opt(udp_size=1232, z=0x8001, options=cookie + ecs4)])
    ds = u16(0x1234) + bytes([13, 2]) + bytes(range(32))
    dnskey = u16(0x0101) + bytes([3, 13]) + bytes(range(64))
    rrsig = u16(48) + bytes([13, 2]) + u32(3600) + u32(1735689600) + u32(1733011200) + u16(0x1234) + name("example.com") \
        + bytes(range(64))
    exchange(p, 0x100c, "example.com", 48, [rr(owner, 48, dnskey), rr(owner, 48, u16(0x0100) + bytes([3, 8]) + bytes(range(1, 130))),
                                            rr(owner, 46, rrsig), rr(owner, 48, u16(0x0180) + bytes([3, 1]) + bytes(range(10)))],
             flags=0x81a0)
    exchange(p, 0x100d, "example.com", 43, [rr(owner, 43, ds), rr(owner, 59, ds), rr(owner, 60, dnskey),
                                            rr(owner, 32769, ds)])
    exchange(p, 0x100e, "a.example.com", 1, authority=[
        rr("example.com", 47, name("b.example.com") + bitmap(1, 2, 6, 15, 16, 28, 46, 47, 48, 257)),
        rr("example.com", 50, bytes([1, 1]) + u16(0) + bytes([4]) + b"\xaa\xbb\xcc\xdd" + bytes([20]) + bytes(range(20, 40))
           + bitmap(1, 28, 46)),
        rr("example.com", 50, bytes([1, 0]) + u16(10) + bytes([0]) + bytes([7]) + bytes(range(7)) + bitmap(65, 64)),
        rr("example.com", 51, bytes([1, 0]) + u16(5) + bytes([2]) + b"\xab\xcd")], flags=0x8183)
    svcb = u16(1) + name("") + u16(0) + u16(4) + u16(1) + u16(3) + u16(1) + u16(9) + b"\x02h3\x05h3-29" + u16(2) + u16(0) \
        + u16(3) + u16(2) + u16(8443) + u16(4) + u16(8) + ip4("192.0.2.1") + ip4("192.0.2.2") + u16(5) + u16(6) \
        + b"echcfg" + u16(6) + u16(16) + ip6("2001:db8::2") + u16(32769) + u16(3) + b"odo" + u16(7) + u16(3) + b"/q{"
    exchange(p, 0x100f, "example.net", 65, [rr(owner, 65, svcb), rr(owner, 65, u16(0) + name("alias.example.net"))])
    exchange(p, 0x1010, "_dns.resolver.arpa", 64, [rr(owner, 64, u16(1) + name("dot.example.net") + u16(1) + u16(4)
                                                       + b"\x03dot" + u16(3) + u16(2) + u16(853))])
    caa = [rr(owner, 257, bytes([0, 5]) + b"issue" + b"letsencrypt.org"), rr(owner, 257, bytes([0x80, 9]) + b"issuewild" + b";"),
           rr(owner, 257, bytes([0, 5]) + b"iodef" + b"mailto:security@example.com"),
           rr(owner, 257, bytes([0, 3]) + b"tbs" + b"Unknown\x01"), rr(owner, 257, bytes([0, 3]) + b"iss" + b"x")]
    exchange(p, 0x1011, "example.com", 257, caa)
    exchange(p, 0x1012, "_443._tcp.example.com", 52, [rr(owner, 52, bytes([3, 1, 1]) + bytes(range(32)))])
    exchange(p, 0x1013, "example.com", 44, [rr(owner, 44, bytes([4, 2]) + bytes(range(32))), rr(owner, 44, bytes([1, 1]))])
    exchange(p, 0x1014, "example.com", 29, [rr(owner, 29, bytes([0, 0x12, 0x16, 0x13]) + u32(0x8A0A1C00) + u32(0x71F3B400) + u32(10001000)),
                                            rr(owner, 29, bytes([1, 2, 3]))])
    exchange(p, 0x1015, "example.com", 13, [rr(owner, 13, b"\x07INTEL-X\x05LINUX")])
    exchange(p, 0x1016, "example.com", 37, [rr(owner, 37, u16(1) + u16(0xabcd) + bytes([8]) + bytes(range(40)))])
    exchange(p, 0x1017, "example.com", 45, [rr(owner, 45, bytes([10, 1, 2]) + ip4("192.0.2.38") + bytes(range(20))),
                                            rr(owner, 45, bytes([10, 3, 2]) + name("gw.example.com") + bytes(range(8))),
                                            rr(owner, 45, bytes([10, 2, 1]) + ip6("2001:db8::38")),
                                            rr(owner, 45, bytes([10, 0, 1]) + bytes(range(4)))])
    exchange(p, 0x1018, "example.com", 39, [rr(owner, 39, name("example.net")), rr("x.example.com", 99, txt("v=spf1 a -all"))])
    exchange(p, 0x1019, "example.com", 42, [rr(owner, 42, u16(1) + bytes([24, 3]) + ip4("192.0.2.0")[:3]
                                                + u16(2) + bytes([48, 0x86]) + ip6("2001:db8::")[:6] + u16(3) + bytes([8, 1, 9]))])
    hip = bytes([16, 2]) + u16(8) + bytes(range(16)) + bytes(range(8)) + name("rvs1.example.com") + name("rvs2.example.com")
    exchange(p, 0x101a, "example.com", 55, [rr(owner, 55, hip)])
    exchange(p, 0x101b, "example.com", 62, [rr(owner, 62, u32(66) + u16(3) + bitmap(1, 2, 28))])
    exchange(p, 0x101c, "example.com", 63, [rr(owner, 63, u32(2025) + bytes([1, 1]) + bytes(range(48)))])
    exchange(p, 0x101d, "example.com", 25, [rr(owner, 25, u16(0x4201) + bytes([3, 5]) + bytes(range(20))),
                                            rr(owner, 25, u16(0xC000) + bytes([3, 1]) + bytes(range(5)))])
    sig = u16(1) + bytes([5, 2]) + u32(86400) + u32(1735689600) + u32(1733011200) + u16(42) + name("example.com") + bytes(16)
    exchange(p, 0x101e, "example.com", 24, [rr(owner, 24, sig)])
    exchange(p, 0x101f, "example.com", 10, [rr(owner, 10, b"null data"), rr(owner, 11, ip4("192.0.2.5") + bytes([6, 0x40, 0, 0x80]))])
    exchange(p, 0x1020, "example.com", 14, [rr(owner, 14, name("admin.example.com") + name("errors.example.com")),
                                            rr(owner, 17, name("admin.example.com") + name("info.example.com")),
                                            rr(owner, 18, u16(1) + name("afs.example.com")),
                                            rr(owner, 19, b"\x0c311061700956"), rr(owner, 20, b"\x0f150862028003217\x03004"),
                                            rr(owner, 20, b"\x0f150862028003217"), rr(owner, 21, u16(10) + name("relay.example.com")),
                                            rr(owner, 22, bytes.fromhex("47000580005a0000000001e133ffffff00016100")),
                                            rr(owner, 23, name("nsap.example.com")),
                                            rr(owner, 26, u16(10) + name("map822.example.com") + name("mapx400.example.com")),
                                            rr(owner, 27, b"\x08-32.6882\x08116.8652\x0510.0"),
                                            rr(owner, 30, name("next.example.com") + bytes([0x40, 0x01, 0x00, 0x82])),
                                            rr(owner, 36, u16(5) + name("kx.example.com")), rr(owner, 49, bytes(range(35))),
                                            rr(owner, 61, b"mQENBF...key"), rr(owner, 104, u16(10) + bytes(range(8))),
                                            rr(owner, 105, u16(10) + ip4("10.1.2.0")), rr(owner, 106, u16(10) + bytes(range(8))),
                                            rr(owner, 107, u16(10) + name("l64-subnet1.example.com")),
                                            rr(owner, 108, bytes.fromhex("00005e0053ff")), rr(owner, 109, bytes.fromhex("00005efffe0053ff")),
                                            rr(owner, 38, bytes([64]) + ip6("::1:2:3:4")[8:] + name("prefix.example.com")),
                                            rr(owner, 38, bytes([0]) + ip6("2001:db8::38")),
                                            rr(owner, 38, bytes([128]) + name("only-prefix.example.com")),
                                            rr(owner, 256, u16(10) + u16(1) + b"ftp://ftp1.example.com/public"),
                                            rr(owner, 65000, b"\x01\x02\x03")])
    tkey = name("gss-tsig") + u32(1700000000) + u32(1700086400) + u16(3) + u16(0) + u16(4) + b"\x60\x01\x02\x03" + u16(0)
    tsig = name("hmac-sha256") + u16(0) + u32(1700000000) + u16(300) + u16(32) + bytes(range(32)) + u16(0x1021) + u16(0) + u16(0)
    p.udp(C, S, 31021, 53, msg(0x1021, 0x0000, [question("example.com", 249, 255)], additional=[rr("key.example.com", 249, tkey, rclass=255, ttl=0),
                                                                                            rr("key.example.com", 250, tsig, rclass=255, ttl=0)]))
    p.udp(C, S, 31022, 53, msg(0x1022, 0x0000, [question("example.com", 249, 255)],
                               additional=[rr("x", 65281, u32(1) + u32(2) + u32(900) + u32(2) + ip4("10.0.0.1") + ip4("10.0.0.2")),
                                           rr("x", 65282, u32(0) + u32(2) + u32(900) + name("wins.example.com")),
                                           rr("x", 65422, bytes([4, 17]) + ip4("10.0.0.1") + ip4("10.0.0.2") + u16(1234) + u16(53)),
                                           rr("x", 65422, bytes([6, 6]) + ip6("2001:db8::1") + ip6("2001:db8::2") + u16(1234) + u16(53))]))
    # opcodes and rcodes
    p.udp(S, C, 53, 31030, msg(0x1030, 0x2400, [question("example.com", 6)]))                  # NOTIFY
    p.udp(C, S, 31031, 53, msg(0x1031, 0x2800, [question("example.com", 6)], [rr("old.example.com", 255, b"", rclass=255, ttl=0)],
                               [rr("new.example.com", 1, ip4("192.0.2.31"))]))                  # UPDATE: zones, prerequisites, updates
    p.udp(S, C, 53, 31031, msg(0x1031, 0xa805, [question("example.com", 6)]))                  # UPDATE response, refused
    p.udp(C, S, 31032, 53, msg(0x1032, 0x1000, []))                                            # STATUS
    p.udp(C, S, 31033, 53, msg(0x1033, 0x1800, [question("example.com", 1)]))                  # opcode 3
    p.udp(C, S, 31034, 53, msg(0x1034, 0x7800, [question("example.com", 1)]))                  # opcode 15
    for i, rcode in enumerate([1, 2, 4, 9, 11, 13]):
        p.udp(S, C, 53, 31040 + i, msg(0x1040 + i, 0x8180 | rcode, [question("example.com", 1)]))
    p.udp(C, S, 31050, 53, msg(0x1050, 0x0120, [question("example.com", 1)]))                  # AD bit in a query
    p.udp(C, S, 31051, 53, msg(0x1051, 0x0150, [question("example.com", 1, 3)]))               # Z, CD, class CH
    p.udp(C, S, 31052, 53, msg(0x1052, 0x0100, [question("example.com", 255, 254), question("example.org", 252, 4)]))
    p.udp(C, S, 31053, 53, header(0x1053, 0x3000) + u16(1) + u16(8) + u32(300000) + u32(60000)
          + u16(2) + u16(4) + u32(5000) + u16(3) + u16(4) + bytes(4) + u16(0x40) + u16(2) + b"\x01\x02")  # DSO
    p.write(os.path.join(OUT, "dns-types.pcap"))


def transactions_capture():
    p = Pcap()
    q = msg(0x2001, QUERY, [question("a.example.com", 1)])
    r = msg(0x2001, RESPONSE, [question("a.example.com", 1)], [rr(ptr(12), 1, ip4("192.0.2.1"))])
    p.udp(C, S, 40001, 53, q)
    p.udp(C, S, 40001, 53, q, gap=1.0)            # retransmission: same ID, unanswered, within 5 s
    p.udp(S, C, 53, 40001, r, gap=0.2)
    p.udp(S, C, 53, 40001, r, gap=0.01)           # response retransmission
    p.udp(C, S, 40001, 53, q, gap=0.5)            # answered before: a new transaction
    p.udp(S, C, 53, 40001, r, gap=0.03)
    p.udp(C, S, 40001, 53, msg(0x2002, QUERY, [question("b.example.com", 1)]), gap=0.1)
    p.udp(C, S, 40001, 53, msg(0x2002, QUERY, [question("b.example.com", 1)]), gap=6.0)   # after the timer: new
    p.udp(S, C, 53, 40001, msg(0x2002, RESPONSE, [question("b.example.com", 1)]), gap=0.02)
    p.udp(S, C, 53, 40001, msg(0x2003, RESPONSE, [question("c.example.com", 1)]), gap=0.02)   # unsolicited
    p.udp(S, C, 53, 40002, msg(0x2001, RESPONSE, [question("a.example.com", 1)]), gap=0.02)   # other port: unsolicited
    p.udp(C6, S6, 40003, 53, msg(0x2004, QUERY, [question("v6.example.com", 28)]), gap=0.02)
    p.udp(S6, C6, 53, 40003, msg(0x2004, RESPONSE, [question("v6.example.com", 28)], [rr(ptr(12), 28, ip6("2001:db8::99"))]),
          gap=0.004)
    for i in range(5):                            # interleaved IDs on one socket
        p.udp(C, S, 40004, 53, msg(0x2100 + i, QUERY, [question("n%d.example.com" % i, 1)]), gap=0.001)
    for i in (3, 1, 4, 0, 2):
        p.udp(S, C, 53, 40004, msg(0x2100 + i, RESPONSE, [question("n%d.example.com" % i, 1)]), gap=0.002)
    p.write(os.path.join(OUT, "dns-transactions.pcap"))


def tcp_capture():
    p = Pcap()
    cs, ss = 1000, 5000
    port = 45000

    def c2s(data, flags=0x18):
        nonlocal cs
        p.tcp(C, S, port, 53, cs, ss, flags, data)
        cs += len(data)

    def s2c(data, flags=0x18):
        nonlocal ss
        p.tcp(S, C, 53, port, ss, cs, flags, data)
        ss += len(data)

    p.tcp(C, S, port, 53, cs, 0, 0x02)
    cs += 1
    p.tcp(S, C, 53, port, ss, cs, 0x12)
    ss += 1
    p.tcp(C, S, port, 53, cs, ss, 0x10)
    q1 = msg(0x3001, QUERY, [question("example.com", 1)])
    q2 = msg(0x3002, QUERY, [question("example.com", 28)])
    c2s(tcp_framed(q1) + tcp_framed(q2))          # two messages in one segment
    r1 = msg(0x3001, RESPONSE, [question("example.com", 1)], [rr(ptr(12), 1, ip4("192.0.2.7"))])
    r2 = msg(0x3002, RESPONSE, [question("example.com", 28)], [rr(ptr(12), 28, ip6("2001:db8::7"))] * 40)
    framed = tcp_framed(r1) + tcp_framed(r2)
    s2c(framed[:1])                               # the length prefix split
    s2c(framed[1:300])
    s2c(framed[300:])
    c2s(b"", 0x10)
    qa = msg(0x3003, 0x0000, [question("example.com", 252)])
    c2s(tcp_framed(qa))
    soa = name("ns1.example.com") + name("hostmaster.example.com") + u32(1) + u32(7200) + u32(3600) + u32(1209600) + u32(300)
    for i in range(3):                            # AXFR: several responses to one question
        recs = [rr(ptr(12), 6, soa)] if i in (0, 2) else [rr("h%d.example.com" % j, 1, ip4("192.0.2.%d" % j)) for j in range(1, 6)]
        s2c(tcp_framed(msg(0x3003, 0x8400, [question("example.com", 252)], recs)))
    c2s(b"", 0x11)
    s2c(b"", 0x11)
    p.tcp(C, S, port, 53, cs + 1, ss + 1, 0x10)
    # port 5353 over TCP is DNS too
    p.tcp(C, S, 45001, 5353, 7000, 0, 0x18, tcp_framed(msg(0x3004, QUERY, [question("printer.local", 1)])))
    p.write(os.path.join(OUT, "dns-tcp.pcap"))


def mdns_capture():
    p = Pcap()
    G, G6 = "224.0.0.251", "ff02::fb"
    A = "192.0.2.20"
    svc = "_ipp._tcp.local"
    inst = "Printer._ipp._tcp.local"
    p.udp(A, G, 5353, 5353, msg(0, 0, [question(svc, 12, 0x8001), question("printer.local", 1, 1)]))
    p.udp(A, G, 5353, 5353, msg(0, 0, [question(svc, 12)], [rr(svc, 12, name(inst), ttl=4500)]), gap=0.1)  # known answer
    answers = [rr(svc, 12, name(inst), ttl=4500),
               rr(inst, 33, u16(0) + u16(0) + u16(631) + name("printer.local"), rclass=0x8001, ttl=120),
               rr(inst, 16, txt("txtvers=1", "rp=ipp/print", b"note=caf\xc3\xa9"), rclass=0x8001, ttl=4500),
               rr("printer.local", 1, ip4(A), rclass=0x8001, ttl=120),
               rr("printer.local", 28, ip6("fe80::20"), rclass=0x8001, ttl=120)]
    additional = [rr("printer.local", 47, name("printer.local") + bitmap(1, 28), rclass=0x8001, ttl=120),
                  opt(udp_size=0x05a0 | 0x8000, options=option(4, bytes([0, 0]) + bytes.fromhex("020000000014")))]
    p.udp(A, G, 5353, 5353, msg(0, 0x8400, [], answers, [], additional), gap=0.2)
    p.udp("fe80::20", G6, 5353, 5353, msg(0, 0x8400, [], [rr("printer.local", 28, ip6("fe80::20"), rclass=0x8001)]), gap=0.01)
    p.udp("192.0.2.21", A, 5353, 5353, msg(0x1234, 0, [question("printer.local", 255, 0x8001)],
                                          authority=[rr("printer.local", 1, ip4("192.0.2.21"))]), gap=0.01)  # probe
    p.udp("192.0.2.22", G, 50000, 5353, msg(0x4d01, 0x0100, [question("laptop.local", 1)]), gap=0.01)   # legacy unicast
    p.udp(A, "192.0.2.22", 5353, 50000, msg(0x4d01, 0x8400, [question("laptop.local", 1)],
                                           [rr(ptr(12), 1, ip4("192.0.2.22"), ttl=10)]), gap=0.01)
    p.write(os.path.join(OUT, "mdns.pcap"))


def llmnr_capture():
    p = Pcap()
    G = "224.0.0.252"
    p.udp("192.0.2.30", G, 51000, 5355, msg(0x7001, 0x0000, [question("fileserver", 1)]))
    p.udp("192.0.2.31", "192.0.2.30", 5355, 51000, msg(0x7001, 0x8000, [question("fileserver", 1)],
                                                     [rr(ptr(12), 1, ip4("192.0.2.31"), ttl=30)]), gap=0.002)
    p.udp("192.0.2.30", G, 51001, 5355, msg(0x7002, 0x0400, [question("wpad", 28)]), gap=0.5)       # conflict
    p.udp("192.0.2.32", "192.0.2.30", 5355, 51001, msg(0x7002, 0x8500, [question("wpad", 28)]), gap=0.002)  # C, T
    p.udp("192.0.2.33", "192.0.2.30", 5355, 51001, msg(0x7002, 0x8203, [question("wpad", 28)]), gap=0.002)  # TC, NXDOMAIN
    p.udp("fe80::30", "ff02::1:3", 51002, 5355, msg(0x7003, 0x0000, [question("desktop", 1)]), gap=0.1)
    p.write(os.path.join(OUT, "llmnr.pcap"))


def hostile_capture():
    p = Pcap()
    n = [0]

    def q(payload, snap=None):
        n[0] += 1
        p.udp(C, S, 42000 + n[0], 53, payload, snap=snap)

    def query_with(raw_name, qtype=1):
        return header(0x5000 + n[0], QUERY, 1) + raw_name + u16(qtype) + u16(1)

    q(query_with(b"\x03a\x01b\x03com\x00"))
    q(query_with(b"\x03a b\x04x\\y.\x00"))
    q(query_with(bytes([4, 1, 0x7f, 9, 10]) + b"\x00"))
    q(query_with(bytes([2, 0xc3, 0xa9, 2, 0x80, 0xff]) + b"\x00"))
    for lab in [b"\xc2\x85", b"\xe2\x80\x8b", b"\xef\xbf\xbf", b"\xc0\x80", b"\xe2\x80", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80",
                b"\xc2\xa0", b"a\xe2\x80zz", b"\xf4\x90\x80\x80", b"\xcd\xb8", b"\x1b", b"\xc3", b"\x00x"]:
        q(query_with(bytes([len(lab)]) + lab + b"\x00"))
    q(query_with(b"\x00"))
    q(header(0x5100, QUERY, 1) + ptr(12) + u16(1) + u16(1))                     # a pointer to itself
    q(header(0x5101, QUERY, 1) + b"\x01a" + ptr(12) + u16(1) + u16(1))          # a two-hop loop
    q(header(0x5102, QUERY, 1) + ptr(16) + u16(1) + u16(1) + b"\x03foo\x00")    # forward pointer, extraneous data
    q(header(0x5103, QUERY, 1) + ptr(16) + u16(1) + u16(1))                     # a pointer to two octets after itself
    q(query_with(b"".join(bytes([63]) + b"x" * 63 for _ in range(5)) + b"\x00"))
    q(query_with(b"".join(bytes([63]) + b"y" * 63 for _ in range(3)) + bytes([61]) + b"z" * 61 + b"\x00"))
    q(query_with(b"".join(bytes([63]) + b"y" * 63 for _ in range(3)) + bytes([62]) + b"z" * 62 + b"\x00"))
    q(query_with(b"\x41\x10\xab\xcd\x00"))                                      # extended label
    q(query_with(b"\x80\x00"))                                                  # reserved label type
    q(header(0x5104, QUERY, 1) + ptr(500) + u16(1) + u16(1))                    # pointer past the end
    q(header(0x5105, QUERY, 1) + b"\x05ab")                                     # name cut
    q(header(0x5106, QUERY, 2) + question("a.example", 1))                      # a question missing
    q(b"\x51\x07\x01")                                                          # shorter than a header
    q(msg(0x5108, RESPONSE, [question("t.example", 16)], [rr(ptr(12), 16, b"\x05abc")]))             # TXT past its RDATA
    q(msg(0x5109, RESPONSE, [question("t.example", 16)], [rr(ptr(12), 16, b"\x02ab\x09cd")]))        # ... and past the message
    q(msg(0x510a, RESPONSE, [question("t.example", 1)], [rr(ptr(12), 1, b"\x01\x02")]))              # A of two octets
    q(msg(0x510b, RESPONSE, [question("t.example", 1)], [rr(ptr(12), 1, ip4("192.0.2.1"))]) + b"\x00" * 5)
    q(msg(0x510c, RESPONSE, [question("t.example", 48)], [rr(ptr(12), 48, b"\x01\x01\x03")]))        # DNSKEY of 3 octets
    q(msg(0x510d, RESPONSE, [question("t.example", 41)], additional=[opt(options=option(8, u16(1) + bytes([32, 0]) + bytes(20)))]))
    q(msg(0x510e, RESPONSE, [question("t.example", 41)], additional=[opt(options=option(15, b"\x01") + option(3, b"x"))]))
    q(msg(0x510f, RESPONSE, [question("t.example", 1)], [rr(ptr(12), 1, ip4("192.0.2.1"))] * 4), snap=14 + 20 + 8 + 40)
    q(msg(0x5110, RESPONSE, [question("t.example", 257)], [rr(ptr(12), 257, bytes([0, 9]) + b"issue")]))   # CAA tag past RDATA
    q(msg(0x5111, RESPONSE, [question("t.example", 5)], [rr(ptr(12), 5, ptr(12 + 2 + 9 + 4 + 12))]))       # CNAME loops on itself
    p.write(os.path.join(OUT, "dns-hostile.pcap"))


def heuristic_capture():
    p = Pcap()
    p.udp(C, S, 41000, 10053, msg(0x6001, QUERY, [question("odd-port.example.com", 1)]))
    p.udp(S, C, 10053, 41000, msg(0x6001, RESPONSE, [question("odd-port.example.com", 1)], [rr(ptr(12), 1, ip4("192.0.2.60"))]))
    p.udp(C, S, 41001, 10054, b"\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00hello")   # two questions: not DNS
    p.udp(C, S, 41002, 10055, b"hello, world: no DNS here at all")
    p.write(os.path.join(OUT, "dns-heuristic.pcap"))


types_capture()
transactions_capture()
tcp_capture()
mdns_capture()
llmnr_capture()
hostile_capture()
heuristic_capture()
