#!/usr/bin/env bash
# Makes the tshark 4.0.17 goldens of FollowIoStatTest from the shared public captures
# (../shared/captures/public beside the repository): for every capture -z follow,tcp,ascii,0 and
# -z io,stat,1 (the issue's acceptance), and for the cases in CASES below the other modes, streams,
# the ADDR:PORT form, chunk ranges and io,stat columns. Needs tshark. Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="$here/../../../../../../../shared/captures/public"
export TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR=$(mktemp -d)
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
# a file name for a -z argument: commas and characters that do not suit file names become '_'
name() { printf '%s' "$1" | tr -c 'A-Za-z0-9.=-' '_'; }
for cap in "$shared"/*.pcap "$shared"/*.pcapng; do
  base=$(basename "$cap")
  for z in follow,tcp,ascii,0 io,stat,1; do
    tshark -r "$cap" -q -z "$z" >"$here/$base.$(name "$z").txt" 2>/dev/null
  done
done
while IFS='|' read -r base z; do
  [ -n "$base" ] || continue
  tshark -r "$shared/$base" -q -z "$z" >"$here/$base.$(name "$z").txt" 2>/dev/null
done <"$here/CASES"
