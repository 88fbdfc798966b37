#!/usr/bin/env python3
"""Prints the http2.headers.* field constants (Wireshark 4.0's per-header fields) from `tshark -G fields`,
for Http2HeaderFields.java. Usage: tshark -G fields | python3 gen_header_fields.py"""
import sys

TYPES = {"FT_STRING": "STRING", "FT_UINT16": "UINT16", "FT_UINT64": "UINT64"}
rows = []
for line in sys.stdin:
    f = line.rstrip("\n").split("\t")
    if len(f) > 4 and f[0] == "F" and f[2].startswith("http2.headers.") and f[2] not in (
            "http2.headers.padding", "http2.headers.weight", "http2.headers.weight_real"):
        rows.append((f[1], f[2], TYPES[f[3]], f[7] if len(f) > 7 else ""))
for name, abbrev, t, desc in rows:
    d = ".description(\"%s\")" % desc.replace('"', '\\"') if desc else ""
    print('            header("%s", "%s", FieldType.%s%s),' % (name, abbrev, t, ", \"%s\"" % desc.replace('"', '\\"') if desc else ", null"))
