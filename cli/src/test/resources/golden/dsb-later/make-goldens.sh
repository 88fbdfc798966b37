#!/bin/sh
# tshark 4.0.17 on captures with a Decryption Secrets Block inserted after N packets, for DecryptionSecretsLaterTest
# (which inserts the same block with its own helper). Run from cli/, the corpus at ../../shared, python3 on PATH.
set -eu
P=../../shared/captures/public
G=src/test/resources/golden/dsb-later
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in tls13-psk-resume:0 tls13-psk-resume:10 tls13-full-alpn-sni:5 tls13-full-alpn-sni:6; do
  name=${c%:*}; n=${c#*:}
  python3 "$G/insert-dsb.py" "$P/$name.pcapng" "$tmp/x.pcapng" "$n" "$P/$name.keys"
  tshark -r "$tmp/x.pcapng" -T fields -e frame.number -e tls.record.content_type -e tls.handshake.type \
    -e tls.app_data_proto -e http.request.method -e http.response.code > "$G/$name.dsb-after-$n.fields.tsv"
done
