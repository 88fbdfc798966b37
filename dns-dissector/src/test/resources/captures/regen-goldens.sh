#!/usr/bin/env bash
# Regenerates the tshark 4.0.17 goldens of every capture here (and under zeek/): NAME.pcap.fields.tsv with
# every dns.* field tshark knows plus the frame, transport and column fields, and NAME.pcap.2pass.fields.tsv,
# the same with -2 (two passes: dns.response_in is known). DnsCapturesTest compares every cell of both.
# NAME.pcap.verbose.txt: the DNS, mDNS and LLMNR subtrees of tshark -V (dns-sections.awk), for DnsVerboseTest.
set -euo pipefail
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
fields=(frame.number frame.protocols udp.srcport udp.dstport tcp.srcport tcp.dstport tcp.stream dns mdns llmnr)
while IFS= read -r f; do fields+=("$f"); done < <(tshark -G fields | awk -F'\t' '$1 == "F" && $3 ~ /^dns\./ && !seen[$3]++ {print $3}')
fields+=(_ws.col.Protocol _ws.col.Info)
args=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n)
for f in "${fields[@]}"; do args+=(-e "$f"); done
for cap in *.pcap zeek/*.pcap; do
  tshark -r "$cap" "${args[@]}" > "$cap.fields.tsv"
  tshark -2 -r "$cap" "${args[@]}" > "$cap.2pass.fields.tsv"
  tshark -r "$cap" -V | awk -f dns-sections.awk > "$cap.verbose.txt"
  echo "$cap: $(($(wc -l < "$cap.fields.tsv") - 1)) frames"
done
