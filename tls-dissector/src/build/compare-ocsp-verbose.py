#!/usr/bin/env python3
"""Run from the repository root (it uses ./dissect4j and ../shared/realworld/zeek). The OCSP sections of -V (top-level "Online Certificate Status Protocol", TLS's "OCSP Response") of dissect4j
against tshark's NAME.verbose.txt goldens; lines inside a certs/Certificate subtree (the X.509 decoder's) and
x509af "Algorithm Id" lines and the names under byName are counted apart."""
import glob, subprocess, sys, difflib

def sections(lines):
    out, cur, ind = [], None, None
    for l in lines:
        s = l.rstrip('\n')
        stripped = s.lstrip(' ')
        level = len(s) - len(stripped)
        if cur is not None:
            if s == '' or level <= ind:
                out.append(cur); cur = None
            else:
                cur.append(s); continue
        if stripped in ('Online Certificate Status Protocol', 'OCSP Response'):
            cur, ind = [s], level
    if cur is not None:
        out.append(cur)
    return out

def own(sec):
    """Lines OCSP itself composes: not under a Certificate of certs, not x509af's Algorithm Id."""
    res, skip = [], None
    for s in sec:
        level = len(s) - len(s.lstrip(' '))
        if skip is not None and level > skip:
            continue
        skip = None
        if s.lstrip().startswith('Certificate') and not s.lstrip().startswith('Certificate Status') \
                or s.lstrip().startswith('byName:'):
            res.append(s.split(' (')[0]); skip = level; continue
        if s.lstrip().startswith('Algorithm Id:'):
            continue
        res.append(s)
    return res

tot = same = otot = osame = 0
for cap in sorted(glob.glob('../shared/realworld/zeek/tls--ocsp-*.pcap')):
    want = sections(open(cap + '.verbose.txt').readlines())
    got = sections(subprocess.run(['./dissect4j', '-r', cap, '-V'], capture_output=True, text=True).stdout.splitlines())
    for i, w in enumerate(want):
        g = got[i] if i < len(got) else []
        sm = difflib.SequenceMatcher(None, w, g, autojunk=False)
        m = sum(b.size for b in sm.get_matching_blocks())
        tot += len(w); same += m
        ow, og = own(w), own(g)
        sm2 = difflib.SequenceMatcher(None, ow, og, autojunk=False)
        m2 = sum(b.size for b in sm2.get_matching_blocks())
        otot += len(ow); osame += m2
        if ow != og and '-v' in sys.argv:
            print('==', cap, 'section', i)
            for d in difflib.unified_diff(ow, og, lineterm='', n=0):
                print(d)
    if len(got) != len(want):
        print('section count differs', cap, len(want), len(got))
print(f'OCSP sections: {same}/{tot} lines equal; OCSP-owned lines (certificates, the names under byName and Algorithm Id set apart): {osame}/{otot}')
