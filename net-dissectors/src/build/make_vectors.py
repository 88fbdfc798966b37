#!/usr/bin/env python3
"""Writes the crafted test captures of net-dissectors (deterministic bytes and timestamps).

Usage: python3 make_vectors.py ../test/resources/captures
Then:  ./make_goldens.sh ../test/resources/captures   (tshark 4.0.17 goldens)

Every frame is built field by field below; the comment above each list says what it exercises.
"""
import ipaddress
import os
import struct
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
A = '02:00:00:77:00:01'
B = '02:00:00:77:00:02'
Z = '00:00:00:00:00:00'
BR = 'ff:ff:ff:ff:ff:ff'
S6 = 'fd00:77::2'
D6 = 'fd00:77::1'


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def mac(s):
    return bytes(int(x, 16) for x in s.split(':'))


def ip4(s):
    return bytes(int(x) for x in s.split('.'))


def ip6(s):
    return ipaddress.IPv6Address(s).packed


def eth(dst, src, typ, payload):
    return mac(dst) + mac(src) + struct.pack('!H', typ) + payload


def ipv4(src, dst, proto, payload, ttl=64, id=0x1234, flags=0x4000, tos=0, opts=b'', tot=None, ver_ihl=None):
    ihl = (20 + len(opts)) // 4
    tot = tot if tot is not None else 20 + len(opts) + len(payload)
    h = struct.pack('!BBHHHBBH4s4s', ver_ihl if ver_ihl is not None else (0x40 | ihl), tos, tot, id, flags, ttl, proto, 0,
                    ip4(src), ip4(dst)) + opts
    h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    return h + payload


def udp(sp, dp, payload, src, dst, length=None, v6=False, cs=None):
    ln = length if length is not None else 8 + len(payload)
    h = struct.pack('!HHHH', sp, dp, ln, 0)
    if cs is None:
        if v6:
            ph = ip6(src) + ip6(dst) + struct.pack('!IxxxB', 8 + len(payload), 17)
        else:
            ph = ip4(src) + ip4(dst) + struct.pack('!xBH', 17, 8 + len(payload))
        cs = csum(ph + h + payload) or 0xffff
    return struct.pack('!HHHH', sp, dp, ln, cs) + payload


def ipv6(src, dst, nxt, payload, hlim=64, tc=0, flow=0, plen=None):
    pl = plen if plen is not None else len(payload)
    return struct.pack('!IHBB', (6 << 28) | (tc << 20) | flow, pl, nxt, hlim) + ip6(src) + ip6(dst) + payload


def icmp(t, c, rest, payload=b''):
    h = struct.pack('!BBH', t, c, 0) + rest + payload
    return h[:2] + struct.pack('!H', csum(h)) + h[4:]


def icmp6(src, dst, t, c, body):
    h = struct.pack('!BBH', t, c, 0) + body
    ph = ip6(src) + ip6(dst) + struct.pack('!I3xB', len(h), 58)
    return h[:2] + struct.pack('!H', csum(ph + h)) + h[4:]


def pcap(name, pkts, linktype=1, snap=65535):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snap, linktype))
        t = 1700000000
        for i, p in enumerate(pkts):
            data, orig = p if isinstance(p, tuple) else (p, len(p))
            f.write(struct.pack('<IIII', t + i, i * 1000, len(data), orig))
            f.write(data)


def u4(sp=40000, dp=40001, payload=b'abc'):
    return udp(sp, dp, payload, '10.0.0.2', '10.0.0.1')


def ip_udp(**kw):
    return ipv4('10.0.0.2', '10.0.0.1', 17, u4(), **kw)


# Ethernet: padding, trailer, FCS guess, unknown Ethertype, IEEE 802.3 with SNAP, 802.1Q, 802.1ad,
# a group source address, an invalid length/type.
snap = bytes([0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x00]) + ip_udp()
pcap('link-ethernet.pcap', [
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(payload=b'hello'))),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(payload=b'hello'))) + b'\0' * 13 + b'ABCD',
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(payload=b'x' * 30))) + b'TRAILERX',
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(payload=b'hello'))) + b'\x55' * 13,
    eth(A, B, 0x1234, b'abcdefgh' * 6),
    mac(A) + mac(B) + struct.pack('!H', len(snap)) + snap,
    eth(A, B, 0x8100, struct.pack('!HH', (5 << 13) | (1 << 12) | 100, 0x0800) + ip_udp()),
    eth(A, B, 0x88a8, struct.pack('!HH', 200, 0x8100) + struct.pack('!HH', 100, 0x0800) + ip_udp()),
    eth(A, B, 0x8100, struct.pack('!HH', 100, 0x0800) + ip_udp() + b'\0' * 10),
    eth(A, B, 0x8100, struct.pack('!HH', 7, 0x4321) + b'q' * 42),
    eth(A, '03:00:00:00:00:01', 0x0800, ip_udp()),
    eth(A, B, 0x05ff, b'\0' * 46),
    eth('01:00:5e:00:00:fb', B, 0x0800, ipv4('10.0.0.2', '224.0.0.251', 17, udp(5354, 5354, b'm', '10.0.0.2', '224.0.0.251'), ttl=255)),
])

# Linux cooked capture v1 and v2, BSD loopback (both byte orders, LOOP), raw IP link types.
ipk = ip_udp()
u6 = ipv6('fd00::1', 'fd00::2', 17, udp(1, 2, b'x', 'fd00::1', 'fd00::2', v6=True))
pcap('link-sll.pcap', [
    struct.pack('!HHH', 4, 1, 6) + mac(B) + b'\0\0' + struct.pack('!H', 0x0800) + ipk,
    struct.pack('!HHH', 0, 1, 6) + mac(B) + b'\0\0' + struct.pack('!H', 0x86dd) + u6,
    struct.pack('!HHH', 3, 772, 0) + b'\0' * 8 + struct.pack('!H', 0x0800) + ipk,
    struct.pack('!HHH', 1, 1, 6) + mac(B) + b'\0\0' + struct.pack('!H', 0x0806)
    + struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac(B) + ip4('10.0.0.2') + mac(Z) + ip4('10.0.0.1'),
], linktype=113)
pcap('link-sll2.pcap', [
    struct.pack('!HHIHBB', 0x0800, 0, 7, 1, 0, 6) + mac(B) + b'\0\0' + ipk,
    struct.pack('!HHIHBB', 0x86dd, 0, 3, 1, 4, 6) + mac(A) + b'\0\0' + u6,
], linktype=276)
pcap('link-null.pcap', [struct.pack('<I', 2) + ipk, struct.pack('<I', 30) + u6, struct.pack('>I', 2) + ipk,
                        struct.pack('<I', 99) + b'xyz'], linktype=0)
pcap('link-loop.pcap', [struct.pack('>I', 2) + ipk, struct.pack('>I', 24) + u6], linktype=108)
pcap('link-raw.pcap', [ipk, u6], linktype=101)
pcap('link-raw4.pcap', [ipk], linktype=228)
pcap('link-raw6.pcap', [u6], linktype=229)

# IPv4 options: record route, timestamps, router alert, loose and strict source routes, security,
# stream id, MTU probe, traceroute, four NOPs, an unknown option, and a bad option length.
def with_opts(o):
    o += b'\0' * ((-len(o)) % 4)
    return eth(A, B, 0x800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(), opts=o))
pcap('ipv4-options.pcap', [
    with_opts(bytes([1]) + bytes([7, 11, 4]) + ip4('1.2.3.4') + ip4('0.0.0.0') + bytes([68, 12, 9, 0x01]) + ip4('5.6.7.8')
              + struct.pack('!I', 1000) + bytes([148, 4, 0, 0])),
    with_opts(bytes([131, 7, 4]) + ip4('9.9.9.9') + bytes([130, 11]) + b'\0' * 9 + bytes([30, 4, 1, 2])),
    with_opts(bytes([131, 15, 8]) + ip4('1.1.1.1') + ip4('2.2.2.2') + ip4('3.3.3.3') + b'\1'),
    with_opts(bytes([137, 11, 4]) + ip4('4.4.4.4') + ip4('5.5.5.5') + b'\1'),
    with_opts(bytes([7, 11, 8]) + ip4('1.2.3.4') + ip4('5.6.7.8') + b'\1'),
    with_opts(bytes([68, 12, 5, 0x10]) + struct.pack('!II', 1, 2)),
    with_opts(bytes([68, 12, 13, 0x03]) + ip4('9.9.9.9') + struct.pack('!I', 5)),
    with_opts(bytes([136, 4, 0, 7, 11, 4, 5, 220, 82, 12]) + struct.pack('!HHH', 1, 2, 3) + ip4('8.8.8.8')),
    with_opts(bytes([1, 1, 1, 1, 1, 1, 1, 1])),
    with_opts(bytes([7, 40])),
    with_opts(bytes([130, 5, 1, 0x80, 0x01])),
])

# IPv4 and UDP length errors, then a good packet.
pcap('ipv4-malformed.pcap', [
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(), tot=100)),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(), tot=10)),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(), ver_ihl=0x44)),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(), ver_ihl=0x55)),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, udp(40000, 40001, b'hello', '10.0.0.2', '10.0.0.1', length=50))),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, udp(40000, 40001, b'hello', '10.0.0.2', '10.0.0.1', length=4))),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, udp(40000, 40001, b'hello', '10.0.0.2', '10.0.0.1', cs=0))),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 200, b'zzzz' * 10)),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4(), ttl=2)),
    eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, u4())),
])

# IPv4 fragments: in order, out of order with an overlap, and a lone first fragment.
big = udp(40000, 40001, bytes(range(200)), '10.0.0.2', '10.0.0.1')
def frag4(data, off, more, id):
    return eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 17, data, id=id, flags=(0x2000 if more else 0) | (off // 8)))
pcap('ipv4-fragments.pcap', [
    frag4(big[:80], 0, True, 77), frag4(big[80:160], 80, True, 77), frag4(big[160:], 160, False, 77),
    frag4(big[160:], 160, False, 78), frag4(big[:96], 0, True, 78), frag4(big[80:160], 80, True, 78),
    frag4(big[:40], 0, True, 79),
])

# IPv6 extension headers and fragments.
u = udp(40000, 40001, b'hi there', S6, D6, v6=True)
hbh = bytes([17, 0]) + bytes([5, 2, 0, 0]) + bytes([1, 0])
ic = icmp6(S6, D6, 128, 0, struct.pack('!HH', 0x1234, 7) + b'abcdefgh')
dst = bytes([58, 0]) + bytes([0, 0]) + bytes([1, 2, 0, 0])
rt = bytes([17, 2, 0, 1, 0, 0, 0, 0]) + ip6('fd00::9')
u2 = udp(40000, 40001, b'x', S6, 'fd00::9', v6=True)
srh = bytes([17, 4, 4, 1, 1, 0, 0, 0]) + ip6('fd00::a') + ip6('fd00::b')
u3 = udp(40000, 40001, b'x', S6, 'fd00::a', v6=True)
big6 = udp(40000, 40001, bytes(range(100)), S6, D6, v6=True)
f1 = bytes([17, 0]) + struct.pack('!HI', 1, 0xabcdef01) + big6[:56]
f2 = bytes([17, 0]) + struct.pack('!HI', 56, 0xabcdef01) + big6[56:]
jumbo = bytes([17, 0]) + bytes([0xc2, 4]) + struct.pack('!I', 70000)
tel = bytes([17, 0]) + bytes([4, 1, 5]) + bytes([0x3e, 1, 9])
pcap('ipv6-extensions.pcap', [
    eth(A, B, 0x86dd, ipv6(S6, D6, 0, hbh + u)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 60, dst + ic)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 43, rt + u2)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 43, srh + u3)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 44, f1)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 44, f2)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 60, tel + u)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 17, u, plen=100)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 17, u, tc=0xb8, flow=0x12345)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 99, b'unknown!')),
    eth(A, B, 0x86dd, ipv6(S6, D6, 43, bytes([17, 2, 2, 1, 0, 0, 0, 0]) + ip6('fd00::9') + u2)),
])

# ARP: request, reply, announcement, gratuitous reply, probe, RARP, InARP, IEEE 802 hardware, IPv6 protocol.
def arp(op, sha, spa, tha, tpa, hw=1, pt=0x0800):
    return struct.pack('!HHBBH', hw, pt, 6, 4, op) + mac(sha) + ip4(spa) + mac(tha) + ip4(tpa)
pcap('arp.pcap', [
    eth(BR, B, 0x806, arp(1, B, '10.0.0.2', Z, '10.0.0.1')),
    eth(B, A, 0x806, arp(2, A, '10.0.0.1', B, '10.0.0.2')),
    eth(BR, B, 0x806, arp(1, B, '10.0.0.2', Z, '10.0.0.2')),
    eth(BR, B, 0x806, arp(2, B, '10.0.0.2', BR, '10.0.0.2')),
    eth(BR, B, 0x806, arp(1, B, '0.0.0.0', Z, '10.0.0.5')),
    eth(BR, B, 0x806, arp(1, B, '10.0.0.2', A, '10.0.0.2')),
    eth(BR, B, 0x8035, arp(3, B, '0.0.0.0', B, '0.0.0.0')),
    eth(BR, B, 0x8035, arp(4, A, '10.0.0.1', B, '10.0.0.2')),
    eth(BR, B, 0x806, arp(8, B, '10.0.0.2', A, '0.0.0.0')),
    eth(BR, B, 0x806, arp(9, A, '10.0.0.1', B, '10.0.0.2')),
    eth(BR, B, 0x806, arp(1, B, '10.0.0.2', Z, '10.0.0.1', hw=6)),
    eth(BR, B, 0x806, struct.pack('!HHBBH', 1, 0x86dd, 6, 16, 1) + mac(B) + ip6('fd00::1') + mac(Z) + ip6('fd00::2')),
])

# ICMP: every type with code 0, and every code of the types that name their codes (errors quote an IPv4/UDP datagram).
inner4 = ipv4('10.0.0.2', '10.0.0.1', 17, udp(1, 2, b'x', '10.0.0.2', '10.0.0.1'))
pk = []
for t in range(0, 45):
    for c in range(0, 17):
        if t in (3, 5, 6, 9, 11, 12, 40, 42, 43) or c == 0:
            pk.append(eth(A, B, 0x800, ipv4('10.0.0.1', '10.0.0.2', 1, icmp(t, c, b'\0\0\0\0', inner4))))
pcap('icmp-types.pcap', pk)

# ICMP echo with a timestamp in the data, its reply, router advertisement, timestamp and mask messages,
# RFC 4884 lengths, fragmentation needed with MTU, parameter problem, redirect.
now = 1700000000
echo_data = struct.pack('<II', now, 5000) + bytes(range(8, 56))
pcap('icmp-messages.pcap', [
    eth(A, B, 0x800, ipv4('10.0.0.2', '10.0.0.1', 1, icmp(8, 0, struct.pack('!HH', 0x4d2, 1), echo_data))),
    eth(B, A, 0x800, ipv4('10.0.0.1', '10.0.0.2', 1, icmp(0, 0, struct.pack('!HH', 0x4d2, 1), echo_data), ttl=63)),
    eth(A, B, 0x800, ipv4('10.0.0.1', '224.0.0.1', 1, icmp(9, 0, struct.pack('!BBH', 2, 2, 1800), ip4('10.0.0.1') + struct.pack('!i', -5) + ip4('10.0.0.9') + struct.pack('!i', 7)), ttl=1)),
    eth(A, B, 0x800, ipv4('10.0.0.2', '10.0.0.1', 1, icmp(13, 0, struct.pack('!HH', 1, 2), struct.pack('!III', 1000, 0, 0)))),
    eth(A, B, 0x800, ipv4('10.0.0.2', '10.0.0.1', 1, icmp(18, 0, struct.pack('!HH', 1, 2), ip4('255.255.255.0')))),
    eth(A, B, 0x800, ipv4('10.0.0.1', '10.0.0.2', 1, icmp(3, 4, struct.pack('!HH', 0, 1400), inner4))),
    eth(A, B, 0x800, ipv4('10.0.0.1', '10.0.0.2', 1, icmp(11, 0, struct.pack('!BBH', 0, 7, 0), inner4 + b'\0' * 4 + b'extensions'))),
    eth(A, B, 0x800, ipv4('10.0.0.1', '10.0.0.2', 1, icmp(12, 0, struct.pack('!BBH', 20, 0, 0), inner4))),
    eth(A, B, 0x800, ipv4('10.0.0.1', '10.0.0.2', 1, icmp(5, 1, ip4('10.0.0.254'), inner4))),
    eth(A, B, 0x800, ipv4('10.0.0.2', '10.0.0.1', 1, icmp(8, 0, struct.pack('!HH', 7, 7), b'abc'))),
])

# ICMPv6: neighbour discovery with options, echo, errors quoting IPv6/UDP, an unknown type, all error codes.
def opt(t, body):
    ln = (2 + len(body) + 7) // 8
    return bytes([t, ln]) + body + b'\0' * (ln * 8 - 2 - len(body))
pk = []
def e6(src, dst, t, c, body, hl=255, dmac=A):
    pk.append(eth(dmac, B, 0x86dd, ipv6(src, dst, 58, icmp6(src, dst, t, c, body), hlim=hl)))
e6(S6, 'ff02::1:ff00:1', 135, 0, b'\0' * 4 + ip6(D6) + opt(1, mac(B)))
e6(D6, S6, 136, 0, struct.pack('!I', 0x60000000) + ip6(D6) + opt(2, mac(A)))
e6(D6, S6, 136, 0, struct.pack('!I', 0x80000000) + ip6(D6))
e6('fe80::1', 'ff02::2', 133, 0, b'\0' * 4 + opt(1, mac(B)))
ra = (struct.pack('!BBHII', 64, 0x48, 1800, 0, 0) + opt(1, mac(A)) + opt(5, b'\0\0' + struct.pack('!I', 1500))
      + bytes([3, 4, 64, 0xc0]) + struct.pack('!III', 86400, 14400, 0) + ip6('fd00:77::')
      + opt(25, b'\0\0' + struct.pack('!I', 600) + ip6('fd00::53')))
e6('fe80::1', 'ff02::1', 134, 0, ra)
e6('fe80::1', S6, 137, 0, b'\0' * 4 + ip6('fd00:77::9') + ip6('fd00:99::1') + opt(2, mac(A)))
e6(S6, D6, 128, 0, struct.pack('!HH', 0x1a2b, 1) + b'pingdata')
e6(D6, S6, 129, 0, struct.pack('!HH', 0x1a2b, 1) + b'pingdata', hl=64)
inner6 = ipv6(S6, D6, 17, udp(5000, 6000, b'q', S6, D6, v6=True))
for t, codes in ((1, range(0, 10)), (3, range(0, 3)), (4, range(0, 5)), (2, range(0, 2))):
    for c in codes:
        e6(D6, S6, t, c, (struct.pack('!I', 1280) if t == 2 else struct.pack('!I', 40) if t == 4 else b'\0' * 4) + inner6)
e6(S6, D6, 200, 0, b'xyzw')
e6(S6, D6, 135, 0, b'\0' * 4 + ip6(D6) + bytes([1, 0]) + b'\0' * 6)
pcap('icmpv6.pcap', pk)

# GRE: checksum+key+sequence around IPv4, transparent Ethernet bridging, unknown protocol, bad checksum,
# enhanced GRE (PPTP) with key split in length and call id.
inner = ipv4('192.168.0.1', '192.168.0.2', 1, icmp(8, 0, struct.pack('!HH', 0x1234, 1), b'abcdefgh'))
def gre(flags, proto, extra, payload):
    return struct.pack('!HH', flags, proto) + extra + payload
g1 = gre(0xB000, 0x0800, struct.pack('!HH', 0, 0) + struct.pack('!I', 0xdeadbeef) + struct.pack('!I', 7), inner)
g1 = g1[:4] + struct.pack('!H', csum(g1)) + g1[6:]
pcap('gre.pcap', [eth(A, B, 0x0800, ipv4('10.0.0.2', '10.0.0.1', 47, g)) for g in (
    g1,
    gre(0x2000, 0x6558, struct.pack('!I', 5), eth(A, B, 0x0800, inner)),
    gre(0x0000, 0x1234, b'', b'zzzz'),
    gre(0x8000, 0x0800, struct.pack('!HH', 0x1111, 0), inner),
    gre(0x0000, 0x86dd, b'', u6),
    gre(0x3081, 0x1235, struct.pack('!HHII', 4, 99, 12, 11), b'abcd'),
)])

# Ethernet destinations that exercise well-known and vendor names in the labels.
names = ['33:33:00:00:01:02', '33:33:00:01:00:02', '33:33:ff:00:00:01', '01:00:5e:00:00:fb', '01:00:5e:7f:ff:fa',
         '33:33:00:00:00:00', BR]
pcap('eth-names.pcap', [eth(m, B, 0x1234, b'x' * 46) for m in names])

# Declared lengths that do not fit: IPv6 payload length beyond the frame, a hop-by-hop header longer
# than the packet, an ICMPv6 option of length 0, IEEE 802.3 and 802.1Q lengths past the end, an
# invalid Ethernet length/type; then a good packet.
snap_ip = bytes([0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x00]) + ip_udp()
pcap('malformed.pcap', [
    eth(A, B, 0x86dd, ipv6(S6, D6, 17, u, plen=100)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 0, bytes([17, 5]) + b'\1\0' + b'\0' * 4 + u)),
    eth(A, B, 0x86dd, ipv6(S6, D6, 58, icmp6(S6, D6, 135, 0, b'\0' * 4 + ip6(D6) + bytes([1, 0]) + b'\0' * 6))),
    mac(A) + mac(B) + struct.pack('!H', 200) + snap_ip,
    eth(A, B, 0x8100, struct.pack('!HH', 5, 200) + snap_ip),
    eth(A, B, 0x05ff, b'\0' * 46),
    eth(A, B, 0x0800, ip_udp()),
])
