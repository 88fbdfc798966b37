#!/usr/bin/env python3
"""Small helpers to hand-build TLS byte streams and write them as Ethernet/IPv4/TCP pcap files with valid
checksums (used by make_synthetic.py). Nothing here is cryptographically meaningful: randoms and keys are
fixed filler bytes."""
import struct

def csum(data):
    if len(data) % 2: data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def tcp(src, dst, sp, dp, seq, ack, flags, payload=b"", win=502):
    hdr = struct.pack("!HHIIHHHH", sp, dp, seq & 0xffffffff, ack & 0xffffffff, (5 << 12) | flags, win, 0, 0)
    seg = hdr + payload
    ph = src + dst + struct.pack("!xBH", 6, len(seg))
    c = csum(ph + seg)
    seg = seg[:16] + struct.pack("!H", c) + seg[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x08\x00" + ip + seg

def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        t = 1_700_000_000_000_000
        for p in frames:
            t += 1000
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(p), len(p)))
            f.write(p)

SYN, SYNACK, ACK, PSHACK, FINACK, RST = 0x02, 0x12, 0x10, 0x18, 0x11, 0x14

class Conn:
    """A TCP connection client->server; send() returns frames carrying the given byte chunks."""
    def __init__(self, cport, sport, cip=bytes([10, 88, 0, 2]), sip=bytes([10, 88, 0, 1]), handshake=True):
        self.c, self.s, self.cp, self.sp = cip, sip, cport, sport
        self.cseq, self.sseq = 1000, 5000
        self.frames = []
        if handshake:
            self.frames.append(tcp(self.c, self.s, cport, sport, self.cseq - 1, 0, SYN))
            self.frames.append(tcp(self.s, self.c, sport, cport, self.sseq - 1, self.cseq, SYNACK))
            self.frames.append(tcp(self.c, self.s, cport, sport, self.cseq, self.sseq, ACK))

    def client(self, *chunks):
        for ch in chunks:
            self.frames.append(tcp(self.c, self.s, self.cp, self.sp, self.cseq, self.sseq, PSHACK, ch))
            self.cseq += len(ch)
        return self

    def server(self, *chunks):
        for ch in chunks:
            self.frames.append(tcp(self.s, self.c, self.sp, self.cp, self.sseq, self.cseq, PSHACK, ch))
            self.sseq += len(ch)
        return self

    def close(self):
        self.frames.append(tcp(self.c, self.s, self.cp, self.sp, self.cseq, self.sseq, FINACK))
        self.frames.append(tcp(self.s, self.c, self.sp, self.cp, self.sseq, self.cseq + 1, FINACK))
        self.frames.append(tcp(self.c, self.s, self.cp, self.sp, self.cseq + 1, self.sseq + 1, ACK))
        return self

def u8(v): return struct.pack("!B", v)
def u16(v): return struct.pack("!H", v)
def u24(v): return struct.pack("!I", v)[1:]
def v8(b): return u8(len(b)) + b
def v16(b): return u16(len(b)) + b
def v24(b): return u24(len(b)) + b

def record(ctype, body, version=0x0303):
    return u8(ctype) + u16(version) + v16(body)

def hs(msg_type, body):
    return u8(msg_type) + v24(body)

def ext(etype, data):
    return u16(etype) + v16(data)

def sni(name): return ext(0, v16(u8(0) + v16(name.encode())))
def alpn(*protos): return ext(16, v16(b"".join(v8(p if isinstance(p, bytes) else p.encode()) for p in protos)))
def groups(*g): return ext(10, v16(b"".join(u16(x) for x in g)))
def point_formats(*f): return ext(11, v8(bytes(f)))
def sigalgs(*a): return ext(13, v16(b"".join(u16(x) for x in a)))
def versions_client(*v): return ext(43, v8(b"".join(u16(x) for x in v)))
def version_server(v): return ext(43, u16(v))
def key_share_client(*groups_): return ext(51, v16(b"".join(u16(g) + v16(b"\x11" * 32) for g in groups_)))
def key_share_server(g): return ext(51, u16(g) + v16(b"\x22" * 32))
def key_share_hrr(g): return ext(51, u16(g))
def psk_modes(*m): return ext(45, v8(bytes(m)))
def psk_client(identity, age=1234): return ext(41, v16(v16(identity) + struct.pack("!I", age)) + v16(v8(b"\x33" * 32)))
def psk_server(sel=0): return ext(41, u16(sel))
def session_ticket(t=b""): return ext(35, t)
def ems(): return ext(23, b"")
def etm(): return ext(22, b"")
def reneg(): return ext(0xff01, v8(b""))

HRR_RANDOM = bytes.fromhex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C")

def client_hello(ciphers=(0x1301, 0xc02f, 0x00ff), exts=b"", session_id=b"", version=0x0303, random=b"\x01" * 32):
    body = u16(version) + random + v8(session_id) + v16(b"".join(u16(c) for c in ciphers)) + v8(b"\x00")
    if exts is not None:
        body += v16(exts)
    return hs(1, body)

def server_hello(cipher=0xc02f, exts=b"", session_id=b"", version=0x0303, random=b"\x02" * 32):
    body = u16(version) + random + v8(session_id) + u16(cipher) + u8(0)
    if exts is not None:
        body += v16(exts)
    return hs(2, body)
