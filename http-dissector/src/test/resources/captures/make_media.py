#!/usr/bin/env python3
"""Writes media-types.pcap: HTTP exchanges on their own connections (port 80 unless said), each a request and a
response in one segment each, for what tshark 4.0.17 decides about bodies and odd data:
  - one response per media type in TYPES (text, media, json, xml, urlencoded-form, png, message/http, multipart);
  - gzip and raw-deflate Content-Encoding of a text body;
  - a TLS ClientHello sent to port 80 first on its connection (stays TCP payload), then the server's HTTP reply;
  - an unknown method (QUERY) on port 8000 taken by the heuristic (stays TCP payload), then its response;
  - a request line with NUL and control bytes (Info escapes them as tshark's format_text);
  - a request in a SYN followed by NUL bytes (SYN data is not reassembled: they are 'Continuation');
  - a request in two segments with the server's RST between them (the reset does not end the reassembly);
  - GIFs (by type, served as image/png, without a type), a form with escapes and a malformed one, cookies, multipart
    bodies (byteranges with a preamble, every header kind and a trailer; a part no delimiter closes), two requests
    on one connection, a CONNECT tunnel.
Run it here, then regen-goldens.sh."""
import struct
import zlib

TYPES = ["text/plain", "text/html", "text/csv", "text/javascript", "application/x-javascript", "text/calendar",
         "message/http", "application/x-wms-logplaystats", "application/x-www-form-urlencoded", "application/json",
         "text/xml", "application/xml", "image/gif", "image/png", "multipart/form-data; boundary=XyZ",
         "multipart/mixed; boundary=\"XyZ\"", "application/octet-stream", "text/event-stream"]
BODIES = {
    "image/gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    "image/png": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
    "application/json": b'{"a": [1, "x"], "b": null}',
    "application/x-www-form-urlencoded": b"a=1&b=two&c",
    "text/xml": b'<?xml version="1.0"?>\n<a><b>x</b></a>\n',
    "application/xml": b'<?xml version="1.0"?>\n<a/>\n',
    "multipart/form-data; boundary=XyZ": b'--XyZ\r\nContent-Disposition: form-data; name="f"\r\n\r\nhello\r\n--XyZ--\r\n',
    "multipart/mixed; boundary=\"XyZ\"": b"--XyZ\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ\r\n"
                                         b"Content-Type: application/json\r\n\r\n[1]\r\n--XyZ--\r\n",
}
TEXT = b"line one\nline two\n"
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


frames = []


def exchange(sport, request, response, dport=80):
    frames.append(segment(C, S, sport, dport, 1000, 5000, request))
    frames.append(segment(S, C, dport, sport, 5000, 1000 + len(request), response))


def response(ctype, body, extra=b""):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n" + extra
            + b"Content-Length: %d\r\n\r\n" % len(body) + body)


GET = b"GET /x HTTP/1.1\r\nHost: a\r\n\r\n"
for i, t in enumerate(TYPES):
    exchange(40000 + i, GET, response(t, BODIES.get(t, TEXT)))
gz = zlib.compressobj(9, zlib.DEFLATED, 31)
exchange(40100, GET, response("text/css", gz.compress(b"a {}\n" * 40) + gz.flush(), b"Content-Encoding: gzip\r\n"))
raw = zlib.compressobj(9, zlib.DEFLATED, -15)
exchange(40101, GET, response("application/x-javascript", raw.compress(b"var a;\n" * 40) + raw.flush(),
                               b"Content-Encoding: deflate\r\n"))
hello = bytes.fromhex("16030100310100002d0303") + bytes(32) + bytes.fromhex("000002002f01000000")
exchange(40102, hello, b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
exchange(40103, b"QUERY /users HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}",
         b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", dport=8000)
exchange(40104, b"GET /a\x00b\tc\x01 HTTP/1.1\r\nHost: a\r\n\r\n", b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
frames.append(segment(C, S, 40105, 80, 100, 0, b"GET /syn HTTP/1.1\r\nHost: a\r\n\r\n" + bytes(14), flags=0x02))
head = b"GET /r HTTP/1.1\r\nHo"
frames.append(segment(C, S, 40106, 80, 1000, 5000, head))
frames.append(segment(S, C, 80, 40106, 5000, 1000 + len(head), b"", flags=0x04))
frames.append(segment(C, S, 40106, 80, 1000 + len(head), 5000, b"st: a\r\n\r\n"))

# Real-world bodies (issue 16): GIFs by type and by the gif_http heuristic, a decoded form, cookies, multipart parts
# with every kind of header, pipelined requests, a CONNECT tunnel.
GIF89 = (b"GIF89a" + struct.pack("<HH", 4, 4) + bytes([0xb3, 0, 0x31]) + bytes(range(48))
         + b"\x21\xf9\x04\x00\x00\x00\x00\x00" + b"\x21\x99\x01\x41\x00"
         + b"\x2c" + struct.pack("<HHHH", 0, 0, 4, 4) + bytes([0x80]) + bytes(6) + b"\x04\x03\x30\x29\x25\x00" + b"\x3b")
GIF87 = b"GIF87a" + struct.pack("<HH", 2, 1) + bytes([0x00, 0, 0]) + b"\x2c" + struct.pack("<HHHH", 0, 0, 2, 1) + b"\x00\x02\x01\x00\x00\x3b"
exchange(40200, GET, response("image/gif", GIF89))
exchange(40201, GET, response("image/png", GIF89))                       # the png dissector refuses: gif_http
exchange(40202, GET, b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(GIF87) + GIF87)   # no type: heuristic
exchange(40203, b"POST /f HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         b"Content-Length: 44\r\n\r\nq=a+b%2Cc&x%3Dy=1%3D2&empty=&bad=%zz&after=1",
         b"HTTP/1.1 204 No Content\r\n\r\n")
exchange(40204, b"GET /c HTTP/1.1\r\nHost: a\r\nCookie: a=1; b=2;;  c = 3 \r\n\r\n", b"HTTP/1.1 304 Not Modified\r\n\r\n")
RANGES = (b"\r\n--XyZ\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-3/9\r\n\r\nabcd"
          b"\r\n--XyZ\r\nContent-type: Text/Plain ;  charset = \"a b\"\r\n\r\nline\n"
          b"\r\n--XyZ\r\nContent-Disposition: form-data;\r\n name=\"f\"\r\nContent-ID: <x>\r\n\r\n\x00\x01"
          b"\r\n--XyZ--\r\ntrailer")
exchange(40205, GET, response("multipart/byteranges; boundary=XyZ", RANGES))
exchange(40206, GET, response("multipart/related; boundary=XyZ", b"--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ\r\n"))
two = b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
frames.append(segment(C, S, 40207, 80, 1000, 5000, two))
frames.append(segment(S, C, 80, 40207, 5000, 1000 + len(two), b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
frames.append(segment(C, S, 40207, 80, 1000 + len(two), 5038, b"GET /2 HTTP/1.1\r\nHost: a\r\n\r\n"))
frames.append(segment(S, C, 80, 40207, 5038, 2000, b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
connect = b"CONNECT tunnel.example:80 HTTP/1.1\r\nHost: tunnel.example:80\r\n\r\n"
frames.append(segment(C, S, 40208, 3128, 1000, 5000, connect))
frames.append(segment(S, C, 3128, 40208, 5000, 1000 + len(connect), b"HTTP/1.1 200 Connection established\r\n\r\n"))
frames.append(segment(C, S, 40208, 3128, 1000 + len(connect), 5039, b"GET /in HTTP/1.1\r\nHost: in\r\n\r\n"))

# JSON as tshark walks it: nesting, escapes, numbers, literals, an empty object and array, a syntax error midway
# (the rest is line-based text), and a body too deep for the parser's bound.
NESTED = (b'{"s": "a\\"b\\u00e9\\n", "n": -1.5e3, "t": true, "f": false, "z": null, "o": {"in": [1, [2, {}], []]},'
          b' "u": "\xc3\xa9"}')
exchange(40209, GET, response("application/json", NESTED))
exchange(40210, GET, response("application/json", b'[{"a": 1}, {"a": 2]\nnext line\n'))
exchange(40211, GET, response("application/json", b"[" * 70 + b"]" * 70))

with open("media-types.pcap", "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)))
        f.write(fr)
