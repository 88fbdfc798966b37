#!/usr/bin/env python3
"""insert-dsb.py IN.pcapng OUT.pcapng N KEYS...: a TLS key log Decryption Secrets Block after the first N packets."""
import struct, sys
src, dst, after, *keyfiles = sys.argv[1:]
after = int(after)
data = open(src, 'rb').read()
keys = b''.join(open(k, 'rb').read() for k in keyfiles)
body = struct.pack('<II', 0x544c534b, len(keys)) + keys + b'\0' * ((-len(keys)) % 4)
dsb = struct.pack('<II', 0x0A, 12 + len(body)) + body + struct.pack('<I', 12 + len(body))
out, at, packets, done = bytearray(), 0, 0, False
while at < len(data):
    btype, blen = struct.unpack_from('<II', data, at)
    if not done and packets == after and btype in (6, 3):
        out += dsb
        done = True
    out += data[at:at + blen]
    packets += btype in (6, 3)
    at += blen
open(dst, 'wb').write(out + (b'' if done else dsb))
