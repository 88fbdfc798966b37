#!/bin/sh
# Writes the tshark 4.0.17 goldens of every capture in this folder (captures: make_captures.sh):
#   NAME.fields.tsv             every MQTT field Wireshark 4.0 registers, with the Protocol and Info columns
#   NAME.publish-frames.txt     the frames `-Y 'mqtt.msgtype == 3'` selects
#   NAME.header-flags.txt       the fixed header's -V lines ("Header Flags: 0x30, Message Type: ...")
#   glossary-fields.txt         tshark -G fields, MQTT's lines
# and, for captures named *-portNNNNN.pcap (MQTT on a port Wireshark does not know), the same two with
# `-d tcp.port==NNNNN,mqtt` as NAME.decode-as.fields.tsv and NAME.decode-as.publish-frames.txt.
# MqttCapturesTest compares the plugin with them; the lead's acceptance runs ./dissect4j against them.
set -eu
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
FIELDS="frame.number frame.protocols tcp.stream tcp.srcport tcp.dstport tcp.len
mqtt mqtt.hdrflags mqtt.msgtype mqtt.hdr_reserved mqtt.retain_reserved mqtt.dupflag mqtt.qos mqtt.retain mqtt.len
mqtt.proto_len mqtt.protoname mqtt.ver mqtt.conflags mqtt.conflag.uname mqtt.conflag.passwd mqtt.conflag.retain
mqtt.conflag.qos mqtt.conflag.willflag mqtt.conflag.cleansess mqtt.conflag.reserved mqtt.kalive
mqtt.clientid_len mqtt.clientid mqtt.willtopic_len mqtt.willtopic mqtt.willmsg_len mqtt.willmsg mqtt.willmsg_text
mqtt.username_len mqtt.username mqtt.passwd_len mqtt.passwd
mqtt.conack.flags mqtt.conack.flags.reserved mqtt.conack.flags.sp mqtt.conack.val
mqtt.msgid mqtt.topic_len mqtt.topic mqtt.msg mqtt.msg_text mqtt.msg_decoded_as mqtt.sub.qos mqtt.suback.qos
mqtt.subscription_options mqtt.subscription_options_qos mqtt.subscription_options_nl mqtt.subscription_options_rap
mqtt.subscription_options_retain mqtt.subscription_options_reserved
mqtt.connack.reason_code mqtt.puback.reason_code mqtt.pubrec.reason_code mqtt.pubrel.reason_code
mqtt.pubcomp.reason_code mqtt.suback.reason_code mqtt.unsuback.reason_code mqtt.disconnect.reason_code
mqtt.auth.reason_code
mqtt.properties mqtt.will_properties mqtt.property_len mqtt.property_id mqtt.prop_number mqtt.property.content_type
mqtt.property.max_qos mqtt.property.topic_alias mqtt.prop_unknown mqtt.prop_string_len mqtt.prop_string
mqtt.prop_key_len mqtt.prop_key mqtt.prop_value_len mqtt.prop_value
mqtt.illegal_topic_length mqtt.unknown_version mqtt.unknown_topic_alias _ws.malformed
_ws.col.Protocol _ws.col.Info"
E=""
for f in $FIELDS; do E="$E -e $f"; done
golden() {   # capture, output prefix, extra tshark options...
  cap=$1; out=$2; shift 2
  # shellcheck disable=SC2086
  tshark -r "$cap" "$@" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n $E \
    > "$out.fields.tsv" 2>/dev/null
  tshark -r "$cap" "$@" -Y 'mqtt.msgtype == 3' -T fields -e frame.number > "$out.publish-frames.txt" 2>/dev/null
  tshark -r "$cap" "$@" -V 2>/dev/null | grep 'Header Flags:' | sed 's/^ *//' > "$out.header-flags.txt" || true
}
for cap in *.pcap; do
  [ -f "$cap" ] || continue
  golden "$cap" "$cap"
  port=$(echo "$cap" | sed -n 's/.*-port\([0-9]*\)\.pcap$/\1/p')
  if [ -n "$port" ]; then
    golden "$cap" "$cap.decode-as" -d "tcp.port==$port,mqtt"
  fi
done
# The glossary lines of MQTT's fields, for the CLI's -G fields test.
tshark -G fields 2>/dev/null | grep -P '^(F|P)\t[^\t]*\tmqtt(\.|\t|$)' > glossary-fields.txt
ls -l ./*.tsv ./*.txt
