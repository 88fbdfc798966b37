#!/bin/sh
# Writes NAME.fields.tsv beside every capture here, with tshark 4.0.17 and the corpus' conventions
# (TZ=UTC, LC_ALL=C, empty WIRESHARK_CONFIG_DIR, -E occurrence=a -E aggregator=,).
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
for f in *.pcap *.pcapng; do
  [ -f "$f" ] || continue
  tshark -r "$f" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n \
    -e frame.number -e frame.protocols -e tcp.stream -e tcp.len \
    -e tls.record.content_type -e tls.record.opaque_type -e tls.record.version -e tls.record.length \
    -e tls.handshake.type -e tls.handshake.length -e tls.handshake.version -e tls.handshake.random \
    -e tls.handshake.session_id -e tls.handshake.session_id_length -e tls.handshake.cipher_suites_length \
    -e tls.handshake.ciphersuite -e tls.handshake.comp_method -e tls.handshake.extensions_length \
    -e tls.handshake.extension.type -e tls.handshake.extension.len -e tls.handshake.extensions_server_name \
    -e tls.handshake.extensions_alpn_str -e tls.handshake.extensions_supported_group \
    -e tls.handshake.extensions_ec_point_format -e tls.handshake.sig_hash_alg \
    -e tls.handshake.extensions.supported_version -e tls.handshake.extensions_key_share_group \
    -e tls.handshake.extensions_key_share_selected_group -e tls.extension.psk_ke_mode \
    -e tls.handshake.extensions.psk.identity.selected -e tls.handshake.extensions.psk.identity.obfuscated_ticket_age \
    -e tls.handshake.session_ticket_lifetime_hint -e tls.handshake.session_ticket_length -e tls.handshake.session_ticket \
    -e tls.handshake.certificates_length -e tls.handshake.certificate_length -e tls.handshake.server_curve_type \
    -e tls.handshake.server_named_curve -e tls.handshake.server_point_len -e tls.handshake.p_len -e tls.handshake.g_len \
    -e tls.handshake.ys_len -e tls.handshake.sig_len -e tls.handshake.client_point_len -e tls.handshake.yc_len \
    -e tls.handshake.ja3_full -e tls.handshake.ja3 -e tls.handshake.ja3s_full -e tls.handshake.ja3s \
    -e tls.alert_message.level -e tls.alert_message.desc -e tls.app_data_proto -e tls.resumed \
    -e tls.heartbeat_message.type -e tls.handshake.cipherspec -e tls.handshake.challenge_length \
    -e x509af.version -e x509af.serialNumber -e x509af.algorithm.id -e x509af.utcTime -e x509if.oid \
    -e x509sat.uTF8String -e x509sat.printableString -e x509sat.CountryName -e x509af.extension.id -e x509af.critical \
    -e x509ce.dNSName -e x509ce.KeyPurposeId -e x509ce.cA -e x509ce.SubjectKeyIdentifier -e x509ce.keyIdentifier \
    -e x509af.rdnSequence -e x509if.rdnSequence -e x509af.extensions -e x509ce.GeneralNames \
    -e _ws.malformed -e _ws.col.Protocol -e _ws.col.Info > "$f.fields.tsv" 2>/dev/null
done
