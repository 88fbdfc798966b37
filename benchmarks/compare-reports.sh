#!/usr/bin/env bash
# Compares dissect4j's -z follow and -z io,stat reports with tshark 4.0.17's on the public captures,
# byte for byte: every TCP stream in the four modes (and the ADDR:PORT form and a chunk range for stream 0),
# and io,stat with several intervals and columns. Needs tshark on PATH. Prints one line per difference
# and "N identical, M different (K skipped: tshark crashed)" at the end (exit status 1 when any differs).
#   benchmarks/compare-reports.sh [CAPTURE_DIR]     (default ../shared/captures/public)
# DISSECT4J may name another launcher (default ./dissect4j from the repository root).
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/captures/public}
d4j=${DISSECT4J:-./dissect4j}
export TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR=$(mktemp -d)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$WIRESHARK_CONFIG_DIR"' EXIT
same=0 diff=0 crashed=0
check() {   # check CAPTURE ARGS...
  local cap=$1; shift
  tshark -r "$cap" -q "$@" >"$tmp/t" 2>/dev/null
  if [ $? -ge 128 ]; then
    # tshark 4.0.17 may die (SIGFPE) where its io,stat parsing is undefined: see cli/REPORTS.md
    crashed=$((crashed + 1)); echo "SKIP (tshark crashed) $(basename "$cap") $*"; return
  fi
  "$d4j" -r "$cap" -q "$@" >"$tmp/d" 2>/dev/null
  if cmp -s "$tmp/t" "$tmp/d"; then same=$((same + 1)); else diff=$((diff + 1)); echo "DIFF $(basename "$cap") $*"; fi
}
for cap in "$dir"/*.pcap "$dir"/*.pcapng; do
  [ -f "$cap" ] || continue
  streams=$(tshark -r "$cap" -T fields -e tcp.stream 2>/dev/null | sort -un | grep -v '^$' | head -20)
  for s in $streams; do
    for mode in ascii hex raw yaml; do
      check "$cap" -z "follow,tcp,$mode,$s"
    done
  done
  ends=$(tshark -r "$cap" -c 1 -Y tcp -T fields -e ip.src -e ipv6.src -e tcp.srcport -e ip.dst -e ipv6.dst -e tcp.dstport 2>/dev/null \
    | awk -F'\t' '{ if ($1 != "") print $1 ":" $3 "," $4 ":" $6; else if ($2 != "") print "[" $2 "]:" $3 ",[" $5 "]:" $6 }')
  [ -n "$ends" ] && check "$cap" -z "follow,tcp,ascii,$ends"
  check "$cap" -z follow,tcp,hex,0,2-3
  check "$cap" -z follow,udp,ascii,0
  for z in io,stat,1 io,stat,0 io,stat,0.001 io,stat,0.01 io,stat,0.1 io,stat,0.5 io,stat,1.0,tcp io,stat,0.50,udp,tcp io,stat,10 \
      "io,stat,0.005,tcp,udp,tls" "io,stat,0.002,,tcp.flags.syn==1" \
      "io,stat,0.01,COUNT(tcp.analysis.retransmission)tcp.analysis.retransmission,SUM(frame.len)frame.len,MIN(tcp.len)tcp.len,MAX(tcp.window_size)tcp,AVG(tcp.len)tcp.len" \
      "io,stat,0.003,FRAMES,BYTES,FRAMES()tcp,BYTES()tls,AVG(frame.time_delta)frame,SUM(frame.time_delta)frame,MAX(frame.time_delta_displayed)frame" \
      "io,stat,0.005,AVG(frame.time_delta)frame.time_delta,MAX(frame.time_delta)frame.time_delta,SUM(frame.time_delta)frame.time_delta,MIN(frame.time_delta)frame.time_delta" \
      "io,stat,0,tcp.port == 443 or tcp.port == 8443 or tcp.port == 4433 or tcp.port == 8000 or tcp.port == 8080 and frame.len > 100"; do
    check "$cap" -z "$z"
  done
done
echo "$same identical, $diff different ($crashed skipped: tshark crashed)"
[ "$diff" -eq 0 ]
