#!/usr/bin/env python3
"""Writes the small captures of this folder, whose tshark 4.0.17 outputs are the goldens of OwnTreesTest.

Usage (here): python3 make-trees.py && for c in *.pcap; do for f in pdml json; do
  WIRESHARK_CONFIG_DIR=/tmp/wsc TZ=UTC LC_ALL=C tshark -r $c -T $f | grep -v '^<pdml' > $c.$f; done
  WIRESHARK_CONFIG_DIR=/tmp/wsc TZ=UTC LC_ALL=C tshark -r $c -V > $c.verbose.txt; done

ipv6-ext-headers.pcap: hop-by-hop and destination options (Router Alert, PadN, Pad1, an unknown option, Tunnel
Encapsulation Limit, an experimental one, Home Address, Jumbo Payload, a Router Alert of the wrong length), routing
headers of types 0, 2, 4 and an unknown one, an atomic fragment, and options before No Next Header.
ipv6-embedded-addresses.pcap: addresses that carry others (SLAAC MAC with and without the universal bit, ISATAP,
6to4, Teredo, the NAT64 prefix 64:ff9b::/96 and a local-use one that is not it, an IPv4-mapped one).
"""
import ipaddress
import struct

ETH = bytes.fromhex('020000000002020000000001') + b'\x86\xdd'
SRC = ipaddress.IPv6Address('2001:db8::1').packed
DST = ipaddress.IPv6Address('2001:db8::2').packed


def pcap(name, frames):
    with open(name, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, frame in enumerate(frames):
            f.write(struct.pack('<IIII', 1000 + i, 0, len(frame), len(frame)))
            f.write(frame)


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def udp(payload=b'hello'):
    u = struct.pack('!HHHH', 1234, 5678, 8 + len(payload), 0) + payload
    c = checksum(SRC + DST + struct.pack('!I', len(u)) + b'\0\0\0\x11' + u)
    return u[:6] + struct.pack('!H', c) + u[8:]


def ipv6(nxt, body, src=SRC, dst=DST):
    return ETH + struct.pack('!IHBB', 0x60000000, len(body), nxt, 64) + src + dst + body


def ext(nxt, options):
    assert (len(options) + 2) % 8 == 0
    return bytes([nxt, (len(options) + 2) // 8 - 1]) + options


def ext_headers():
    u = udp()
    return [
        ipv6(0, ext(17, bytes([5, 2, 0, 0, 1, 0])) + u),
        ipv6(0, ext(17, bytes([0x03, 2, 0xab, 0xcd, 0, 0])) + u),
        ipv6(60, ext(17, bytes([4, 1, 5, 1, 1, 0])) + u),
        ipv6(60, ext(17, bytes([0x1e, 2, 1, 2, 1, 0])) + u),
        ipv6(0, ext(60, bytes([1, 4, 0, 0, 0, 0])) + ext(17, bytes([0xc9, 16]) + DST + bytes([1, 2, 0, 0])) + u),
        ipv6(43, bytes([17, 2, 0, 1, 0, 0, 0, 0]) + DST + u),
        ipv6(43, bytes([17, 2, 2, 1, 0, 0, 0, 0]) + DST + u),
        ipv6(43, bytes([17, 4, 4, 1, 1, 0, 0, 0]) + DST + SRC + u),
        ipv6(43, bytes([17, 0, 7, 0, 0, 0, 0, 0]) + u),
        ipv6(44, bytes([17, 0, 0, 0, 0, 0, 0, 1]) + u),
        ipv6(0, ext(17, bytes([0xc2, 4, 0, 1, 0, 0])) + u),
        ipv6(0, ext(17, bytes([5, 3, 0, 0, 0, 0])) + u),
        ipv6(0, ext(59, bytes([0x3e, 4, 1, 2, 3, 4]))),
    ]


def embedded_addresses():
    pairs = [('fe80::2e0:81ff:fe52:ffff', 'fe80::e0:81ff:fe52:ffff'),
             ('fe80::200:5efe:102:304', 'fe80::0200:5efe:c0a8:101'),
             ('64:ff9b::102:304', '2001:0:4137:9e50:8000:f12a:b9c8:2815'),
             ('2002:c0a8:101:5::1', '2001:db8::1'),
             ('fe80::1:2ff:fe03:405', '::ffff:1.2.3.4'),
             ('2001:0:4137:9e50:8000:f12a:b9c8:2815', '64:ff9b::102:304'),
             ('64:ff9b::102:304', '64:ff9b::506:708'),
             ('64:ff9b:1::102:304', '2002:c0a8:101:5:2e0:81ff:fe52:ffff'),
             ('2001:0:4137:9e50:200:5efe:b9c8:2815', 'fe80::200:5efe:102:304')]
    return [ipv6(59, b'', ipaddress.IPv6Address(s).packed, ipaddress.IPv6Address(d).packed) for s, d in pairs]


pcap('ipv6-ext-headers.pcap', ext_headers())
pcap('ipv6-embedded-addresses.pcap', embedded_addresses())
