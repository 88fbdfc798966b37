#!/usr/bin/env bash
# --threads 1 against --threads N on one capture, every output format, compared by the MD5 of stdout
# (the PDML preamble's time line left out) and, for -w, byte for byte:
#
#   benchmarks/threads-identity.sh [CAPTURE] [N]
#
# CAPTURE defaults to benchmarks/target/bench-1m.pcap, N to 2. Formats: summaries, -T fields with the 77
# fields of the shared goldens (when ../shared is there; else a short list), -T psml, -T ek, -x, -V, -T json,
# -T pdml, -Y with frame.time_delta_displayed and the stream indices, the SNI workload, -w pcapng.
# Prints one line per format, "same" or "DIFFERENT", and exits 1 when any differs. DISSECT4J overrides the
# command (default ./dissect4j), e.g. DISSECT4J="java -jar /tmp/copy.jar" to check a build while editing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cap="$(readlink -f "${1:-$root/benchmarks/target/bench-1m.pcap}")"
n="${2:-2}"
cd "$root"
read -r -a d4j <<<"${DISSECT4J:-./dissect4j}"
golden=../shared/captures/public/tcp-http-ipv4.pcap.fields.tsv
if [ -f "$golden" ]; then
  fields=$(head -1 "$golden" | tr '\t' '\n' | sed 's/^/-e /' | tr '\n' ' ')
else
  fields="-e frame.number -e ip.src -e ip.dst -e tcp.stream -e udp.stream -e _ws.col.Info"
fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/threads-identity.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail=0
while IFS= read -r args; do
  sums=()
  for t in 1 "$n"; do
    a="${args//OUT/$tmp/t$t}"
    # shellcheck disable=SC2086
    sums+=("$({ "${d4j[@]}" --threads "$t" -r "$cap" $a </dev/null; echo "status $?"; } 2>&1 | grep -av 'time="' | md5sum | cut -c1-32)")
  done
  if [ "${sums[0]}" = "${sums[1]}" ]; then echo "same      [${args:0:80}]"; else echo "DIFFERENT [${args:0:80}]"; fail=1; fi
done <<LIST

-T fields -E header=y -E occurrence=a -E aggregator=, -E quote=n $fields
-T psml
-T ek
-x
-V
-T json
-T pdml
-Y tcp.len>100||dns -T fields -e frame.number -e frame.time_delta_displayed -e tcp.stream -e udp.stream
-Y tls.handshake.type==1 -T fields -e tls.handshake.extensions_server_name
-w OUT.pcapng
LIST
if cmp -s "$tmp/t1.pcapng" "$tmp/t$n.pcapng"; then echo "same      [-w: the two pcapng files]"; else echo "DIFFERENT [-w: the two pcapng files]"; fail=1; fi
exit $fail
