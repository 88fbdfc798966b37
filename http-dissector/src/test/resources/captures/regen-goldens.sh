#!/bin/sh
# Writes NAME.fields.tsv beside every capture here, with tshark 4.0.17 and the corpus' conventions.
cd "$(dirname "$0")"
export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
for f in *.pcap *.pcapng; do
  [ -f "$f" ] || continue
  tshark -r "$f" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n \
    -e frame.number -e frame.protocols -e tcp.srcport -e tcp.dstport -e tcp.port -e tcp.stream -e tcp.completeness \
    -e tcp.len -e tcp.seq -e tcp.seq_raw -e tcp.nxtseq -e tcp.ack -e tcp.ack_raw -e tcp.hdr_len -e tcp.flags -e tcp.flags.res \
    -e tcp.flags.ae -e tcp.flags.cwr -e tcp.flags.ece -e tcp.flags.urg -e tcp.flags.ack -e tcp.flags.push -e tcp.flags.reset \
    -e tcp.flags.syn -e tcp.flags.fin -e tcp.flags.str -e tcp.window_size_value -e tcp.window_size -e tcp.window_size_scalefactor \
    -e tcp.checksum -e tcp.checksum.status -e tcp.urgent_pointer -e tcp.options -e tcp.option_kind -e tcp.option_len \
    -e tcp.options.mss_val -e tcp.options.wscale.shift -e tcp.options.wscale.multiplier -e tcp.options.sack_perm \
    -e tcp.options.sack_le -e tcp.options.sack_re -e tcp.options.sack.count -e tcp.options.sack.dsack_le -e tcp.options.sack.dsack_re \
    -e tcp.options.timestamp.tsval -e tcp.options.timestamp.tsecr -e tcp.options.tfo.cookie -e tcp.options.md5.digest \
    -e tcp.options.ao.keyid -e tcp.options.user_to_val -e tcp.options.mptcp.subtype -e tcp.options.experimental.exid \
    -e tcp.options.unknown.payload -e tcp.option.len.invalid -e tcp.time_relative -e tcp.time_delta \
    -e tcp.analysis.initial_rtt -e tcp.analysis.acks_frame -e tcp.analysis.ack_rtt -e tcp.analysis.bytes_in_flight \
    -e tcp.analysis.push_bytes_sent -e tcp.analysis.retransmission -e tcp.analysis.fast_retransmission \
    -e tcp.analysis.spurious_retransmission -e tcp.analysis.out_of_order -e tcp.analysis.lost_segment \
    -e tcp.analysis.ack_lost_segment -e tcp.analysis.duplicate_ack -e tcp.analysis.duplicate_ack_num \
    -e tcp.analysis.duplicate_ack_frame -e tcp.analysis.zero_window -e tcp.analysis.zero_window_probe \
    -e tcp.analysis.zero_window_probe_ack -e tcp.analysis.window_update -e tcp.analysis.window_full \
    -e tcp.analysis.keep_alive -e tcp.analysis.keep_alive_ack -e tcp.analysis.reused_ports -e tcp.analysis.rto_frame \
    -e tcp.segment -e tcp.segment.count -e tcp.reassembled.length \
    -e http.request.method -e http.request.uri -e http.request.version -e http.host -e http.user_agent \
    -e http.response.code -e http.response.phrase -e http.response.version -e http.content_type -e http.content_length \
    -e http.connection -e http.request.line -e http.response.line -e http.chunk_size \
    -e http.request_in -e http.response_for.uri -e http.request.full_uri \
    -e media.type -e urlencoded-form.key -e urlencoded-form.value -e png.signature -e png.chunk.type -e png.chunk.len \
    -e mime_multipart.type -e mime_multipart.part -e mime_multipart.header.content-type \
    -e mime_multipart.header.content-disposition -e mime_multipart.header.content-id -e mime_multipart.preamble \
    -e mime_multipart.trailer -e image-gif.version -e image-gif.screen.width -e image-gif.global.color_map.present \
    -e image-gif.global.bpp -e image-gif.global.pixel_aspect_ratio -e image-gif.extension.label -e image-gif.image.width \
    -e image-gif.local.color_map -e image-gif.image.code_size -e image-gif.data_block -e image-gif.end \
    -e http.cookie_pair -e http.prev_request_in -e http.prev_response_in -e http.proxy_connect_host \
    -e http.proxy_connect_port -e json.object -e json.array -e json.member -e json.key -e json.path \
    -e json.path_with_value -e json.member_with_value -e json.value.string -e json.value.number -e json.value.true \
    -e json.value.false -e json.value.null \
    -e _ws.col.Protocol -e _ws.col.Info > "$f.fields.tsv" 2>/dev/null
done
