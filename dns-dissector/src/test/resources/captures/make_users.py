#!/usr/bin/env python3
"""Writes dns-users.pcap: the DNS traffic users meet every day, for the -V goldens (DnsVerboseTest).

Built byte by byte (dnskit.py, pcapkit.py), deterministic. Usage: python3 make_users.py [DIR]

A resolver's answers with CNAME chains and compression pointers, glue in the additional section, EDNS(0) with
cookies, client subnet and padding, NXDOMAIN with the zone's SOA, MX, multi-string TXT, PTR (IPv4 and IPv6),
SRV, DNSSEC (DO bit, RRSIG, DNSKEY, DS, NSEC, NSEC3), HTTPS with ALPN, address hints and ECH, a response with
many answers, a truncated response retried over TCP, a response cut by the snaplen and a malformed one.
"""
import os
import struct
import sys

from dnskit import msg, name, opt, option, ptr, question, rr, tcp_framed, txt
from pcapkit import Pcap

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
C, S = "192.168.1.20", "192.168.1.1"
C6, S6 = "2001:db8:1::20", "2001:db8:1::1"
QUERY, QUERY_AD, RESPONSE = 0x0100, 0x0120, 0x8180
A, NS, CNAME, SOA, PTR, MX, TXT, AAAA, SRV, OPT = 1, 2, 5, 6, 12, 15, 16, 28, 33, 41
DS, RRSIG, NSEC, DNSKEY, NSEC3, HTTPS = 43, 46, 47, 48, 50, 65
Q = ptr(12)                     # the question's name, as responses compress it
COOKIE = option(10, bytes.fromhex("8c1f3a0b5d6e7f10"))
SERVER_COOKIE = option(10, bytes.fromhex("8c1f3a0b5d6e7f10" "0100000065539c00a1b2c3d4e5f60718"))


def lbl(s):
    """Labels without the root: a name that continues with a compression pointer."""
    return name(s)[:-1]


def u16(v):
    return struct.pack("!H", v)


def u32(v):
    return struct.pack("!I", v)


def a(addr):
    return bytes(int(x) for x in addr.split("."))


def aaaa(addr):
    import ipaddress
    return ipaddress.IPv6Address(addr).packed


def bitmap(*types):
    windows = {}
    for t in types:
        windows.setdefault(t >> 8, set()).add(t & 0xFF)
    out = b""
    for w in sorted(windows):
        bits = bytearray(max(windows[w]) // 8 + 1)
        for t in windows[w]:
            bits[t // 8] |= 0x80 >> (t % 8)
        out += bytes([w, len(bits)]) + bits
    return out


def rrsig(covered, labels, signer, ttl=3600, key_tag=12345):
    return (u16(covered) + bytes([13, labels]) + u32(ttl) + u32(1735689600) + u32(1733011200) + u16(key_tag)
            + name(signer) + bytes(range(64)))


def soa(mname, rname, serial=2024120701):
    return name(mname) + name(rname) + u32(serial) + u32(7200) + u32(3600) + u32(1209600) + u32(300)


def svc(key, value):
    return u16(key) + u16(len(value)) + value


def exchange(p, ident, qname, qtype, answers=(), authority=(), additional=(), flags=RESPONSE, qflags=QUERY_AD,
             qadd=None, sport=None, v6=False, snap=None):
    sport = sport or 40000 + ident % 20000
    q = question(qname, qtype)
    qadd = [opt(options=COOKIE)] if qadd is None else qadd
    c, s = (C6, S6) if v6 else (C, S)
    p.udp(c, s, sport, 53, msg(ident, qflags, [q], additional=qadd))
    p.udp(s, c, 53, sport, msg(ident, flags, [q], answers, authority, additional), gap=0.0187, snap=snap)


def main():
    p = Pcap(t0=1733580000.0)
    # a CNAME chain to a CDN, four addresses, the CDN's name servers and their glue, a server cookie
    exchange(p, 0x1a2b, "www.example.com", A,
             [rr(Q, CNAME, name("www.example.com.cdn.example.net"), ttl=3600),
              rr(ptr(45), CNAME, lbl("edge-7") + ptr(61), ttl=60)]
             + [rr(lbl("edge-7") + ptr(61), A, a("203.0.113.%d" % i), ttl=20) for i in (10, 11, 12, 13)],
             [rr(ptr(61), NS, lbl("ns1") + ptr(61), ttl=172800), rr(ptr(61), NS, lbl("ns2") + ptr(61), ttl=172800)],
             [rr(name("ns1.cdn.example.net"), A, a("198.51.100.1"), ttl=172800),
              rr(name("ns1.cdn.example.net"), AAAA, aaaa("2001:db8:53::1"), ttl=172800),
              opt(options=SERVER_COOKIE)])
    exchange(p, 0x1a2c, "www.example.com", AAAA,
             [rr(Q, AAAA, aaaa("2001:db8:cafe::%x" % i), ttl=299) for i in (1, 2)], v6=True)
    # no such name: the zone's SOA in the authority section, with the negative-caching TTL
    exchange(p, 0x2b3c, "nosuchhost.example.com", A, [],
             [rr(ptr(23), SOA, soa("ns1.example.com", "hostmaster.example.com"), ttl=300)], [opt()], flags=0x8183)
    # mail: two exchangers and their addresses
    exchange(p, 0x3c4d, "example.com", MX,
             [rr(Q, MX, u16(10) + lbl("mx1") + Q, ttl=3600), rr(Q, MX, u16(20) + lbl("mx2") + Q, ttl=3600)],
             [], [rr(name("mx1.example.com"), A, a("192.0.2.25")), rr(name("mx2.example.com"), A, a("192.0.2.26")),
                  opt()])
    # TXT: SPF and a verification token, the second record in two strings
    exchange(p, 0x4d5e, "example.com", TXT,
             [rr(Q, TXT, txt("v=spf1 ip4:192.0.2.0/24 include:_spf.example.net ~all")),
              rr(Q, TXT, txt("google-site-verification=Xq4kZ1bT", "9dL0cW2yR5vN8mP3sA7uE6hJ"))], [], [opt()])
    # reverse lookups
    exchange(p, 0x5e6f, "20.1.168.192.in-addr.arpa", PTR, [rr(Q, PTR, name("laptop.home.arpa"), ttl=86400)])
    exchange(p, 0x5e70, "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", PTR,
             [rr(Q, PTR, name("router.home.arpa"), ttl=86400)], v6=True)
    # SRV: a domain controller lookup
    exchange(p, 0x6f70, "_ldap._tcp.dc._msdcs.corp.example.com", SRV,
             [rr(Q, SRV, u16(0) + u16(100) + u16(389) + name("dc1.corp.example.com"), ttl=600),
              rr(Q, SRV, u16(0) + u16(100) + u16(389) + name("dc2.corp.example.com"), ttl=600)], [],
             [rr(name("dc1.corp.example.com"), A, a("10.0.0.5"), ttl=3600), opt()])
    # DNSSEC: the DO bit, a signed answer, the zone's keys, its DS at the parent, NSEC and NSEC3 denials
    do = [opt(z=0x8000, options=COOKIE)]
    exchange(p, 0x7071, "example.org", A,
             [rr(Q, A, a("93.184.215.14"), ttl=3600), rr(Q, RRSIG, rrsig(A, 2, "example.org"), ttl=3600)], [],
             [opt(z=0x8000)], flags=0x81a0, qadd=do)
    exchange(p, 0x7172, "example.org", DNSKEY,
             [rr(Q, DNSKEY, u16(257) + bytes([3, 13]) + bytes(range(100, 164)), ttl=3600),
              rr(Q, DNSKEY, u16(256) + bytes([3, 13]) + bytes(range(1, 65)), ttl=3600),
              rr(Q, RRSIG, rrsig(DNSKEY, 2, "example.org", key_tag=31406), ttl=3600)], [], [opt(z=0x8000)],
             flags=0x81a0, qadd=do)
    exchange(p, 0x7273, "example.org", DS,
             [rr(Q, DS, u16(31406) + bytes([13, 2]) + bytes(range(32)), ttl=86400),
              rr(Q, RRSIG, rrsig(DS, 2, "org", key_tag=26974), ttl=86400)], [], [opt(z=0x8000)], flags=0x81a0,
             qadd=do)
    exchange(p, 0x7374, "nope.example.org", A, [],
             [rr(ptr(17), SOA, soa("ns.icann.org", "noc.dns.icann.org"), ttl=3600),
              rr(ptr(17), RRSIG, rrsig(SOA, 2, "example.org"), ttl=3600),
              rr(ptr(17), NSEC, name("www.example.org") + bitmap(A, NS, SOA, MX, TXT, AAAA, RRSIG, NSEC, DNSKEY),
                 ttl=3600)], [opt(z=0x8000)], flags=0x81a3, qadd=do)
    exchange(p, 0x7475, "nope.example.net", A, [],
             [rr(ptr(17), SOA, soa("a.iana-servers.net", "noc.dns.icann.org"), ttl=3600),
              rr(name("3msev9usmd4br9s97v51r2tdvmr9iqo1.example.net"), NSEC3,
                 bytes([1, 1]) + u16(0) + bytes([4]) + bytes.fromhex("aabbccdd") + bytes([20]) + bytes(range(20))
                 + bitmap(NS, SOA, RRSIG, DNSKEY, 51), ttl=3600)], [opt(z=0x8000)], flags=0x8183, qadd=do)
    # HTTPS: what browsers ask before connecting (ALPN, port, address hints, ECH)
    exchange(p, 0x7576, "www.example.com", HTTPS,
             [rr(Q, HTTPS, u16(1) + b"\0" + svc(1, b"\x02h2\x02h3") + svc(3, u16(443))
                 + svc(4, a("203.0.113.10") + a("203.0.113.11")) + svc(5, bytes.fromhex("0045fe0d0041"))
                 + svc(6, aaaa("2001:db8:cafe::1")), ttl=300)], [], [opt()])
    exchange(p, 0x7677, "alias.example.com", HTTPS, [rr(Q, HTTPS, u16(0) + name("svc.example.net"), ttl=300)],
             [], [opt()])
    # client subnet and padding in the query (as public resolvers send them)
    exchange(p, 0x7778, "api.example.com", A, [rr(Q, A, a("192.0.2.80"), ttl=60)], [],
             [opt(options=option(8, u16(1) + bytes([24, 24]) + a("198.51.100.0")[:3]))],
             qadd=[opt(options=option(8, u16(1) + bytes([24, 0]) + a("198.51.100.0")[:3]) + option(12, bytes(40)))])
    # a round-robin pool: many answers
    exchange(p, 0x7879, "pool.ntp.example.org", A,
             [rr(Q, A, a("192.0.2.%d" % (100 + i)), ttl=150) for i in range(20)], [], [opt()])
    # truncated over UDP, retried over TCP
    exchange(p, 0x797a, "big.example.com", TXT, [], [], [opt()], flags=0x8380)
    q = msg(0x797b, QUERY_AD, [question("big.example.com", TXT)], additional=[opt(options=COOKIE)])
    r = msg(0x797b, RESPONSE, [question("big.example.com", TXT)],
            [rr(Q, TXT, txt("k=%03d " % i + "x" * 200)) for i in range(3)], [], [opt()])
    p.tcp(C, S, 51000, 53, 1000, 0, 0x02)
    p.tcp(S, C, 53, 51000, 5000, 1001, 0x12)
    p.tcp(C, S, 51000, 53, 1001, 5001, 0x10)
    p.tcp(C, S, 51000, 53, 1001, 5001, 0x18, tcp_framed(q))
    p.tcp(S, C, 53, 51000, 5001, 1001 + len(q) + 2, 0x18, tcp_framed(r), gap=0.02)
    # cut by the snaplen in the middle of the answers
    exchange(p, 0x7a7b, "cut.example.com", A, [rr(Q, A, a("192.0.2.%d" % i)) for i in range(1, 6)], [], [opt()],
             snap=14 + 20 + 8 + 12 + 21 + 16 * 2 + 7)
    # malformed: a compression pointer past the end of the message
    exchange(p, 0x7b7c, "bad.example.com", A, [rr(Q, CNAME, lbl("x") + ptr(0x3fff))], [], [])
    p.write(os.path.join(OUT, "dns-users.pcap"))


main()
