#!/usr/bin/env bash
# Re-creates samples/http-sample.pcap and its tshark 4.0.17 goldens (needs root, iproute2,
# ethtool, tcpdump, curl, python3, iputils-ping, tshark). Traffic stays inside two network
# namespaces joined by a veth pair; offloads are off so frames are real MTU-sized Ethernet frames.
# Captures made again have new ports, sequence numbers and times: regenerate the goldens with them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
srv=d4j-srv cli=d4j-cli
cleanup() { kill "${httpd:-}" "${dump:-}" 2>/dev/null || true; ip netns del $srv 2>/dev/null || true; ip netns del $cli 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add $srv; ip netns add $cli
ip link add d4j-s type veth peer name d4j-c
ip link set d4j-s netns $srv; ip link set d4j-c netns $cli
ip -n $srv link set d4j-s address 02:00:00:99:00:01; ip -n $cli link set d4j-c address 02:00:00:99:00:02
ip -n $srv addr add 10.99.0.1/24 dev d4j-s; ip -n $cli addr add 10.99.0.2/24 dev d4j-c
ip -n $srv addr add fd00:99::1/64 dev d4j-s nodad; ip -n $cli addr add fd00:99::2/64 dev d4j-c nodad
for ns in $srv $cli; do ip -n $ns link set lo up; done
ip -n $srv link set d4j-s up; ip -n $cli link set d4j-c up
ip netns exec $srv ethtool -K d4j-s tso off gso off gro off tx off rx off >/dev/null
ip netns exec $cli ethtool -K d4j-c tso off gso off gro off tx off rx off >/dev/null

www=$(mktemp -d)
python3 - "$www/index.html" <<'PY'
import sys
lines = ['<html><head><title>dissect4j sample</title></head><body>']
lines += ['<p>line %d: the quick brown fox jumps over the lazy dog</p>' % i for i in range(60)]
lines.append('</body></html>')
open(sys.argv[1], 'w').write('\n'.join(lines) + '\n')
PY
( cd "$www" && exec ip netns exec $srv python3 -m http.server 8000 --bind 10.99.0.1 ) >/dev/null 2>&1 & httpd=$!
sleep 1.5
ip netns exec $cli timeout 20 tcpdump -i d4j-c -U -w "$here/http-sample.pcap" 'not ip6 or icmp6 or tcp or udp' 2>/dev/null & dump=$!
sleep 1.5
ip netns exec $cli ping -c 2 -i 0.2 10.99.0.1 >/dev/null
ip netns exec $cli bash -c 'echo -n "hello dissect4j" > /dev/udp/10.99.0.1/9999'; sleep 0.3
ip netns exec $cli ping -6 -c 1 fd00:99::1 >/dev/null
ip netns exec $cli curl -s -o /dev/null -A "curl/dissect4j-sample" http://10.99.0.1:8000/index.html
sleep 1; kill $dump; wait $dump 2>/dev/null || true

export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
fields=$(sed -n '/^  tshark -r FILE/,/^  ```/p' "$here/../../shared/captures/README.md" | grep -o '\-e [^ ]*' | tr '\n' ' ')
tshark -r "$here/http-sample.pcap" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n \
  $fields > "$here/http-sample.pcap.fields.tsv"
tshark -r "$here/http-sample.pcap" > "$here/http-sample.pcap.summary.txt"
tshark -r "$here/http-sample.pcap" -V > "$here/http-sample.pcap.verbose.txt"
