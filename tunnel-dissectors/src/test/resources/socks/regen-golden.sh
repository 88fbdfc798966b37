#!/usr/bin/env bash
# Writes socks.pcap.fields.tsv with tshark 4.0.17: every socks.* field, the TCP and HTTP fields around the tunnel,
# _ws.malformed and the columns. SocksCapturesTest compares every cell.
set -euo pipefail
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
fields=(frame.number frame.protocols tcp.srcport tcp.dstport tcp.stream tcp.len tcp.payload tcp.segment_data tcp.segment
        tcp.reassembled.length)
while IFS= read -r f; do fields+=("$f"); done < <(grep -ho 'Field.define("[^"]*"' \
    ../../../main/java/org/dissect4j/tunnel/socks/SocksFields.java | cut -d'"' -f2 | awk '!seen[$0]++')
fields+=(http.request.method http.request.uri http.host http.response.code http.content_length data.data
         _ws.malformed _ws.col.Protocol _ws.col.Info)
args=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n)
for f in "${fields[@]}"; do args+=(-e "$f"); done
tshark -r socks.pcap "${args[@]}" > socks.pcap.fields.tsv
echo "socks.pcap: $(($(wc -l < socks.pcap.fields.tsv) - 1)) frames"
# tshark's second pass (-2), for SocksTwoPassTest: the protocols and Info it shows then.
tshark -2 -r socks.pcap -T fields -E header=y -E separator=/t -E quote=n -e frame.protocols -e _ws.col.Info > socks.pcap.2pass.tsv
