#!/usr/bin/env python3
"""Compares every dns.* field tshark knows, plus frame.protocols and the Protocol and Info columns, between
tshark 4.0.17 and dissect4j, frame by frame, on the frames tshark decodes as DNS, mDNS or LLMNR.

Usage (from the repository root):
  python3 dns-dissector/src/build/compare_dns.py [--tool ./dissect4j] [--two-pass] [-v] CAPTURE_OR_DIR...

The field list is every `F` line of `tshark -G fields` whose name starts with "dns.". For each capture it prints
the cells equal over the cells compared, and with -v the differing cells; the last line sums all captures.
With --two-pass both tools run with -2 (then dns.response_in is known). Exit status 1 when a cell differs.
"""
import argparse
import os
import subprocess
import sys

CAPTURE_EXT = (".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz")
EXTRA = ["frame.protocols", "_ws.col.Protocol", "_ws.col.Info"]
DNS_PROTOCOLS = {"dns", "mdns", "llmnr"}


def dns_fields():
    out = subprocess.run(["tshark", "-G", "fields"], capture_output=True, text=True, env=env()).stdout
    seen = []
    for line in out.splitlines():
        p = line.split("\t")
        if p[0] == "F" and p[2].startswith("dns.") and p[2] not in seen:
            seen.append(p[2])
    return seen


def env():
    e = dict(os.environ)
    e.setdefault("TZ", "UTC")
    e["LC_ALL"] = "C"
    return e


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, env=env())
    if r.returncode != 0:
        raise SystemExit("%s failed: %s" % (cmd[0], r.stderr.decode(errors="replace")[:500]))
    lines = r.stdout.decode("utf-8", errors="replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [l.split("\t") for l in lines]


def captures(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith(CAPTURE_EXT)]
        else:
            out.append(p)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", default="./dissect4j")
    ap.add_argument("--two-pass", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    fields = dns_fields() + EXTRA
    opts = ["-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "quote=n"]
    for f in fields:
        opts += ["-e", f]
    if args.two_pass:
        opts = ["-2"] + opts
    total_ok = total = 0
    failed = False
    for cap in captures(args.paths):
        want = run(["tshark", "-r", cap] + opts)
        have = run(args.tool.split() + ["-r", cap] + opts)
        pcol = fields.index("frame.protocols")
        ok = cells = 0
        diffs = []
        for i, row in enumerate(want):
            chain = set(row[pcol].split(":")) if pcol < len(row) else set()
            if not chain & DNS_PROTOCOLS:
                continue
            got = have[i] if i < len(have) else []
            for j, f in enumerate(fields):
                a = row[j] if j < len(row) else ""
                b = got[j] if j < len(got) else "<missing row>"
                cells += 1
                if a == b:
                    ok += 1
                else:
                    diffs.append("  frame %d %s: tshark=%r dissect4j=%r" % (i + 1, f, a, b))
        if len(have) != len(want):
            diffs.append("  %d rows vs tshark's %d" % (len(have), len(want)))
        if cells:
            print("%s: %d/%d cells equal" % (cap, ok, cells))
            if args.verbose:
                for d in diffs:
                    print(d)
        total_ok += ok
        total += cells
        failed |= bool(diffs)
    print("all: %d/%d cells equal (%d dns.* fields and %d columns per DNS frame)"
          % (total_ok, total, len(fields) - len(EXTRA), len(EXTRA)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
