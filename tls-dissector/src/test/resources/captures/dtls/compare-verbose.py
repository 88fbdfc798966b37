#!/usr/bin/env python3
"""Compares the DTLS sections of tshark's -V goldens (NAME.verbose.txt beside each capture) with ./dissect4j -V:
whole sections, and DTLS's own lines (records, handshake headers, fragment lists, alerts, CCS, application data) with
the handshake bodies (TLS's code and labels) left out. Run from the repository root:
  python3 tls-dissector/src/test/resources/captures/dtls/compare-verbose.py N ../shared/realworld/zeek/tls--dtls*.verbose.txt
(N: how many differing packets to show)."""
import sys, subprocess, re, difflib
HDR=("Handshake Type:","Length:","Message Sequence:","Fragment Offset:","Fragment Length:")
def sections(text):
    out=[]
    for p in re.split(r'\n(?=Frame \d+: )', text):
        cur=None; sec=[]
        for l in p.split('\n'):
            if l and not l.startswith(' '):
                cur = l.startswith('Datagram Transport')
            if cur: sec.append(l)
        out.append(sec)
    return out
def own(sec):
    r=[]; hdr=0
    for l in sec:
        ind=len(l)-len(l.lstrip(' '))
        if ind==8 and l.strip().startswith('Handshake Protocol'): hdr=5
        elif ind==12 and hdr>0: hdr-=1; r.append(l); continue
        else: hdr=0 if ind<=12 else hdr
        if ind<12 or l.strip().startswith('[Frame:') or 'Message fragment' in l or 'Reassembled DTLS length' in l:
            r.append(l)
    return r
tot=ok=own_ok=0; show=int(sys.argv[1]); 
for g in sys.argv[2:]:
    cap=g[:-len('.verbose.txt')]
    ours=subprocess.run(['./dissect4j','-r',cap,'-V'],capture_output=True,text=True).stdout
    for i,(a,b) in enumerate(zip(sections(open(g).read()),sections(ours))):
        if not a and not b: continue
        tot+=1; ok+= a==b
        if own(a)==own(b): own_ok+=1
        elif show>0:
            show-=1; print('==',cap,i+1); print('\n'.join(list(difflib.unified_diff(own(a),own(b),lineterm='',n=1))[:30]))
print(f'{ok}/{tot} packets: DTLS sections equal; {own_ok}/{tot}: DTLS-own lines equal (handshake bodies left out)')
