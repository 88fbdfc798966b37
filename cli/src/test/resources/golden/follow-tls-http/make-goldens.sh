#!/bin/bash
# tshark 4.0.17's -z follow,tls|http for FollowTlsHttpTest: every TCP stream of the public TLS and HTTP captures, the
# four modes, the TLS ones with and without their key log. Run from cli/ with the corpus at ../../shared.
set -euo pipefail
P=../../shared/captures/public
G=src/test/resources/golden/follow-tls-http
: > "$G/CASES"
for proto in tls http; do
  for c in "$P"/*.pcap "$P"/*.pcapng; do
    name=$(basename "$c")
    case $proto:$name in tls:tls*|http:*http*|http:tls*) ;; *) continue;; esac
    k=${c%.pcap*}.keys
    for keys in no yes; do
      o=()
      if [ $keys = yes ]; then [ -f "$k" ] || continue; o=(-o "tls.keylog_file:$k"); fi
      for s in $(tshark -r "$c" -T fields -e tcp.stream 2>/dev/null | grep . | sort -un); do
        for mode in ascii hex raw yaml; do
          z=follow,$proto,$mode,$s
          echo "$name|$keys|$z" >> "$G/CASES"
          tshark -r "$c" "${o[@]}" -q -z "$z" 2>/dev/null > "$G/$name.$keys.$z.txt"
        done
      done
    done
  done
done
