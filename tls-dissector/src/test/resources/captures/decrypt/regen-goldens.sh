#!/bin/sh
# Writes NAME.pcap.keys.fields.tsv beside every capture here: tshark 4.0.17 with the key log NAME.keys
# (TZ=UTC, LC_ALL=C, empty WIRESHARK_CONFIG_DIR, -E occurrence=a -E aggregator=,); and NAME.pcap.wrongkey.fields.tsv
# beside every NAME.wrongkey.keys (a key log whose master secret is wrong: what tshark shows then).
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
fields() { # capture keylog
  tshark -r "$1" -o "tls.keylog_file:$2" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n \
    -e frame.number -e frame.protocols -e tcp.stream \
    -e tls.record.content_type -e tls.record.opaque_type -e tls.record.version -e tls.record.length \
    -e tls.handshake.type -e tls.handshake.length -e tls.handshake.ciphersuite \
    -e tls.handshake.extensions_alpn_str -e tls.handshake.certificate_length -e tls.handshake.sig_hash_alg \
    -e tls.handshake.verify_data -e tls.handshake.session_ticket_lifetime_hint -e tls.handshake.session_ticket_length \
    -e tls.handshake.session_ticket_age_add -e tls.handshake.key_update.request_update \
    -e tls.alert_message.level -e tls.alert_message.desc -e tls.app_data -e tls.app_data_proto \
    -e tls.segment.count -e tls.reassembled.length -e x509sat.uTF8String -e x509ce.dNSName \
    -e http.request.method -e http.request.uri -e http.response.code -e http.content_length \
    -e _ws.malformed -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null
}
for f in *.pcap; do
  [ -f "$f" ] || continue
  fields "$f" "${f%.pcap}.keys" > "$f.keys.fields.tsv"
done
for k in *.wrongkey.keys; do
  [ -f "$k" ] || continue
  fields "${k%.wrongkey.keys}.pcap" "$k" > "${k%.wrongkey.keys}.pcap.wrongkey.fields.tsv"
done
