#!/usr/bin/env python3
"""Writes hand-made captures of TCP edge cases (Ethernet/IPv4 or IPv6, valid checksums) for conformance
against tshark: option kinds and bad lengths, bad data offsets, a capture that starts mid-stream with
sequence numbers wrapping past 2^32, SYN retransmission and reused ports, zero-window probes, keep-alives,
a SACK option without a block, segments quoted in ICMP and ICMPv6 errors,
out-of-order and overlapping retransmissions of a reassembled HTTP PDU, and HTTP split at every byte.
Usage: make_synthetic.py OUTDIR [tcp|http]"""
import struct, sys, os

def csum(data):
    if len(data) % 2: data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

class Flow:
    def __init__(self, a, b, ap, bp, v6=False):
        self.a, self.b, self.ap, self.bp, self.v6 = a, b, ap, bp, v6

def tcp(src, dst, sp, dp, seq, ack, flags, win=65535, opts=b"", payload=b"", v6=False, doff=None, urg=0, raw_len=None):
    if len(opts) % 4:
        opts = opts + b"\x01" * (4 - len(opts) % 4)
    hl = 20 + len(opts)
    off = (doff if doff is not None else hl // 4)
    hdr = struct.pack("!HHIIHHHH", sp, dp, seq & 0xffffffff, ack & 0xffffffff, (off << 12) | (flags & 0xfff), win, 0, urg)
    seg = hdr + opts + payload
    if v6:
        ph = src + dst + struct.pack("!IxxxB", len(seg), 6)
    else:
        ph = src + dst + struct.pack("!xBH", 6, len(seg))
    c = csum(ph + seg)
    seg = seg[:16] + struct.pack("!H", c) + seg[18:]
    if v6:
        ip = struct.pack("!IHBB", 0x60000000, len(seg), 6, 64) + src + dst
        return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x86\xdd" + ip + seg
    tot = 20 + len(seg) if raw_len is None else raw_len
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot, 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x08\x00" + ip + seg

def write(path, pkts):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        t = 1_700_000_000_000_000
        for i, (dt, p) in enumerate(pkts):
            t += dt
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(p), len(p)))
            f.write(p)

A, B = bytes([10, 99, 0, 2]), bytes([10, 99, 0, 1])
A6 = bytes.fromhex("fd000099000000000000000000000002"); B6 = bytes.fromhex("fd000099000000000000000000000001")
S, SA, AK, PA, F, R, U = 0x02, 0x12, 0x10, 0x18, 0x11, 0x14, 0x20
MSS = b"\x02\x04\x05\xb4"; WS = lambda s: b"\x03\x03" + bytes([s]); SP = b"\x04\x02"; NOP = b"\x01"
TS = lambda v, e: b"\x08\x0a" + struct.pack("!II", v, e)

def handshake(sp, dp, isn_a, isn_b, ws=7, src=A, dst=B, v6=False):
    return [
        (0, tcp(src, dst, sp, dp, isn_a, 0, S, 64240, MSS + SP + TS(1000, 0) + NOP + WS(ws), v6=v6)),
        (100, tcp(dst, src, dp, sp, isn_b, isn_a + 1, SA, 65160, MSS + SP + TS(2000, 1000) + NOP + WS(ws), v6=v6)),
        (120, tcp(src, dst, sp, dp, isn_a + 1, isn_b + 1, AK, 502, NOP + NOP + TS(1001, 2000), v6=v6)),
    ]

def options_zoo():
    p = []
    # Every known option kind, well formed, on SYNs of separate connections.
    zoo = [
        MSS + NOP + WS(15) + SP + TS(5, 0) + b"\x22\x0a" + b"\x11" * 8,          # WS shift 15 (invalid), TFO cookie
        b"\x13\x12" + b"\xaa" * 16 + b"\x1c\x04\x81\x2c" + NOP + NOP,             # MD5, user timeout (minutes)
        b"\x1d\x08\x01\x02" + b"\xbb" * 4 + b"\x1e\x0c\x01\x81" + b"\x01" * 8,   # AO, MPTCP MP_CAPABLE v1
        b"\xfe\x06\xf9\x89\x12\x34" + b"\x63\x04\xde\xad" + b"\x22\x02" + NOP + NOP,  # exp TFO, unknown kind 99, TFO req
        b"\x06\x06\x00\x00\x00\x07" + b"\x0b\x06\x00\x00\x00\x08" + NOP + NOP + NOP + NOP,  # echo, CC, 4 NOPs
        MSS + b"\x00" + b"\x00\x01\x02",                                          # EOL then non-zero padding
    ]
    for i, o in enumerate(zoo):
        p.append((1000, tcp(A, B, 40000 + i, 60000, 1000 * i, 0, S, 8192, o)))
    # Bad option lengths: 0, 1, past the header; a truncated option at every length of a timestamp.
    bad = [b"\x02\x00\x00\x00", b"\x08\x01\x00\x00", b"\x08\x0c" + b"\0" * 6, NOP + NOP + NOP + b"\x02",
           b"\x05\x0b" + b"\0" * 9 + NOP, b"\x03\x04\x07\x00", b"\x1e\x03\x00\x00"]
    for ln in range(1, 10):
        o = TS(1, 2)[:ln]
        bad.append(o + b"\x00" * ((4 - len(o) % 4) % 4))
    for i, o in enumerate(bad):
        p.append((1000, tcp(A, B, 41000 + i, 60000, 5, 0, S, 8192, o)))
    # Data offset below 5, and past the packet.
    p.append((1000, tcp(A, B, 42000, 60000, 1, 0, AK, 100, doff=4)))
    p.append((1000, tcp(A, B, 42001, 60000, 1, 0, AK, 100, opts=b"", doff=15)))
    # Urgent pointer with and without URG, ECN/CWR/AE and reserved bits.
    p.append((1000, tcp(A, B, 42002, 60000, 1, 1, PA | U, 100, payload=b"urgent!", urg=3)))
    p.append((1000, tcp(A, B, 42003, 60000, 1, 1, PA, 100, payload=b"x", urg=9)))
    p.append((1000, tcp(A, B, 42004, 60000, 1, 0, S | 0x40 | 0x80 | 0x100 | 0xe00, 100)))
    # SACK blocks, D-SACK.
    p += handshake(43000, 60000, 100, 5000)
    p.append((100, tcp(B, A, 60000, 43000, 5001, 101, AK, 500, NOP + NOP + b"\x05\x12" + struct.pack("!IIII", 4000, 4500, 5100, 5200))))
    p.append((100, tcp(B, A, 60000, 43000, 5001, 201, AK, 500, NOP + NOP + b"\x05\x0a" + struct.pack("!II", 150, 180))))
    return p

def midstream_wrap():
    p = []
    a, b = 0xfffff000, 0xffffff00
    # Starts mid-connection: no SYN; sequence numbers wrap past 2^32 in both directions.
    for i in range(6):
        p.append((2000, tcp(A, B, 45000, 9000, a + i * 1000, b, PA, 1000, TS(10 + i, 20), payload=bytes([65 + i]) * 1000)))
        p.append((500, tcp(B, A, 9000, 45000, b, a + (i + 1) * 1000, AK, 1000, TS(20, 10 + i))))
    # Duplicate ACKs, a window update, a retransmission, an out-of-order segment, a lost segment.
    p.append((500, tcp(B, A, 9000, 45000, b, a + 6000, AK, 1000, TS(21, 15))))
    p.append((500, tcp(B, A, 9000, 45000, b, a + 6000, AK, 1000, TS(22, 15))))
    p.append((500, tcp(B, A, 9000, 45000, b, a + 6000, AK, 2000, TS(23, 15))))
    p.append((300000, tcp(A, B, 45000, 9000, a + 5000, b, PA, 1000, TS(30, 23), payload=b"F" * 1000)))
    p.append((100, tcp(A, B, 45000, 9000, a + 8000, b, PA, 1000, TS(31, 23), payload=b"I" * 1000)))
    p.append((100, tcp(A, B, 45000, 9000, a + 7000, b, PA, 1000, TS(32, 23), payload=b"H" * 1000)))
    p.append((100, tcp(A, B, 45000, 9000, a + 6000, b, PA, 1000, TS(33, 23), payload=b"G" * 1000)))
    p.append((100, tcp(B, A, 9000, 45000, b, a + 12000, AK, 1000, TS(24, 33))))
    # Zero window, probe, probe ACK, keep-alive and its ACK; RST to close.
    p.append((100, tcp(B, A, 9000, 45000, b, a + 9000, AK, 0, TS(25, 33))))
    p.append((100, tcp(A, B, 45000, 9000, a + 9000, b, PA, 1000, TS(34, 25), payload=b"Z")))
    p.append((100, tcp(B, A, 9000, 45000, b, a + 9000, AK, 0, TS(26, 34))))
    p.append((100, tcp(B, A, 9000, 45000, b, a + 9000, AK, 1000, TS(27, 34))))
    p.append((100, tcp(A, B, 45000, 9000, a + 8999, b, AK, 1000, TS(35, 27))))
    p.append((100, tcp(B, A, 9000, 45000, b, a + 9000, AK, 1000, TS(28, 35))))
    p.append((100, tcp(A, B, 45000, 9000, a + 9000, b, R | AK, 1000)))
    return p

def syn_retrans_reuse():
    p = []
    p.append((0, tcp(A, B, 46000, 8080, 777, 0, S, 64240, MSS + SP + NOP + WS(2))))
    p.append((1000000, tcp(A, B, 46000, 8080, 777, 0, S, 64240, MSS + SP + NOP + WS(2))))
    p.append((100, tcp(B, A, 8080, 46000, 999, 778, SA, 65160, MSS + SP + NOP + WS(3))))
    p.append((100, tcp(A, B, 46000, 8080, 778, 1000, AK, 1000)))
    p.append((100, tcp(A, B, 46000, 8080, 778, 1000, F | AK, 1000)))
    p.append((100, tcp(B, A, 8080, 46000, 1000, 779, F | AK, 1000)))
    p.append((100, tcp(A, B, 46000, 8080, 779, 1001, AK, 1000)))
    # The same ports again, new ISN: "TCP Port numbers reused", new stream; no window scaling this time.
    p.append((5000000, tcp(A, B, 46000, 8080, 5555, 0, S, 64240, MSS)))
    p.append((100, tcp(B, A, 8080, 46000, 6666, 5556, SA, 65160, MSS + NOP + WS(3))))
    p.append((100, tcp(A, B, 46000, 8080, 5556, 6667, AK, 1000)))
    p.append((100, tcp(A, B, 46000, 8080, 5556, 6667, R, 0)))
    # IPv6 connection with a SYN/ACK retransmission.
    p += handshake(47000, 8080, 1, 2, src=A6, dst=B6, v6=True)[:2]
    p.append((300000, tcp(B6, A6, 8080, 47000, 2, 2, SA, 65160, MSS + SP + TS(2001, 1000) + NOP + WS(7), v6=True)))
    p.append((100, tcp(A6, B6, 47000, 8080, 2, 3, AK, 502, NOP + NOP + TS(1001, 2001), v6=True)))
    return p

def http_ooo():
    p = []
    p += handshake(48000, 80, 100, 9000)
    req = b"GET /ooo HTTP/1.1\r\nHost: 10.99.0.1\r\nUser-Agent: synthetic\r\nAccept: */*\r\n\r\n"
    p.append((100, tcp(A, B, 48000, 80, 101, 9001, PA, 502, payload=req)))
    body = b"".join(b"line %04d of the out-of-order body\n" % i for i in range(120))
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nConnection: keep-alive\r\n\r\n" % len(body) + body
    segs = [resp[i:i + 1000] for i in range(0, len(resp), 1000)]
    seq = 9001
    offs = []
    for s in segs:
        offs.append((seq, s)); seq += len(s)
    order = [0, 2, 1, 3, 4]
    for i in order:
        if i < len(offs):
            sq, s = offs[i]
            p.append((50, tcp(B, A, 80, 48000, sq, 101 + len(req), PA if i == len(offs) - 1 else AK, 509, payload=s)))
    # overlapping retransmission of parts already sent, and one with extra data
    sq, s = offs[1]
    p.append((200000, tcp(B, A, 80, 48000, sq + 500, 101 + len(req), AK, 509, payload=s[500:])))
    p.append((100, tcp(A, B, 48000, 80, 101 + len(req), seq, AK, 502)))
    # A second request split at every byte boundary (one byte per segment), and its response in two segments.
    req2 = b"GET /split HTTP/1.1\r\nHost: x\r\n\r\n"
    base = 101 + len(req)
    for i in range(len(req2)):
        p.append((10, tcp(A, B, 48000, 80, base + i, seq, PA, 502, payload=req2[i:i + 1])))
    r2 = b"HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\nContent-Type: text/html\r\n\r\n0123456789"
    p.append((100, tcp(B, A, 80, 48000, seq, base + len(req2), AK, 509, payload=r2[:30])))
    p.append((100, tcp(B, A, 80, 48000, seq + 30, base + len(req2), PA, 509, payload=r2[30:])))
    # Pipelined: two requests in one segment, both answered in one segment.
    req3 = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
    b3 = base + len(req2)
    s3 = seq + len(r2)
    p.append((100, tcp(A, B, 48000, 80, b3, s3, PA, 502, payload=req3)))
    r3 = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes"
    p.append((100, tcp(B, A, 80, 48000, s3, b3 + len(req3), PA, 509, payload=r3)))
    p.append((100, tcp(A, B, 48000, 80, b3 + len(req3), s3 + len(r3), F | AK, 502)))
    p.append((100, tcp(B, A, 80, 48000, s3 + len(r3), b3 + len(req3) + 1, F | AK, 509)))
    return p

def empty_sack():
    # A SACK option without a block (length 2). tshark 4.0 compares a right edge of 0 with the ACK for D-SACK
    # and, when it is not above it, reads the missing block: malformed, no analysis, no payload (only with
    # absolute numbers and an ACK over 2^31 is it just "TCP SACK Count: 0"; the last frame starts mid-stream).
    p = handshake(41000, 80, 5000, 9000)
    p.append((200, tcp(A, B, 41000, 80, 5001, 9001, PA, 502, NOP + NOP + TS(1002, 2000), b"x" * 100)))
    p.append((300, tcp(B, A, 80, 41000, 9001, 5101, AK, 509, NOP + NOP + b"\x05\x02")))
    p.append((300, tcp(A, B, 41000, 80, 5101, 9001, PA, 502, NOP + NOP + TS(1003, 2000), b"y" * 100)))
    p.append((300, tcp(B, A, 80, 41000, 9001, 5201, PA, 509, b"\x05\x02" + NOP + NOP, b"z" * 10)))
    p.append((300, tcp(B, A, 81, 41001, 9001, 3_000_000_000, AK, 509, NOP + NOP + b"\x05\x02")))
    return p

def icmp_error(src, dst, typ, code, quoted, v6=False):
    # An ICMP (or ICMPv6) error from src to dst quoting the IP datagram 'quoted' (an Ethernet frame's payload).
    if v6:
        msg = struct.pack("!BBHI", typ, code, 0, 0) + quoted
        ph = src + dst + struct.pack("!I3xB", len(msg), 58)
        msg = msg[:2] + struct.pack("!H", csum(ph + msg)) + msg[4:]
        ip = struct.pack("!IHBB", 0x60000000, len(msg), 58, 64) + src + dst
        return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x86\xdd" + ip + msg
    msg = struct.pack("!BBHI", typ, code, 0, 0) + quoted
    msg = msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(msg), 1, 0, 64, 1, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x08\x00" + ip + msg

def in_icmp_errors():
    # TCP quoted in ICMP errors, as tshark 4.0 shows it: the connection is found (or created) by the quoted
    # addresses and ports, its numbers stay absolute, nothing is analysed, and the segments
    # after the error are analysed as if it had not been there. Directly under IPv4 in ICMP the sequence
    # number comes before the rest of the header (8 quoted bytes give ports and sequence number). The quoted
    # payload goes to the next layer, without reassembly.
    R = bytes([10, 99, 0, 254])
    p = handshake(42000, 80, 1000, 5000)
    p.append((100, tcp(A, B, 42000, 80, 1001, 5001, PA, 502, NOP + NOP + TS(1002, 2000), b"a" * 50)))
    quoted = tcp(A, B, 42000, 80, 1051, 5001, PA, 502, NOP + NOP + TS(1003, 2000), b"b" * 50)[14:]
    p.append((100, icmp_error(R, A, 11, 0, quoted[:20 + 32 + 8])))                 # time exceeded, 8 data bytes
    p.append((100, tcp(A, B, 42000, 80, 1051, 5001, PA, 502, NOP + NOP + TS(1003, 2000), b"b" * 50)))
    p.append((100, icmp_error(R, A, 3, 4, quoted[:20 + 8])))                       # only 8 bytes of TCP
    p.append((100, tcp(B, A, 80, 42000, 5001, 1101, AK, 509, NOP + NOP + TS(2001, 1003))))
    # Errors quoting segments of connections not seen yet: a new stream, taken over by the real SYN.
    p.append((100, icmp_error(R, A, 3, 3, tcp(A, B, 42001, 80, 7000, 0, S, 64240, MSS)[14:])))
    p.append((100, tcp(A, B, 42001, 80, 7000, 0, S, 64240, MSS)))
    p.append((100, tcp(B, A, 80, 42001, 9000, 7001, SA, 65160, MSS)))
    p.append((100, icmp_error(B, A, 3, 3, tcp(B, A, 80, 42001, 9001, 7001, PA, 509, b"", b"c" * 20)[14:])))
    p.append((100, tcp(B, A, 80, 42001, 9001, 7001, PA, 509, b"", b"c" * 20)))
    # IPv6 in ICMPv6: the sequence number comes with the header, with tcp.seq_raw.
    q6 = tcp(A6, B6, 42002, 80, 3000, 4000, PA, 509, b"", b"d" * 30, v6=True)[14:]
    p.append((100, icmp_error(B6, A6, 1, 4, q6[:40 + 28], v6=True)))
    p.append((100, icmp_error(B6, A6, 1, 4, q6[:40 + 8], v6=True)))
    return p

out = sys.argv[1] if len(sys.argv) > 1 else "."
which = sys.argv[2] if len(sys.argv) > 2 else "tcp"
if which == "tcp":
    write(os.path.join(out, "tcp-options-zoo.pcap"), options_zoo())
    write(os.path.join(out, "tcp-midstream-wrap.pcap"), midstream_wrap())
    write(os.path.join(out, "tcp-syn-retrans-reuse.pcap"), syn_retrans_reuse())
    write(os.path.join(out, "tcp-empty-sack.pcap"), empty_sack())
    write(os.path.join(out, "tcp-in-icmp-errors.pcap"), in_icmp_errors())
else:
    write(os.path.join(out, "http-ooo-split.pcap"), http_ooo())
