"""Builds DNS messages byte by byte (RFC 1035 wire format), including broken ones on purpose."""
import struct


def name(n):
    """A domain name as labels; "" or "." is the root. Labels may be bytes to hold any octet."""
    if isinstance(n, (bytes, bytearray)):
        return bytes(n)
    out = b""
    for label in [x for x in n.split(".") if x]:
        b = label.encode("latin-1")
        out += bytes([len(b)]) + b
    return out + b"\0"


def ptr(offset):
    """A compression pointer to offset (from the start of the DNS message)."""
    return struct.pack("!H", 0xC000 | offset)


def header(ident, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack("!HHHHHH", ident, flags, qd, an, ns, ar)


def question(n, qtype, qclass=1):
    return (n if isinstance(n, bytes) else name(n)) + struct.pack("!HH", qtype, qclass)


def rr(n, rtype, rdata, rclass=1, ttl=300):
    return (n if isinstance(n, bytes) else name(n)) + struct.pack("!HHIH", rtype, rclass, ttl, len(rdata)) + rdata


def opt(udp_size=1232, ext_rcode=0, version=0, z=0, options=b""):
    return b"\0" + struct.pack("!HHBBHH", 41, udp_size, ext_rcode, version, z, len(options)) + options


def option(code, data):
    return struct.pack("!HH", code, len(data)) + data


def msg(ident, flags, questions=(), answers=(), authority=(), additional=()):
    return header(ident, flags, len(questions), len(answers), len(authority), len(additional)) + b"".join(
        questions) + b"".join(answers) + b"".join(authority) + b"".join(additional)


def txt(*strings):
    return b"".join(bytes([len(s)]) + s for s in (x if isinstance(x, bytes) else x.encode() for x in strings))


def tcp_framed(m):
    return struct.pack("!H", len(m)) + m
