#!/bin/sh
# tshark 4.0.17's -2 output with the key log, for TlsDecryptionCliTest (run from cli/, the corpus at ../../shared).
set -eu
for n in tls13-full-alpn-sni.pcapng tls12-cert-chain-multiseg.pcap tls12-alert-client-cert-required.pcap; do
  c=../../shared/captures/public/$n
  tshark -r "$c" -o "tls.keylog_file:${c%.pcap*}.keys" -2 -T fields -e frame.number -e tls.record.content_type \
    -e tls.handshake.type -e tls.alert_message.desc -e tls.app_data_proto -e http.request.method -e http.response.code \
    -e tls.handshake.extensions_alpn_str > "src/test/resources/golden/tls-two-pass/$n.fields.tsv"
done
