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
Frames are written with ../captures/pcapkit.py. Run it here, then regen-golden.sh."""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures"))
from pcapkit import Pcap  # noqa: E402

C, S = "10.0.0.1", "10.0.0.2"
pcap = Pcap()


class Connection:
    def __init__(self, sport, dport=1080):
        self.sport, self.dport, self.cseq, self.sseq = sport, dport, 1000, 5000
        pcap.tcp(C, S, sport, dport, self.cseq - 1, 0, 0x02)
        pcap.tcp(S, C, dport, sport, self.sseq - 1, self.cseq, 0x12)

    def client(self, data):
        pcap.tcp(C, S, self.sport, self.dport, self.cseq, self.sseq, 0x18, data)
        self.cseq += len(data)

    def server(self, data):
        pcap.tcp(S, C, self.dport, self.sport, self.sseq, self.cseq, 0x18, data)
        self.sseq += len(data)


GET = b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n"

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

pcap.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "socks.pcap"))
