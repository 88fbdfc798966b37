#!/usr/bin/env bash
# Regenerates the tshark 4.0.17 goldens of every capture here (and under zeek/): NAME.fields.tsv with every field
# this module records (the abbreviations of its *Fields classes), its protocols, the frame, network and transport
# fields around them, _ws.malformed and the columns. TunnelCapturesTest compares every cell of the frames that
# carry a tunnel protocol; then the filters of filters.txt with the frames tshark selects (filters.tsv).
set -euo pipefail
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
src=../../../main/java/org/dissect4j/tunnel
fields=(frame.number frame.protocols eth.src eth.type ip.src ip.dst ip.proto ipv6.src ipv6.dst udp.srcport udp.dstport
        tcp.stream vxlan geneve mpls pwach erspan teredo gtp gtpv2 gtpprime ppp lcp ipcp pap ayiya)
while IFS= read -r f; do fields+=("$f"); done < <(grep -ho 'Field.define("[^"]*"' $src/*/*Fields.java | cut -d'"' -f2 | awk '!seen[$0]++')
fields+=(_ws.malformed _ws.col.Protocol _ws.col.Info)
args=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n)
for f in "${fields[@]}"; do args+=(-e "$f"); done
for cap in *.pcap zeek/*.pcap zeek/*.pcapng; do
  tshark -r "$cap" "${args[@]}" > "$cap.fields.tsv"
  echo "$cap: $(($(wc -l < "$cap.fields.tsv") - 1)) frames"
done
# The filters of filters.txt: each with the frames tshark selects (filters.tsv: capture, filter, frame numbers).
: > filters.tsv
while IFS=$'\t' read -r cap filter; do
  case "$cap" in ''|'#'*) continue ;; esac
  frames=$(tshark -r "$cap" -Y "$filter" -T fields -e frame.number | paste -sd, -)
  printf '%s\t%s\t%s\n' "$cap" "$filter" "$frames" >> filters.tsv
done < filters.txt
