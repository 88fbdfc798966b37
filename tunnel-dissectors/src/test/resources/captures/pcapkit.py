"""Small helpers to write pcap files of Ethernet/IPv4|IPv6/UDP|TCP frames (no dependencies).

Used by make_synthetic.py; every frame gets correct IP and UDP/TCP checksums.
"""
import struct

MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000002")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(a):
    return bytes(int(x) for x in a.split("."))


def ip6(a):
    import ipaddress
    return ipaddress.IPv6Address(a).packed


def udp(src, dst, sport, dport, payload, v6=False):
    length = 8 + len(payload)
    hdr = struct.pack("!HHHH", sport, dport, length, 0)
    if v6:
        pseudo = ip6(src) + ip6(dst) + struct.pack("!IxxxB", length, 17)
    else:
        pseudo = ip4(src) + ip4(dst) + struct.pack("!BBH", 0, 17, length)
    c = csum(pseudo + hdr + payload) or 0xFFFF
    return struct.pack("!HHHH", sport, dport, length, c) + payload


def tcp(src, dst, sport, dport, seq, ack, flags, payload, v6=False, win=65535):
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, win, 0, 0)
    length = len(hdr) + len(payload)
    if v6:
        pseudo = ip6(src) + ip6(dst) + struct.pack("!IxxxB", length, 6)
    else:
        pseudo = ip4(src) + ip4(dst) + struct.pack("!BBH", 0, 6, length)
    c = csum(pseudo + hdr + payload)
    return hdr[:16] + struct.pack("!H", c) + hdr[18:] + payload


def ipv4(src, dst, proto, payload, ident=1, ttl=64):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, ttl, proto, 0, ip4(src), ip4(dst))
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def ipv6(src, dst, nxt, payload, hlim=64):
    return struct.pack("!IHBB", 6 << 28, len(payload), nxt, hlim) + ip6(src) + ip6(dst) + payload


def eth(payload, v6=False, src=MAC_A, dst=MAC_B):
    return dst + src + struct.pack("!H", 0x86DD if v6 else 0x0800) + payload


class Pcap:
    """Collects frames with timestamps (seconds as float) and writes a microsecond pcap."""

    def __init__(self, t0=1700000000.0):
        self.t = t0
        self.frames = []

    def add(self, frame, gap=0.001, snap=None):
        self.t += gap
        cap = frame if snap is None else frame[:snap]
        self.frames.append((self.t, cap, len(frame)))

    def udp(self, src, dst, sport, dport, payload, gap=0.001, snap=None):
        v6 = ":" in src
        seg = udp(src, dst, sport, dport, payload, v6)
        pkt = ipv6(src, dst, 17, seg) if v6 else ipv4(src, dst, 17, seg, ident=len(self.frames) + 1)
        self.add(eth(pkt, v6), gap, snap)

    def tcp(self, src, dst, sport, dport, seq, ack, flags, payload=b"", gap=0.001):
        v6 = ":" in src
        seg = tcp(src, dst, sport, dport, seq, ack, flags, payload, v6)
        pkt = ipv6(src, dst, 6, seg) if v6 else ipv4(src, dst, 6, seg, ident=len(self.frames) + 1)
        self.add(eth(pkt, v6), gap)

    def write(self, path):
        with open(path, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
            for t, data, orig in self.frames:
                sec = int(t)
                usec = int(round((t - sec) * 1e6))
                f.write(struct.pack("<IIII", sec, usec, len(data), orig) + data)
