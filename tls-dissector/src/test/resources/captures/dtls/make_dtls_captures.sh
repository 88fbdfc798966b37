#!/bin/sh
# Regenerates the DTLS captures of this folder: openssl 3.0 s_server -dtls in a network namespace of its own
# (10.97.0.1) joined by a veth pair to the client side (10.97.0.2), captured with tcpdump on the client's veth.
# Needs root, iproute2, openssl, tcpdump. A throw-away RSA certificate is made fresh. Goldens: regen-goldens.sh.
#   dtls12-mtu.pcap   DTLS 1.2 on 4433 (found by the dtls_udp heuristic), HelloVerifyRequest (-listen), a
#                     256-byte MTU so the certificate and key exchange go in fragments, application data, close_notify
#   dtls10-coap.pcap  DTLS 1.0 on 5684 (udp.port table), same exchange without fragmentation
#   dtls12-srtp.pcap  DTLS 1.2 on 4434 with DTLS-SRTP's use_srtp extension (two profiles offered, one chosen)
# ONLY=srtp remakes only dtls12-srtp.pcap.
set -e
cd "$(dirname "$0")"
OUT=$(pwd)
NS=d4jdtls
W=$(mktemp -d)
cleanup() {
  ip netns pids $NS 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del $NS 2>/dev/null || true
  ip link del d4jd0 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT
ip netns del $NS 2>/dev/null || true
ip link del d4jd0 2>/dev/null || true
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/key.pem" -out "$W/cert.pem" -days 3650 \
  -subj "/C=XX/O=dissect4j test/CN=dtls.test" 2>/dev/null
ip netns add $NS
ip link add d4jd0 type veth peer name d4jd1
ip link set d4jd1 netns $NS
ip addr add 10.97.0.2/24 dev d4jd0
ip link set d4jd0 up
ip netns exec $NS ip addr add 10.97.0.1/24 dev d4jd1
ip netns exec $NS ip link set d4jd1 up

run() { # name version port mtu [extra s_client/s_server options]
  name=$1; version=$2; port=$3; mtu=$4; extra=${5:-}
  tcpdump -i d4jd0 -U -w "$OUT/$name" udp port "$port" 2>/dev/null &
  dump=$!
  sleep 1
  # the server's stdin stays open (an EOF would end the session); SECLEVEL=0 lets OpenSSL 3 speak DTLS 1.0
  sleep 6 | ip netns exec $NS timeout 20 openssl s_server -"$version" -listen -accept "$port" -cert "$W/cert.pem" \
    -key "$W/key.pem" -mtu "$mtu" -cipher 'DEFAULT:@SECLEVEL=0' $extra -quiet >/dev/null 2>&1 &
  srv=$!
  sleep 1
  (echo "hello over dtls"; sleep 1) | timeout 10 openssl s_client -"$version" -connect 10.97.0.1:"$port" \
    -mtu "$mtu" -cipher 'DEFAULT:@SECLEVEL=0' $extra -quiet >/dev/null 2>&1 || true
  sleep 1
  kill $srv 2>/dev/null || true
  kill $dump
  wait $dump 2>/dev/null || true
}
if [ "${ONLY:-}" != srtp ]; then
  run dtls12-mtu.pcap dtls1_2 4433 256
  run dtls10-coap.pcap dtls1 5684 1400
fi
run dtls12-srtp.pcap dtls1_2 4434 1400 "-use_srtp SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80"
