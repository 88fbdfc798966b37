#!/usr/bin/env python3
"""Writes websocket.pcap: WebSocket connections after an HTTP Upgrade (RFC 6455), for what tshark 4.0.17 shows:
  - text frames masked (client) and unmasked (server), a binary frame with a 16-bit length (300 bytes), a frame whose
    length uses the 64-bit form for 5 bytes, and a 70,000-byte binary frame (64-bit length) over five segments;
  - a text message fragmented in three frames (Text without FIN, two Continuations), ping and pong with payloads,
    a close with status 1000 and a reason, a close with status 4001 and none, an unknown opcode (3), RSV1 set;
  - several frames in one segment and a frame split across two segments;
  - a 101 followed by frames in the same segment as the response;
  - hostile: a frame declaring 2^63-1 bytes, then one declaring 0xffffffffffffffff on another connection.
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
    def __init__(self, sport, dport=80):
        self.sport, self.dport, self.cseq, self.sseq = sport, dport, 1000, 5000
        frames.append(segment(C, S, sport, dport, self.cseq - 1, 0, b"", 0x02))
        frames.append(segment(S, C, dport, sport, self.sseq - 1, self.cseq, b"", 0x12))

    def client(self, data):
        frames.append(segment(C, S, self.sport, self.dport, self.cseq, self.sseq, data))
        self.cseq += len(data)

    def server(self, data):
        frames.append(segment(S, C, self.dport, self.sport, self.sseq, self.cseq, data))
        self.sseq += len(data)


def ws(opcode, payload, fin=True, key=None, rsv=0, length_form=None):
    b0 = (0x80 if fin else 0) | rsv << 4 | opcode
    n = len(payload)
    form = length_form or (7 if n < 126 else 16 if n < 65536 else 64)
    mask = 0x80 if key else 0
    if form == 7:
        head = bytes([b0, mask | n])
    elif form == 16:
        head = bytes([b0, mask | 126]) + struct.pack("!H", n)
    else:
        head = bytes([b0, mask | 127]) + struct.pack("!Q", n)
    if key:
        payload = bytes(c ^ key[i % 4] for i, c in enumerate(payload))
        head += key
    return head + payload


UPGRADE = (b"GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
SWITCHING = (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
K1, K2 = bytes.fromhex("37fa213d"), bytes.fromhex("0a0b0c0d")
frames = []

a = Connection(41000)
a.client(UPGRADE)
a.server(SWITCHING)
a.client(ws(1, b"Hello", key=K1))
a.server(ws(1, b"Hello"))
a.server(ws(2, bytes(range(256)) + bytes(44)))
a.client(ws(2, b"12345", key=K2, length_form=64))
a.client(ws(1, b"Hel", fin=False, key=K1))
a.client(ws(0, b"lo ", fin=False, key=K1))
a.client(ws(0, b"world", key=K1))
a.client(ws(9, b"ping!", key=K2))
a.server(ws(10, b"ping!"))
a.server(ws(1, b"one") + ws(1, b"two\r\nlines\n") + ws(2, b"\x00\x01"))
split = ws(1, b"split across two segments")
a.server(split[:4])
a.server(split[4:])
a.server(ws(3, b"odd"))
a.server(ws(1, b"rsv", rsv=4))
big = ws(2, bytes(i & 0xff for i in range(70000)))
for i in range(0, len(big), 14000):
    a.server(big[i:i + 14000])
a.client(ws(8, struct.pack("!H", 1000) + b"bye", key=K1))
a.server(ws(8, struct.pack("!H", 4001)))

b = Connection(41001, 8080)
b.client(UPGRADE)
b.server(SWITCHING + ws(1, b"first") + ws(9, b""))
b.client(ws(10, b"", key=K2))
b.server(bytes([0x82, 127]) + struct.pack("!Q", (1 << 63) - 1) + b"endless")

c = Connection(41002)
c.client(UPGRADE)
c.server(SWITCHING)
c.client(bytes([0x81, 0xff]) + b"\xff" * 8 + K1 + b"garbage after handshake")
c.server(b"\x00\x00\x00")

out = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "websocket.pcap"), "wb")
out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
for i, f in enumerate(frames):
    out.write(struct.pack("<IIII", 1700000000 + i, 0, len(f), len(f)) + f)
out.close()
