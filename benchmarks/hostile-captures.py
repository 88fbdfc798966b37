#!/usr/bin/env python3
"""Writes the hostile captures of docs/robustness.md as pcap to stdout (nothing is committed: 2 GB would not fit).

  hostile-captures.py syns N            N SYNs, each from its own address and port (N distinct connections)
  hostile-captures.py tls-partial N     N TLS connections, each a handshake and a TLS record header announcing
                                        16 KiB of which 100 bytes come, all open at once
  hostile-captures.py tls-endless MB    one connection whose TLS handshake message announces 16 MiB and then
                                        MB megabytes of records that never complete it
  hostile-captures.py http-body MB      one HTTP response with Content-Length: MB MiB, and MB MiB of body
  hostile-captures.py frags N           N IPv4 first fragments (more-fragments set) whose rest never comes

Pipe it into the command: benchmarks/hostile-captures.py syns 1000000 | ./dissect4j -r - --handshakes
"""
import struct
import sys

out = sys.stdout.buffer
TS = [0]


def header():
    out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))


def record(frame):
    TS[0] += 1
    out.write(struct.pack("<IIII", TS[0] // 1000000, TS[0] % 1000000, len(frame), len(frame)))
    out.write(frame)


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ident=0, frag=0x4000):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xFFFF, frag, 64, proto, 0, src, dst)
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def tcp(sport, dport, seq, ack, flags, payload=b""):
    return struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 0x50, flags, 65535, 0, 0) + payload


def eth(ip):
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip


def addr(n):
    return struct.pack("!I", 0x0A000000 | (n & 0xFFFFFF))


SERVER = bytes([192, 0, 2, 1])


class Conn:
    """One TCP connection from client number n to the server's port."""

    def __init__(self, n, port):
        self.c = addr(n)
        self.cport = 1024 + n % 60000
        self.port = port
        self.cseq = 1000
        self.sseq = 5000

    def handshake(self):
        record(eth(ipv4(self.c, SERVER, 6, tcp(self.cport, self.port, self.cseq, 0, 0x02))))
        record(eth(ipv4(SERVER, self.c, 6, tcp(self.port, self.cport, self.sseq, self.cseq + 1, 0x12))))
        self.cseq += 1
        self.sseq += 1
        record(eth(ipv4(self.c, SERVER, 6, tcp(self.cport, self.port, self.cseq, self.sseq, 0x10))))

    def client(self, data):
        record(eth(ipv4(self.c, SERVER, 6, tcp(self.cport, self.port, self.cseq, self.sseq, 0x18, data))))
        self.cseq += len(data)

    def server(self, data):
        record(eth(ipv4(SERVER, self.c, 6, tcp(self.port, self.cport, self.sseq, self.cseq, 0x18, data))))
        self.sseq += len(data)


def main():
    kind, n = sys.argv[1], int(sys.argv[2])
    header()
    if kind == "syns":
        for i in range(n):
            record(eth(ipv4(addr(i // 50000), SERVER, 6, tcp(1024 + i % 50000, 80, i, 0, 0x02))))
    elif kind == "tls-partial":
        conns = [Conn(i, 443) for i in range(n)]
        for c in conns:
            c.handshake()
        for c in conns:
            # a handshake record announcing 16 KiB, of which 100 bytes come
            c.client(b"\x16\x03\x01\x40\x00" + b"\x01\x00\x3f\xfc" + b"\x03\x03" + b"\x00" * 94)
    elif kind == "tls-endless":
        c = Conn(1, 443)
        c.handshake()
        # a Certificate message announcing 16 MiB - 1, sent as full records that never complete it
        chunk = b"\x00" * 16384
        c.server(b"\x16\x03\x03\x40\x00" + b"\x0b\xff\xff\xff" + chunk[4:])
        for _ in range(n * 64):
            c.server(b"\x16\x03\x03\x40\x00" + chunk)
    elif kind == "http-body":
        c = Conn(1, 80)
        c.handshake()
        c.client(b"GET /big HTTP/1.1\r\nHost: example\r\n\r\n")
        size = n << 20
        c.server(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % size)
        body = b"x" * 1460
        sent = 0
        while sent < size:
            part = body[: min(1460, size - sent)]
            c.server(part)
            sent += len(part)
    elif kind == "frags":
        for i in range(n):
            # a first fragment of 1480 bytes, more fragments set; the rest of the datagram never comes
            record(eth(ipv4(addr(i), SERVER, 17, b"\0" * 1480, ident=i, frag=0x2000)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        pass
