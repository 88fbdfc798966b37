#!/usr/bin/env python3
"""Run from the repository root (it uses ./dissect4j and ../shared/realworld/zeek). -T fields -e <every ocsp.*, pkix1explicit.* field and ber.bitstring.padding> of dissect4j against tshark 4.0.17 on
the OCSP captures, one run of each per capture; a (capture, field) pair counts when tshark shows a value. Each failing pair
prints its first differing frames; the fields tshark has and dissect4j does not are listed at the end."""
import glob, subprocess
fields = [l.split('\t')[2] for l in subprocess.run(['tshark', '-G', 'fields'], capture_output=True, text=True).stdout.splitlines()
          if len(l.split('\t')) > 2 and (l.split('\t')[2].startswith(('ocsp.', 'pkix1explicit.')) or l.split('\t')[2] == 'ber.bitstring.padding')]
ours = {l.split('\t')[2] for l in subprocess.run(['./dissect4j', '-G', 'fields'], capture_output=True, text=True).stdout.splitlines()
        if len(l.split('\t')) > 2}
missing = [f for f in fields if f not in ours]
fields = [f for f in fields if f in ours]
opts = ['-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', '-E', 'separator=/t']
for f in fields:
    opts += ['-e', f]
ok = bad = 0
for cap in sorted(glob.glob('../shared/realworld/zeek/tls--ocsp-*.pcap')):
    a = subprocess.run(['tshark', '-r', cap] + opts, capture_output=True, text=True).stdout.splitlines()
    b = subprocess.run(['./dissect4j', '-r', cap] + opts, capture_output=True, text=True).stdout.splitlines()
    for i, f in enumerate(fields):
        ca = [r.split('\t')[i] for r in a]
        cb = [r.split('\t')[i] if i < len(r.split('\t')) else '' for r in b]
        if not any(ca):
            continue
        if ca == cb:
            ok += 1
        else:
            bad += 1
            diffs = [(n + 1, x, y) for n, (x, y) in enumerate(zip(ca, cb)) if x != y]
            print('FAIL', cap.split('/')[-1], f, diffs[:2])
print('fields tshark has and dissect4j does not:', ' '.join(missing))
print(f'{ok} passed, {bad} failed (capture, field) pairs with a value in tshark')
