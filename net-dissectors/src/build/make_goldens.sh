#!/bin/bash
# Regenerates the tshark 4.0.17 goldens of net-dissectors' own test captures:
# for every capture in DIR (default ../test/resources/captures), NAME.fields.tsv holds
# `tshark -T fields` of every field this module registers, plus the Protocol and Info columns.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/../test/resources/captures}
fields=$(grep -ho 'Field.define("[^"]*"' "$here"/../main/java/org/dissect4j/net/*.java | sed 's/Field.define("//; s/"$//' | awk '!seen[$0]++')
args=()
for f in $fields _ws.col.Protocol _ws.col.Info; do args+=(-e "$f"); done
export TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR=$(mktemp -d)
for cap in "$dir"/*.pcap "$dir"/*.pcapng; do
  [ -e "$cap" ] || continue
  tshark -r "$cap" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n "${args[@]}" \
    > "$cap.fields.tsv" 2>/dev/null
  echo "$(basename "$cap"): $(($(wc -l < "$cap.fields.tsv") - 1)) frames"
done
