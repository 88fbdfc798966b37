#!/usr/bin/env bash
# Records mdns-real.pcap: avahi-daemon (0.8) probing, announcing and answering in a network namespace, and dig
# asking it by multicast DNS from another (a veth pair: nothing touches the host's network).
# Needs root, iproute2, tcpdump, avahi-daemon and bind9-dnsutils. Usage: sudo ./make_real_mdns.sh [OUT.pcap]
set -euo pipefail
OUT=$(realpath -m "${1:-$(dirname "$0")/mdns-real.pcap}")
S=d4jmdns-s C=d4jmdns-c
WORK=$(mktemp -d)
cleanup() {
  [ -n "${DUMP:-}" ] && kill "$DUMP" 2>/dev/null || true
  [ -n "${AVAHI:-}" ] && kill "$AVAHI" 2>/dev/null || true
  ip netns del $S 2>/dev/null || true
  ip netns del $C 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ip netns add $S; ip netns add $C
ip link add d4jmd0 netns $C type veth peer name d4jmd1 netns $S
ip -n $C addr add 10.54.0.2/24 dev d4jmd0
ip -n $S addr add 10.54.0.1/24 dev d4jmd1
ip -n $C link set d4jmd0 up multicast on; ip -n $S link set d4jmd1 up multicast on
ip -n $C route add 224.0.0.0/4 dev d4jmd0
ip -n $S route add 224.0.0.0/4 dev d4jmd1
mkdir -p "$WORK/services"
cat > "$WORK/avahi.conf" <<'CONF'
[server]
host-name=d4jprinter
domain-name=local
use-ipv4=yes
use-ipv6=no
allow-interfaces=d4jmd1
enable-dbus=no
disallow-other-stacks=no
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=yes
publish-workstation=yes
[reflector]
[rlimits]
CONF
ip netns exec $C tcpdump -U -Z root -i d4jmd0 -s 0 -w "$OUT" "udp port 5353" 2>/dev/null & DUMP=$!
sleep 1
ip netns exec $S avahi-daemon --no-drop-root --no-chroot --no-rlimits -f "$WORK/avahi.conf" >"$WORK/avahi.log" 2>&1 & AVAHI=$!
sleep 4
d() { timeout 5 ip netns exec $C dig @224.0.0.251 -p 5353 +tries=1 +time=2 "$@" >/dev/null || true; }
d d4jprinter.local A
d _services._dns-sd._udp.local PTR
d _workstation._tcp.local PTR
d d4jprinter.local HINFO
d 1.0.54.10.in-addr.arpa PTR
sleep 1
