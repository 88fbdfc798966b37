#!/bin/sh
# Regenerates the decryption captures of this folder: openssl s_server -www and s_client on loopback (port 443, so
# the decrypted HTTP is found by tls.port), captured with tcpdump, each with its key log (s_client -keylogfile).
# One capture per cipher or key-schedule feature the shared corpus lacks. Every process is bounded by timeout.
# Needs root (tcpdump), openssl 3.0, tcpdump. Certificates are made fresh in a temp folder.
# Goldens: regen-goldens.sh beside this script (tshark 4.0.17 with -o tls.keylog_file).
# An argument (a shell pattern, e.g. 'tls12-camellia*') makes only the captures whose names match it.
set -e
cd "$(dirname "$0")"
OUT=$(pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
PORT=443
ONLY=${1:-*}
wanted() { case "$1" in $ONLY) return 0 ;; *) return 1 ;; esac; }

cd "$W"
openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.pem -days 3650 -subj "/C=XX/O=dissect4j test/CN=server.test" \
  -addext "subjectAltName=DNS:server.test" 2>/dev/null

start() { # name
  rm -f "$OUT/$1.keys"
  timeout 20 tcpdump -U -i lo -s 0 -w "$OUT/$1.pcap" "tcp port $PORT" 2>/dev/null & DUMP=$!
  sleep 1
}
stop() {
  sleep 0.5
  kill $DUMP 2>/dev/null || true; wait $DUMP 2>/dev/null || true
}
serve() { # args...
  timeout 15 openssl s_server -accept $PORT -cert rsa.pem -key rsa.key -www -quiet "$@" >/dev/null 2>&1 & SRV=$!
  sleep 0.7
}
unserve() { kill $SRV 2>/dev/null || true; wait $SRV 2>/dev/null || true; }
# talk NAME FIRST_LINE args...: a command line for s_client first (K: key update, R: renegotiate, or - for none),
# then an HTTP/1.0 request.
talk() {
  name=$1; first=$2; shift 2
  ( if [ "$first" != "-" ]; then printf '%s\n' "$first"; sleep 0.4; fi
    printf 'GET / HTTP/1.0\r\n\r\n'; sleep 1 ) \
    | timeout 8 openssl s_client -connect 127.0.0.1:$PORT -servername server.test -keylogfile "$OUT/$name.keys" -no_ign_eof "$@" \
    >/dev/null 2>&1 || true
}
one() { # name first-line server-args -- client-args
  name=$1; first=$2; shift 2
  wanted "$name" || return 0
  sargs=""; while [ "$1" != "--" ]; do sargs="$sargs $1"; shift; done; shift
  start "$name"; serve $sargs; talk "$name" "$first" "$@"; unserve; stop
}

# TLS 1.2 CBC with HMAC: encrypt-then-MAC (OpenSSL's default), MAC-then-encrypt, SHA-256 MAC
one tls12-aes128-cbc-sha-etm - -tls1_2 -- -cipher AES128-SHA
one tls12-aes256-cbc-sha256-mte - -tls1_2 -no_etm -- -cipher AES256-SHA256 -no_etm
# TLS 1.0 (PRF of MD5 and SHA-1, IVs chained across records), TLS 1.1 (explicit IVs); this OpenSSL has no 3DES
one tls10-aes256-cbc-sha - -tls1 -cipher 'AES256-SHA:@SECLEVEL=0' -- -tls1 -cipher 'AES256-SHA:@SECLEVEL=0'
one tls11-aes128-cbc-sha - -tls1_1 -cipher 'AES128-SHA:@SECLEVEL=0' -- -tls1_1 -cipher 'AES128-SHA:@SECLEVEL=0'
# TLS 1.2 AES-CCM and AES-CCM_8 (RFC 6655)
one tls12-aes128-ccm - -tls1_2 -cipher AES128-CCM -- -cipher AES128-CCM
one tls12-aes256-ccm8 - -tls1_2 -cipher AES256-CCM8 -- -cipher AES256-CCM8
# TLS 1.2 renegotiation (client's R), AES-128-GCM
one tls12-renegotiation R -tls1_2 -client_renegotiation -- -cipher ECDHE-RSA-AES128-GCM-SHA256
# TLS 1.3: AES-128-GCM with a KeyUpdate (client's K), CCM, CCM_8, ChaCha20
one tls13-aes128-gcm-keyupdate K -tls1_3 -- -ciphersuites TLS_AES_128_GCM_SHA256
one tls13-aes128-ccm - -tls1_3 -ciphersuites TLS_AES_128_CCM_SHA256 -- -ciphersuites TLS_AES_128_CCM_SHA256
one tls13-aes128-ccm8 - -tls1_3 -ciphersuites TLS_AES_128_CCM_8_SHA256 -- -ciphersuites TLS_AES_128_CCM_8_SHA256
one tls13-chacha20 - -tls1_3 -- -ciphersuites TLS_CHACHA20_POLY1305_SHA256
# CAMELLIA-CBC with HMAC (RFC 4132, RFC 5932): MAC-then-encrypt with SHA-1 and an RSA key exchange, encrypt-then-MAC
# with SHA-256 (DHE) and SHA-384 (ECDHE, SHA-384 PRF), and TLS 1.0's chained IVs
one tls12-camellia128-cbc-sha-mte - -tls1_2 -no_etm -cipher CAMELLIA128-SHA -- -cipher CAMELLIA128-SHA -no_etm
one tls12-dhe-camellia128-cbc-sha256-etm - -tls1_2 -cipher DHE-RSA-CAMELLIA128-SHA256 -- -cipher DHE-RSA-CAMELLIA128-SHA256
one tls12-ecdhe-camellia256-cbc-sha384-etm - -tls1_2 -cipher ECDHE-RSA-CAMELLIA256-SHA384 -- -cipher ECDHE-RSA-CAMELLIA256-SHA384
one tls10-camellia256-cbc-sha - -tls1 -cipher 'CAMELLIA256-SHA:@SECLEVEL=0' -- -tls1 -cipher 'CAMELLIA256-SHA:@SECLEVEL=0'

# Bulk data for benchmarks/TlsDecryptBenchmark: a 256 KiB file over TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256
# (s_server -WWW serves files from its folder), 16 full records
head -c 262144 /dev/urandom > bulk.bin
name=tls12-aes128-gcm-bulk
if wanted $name; then
start $name
timeout 15 openssl s_server -accept $PORT -cert rsa.pem -key rsa.key -WWW -quiet -tls1_2 >/dev/null 2>&1 & SRV=$!
sleep 0.7
(printf 'GET /bulk.bin HTTP/1.0\r\n\r\n'; sleep 1.5) | timeout 8 openssl s_client -connect 127.0.0.1:$PORT \
  -keylogfile "$OUT/$name.keys" -no_ign_eof -cipher ECDHE-RSA-AES128-GCM-SHA256 >/dev/null 2>&1 || true
unserve; stop
fi

# TLS 1.3 0-RTT: a first connection for the ticket, then the request as early data with it (s_server cannot
# combine -early_data with -www: it only reads)
name=tls13-early-data
if wanted $name; then
printf 'GET / HTTP/1.0\r\n\r\n' > early.txt
start $name
timeout 15 openssl s_server -accept $PORT -cert rsa.pem -key rsa.key -early_data -quiet >/dev/null 2>&1 & SRV=$!
sleep 0.7
(printf 'GET / HTTP/1.0\r\n\r\n'; sleep 0.6) | timeout 5 openssl s_client -connect 127.0.0.1:$PORT -keylogfile "$OUT/$name.keys" \
  -no_ign_eof -sess_out sess.pem >/dev/null 2>&1 || true
(sleep 0.6) | timeout 5 openssl s_client -connect 127.0.0.1:$PORT -keylogfile "$OUT/$name.keys" -no_ign_eof \
  -sess_in sess.pem -early_data early.txt >/dev/null 2>&1 || true
unserve; stop
fi
