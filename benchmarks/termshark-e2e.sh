#!/usr/bin/env bash
# termshark 2.4 end to end on dissect4j: runs termshark in tmux (160x50) with dissect4j as its tshark on
# ../shared/captures/public/tcp-http-ipv4.pcap, goes through the packet list, a filter, the details and hex panes,
# the conversations and the reassembled stream, and compares each screen (tmux capture-pane -p) with the same
# screen made with tshark 4.0.17 (cli/src/test/resources/golden/termshark/screens). Needs tmux and termshark.
#   benchmarks/termshark-e2e.sh            compare dissect4j's screens with the stored ones
#   benchmarks/termshark-e2e.sh --record   store tshark's screens (needs tshark)
# TSHARK may name the binary under test (default: ./dissect4j of this repository). Prints one line per screen.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
golden=$root/cli/src/test/resources/golden/termshark/screens
cap=$root/../shared/captures/public/tcp-http-ipv4.pcap
bin=${TSHARK:-$root/dissect4j}
[ "${1:-}" = "--record" ] && bin=$(command -v tshark)
work=$(mktemp -d)
session=d4j-e2e-$$
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/config/termshark" "$work/out"
printf '[main]\n  tshark = "%s"\n  disable-term-helper = true\n  auto-scroll = false\n' "$bin" >"$work/config/termshark/termshark.toml"
cp "$cap" "$work/cap.pcap"
[ "${1:-}" != "--record" ] && [ -z "${TSHARK:-}" ] && "$root/dissect4j" -v >/dev/null   # builds the jar first if needed
export TZ=UTC
tmux -f /dev/null new-session -d -s "$session" -x 160 -y 50 \
  "env XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache TERM=xterm-256color TZ=UTC termshark -r $work/cap.pcap"

# screen NAME MARKER: waits until the screen shows MARKER and stays the same for 2 s (at most 60 s), then keeps it
screen() {
  local prev="" prev2="" cur i
  for i in $(seq 1 60); do
    sleep 1
    cur=$(tmux capture-pane -p -t "$session")
    if [[ $cur == *"$2"* && $cur == "$prev" && $cur == "$prev2" ]]; then break; fi
    prev2=$prev
    prev=$cur
  done
  printf '%s\n' "$cur" >"$work/out/$1.txt"
}
keys() { tmux send-keys -t "$session" "$@"; }
screen 1-packets "[+] Frame 1:"
# Enter applies the filter once its live validation (a tshark run) has found it valid
keys "/"; sleep 0.5; keys -l "tcp.stream eq 0 and frame.len > 500"; sleep 8; keys Enter
screen 2-filter " 12   0.004389"
keys Tab; sleep 1; keys Tab; sleep 1; keys Down Down Down; sleep 1; keys Enter
screen 3-details "Sequence Number (raw)"
keys ":"; sleep 1; keys -l "convs"; sleep 1; keys Enter
screen 4-conversations "02:00:00:77:00:01   "
keys Escape; sleep 2; keys ":"; sleep 1; keys -l "streams"; sleep 1; keys Enter
screen 5-stream "000000c0  3a 30 30 20 47 4d 54 0d"

if [ "${1:-}" = "--record" ]; then
  mkdir -p "$golden"; cp "$work"/out/*.txt "$golden/"; echo "recorded $(ls "$work/out" | wc -l) screens in $golden"; exit 0
fi
same=0 diff=0
for f in "$work"/out/*.txt; do
  n=$(basename "$f")
  if cmp -s "$f" "$golden/$n"; then same=$((same + 1)); echo "same: ${n%.txt}"; else diff=$((diff + 1)); echo "DIFFERENT: ${n%.txt}"; diff "$golden/$n" "$f" | head -20; fi
done
echo "termshark screens: $same identical to tshark's, $diff different"
[ "$diff" -eq 0 ]
