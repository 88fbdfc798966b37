#!/usr/bin/env python3
"""A tiny raw MQTT client for make_captures.sh: sends what mosquitto's own clients never send
(several messages in one TCP segment, a message cut at chosen bytes, MQTT 3.1 "MQIsdp", AUTH, a CONNECT
with an authentication method the broker does not know) to a real mosquitto broker.

Usage: raw_client.py HOST PORT SCENARIO   (SCENARIO: v5, v5acks, v5bad, v31, auth)
Every socket has a timeout; the script never waits more than a few seconds.
"""
import socket
import struct
import sys
import time


def varint(n):
    out = bytearray()
    while True:
        b = n % 128
        n //= 128
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def s(text):
    b = text.encode()
    return struct.pack(">H", len(b)) + b


def packet(first, body):
    return bytes([first]) + varint(len(body)) + body


def props(*items):
    body = b"".join(items)
    return varint(len(body)) + body


def connect(version, client_id, flags=0x02, keepalive=30, properties=b""):
    name = s("MQIsdp") if version == 3 else s("MQTT")
    body = name + bytes([version, flags]) + struct.pack(">H", keepalive)
    if version == 5:
        body += properties if properties else b"\x00"
    return packet(0x10, body + s(client_id))


def publish(topic, payload, qos=0, msgid=0, retain=False, dup=False, version=4, properties=b""):
    first = 0x30 | (qos << 1) | (1 if retain else 0) | (0x08 if dup else 0)
    body = s(topic)
    if qos:
        body += struct.pack(">H", msgid)
    if version == 5:
        body += properties if properties else b"\x00"
    return packet(first, body + payload)


def sock(host, port):
    c = socket.create_connection((host, port), timeout=5)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.settimeout(3)
    return c


def drain(c, wait=0.3):
    time.sleep(wait)
    try:
        c.settimeout(0.5)
        while c.recv(65536):
            pass
    except (socket.timeout, ConnectionError, OSError):
        pass
    c.settimeout(3)


def send_split(c, data, *cuts):
    """Sends data in pieces cut at the given offsets, each in its own TCP segment."""
    last = 0
    for cut in list(cuts) + [len(data)]:
        c.sendall(data[last:cut])
        last = cut
        time.sleep(0.15)


def scenario_v5(host, port):
    c = sock(host, port)
    p = props(b"\x21" + struct.pack(">H", 20),            # receive maximum
              b"\x22" + struct.pack(">H", 10),            # topic alias maximum
              b"\x17\x01",                                # request problem information
              b"\x27" + struct.pack(">I", 1 << 20),       # maximum packet size
              b"\x26" + s("origin") + s("raw_client"))    # user property
    c.sendall(connect(5, "raw5", 0x02, 20, p))
    drain(c)
    # A subscription with every option bit and a two-byte subscription identifier, two topics.
    sub = struct.pack(">H", 7) + props(b"\x0b" + varint(300)) + s("raw/a") + b"\x2d" + s("raw/+/b") + b"\x01"
    c.sendall(packet(0x82, sub))
    drain(c)
    # Three messages in one segment: two QoS 0 publishes and a ping.
    c.sendall(publish("raw/a", b"one", version=5) + publish("raw/x/b", b"two", version=5,
                                                           properties=props(b"\x01\x01", b"\x03" + s("text/plain")))
              + packet(0xc0, b""))
    drain(c)
    # One QoS 1 publish cut after its first byte, another cut in the middle of its topic.
    m = publish("raw/a", b"cut after the first byte", qos=1, msgid=8, version=5)
    send_split(c, m, 1)
    drain(c)
    m = publish("raw/a", b"cut inside the topic name", qos=1, msgid=9, version=5,
                properties=props(b"\x02" + struct.pack(">I", 3600), b"\x08" + s("raw/reply"), b"\x09" + s("corr-1")))
    send_split(c, m, 6)
    drain(c)
    # A publish whose properties use a topic alias, then one that uses only the alias.
    c.sendall(publish("raw/alias", b"named", version=5, properties=props(b"\x23" + struct.pack(">H", 3))))
    drain(c)
    c.sendall(publish("", b"by alias", version=5, properties=props(b"\x23" + struct.pack(">H", 3))))
    drain(c)
    c.sendall(packet(0xa2, struct.pack(">H", 10) + b"\x00" + s("raw/a") + s("raw/+/b")))
    drain(c)
    # An AUTH the broker did not ask for: mosquitto answers with a DISCONNECT (protocol error).
    c.sendall(packet(0xf0, b"\x19" + props(b"\x15" + s("SCRAM-SHA-1"), b"\x16" + s("client-first"))))
    drain(c, 0.5)
    c.close()


def scenario_v31(host, port):
    c = sock(host, port)
    c.sendall(connect(3, "raw31", 0x02, 30))
    drain(c)
    c.sendall(packet(0x82, struct.pack(">H", 1) + s("raw31/t") + b"\x01"))
    drain(c)
    c.sendall(publish("raw31/t", b"v3.1 qos2", qos=2, msgid=2))
    time.sleep(0.3)
    c.sendall(packet(0x62, struct.pack(">H", 2)))   # PUBREL once PUBREC came
    drain(c, 0.5)
    c.sendall(packet(0xa2, struct.pack(">H", 3) + s("raw31/t")))
    drain(c)
    c.sendall(packet(0xe0, b""))
    time.sleep(0.2)
    c.close()


def read_packets(c, wait=0.4):
    """Reads what arrives within `wait` seconds and splits it into (first byte, body) pairs."""
    data = b""
    end = time.time() + wait
    c.settimeout(0.1)
    while time.time() < end:
        try:
            chunk = c.recv(65536)
            if not chunk:
                break
            data += chunk
        except socket.timeout:
            pass
    c.settimeout(3)
    out = []
    at = 0
    while at + 2 <= len(data):
        n, mult, i = 0, 1, at + 1
        while True:
            b = data[i]
            n += (b & 0x7f) * mult
            mult *= 128
            i += 1
            if b < 0x80:
                break
        out.append((data[at], data[i:i + n]))
        at = i + n
    return out


def scenario_v5acks(host, port):
    """QoS 1 and 2 flows where the client's acknowledgements carry reason codes and properties."""
    c = sock(host, port)
    c.sendall(connect(5, "raw5acks", 0x02, 30))
    drain(c)
    c.sendall(packet(0x82, struct.pack(">H", 1) + b"\x00" + s("ack/t") + b"\x02"))
    drain(c)
    reason = props(b"\x1f" + s("fine"))
    c.sendall(publish("ack/t", b"qos 2 with reason codes", qos=2, msgid=5, version=5))
    for _ in range(3):
        for first, body in read_packets(c):
            kind = first >> 4
            if kind == 3 and (first >> 1) & 3 == 2:        # PUBLISH QoS 2 from the broker
                tlen = struct.unpack(">H", body[:2])[0]
                mid = body[2 + tlen:4 + tlen]
                c.sendall(packet(0x50, mid + b"\x00" + reason))                      # PUBREC
            elif kind == 5:                                  # PUBREC for our publish
                c.sendall(packet(0x62, body[:2] + b"\x00" + reason))                 # PUBREL
            elif kind == 6:                                  # PUBREL from the broker
                c.sendall(packet(0x70, body[:2] + b"\x00" + reason))                 # PUBCOMP
    c.sendall(publish("ack/t", b"qos 1 acked with a reason", qos=1, msgid=6, version=5))
    for first, body in read_packets(c):
        if first >> 4 == 3:
            tlen = struct.unpack(">H", body[:2])[0]
            c.sendall(packet(0x40, body[2 + tlen:4 + tlen] + b"\x10" + props(b"\x1f" + s("nobody"))))  # PUBACK
    drain(c)
    # DISCONNECT with a reason code and properties.
    c.sendall(packet(0xe0, b"\x04" + props(b"\x11" + struct.pack(">I", 0), b"\x1f" + s("bye"))))
    time.sleep(0.2)
    c.close()


def scenario_v5bad(host, port):
    """Publishes a broker refuses: an unknown topic alias, then (new connection) an empty topic."""
    c = sock(host, port)
    c.sendall(connect(5, "raw5bad1", 0x02, 30))
    drain(c)
    c.sendall(publish("", b"unknown alias", version=5, properties=props(b"\x23" + struct.pack(">H", 7))))
    drain(c, 0.5)
    c.close()
    c = sock(host, port)
    c.sendall(connect(5, "raw5bad2", 0x02, 30))
    drain(c)
    c.sendall(publish("", b"no topic at all", version=5))
    drain(c, 0.5)
    c.close()


def scenario_auth(host, port):
    c = sock(host, port)
    # CONNECT with an authentication method the broker has no plugin for: CONNACK 0x8C, then close.
    c.sendall(connect(5, "raw-auth", 0x02, 30, props(b"\x15" + s("SCRAM-SHA-1"), b"\x16" + s("n,,n=user,r=abc"))))
    drain(c, 0.5)
    c.close()


if __name__ == "__main__":
    host, port, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"v5": scenario_v5, "v5acks": scenario_v5acks, "v5bad": scenario_v5bad, "v31": scenario_v31,
     "auth": scenario_auth}[name](host, port)
