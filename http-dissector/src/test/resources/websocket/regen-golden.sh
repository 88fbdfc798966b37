#!/usr/bin/env bash
# Writes websocket.pcap.fields.tsv with tshark 4.0.17: every websocket.* field, the TCP and HTTP fields around it,
# the data hand-off, _ws.malformed and the columns (not -e data-text-lines, whose value tshark prints as the
# item's label, which the engine does not: frame.protocols shows the hand-off). WebSocketCapturesTest compares every cell.
set -euo pipefail
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
fields=(frame.number frame.protocols tcp.srcport tcp.dstport tcp.stream tcp.len tcp.segment tcp.reassembled.length
        http.request.method http.response.code http.upgrade)
while IFS= read -r f; do fields+=("$f"); done < <(grep -ho 'Field.define("[^"]*"' \
    ../../../main/java/org/dissect4j/http/websocket/WebSocketFields.java | cut -d'"' -f2 | awk '!seen[$0]++')
fields+=(data.data data.len _ws.malformed _ws.col.Protocol _ws.col.Info)
args=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n)
for f in "${fields[@]}"; do args+=(-e "$f"); done
tshark -r websocket.pcap "${args[@]}" > websocket.pcap.fields.tsv
echo "websocket.pcap: $(($(wc -l < websocket.pcap.fields.tsv) - 1)) frames"
