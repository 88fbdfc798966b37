#!/usr/bin/env bash
# Records dns-real.pcap: real DNS traffic between dig (BIND 9.18) and dnsmasq 2.90, over UDP and TCP, in two
# network namespaces joined by a veth pair (nothing touches the host's network; offloads off so that
# segments are what went on the wire). Needs root, iproute2, tcpdump, dnsmasq-base and bind9-dnsutils.
# Usage: sudo ./make_real_capture.sh [OUT.pcap]
set -euo pipefail
OUT=$(realpath -m "${1:-$(dirname "$0")/dns-real.pcap}")
S=d4jdns-s C=d4jdns-c
WORK=$(mktemp -d)
cleanup() {
  [ -n "${DUMP:-}" ] && kill "$DUMP" 2>/dev/null || true
  [ -n "${DNSMASQ:-}" ] && kill "$DNSMASQ" 2>/dev/null || true
  ip netns del $S 2>/dev/null || true
  ip netns del $C 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ip netns add $S; ip netns add $C
ip link add d4jdns0 netns $C type veth peer name d4jdns1 netns $S
ip -n $C addr add 10.53.0.2/24 dev d4jdns0
ip -n $S addr add 10.53.0.1/24 dev d4jdns1
ip -n $C link set d4jdns0 up; ip -n $S link set d4jdns1 up
ip -n $C link set lo up; ip -n $S link set lo up
for ns in $C $S; do
  dev=$([ $ns = $C ] && echo d4jdns0 || echo d4jdns1)
  ip netns exec $ns ethtool -K $dev tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
done
cat > "$WORK/dnsmasq.conf" <<'CONF'
no-resolv
no-hosts
no-daemon
bind-interfaces
listen-address=10.53.0.1
auth-server=ns.example.test,10.53.0.1
auth-zone=example.test
auth-soa=2024010101,hostmaster.example.test,1200,180,1209600
host-record=ns.example.test,10.53.0.1
host-record=host.example.test,192.0.2.10,2001:db8::10
host-record=www.example.test,192.0.2.80,2001:db8::80
cname=alias.example.test,www.example.test
mx-host=example.test,mail.example.test,10
host-record=mail.example.test,192.0.2.25
txt-record=example.test,"v=spf1 -all","a second string"
txt-record=long.example.test,"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
srv-host=_sip._udp.example.test,sip.example.test,5060,10,60
srv-host=_ldap._tcp.example.test,host.example.test,389,0,100
ptr-record=10.2.0.192.in-addr.arpa,host.example.test
caa-record=example.test,0,issue,letsencrypt.org
# HTTPS: priority 1, target ".", alpn=h2,h3, ipv4hint=192.0.2.80,192.0.2.81
dns-rr=svc.example.test,65,0001000001000602683202683300040008c0000250c0000251
CONF
ip netns exec $S dnsmasq -C "$WORK/dnsmasq.conf" --pid-file="$WORK/pid" 2>"$WORK/dnsmasq.log" & DNSMASQ=$!
ip netns exec $C tcpdump -U -Z root -i d4jdns0 -s 0 -w "$OUT" "port 53" 2>/dev/null & DUMP=$!
sleep 1.5
d() { timeout 5 ip netns exec $C dig @10.53.0.1 +tries=1 +time=2 "$@" >/dev/null || true; }
d www.example.test A
d www.example.test AAAA +nocookie
d alias.example.test A +noedns
d example.test MX
d example.test TXT
d long.example.test TXT +tcp
d _sip._udp.example.test SRV
d -x 192.0.2.10
d example.test SOA +norec
d example.test NS
d example.test CAA
d svc.example.test TYPE65
d nope.example.test A
d www.example.test A +dnssec +nsid
d www.example.test A +subnet=198.51.100.0/24
d www.example.test AAAA +tcp +padding=128 +keepalive
d host.example.test ANY +tcp
d example.test AXFR
sleep 1
