#!/bin/sh
# MQTT over TLS on port 8883 (tls.port): openssl s_server (which only reads) and s_client sending an MQTT 3.1.1
# CONNECT, a PINGREQ and a DISCONNECT, on loopback, captured with tcpdump; the key log is s_client's.
# Goldens: tshark 4.0.17 with -o tls.keylog_file (below). Needs root (tcpdump) and openssl 3.0.
set -e
cd "$(dirname "$0")"
OUT=$(pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/k.pem" -out "$W/c.pem" -days 3650 -subj "/CN=broker.test" 2>/dev/null
rm -f mqtt-tls.keys
timeout 20 tcpdump -U -i lo -s 0 -w mqtt-tls.pcap "tcp port 8883" 2>/dev/null & DUMP=$!
sleep 1
sleep 6 | timeout 15 openssl s_server -accept 8883 -cert "$W/c.pem" -key "$W/k.pem" -quiet >/dev/null 2>&1 & SRV=$!
sleep 0.7
# (s_server gets a stdin that stays open: at its end it would close the connection)
# CONNECT (protocol MQTT level 4, clean session, keep alive 60, client id "d4j"), PINGREQ, DISCONNECT
( printf '\020\017\000\004MQTT\004\002\000\074\000\003d4j'; sleep 0.4; printf '\300\000'; sleep 0.4; printf '\340\000'; sleep 0.6 ) \
  | timeout 8 openssl s_client -connect 127.0.0.1:8883 -keylogfile "$OUT/mqtt-tls.keys" -quiet -no_ign_eof >/dev/null 2>&1 || true
kill $SRV 2>/dev/null || true; wait $SRV 2>/dev/null || true
sleep 0.5; kill $DUMP 2>/dev/null || true; wait $DUMP 2>/dev/null || true
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
tshark -r mqtt-tls.pcap -o tls.keylog_file:mqtt-tls.keys -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, \
  -E quote=n -e frame.number -e frame.protocols -e tls.app_data_proto -e mqtt.msgtype -e mqtt.clientid -e mqtt.kalive \
  -e _ws.col.Protocol -e _ws.col.Info > mqtt-tls.pcap.keys.fields.tsv 2>/dev/null
