#!/usr/bin/env bash
# PDML byte for byte: ./dissect4j -T pdml against tshark 4.0.17's NAME.pdml.xml (and, with --keys, the decrypted
# NAME.keys.pdml.xml) for every capture of the given folder, after the 4 header lines (they name the time and the
# capture's path). compare-output.py compares PDML packet by packet too, but reads the goldens with universal
# newlines and so loses the CR inside HTTP's show="...\r\n" attributes: this check reads bytes.
# Usage: benchmarks/pdml-identical.sh [--keys] [DIR]   (default ../shared/captures/public). Last line: N passed, M failed.
set -uo pipefail
cd "$(dirname "$0")/.."
keys=0
if [ "${1:-}" = "--keys" ]; then keys=1; shift; fi
dir=${1:-../shared/captures/public}
passed=0 failed=0
for golden in "$dir"/*.pdml.xml; do
  case "$golden" in *.keys.pdml.xml) [ $keys = 1 ] || continue ;; *) [ $keys = 0 ] || continue ;; esac
  cap=${golden%.pdml.xml}; opts=()
  if [ $keys = 1 ]; then
    cap=${cap%.keys}
    base=${cap%.*}; base=${base%.pcap}
    opts=(-o "tls.keylog_file:$base.keys")
  fi
  if cmp -s <(tail -n +5 "$golden") <(./dissect4j -r "$cap" "${opts[@]}" -T pdml 2>/dev/null | tail -n +5); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "differs: $cap"
  fi
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
