#!/bin/sh
# tshark 4.0.17 goldens for DTLS: every dtls.* field tshark knows, frame.protocols, Protocol and Info, for the captures
# of this folder (NAME.fields.tsv) and for Zeek's DTLS traces in ../shared/realworld/zeek (zeek-NAME.fields.tsv), as
# compare-fields.py runs tshark; and the frames tshark selects with each filter of filters.txt (filters.tsv).
set -e
cd "$(dirname "$0")"
ZEEK=../../../../../../../shared/realworld/zeek
FIELDS="-e frame.protocols -e _ws.col.Protocol -e _ws.col.Info"
for f in $(tshark -G fields 2>/dev/null | awk -F'\t' '$1 == "F" && $3 ~ /^dtls\./ && $3 !~ /^dtls\.quic\./ {print $3}'); do
  FIELDS="$FIELDS -e $f"
done
golden() { # capture golden
  tshark -r "$1" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, -E quote=n $FIELDS > "$2" 2>/dev/null
}
for c in *.pcap; do golden "$c" "$c.fields.tsv"; done
for c in "$ZEEK"/tls--dtls*.pcap; do golden "$c" "zeek-$(basename "$c").fields.tsv"; done
: > filters.tsv
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue;; esac
  cap=${line%%	*}; filter=${line#*	}
  path=$cap; [ -f "$path" ] || path="$ZEEK/$cap"
  frames=$(tshark -r "$path" -Y "$filter" -T fields -e frame.number 2>/dev/null | paste -sd, -)
  printf '%s\t%s\t%s\n' "$cap" "$filter" "$frames" >> filters.tsv
done < filters.txt
