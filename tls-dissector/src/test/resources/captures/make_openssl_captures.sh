#!/bin/sh
# Regenerates the openssl captures of this folder: openssl s_server in a network namespace of its own
# (10.98.0.1 / fd00:98::1) joined by a veth pair (offloads off) to the client side (10.98.0.2 / fd00:98::2),
# captured with tcpdump on the client's veth. Needs root, iproute2, ethtool, openssl, tcpdump.
# Certificates are made fresh (throw-away test PKI in a temp folder). Goldens: regen-goldens.sh.
# ONLY=certtypes remakes only tls-cert-types.pcap. The namespace and veth are removed at the end.
set -e
cd "$(dirname "$0")"
OUT=$(pwd)
W=$(mktemp -d)
NS=d4jtls
cleanup() {
  ip netns pids $NS 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del $NS 2>/dev/null || true
  ip link del d4jt0 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT
cleanup
W=$(mktemp -d)

# --- test PKI: root CA, two intermediates, leaf (RSA-2048); an unrelated CA for the alert capture ---
cd "$W"
cat > ext.cnf <<'CNF'
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[leaf]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=DNS:server.test,DNS:www.server.test,IP:10.98.0.1
CNF
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 3650 -subj "/C=XX/O=dissect4j test/CN=d4j Root CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
for i in 1 2; do
  openssl req -newkey rsa:2048 -nodes -keyout int$i.key -out int$i.csr -subj "/C=XX/O=dissect4j test/OU=tier $i/CN=d4j Intermediate $i" 2>/dev/null
done
openssl x509 -req -in int1.csr -CA root.pem -CAkey root.key -CAcreateserial -out int1.pem -days 3650 -extfile ext.cnf -extensions ca 2>/dev/null
openssl x509 -req -in int2.csr -CA int1.pem -CAkey int1.key -CAcreateserial -out int2.pem -days 3650 -extfile ext.cnf -extensions ca 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/C=XX/O=dissect4j test/CN=server.test" 2>/dev/null
openssl x509 -req -in leaf.csr -CA int2.pem -CAkey int2.key -CAcreateserial -out leaf.pem -days 3650 -extfile ext.cnf -extensions leaf 2>/dev/null
cat int2.pem int1.pem > chain.pem
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 3650 -subj "/C=XX/CN=Unrelated CA" 2>/dev/null

# --- network ---
ip netns add $NS
ip link add d4jt0 type veth peer name d4jt1
ip link set d4jt1 netns $NS
ip addr add 10.98.0.2/24 dev d4jt0
ip -6 addr add fd00:98::2/64 dev d4jt0 nodad
ip link set d4jt0 up
ip netns exec $NS ip addr add 10.98.0.1/24 dev d4jt1
ip netns exec $NS ip -6 addr add fd00:98::1/64 dev d4jt1 nodad
ip netns exec $NS ip link set d4jt1 up
ip netns exec $NS ip link set lo up
for d in d4jt0; do ethtool -K $d tso off gso off gro off tx off rx off >/dev/null 2>&1 || true; done
ip netns exec $NS ethtool -K d4jt1 tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
sleep 1

S="ip netns exec $NS openssl s_server -cert $W/leaf.pem -key $W/leaf.key -cert_chain $W/chain.pem -rev -quiet"
C="openssl s_client -servername server.test -CAfile $W/root.pem -quiet -no_ign_eof"

start() { # name
  tcpdump -U -i d4jt0 -s 0 -w "$OUT/$1" tcp 2>/dev/null & DUMP=$!
  sleep 1
}
stop() {
  sleep 0.5
  kill $DUMP; wait $DUMP 2>/dev/null || true
}
serve() { # port args...
  port=$1; shift
  $S -accept $port "$@" >/dev/null 2>&1 & SRV=$!
  sleep 0.7
}
unserve() { kill $SRV 2>/dev/null || true; wait $SRV 2>/dev/null || true; }
talk() { # connect args...
  (printf 'hello tls\n'; sleep 0.6) | timeout 5 $C "$@" >/dev/null 2>&1 || true
}

if [ -z "$ONLY" ]; then
# TLS 1.2 full handshake (port 443: found by port), ECDHE-RSA-AES128-GCM-SHA256, ALPN
start tls12-full.pcap; serve 443 -tls1_2
talk -connect 10.98.0.1:443 -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -alpn h2,http/1.1
unserve; stop

# TLS 1.2 resumed by session ID (port 4433: heuristic), no tickets
start tls12-resume-id.pcap; serve 4433 -tls1_2 -no_ticket
talk -connect 10.98.0.1:4433 -tls1_2 -no_ticket -sess_out $W/id.sess
talk -connect 10.98.0.1:4433 -tls1_2 -no_ticket -sess_in $W/id.sess
unserve; stop

# TLS 1.2 resumption refused: the server restarts (empty cache) and runs a full handshake with a new ID
start tls12-resume-refused.pcap; serve 4433 -tls1_2 -no_ticket
talk -connect 10.98.0.1:4433 -tls1_2 -no_ticket -sess_out $W/ref.sess
unserve; serve 4433 -tls1_2 -no_ticket
talk -connect 10.98.0.1:4433 -tls1_2 -no_ticket -sess_in $W/ref.sess
unserve; stop

# TLS 1.2 resumed by session ticket (port 443), DHE-RSA with CBC
start tls12-resume-ticket.pcap; serve 443 -tls1_2
talk -connect 10.98.0.1:443 -tls1_2 -cipher DHE-RSA-AES256-SHA256 -sess_out $W/t.sess
talk -connect 10.98.0.1:443 -tls1_2 -cipher DHE-RSA-AES256-SHA256 -sess_in $W/t.sess
unserve; stop

# TLS 1.3 full handshake (port 8443: heuristic), ALPN, CHACHA20
start tls13-full.pcap; serve 8443 -tls1_3
talk -connect 10.98.0.1:8443 -tls1_3 -ciphersuites TLS_CHACHA20_POLY1305_SHA256 -alpn h2
unserve; stop

# TLS 1.3 PSK resumption (port 443)
start tls13-psk.pcap; serve 443 -tls1_3
talk -connect 10.98.0.1:443 -tls1_3 -sess_out $W/psk.sess
talk -connect 10.98.0.1:443 -tls1_3 -sess_in $W/psk.sess
unserve; stop

# TLS 1.3 HelloRetryRequest over IPv6 (port 443): the client's only key share is X25519, the server wants P-256
start tls13-hrr.pcap; serve 443 -tls1_3 -groups P-256
talk -connect '[fd00:98::1]:443' -tls1_3 -groups X25519:P-256
unserve; stop

# A certificate chain (leaf + 2 intermediates) over several segments: MTU 576
ip link set d4jt0 mtu 576; ip netns exec $NS ip link set d4jt1 mtu 576
start tls12-chain-multiseg.pcap; serve 443 -tls1_2
talk -connect 10.98.0.1:443 -tls1_2
unserve; stop
ip link set d4jt0 mtu 1500; ip netns exec $NS ip link set d4jt1 mtu 1500

# An alert: the client does not trust the server's CA (fatal Unknown CA)
start tls12-alert.pcap; serve 443 -tls1_2
talk -connect 10.98.0.1:443 -tls1_2 -verify_return_error -CAfile $W/other.pem
unserve; stop
fi

# Other certificate types (ECDSA P-384, Ed25519, RSA-PSS) in one capture, one connection each, port 443.
cd "$W"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout p384.key -out p384.pem -days 3650 \
  -subj "/C=XX/ST=Test State/L=Test City/O=dissect4j test/OU=ecdsa/CN=p384.test" -addext "subjectAltName=DNS:p384.test,email:admin@p384.test" 2>/dev/null
openssl req -x509 -newkey ed25519 -nodes -keyout ed.key -out ed.pem -days 3650 -subj "/C=XX/O=dissect4j test/CN=ed25519.test" \
  -addext "subjectAltName=DNS:ed25519.test,URI:https://ed25519.test/" 2>/dev/null
openssl req -x509 -newkey rsa-pss -pkeyopt rsa_keygen_bits:2048 -nodes -keyout pss.key -out pss.pem -days 3650 \
  -subj "/C=XX/O=dissect4j test/CN=pss.test" -addext "subjectAltName=DNS:pss.test" 2>/dev/null
start tls-cert-types.pcap
for k in p384 ed pss; do
  ip netns exec $NS openssl s_server -tls1_2 -cert $W/$k.pem -key $W/$k.key -rev -quiet -accept 443 >/dev/null 2>&1 & SRV=$!
  sleep 0.7
  (printf 'hello tls\n'; sleep 0.6) | timeout 5 openssl s_client -quiet -no_ign_eof -connect 10.98.0.1:443 >/dev/null 2>&1 || true
  unserve
done
stop
