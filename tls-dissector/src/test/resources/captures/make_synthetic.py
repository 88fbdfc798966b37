#!/usr/bin/env python3
"""Writes hand-built TLS streams as Ethernet/IPv4/TCP captures (valid checksums) for conformance against tshark:
a ClientHello split into two segments at every byte boundary, handshake messages across records, SSLv2-compatible
ClientHello, heartbeats, GREASE, and bad input (unknown records, vectors past their end, absurd lengths, truncated
messages, a record header split across segments, a record that never ends, a frame cut by the snaplen).
Usage: make_synthetic.py [OUTDIR]   (goldens: regen-goldens.sh)"""
import os, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tlsgen import *

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
# A throw-away self-signed P-256 certificate (CN=synth.test), DER.
CERT = bytes.fromhex("308201e73082018ea003020102021411951f124437b70303863a33edf6b6a2d7651d33300a06082a8648ce3d0403023036310b300906035504061302585831123010060355040a0c0973796e7468657469633113301106035504030c0a73796e74682e74657374301e170d3236313132373132313631385a170d3336313132343132313631385a3036310b300906035504061302585831123010060355040a0c0973796e7468657469633113301106035504030c0a73796e74682e746573743059301306072a8648ce3d020106082a8648ce3d03010703420004b82f9a63de13933b8de280375d0395ba93c53949d99143a9a5389f68502e68da84e251b8f13d3e77f435f000c67da12041a5c32bc2876d369adf850098ecca97a37a3078301d0603551d0e04160414f0e4f1bf0a5d732780f4fcd47e3aa39c19e4acd1301f0603551d23041830168014f0e4f1bf0a5d732780f4fcd47e3aa39c19e4acd1300f0603551d130101ff040530030101ff30250603551d11041e301c820a73796e74682e74657374820e616c742e73796e74682e74657374300a06082a8648ce3d040302034700304402201686c0600911f17562bd9bffdde8146ffb63a9fd823ec5ab42d6ca3bf61c1d140220325f626190d9cddabf358abcc9f258e7311897297cc1ec05dd52be250d2cce8b")

def split_every_byte():
    frames = []
    exts = sni("s.t") + ext(0x0a0a, b"") + groups(0x3a3a, 29) + alpn("h2") + versions_client(0x2a2a, 0x0304, 0x0303)
    rec = record(22, client_hello(ciphers=(0x5a5a, 0x1301, 0xc02f), exts=exts), 0x0301)
    for k in range(1, len(rec)):
        c = Conn(20000 + k, 443)
        c.client(rec[:k], rec[k:])
        frames += c.frames
    write(os.path.join(OUT, "tls-split-every-byte.pcap"), frames)

def fragmented_handshake():
    c = Conn(31000, 443)
    ch = client_hello(ciphers=(0xc02b, 0xc02f), exts=sni("frag.test") + groups(23) + point_formats(0))
    # ClientHello across two records in two segments.
    c.client(record(22, ch[:40], 0x0301) + record(22, ch[40:], 0x0301))
    sh = server_hello(0xc02b, reneg() + point_formats(0))
    cert = hs(11, v24(v24(CERT)))
    ske = hs(12, b"\x03\x00\x17" + v8(b"\x04" + b"\x44" * 64) + u16(0x0403) + v16(b"\x55" * 70))
    done = hs(14, b"")
    # ServerHello + first third of the Certificate in one record; the rest over two records; SKE + SHD in one.
    a, b = len(cert) // 3, 2 * len(cert) // 3
    c.server(record(22, sh + cert[:a]), record(22, cert[a:b]), record(22, cert[b:] + ske + done[:2]), record(22, done[2:]))
    c.client(record(22, hs(16, v8(b"\x04" + b"\x66" * 64))) + record(20, b"\x01") + record(22, b"\x00" * 8 + b"\x77" * 32))
    c.server(record(20, b"\x01") + record(22, b"\x00" * 8 + b"\x88" * 32))
    c.client(record(24, b"\x01" + u16(16) + b"\x99" * 16 + b"\x00" * 16))   # heartbeat request
    c.server(record(24, b"\x02" + u16(16) + b"\x99" * 16 + b"\x00" * 16))   # heartbeat response
    c.client(record(23, b"\xaa" * 40), record(21, b"\x01\x00"))
    c.close()
    write(os.path.join(OUT, "tls-fragmented-handshake.pcap"), c.frames)

def sslv2_hello():
    body = b"\x01" + u16(0x0301) + u16(9) + u16(0) + u16(32) + bytes.fromhex("c02f00003500000a0000") [:9] + b"\x12" * 32
    rec = u16(0x8000 | len(body)) + body
    c = Conn(32000, 443)
    c.client(rec)
    c.server(record(22, server_hello(0x002f, None, version=0x0301)))
    write(os.path.join(OUT, "tls-sslv2-hello.pcap"), c.frames)

def bad_input():
    frames = []
    good_ch = record(22, client_hello(exts=sni("bad.test") + groups(29)), 0x0301)
    # 1. unknown content type after the version is known; zero-length handshake; alert of length 3.
    c = Conn(33001, 443)
    c.client(good_ch)
    c.server(record(22, server_hello(0xc02f, reneg())) + record(0x63, b"abc") + record(22, b"") + record(21, b"\x02\x28\x00"))
    frames += c.frames
    # 2. ClientHello whose vectors run past their ends: cipher suites length, session id length, extension lengths.
    for i, body in enumerate([
            u16(0x0303) + b"\x01" * 32 + v8(b"") + u16(0xfff0) + b"\x13\x01",
            u16(0x0303) + b"\x01" * 32 + u8(200) + b"\x02" * 20,
            u16(0x0303) + b"\x01" * 32 + v8(b"") + v16(u16(0x1301)) + v8(b"\x00") + u16(0x0100) + u16(0) + u16(0xffff) + b"x",
            u16(0x0303) + b"\x01" * 32 + v8(b"") + v16(u16(0x1301)) + v8(b"\x00") + v16(u16(10) + u16(6) + u16(0x7000) + b"\x00\x1d"),
            u16(0x0303) + b"\x01" * 32 + v8(b"") + v16(u16(0x1301)) + v8(b"\x00") + v16(u16(16) + u16(5) + u16(9) + b"\x08h2x"),
            u16(0x0303) + b"\x01" * 32 + v8(b"") + v16(u16(0x1301)) + v8(b"\x00") + v16(sni("a") + b"\x00"),
            b"\x03",
        ]):
        c = Conn(33100 + i, 443)
        c.client(record(22, hs(1, body), 0x0301))
        frames += c.frames
    # 3. a handshake message longer than its record, followed by application data; unknown handshake type first.
    c = Conn(33201, 4433)
    c.client(good_ch)
    c.server(record(22, server_hello(0xc02f, reneg())))
    c.server(record(22, hs(11, b"\x00\x10\x00" + b"\x30" * 20)[:30]))
    c.server(record(23, b"\xee" * 30))
    c.server(record(22, b"\x63\x00\x00\x02\x01\x02"))
    frames += c.frames
    # 4. a record header split across segments, then a record that never ends (connection closes first).
    c = Conn(33301, 443)
    rec = good_ch
    c.client(rec[:3], rec[3:])
    c.server(record(22, server_hello(0xc02f, None))[:2], record(22, server_hello(0xc02f, None))[2:])
    c.client(b"\x17\x03\x03\xff\xf0" + b"\x00" * 100, b"\x01" * 100)
    c.close()
    frames += c.frames
    # 4b. ClientHellos without an extensions block, with an empty one, and with an extension past the block.
    for i, exts in enumerate([None, b""]):
        c = Conn(33350 + i, 443)
        c.client(record(22, client_hello(exts=exts), 0x0301))
        frames += c.frames
    c = Conn(33352, 443)
    body = u16(0x0303) + b"\x01" * 32 + v8(b"") + v16(u16(0x1301)) + v8(b"\x00") + v16(groups(29) + u16(11) + u16(9) + b"\x01\x00")
    c.client(record(22, hs(1, body), 0x0301) + record(21, b"\x01\x00"))
    frames += c.frames
    # 5. plaintext that is not TLS on 443 (four printable bytes) and garbage on 443.
    c = Conn(33401, 443)
    c.client(b"HELO example\r\n")
    frames += c.frames
    c = Conn(33402, 443)
    c.client(b"\x01\x02\x03\x04\x05\x06\x07\x08\x09")
    frames += c.frames
    write(os.path.join(OUT, "tls-bad-input.pcap"), frames)

def snaplen_cut():
    c = Conn(34001, 443)
    c.client(record(22, client_hello(exts=sni("cut.test") + groups(29) + sigalgs(0x0403)), 0x0301))
    path = os.path.join(OUT, "tls-snaplen.pcap")
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 120, 1))
        t = 1_700_000_000_000_000
        for p in c.frames:
            t += 1000
            cap = p[:120]
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(cap), len(p)))
            f.write(cap)

def snaplen_cuts():
    frames = []
    ch = record(22, client_hello(exts=sni("cut.test") + groups(29) + sigalgs(0x0403)), 0x0301)
    for cut in (58, 60, 100, 130, 9999):
        c = Conn(35000 + cut % 1000, 443)
        c.client(ch)
        c.server(record(22, server_hello(0xc02f, reneg())))
        c.client(record(23, b"\xaa" * 100))
        frames += [(f, cut if i >= 3 else 9999) for i, f in enumerate(c.frames)]
    with open(os.path.join(OUT, "tls-snaplen-cuts.pcap"), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        t = 1_700_000_000_000_000
        for p, cut in frames:
            t += 1000
            cap = p[:cut]
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(cap), len(p)))
            f.write(cap)


split_every_byte()
snaplen_cuts()
fragmented_handshake()
sslv2_hello()
bad_input()
snaplen_cut()
