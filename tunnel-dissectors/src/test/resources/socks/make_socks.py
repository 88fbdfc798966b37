#!/usr/bin/env python3
"""Writes socks.pcap: SOCKS connections on port 1080 (RFC 1928, RFC 1929, SOCKS 4 and 4a), each followed by the
tunnelled protocol, for what tshark 4.0.17 shows:
  - SOCKS5 without authentication, CONNECT to an IPv4 address, port 80, then an HTTP exchange;
  - SOCKS5 with username/password authentication and a domain name, then HTTP;
  - SOCKS5 CONNECT to an IPv6 address refused (reply 5);
  - SOCKS4a: user id and domain name, granted, then HTTP in two segments;
  - SOCKS4 rejected (91); SOCKS4 BIND with the second reply (its bytes are data: no port);
  - SOCKS5 UDP ASSOCIATE (the TCP connection carries nothing more to decode), no acceptable method, a failed
    username/password;
  - hostile: a SOCKS5 greeting that claims 255 methods and brings 2, a domain name longer than the data, and
    bytes that are no SOCKS version (a TLS record sent to port 1080).
Run it here, then regen-golden.sh."""
import os
import struct

C, S = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return ~s & 0xffff


def segment(src, dst, sport, dport, seq, ack, payload, flags=0x18):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x08\x00" + ip + tcp


class Connection:
    def __init__(self, sport, dport=1080):
        self.sport, self.dport, self.cseq, self.sseq = sport, dport, 1000, 5000
        frames.append(segment(C, S, sport, dport, self.cseq - 1, 0, b"", 0x02))
        frames.append(segment(S, C, dport, sport, self.sseq - 1, self.cseq, b"", 0x12))

    def client(self, data):
        frames.append(segment(C, S, self.sport, self.dport, self.cseq, self.sseq, data))
        self.cseq += len(data)

    def server(self, data):
        frames.append(segment(S, C, self.dport, self.sport, self.sseq, self.cseq, data))
        self.sseq += len(data)


GET = b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n"
frames = []

a = Connection(42000)
a.client(b"\x05\x01\x00")
a.server(b"\x05\x00")
a.client(b"\x05\x01\x00\x01" + bytes([10, 1, 1, 1]) + struct.pack("!H", 80))
a.server(b"\x05\x00\x00\x01" + bytes([10, 0, 0, 2]) + struct.pack("!H", 40000))
a.client(GET)
a.server(OK)

b = Connection(42001)
b.client(b"\x05\x02\x00\x02")
b.server(b"\x05\x02")
b.client(b"\x01\x05alice\x06secret")
b.server(b"\x01\x00")
b.client(b"\x05\x01\x00\x03\x0bexample.com" + struct.pack("!H", 80))
b.server(b"\x05\x00\x00\x01" + bytes(4) + struct.pack("!H", 0))
b.client(GET)
b.server(OK)

c = Connection(42002)
c.client(b"\x05\x01\x00")
c.server(b"\x05\x00")
c.client(b"\x05\x01\x00\x04" + bytes.fromhex("20010db8000000000000000000000001") + struct.pack("!H", 443))
c.server(b"\x05\x05\x00\x01" + bytes(6))

d = Connection(42003)
d.client(b"\x04\x01" + struct.pack("!H", 80) + bytes([0, 0, 0, 1]) + b"bob\x00example.org\x00")
d.server(b"\x00\x5a" + bytes(6))
d.client(GET[:10])
d.client(GET[10:])
d.server(OK)

e = Connection(42004)
e.client(b"\x04\x01" + struct.pack("!H", 80) + bytes([192, 0, 2, 1]) + b"\x00")
e.server(b"\x00\x5b" + bytes(6))

f = Connection(42005)
f.client(b"\x05\xff\x00\x02")

g = Connection(42006)
g.client(b"\x05\x01\x00")
g.server(b"\x05\x00")
g.client(b"\x05\x01\x00\x03\xffshort")

i = Connection(42008)
i.client(b"\x04\x02" + struct.pack("!H", 21) + bytes([192, 0, 2, 1]) + b"u\x00")
i.server(b"\x00\x5a" + struct.pack("!H", 2000) + bytes([192, 0, 2, 9]))
i.server(b"\x00\x5a" + struct.pack("!H", 2000) + bytes([192, 0, 2, 9]))

j = Connection(42009)
j.client(b"\x05\x01\x00")
j.server(b"\x05\x00")
j.client(b"\x05\x03\x00\x01" + bytes(6))
j.server(b"\x05\x00\x00\x01" + bytes([10, 0, 0, 2]) + struct.pack("!H", 5353))
j.client(b"xyz")

k = Connection(42010)
k.client(b"\x05\x01\x00")
k.server(b"\x05\xff")

m = Connection(42011)
m.client(b"\x05\x02\x00\x02")
m.server(b"\x05\x02")
m.client(b"\x01\x05alice\x03bad")
m.server(b"\x01\x01")

h = Connection(42007)
h.client(bytes.fromhex("160301002e0100002a0303") + bytes(32) + bytes.fromhex("000002002f0100"))

out = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "socks.pcap"), "wb")
out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
for i, fr in enumerate(frames):
    out.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)) + fr)
out.close()
