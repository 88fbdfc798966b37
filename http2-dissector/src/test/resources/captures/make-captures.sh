#!/usr/bin/env bash
# Makes the HTTP/2 test captures on loopback and their tshark 4.0.17 goldens (run as root, from this folder):
#   h2c.pcap            cleartext HTTP/2 with prior knowledge on port 18443 (tshark: -d tcp.port==18443,http2)
#   h2-tls.pcap         the same exchange over TLS 1.3 with ALPN h2 on port 18444, its key log h2-tls.keys
#   NAME.fields.tsv     tshark -T fields of every http2.* field this module registers, Info and Protocol
# Needs python3 with h2 4.x (pip install h2), tcpdump, openssl and tshark. Every step is bounded by a timeout.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null

capture() {   # capture NAME PORT [h2peer options]
  local name=$1 port=$2; shift 2
  timeout 30 tcpdump -i lo -U -w "$tmp/$name.pcap" "tcp port $port" 2>/dev/null & local pid=$!
  sleep 1.5
  timeout 20 python3 h2peer.py "$port" "$@"
  sleep 1
  kill "$pid"; wait "$pid" || true
  cp "$tmp/$name.pcap" "$name.pcap"
}
capture h2c 18443
rm -f h2-tls.keys
capture h2-tls 18444 --tls "$PWD/h2-tls.keys" "$tmp"

fields=$(tshark -G fields 2>/dev/null | awk -F'\t' '$1 == "F" && $3 ~ /^http2\./ && $3 !~ /^http2\.(body|data\.segment|fake|header_size|header_lines|body_decompression|reassembly_error|origin|priority_update)/ {print "-e " $3}')
golden() {   # golden NAME [tshark options]
  local name=$1; shift
  # shellcheck disable=SC2086
  tshark -r "$name.pcap" "$@" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n \
    -e frame.number -e frame.protocols -e _ws.col.Protocol -e _ws.col.Info $fields > "$name.fields.tsv" 2>/dev/null
}
golden h2c -d tcp.port==18443,http2
golden h2-tls -o tls.keylog_file:h2-tls.keys
