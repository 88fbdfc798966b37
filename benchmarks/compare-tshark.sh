#!/usr/bin/env bash
# End-to-end, whole-process comparison of dissect4j (through the repository's ./dissect4j launcher)
# against tshark on one capture: the same arguments, the same environment, outputs checked identical
# before anything is timed.
#
#   benchmarks/compare-tshark.sh [CAPTURE] [RUNS]
#   WORKLOADS="syn sni" benchmarks/compare-tshark.sh other.pcap 3
#   THREADS=2 PINNED=1 WORKLOADS="summary sni fields" benchmarks/compare-tshark.sh '' 5
#
# CAPTURE defaults to benchmarks/target/bench-1m.pcap (made with `benchmarks/dissect4j-bench
# make-capture` when missing); RUNS (default 5) is the number of timed runs per tool and workload.
# WORKLOADS is a space-separated subset of "syn sni summary fields small verbose pdml json ek" (default: syn sni
# summary small):
#   syn      -r CAP -Y 'tcp.flags.syn==1' -T fields -e frame.number
#   sni      -r CAP -Y 'tls.handshake.type==1' -T fields -e tls.handshake.extensions_server_name
#   summary  -r CAP                       (one-line summaries)
#   fields   -r CAP -T fields -e frame.number -e frame.time_relative -e ip.src -e ip.dst -e tcp.srcport
#            -e tcp.dstport -e tcp.stream -e tcp.len -e udp.stream -e _ws.col.Protocol (stream indices cross threads)
#   small    -r FIRST10                   (the capture's first 10 packets: start-up cost)
#   verbose  -r CAP -c DETAIL -V          (the packet tree of the first DETAIL packets, default 100000)
#   pdml     -r CAP -c DETAIL -T pdml     (the same as PDML; its header line naming the time is left out of the check)
#   json     -r CAP -c DETAIL -T json
#   ek       -r CAP -c DETAIL -T ek
# dissect4j runs twice per workload: --threads 1 and --threads THREADS (default: the number of cores),
# the main table showing the run with the CLI's own default (one worker per core from 4 cores, else 1),
# each checked identical to tshark and timed. PINNED=1 times a third dissect4j run, --threads THREADS
# pinned to one core (taskset -c 0): with the --threads 1 run it gives the pipeline's overhead and
# its serial fraction (see BENCHMARKS.md, "Threads").
#
# For each workload both tools run once with stdout kept; the outputs must be byte-for-byte identical
# (and the exit statuses equal), otherwise the workload prints MISMATCH, is not timed, and the script
# exits 1 at the end. Then the tools alternate (dissect4j, tshark, dissect4j, ...) RUNS times each
# under GNU time ('%e %U %S %M': wall, user, sys, max RSS) with stdout to /dev/null.
# Both run with TZ=UTC LC_ALL=C and WIRESHARK_CONFIG_DIR set to a fresh empty directory.
# With syn, the mmap floor (benchmarks/dissect4j-bench floor: one loop over the file, same output) is
# checked and timed too, and, when tcpdump is installed, so is the same selection as a capture filter:
# tcpdump's libpcap BPF ('tcp[tcpflags] & tcp-syn != 0', -w) against dissect4j -Y 'tcp.flags.syn==1'
# -F pcap -w, after checking that both write the same file byte for byte.
# UPDATE_BENCHMARKS_MD=1 writes the report into BENCHMARKS.md (e2e markers).
set -euo pipefail

self="$(readlink -f "${BASH_SOURCE[0]}")"
root="$(dirname "$(dirname "$self")")"

die() { echo "compare-tshark: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$self"; }

case "${1:-}" in -h|--help) usage; exit 0 ;; esac
[ $# -le 2 ] || { usage >&2; exit 2; }

default_cap="$root/benchmarks/target/bench-1m.pcap"
cap="$default_cap"
[ -z "${1:-}" ] || cap="$(readlink -f -- "$1" 2>/dev/null || echo "$1")"   # relative to the caller's directory
runs="${2:-5}"
workloads="${WORKLOADS:-syn sni summary small}"
detail="${DETAIL:-100000}"
threads="${THREADS:-$(nproc)}"
pinned="${PINNED:-0}"
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || die "THREADS must be a positive integer, got '$threads'"
d4j_tools="d4j d4jt"
[ "$pinned" = 1 ] && d4j_tools="d4j d4jt d4jp"

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$runs'"
for w in $workloads; do
  case "$w" in syn|sni|summary|fields|small|verbose|pdml|json|ek) ;;
    *) die "unknown workload '$w' in WORKLOADS (known: syn sni summary fields small verbose pdml json ek)" ;; esac
done
[ -n "${workloads// /}" ] || die "WORKLOADS is empty"

command -v tshark >/dev/null 2>&1 || die "tshark not found; install it with apt-get install -y tshark"
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) not found; install it with apt-get install -y time"
command -v python3 >/dev/null 2>&1 || die "python3 not found"

# The JDK: $JAVA_HOME if it is a JDK 25+, else the Temurin 25 the launcher also falls back to.
# Exported so that the launcher runs exactly the JDK reported below.
jdk_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1 || true; }
jdk=""
for h in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$h" ] && [ -x "$h/bin/java" ] && [ "$(jdk_major "$h")" -ge 25 ] 2>/dev/null; then jdk="$h"; break; fi
done
[ -n "$jdk" ] || die "no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm/temurin-25-jdk-amd64)"
export JAVA_HOME="$jdk"

if [ ! -f "$cap" ]; then
  [ "$cap" = "$default_cap" ] || die "capture '$cap' not found"
  gen="$root/benchmarks/dissect4j-bench"
  [ -x "$gen" ] || die "$default_cap is missing and $gen (its generator) is not there; pass a CAPTURE"
  echo "compare-tshark: making $default_cap (1,000,000 packets) with $gen make-capture..." >&2
  mkdir -p "$root/benchmarks/target"
  partial="$root/benchmarks/target/bench-1m.partial-$$.pcap"
  if ! "$gen" make-capture --packets 1000000 --out "$partial" >&2; then
    rm -f "$partial"; die "$gen make-capture failed"
  fi
  mv -f "$partial" "$default_cap"
fi
cd "$root"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/compare-tshark.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$tmp/wsconfig"          # empty: no user preferences, profiles or name files for tshark

run_env=(env TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR="$tmp/wsconfig")
d4j_cmd=("$root/dissect4j")
tshark_cmd=(tshark)
jar="$root/cli/target/dissect4j.jar"
jar_aot="$root/cli/target/dissect4j.aot"     # start-up archive the launcher makes once per jar

# Packet count of a capture file (capinfos ships with tshark; tshark itself as a fallback).
count_packets() {
  local n=""
  if command -v capinfos >/dev/null 2>&1; then
    n=$(LC_ALL=C capinfos -M -c -T -r "$1" 2>/dev/null | awk -F'\t' 'END { print $NF }' || true)
  fi
  if ! [[ "$n" =~ ^[0-9]+$ ]]; then
    n=$("${run_env[@]}" tshark -r "$1" -T fields -e frame.number 2>/dev/null | wc -l || true)
  fi
  echo "$n"
}

# ---- machine and inputs ----------------------------------------------------------------------
cores=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1 || true)
jdk_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release" | head -n 1 || true)
jdk_impl=$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$JAVA_HOME/release" | head -n 1 || true)
tshark_version=$(tshark --version 2>/dev/null | head -n 1 | sed 's/^TShark (Wireshark) //; s/ (Git.*//' || true)
machine_line="Machine: $cores cores, ${cpu:-unknown CPU}; JDK ${jdk_version:-?} (${jdk_impl:-?}, $JAVA_HOME); tshark ${tshark_version:-?}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$machine_line"

packets=$(count_packets "$cap")
capture_line="Capture: $(basename "$cap") ($(stat -c %s "$cap") bytes, $packets packets); $runs timed runs per tool; workloads: $workloads; dissect4j --threads 1 and --threads $threads$([ "$pinned" = 1 ] && echo ", and --threads $threads pinned to one core" || true)"
echo "$capture_line"

# The start-up workload's capture: the first 10 packets (pcap if possible, else pcapng, else ours).
small="$tmp/first10.pcap"
if [[ " $workloads " == *" small "* ]]; then
  if ! "${run_env[@]}" tshark -r "$cap" -c 10 -F pcap -w "$small" 2>"$tmp/small.err"; then
    small="$tmp/first10.pcapng"
    "${run_env[@]}" tshark -r "$cap" -c 10 -w "$small" 2>>"$tmp/small.err" \
      || "${run_env[@]}" "${d4j_cmd[@]}" -r "$cap" -c 10 -w "$small" 2>>"$tmp/small.err" \
      || { cat "$tmp/small.err" >&2; die "could not write the first 10 packets of $cap"; }
  fi
fi
small_packets=0
[ -f "$small" ] && small_packets=$(count_packets "$small")

# Arguments of one workload, into the array "args".
workload_args() {
  case "$1" in
    syn)     args=(-r "$cap" -Y 'tcp.flags.syn==1' -T fields -e frame.number) ;;
    sni)     args=(-r "$cap" -Y 'tls.handshake.type==1' -T fields -e tls.handshake.extensions_server_name) ;;
    summary) args=(-r "$cap") ;;
    fields)  args=(-r "$cap" -T fields -e frame.number -e frame.time_relative -e ip.src -e ip.dst -e tcp.srcport -e tcp.dstport
                   -e tcp.stream -e tcp.len -e udp.stream -e _ws.col.Protocol) ;;
    small)   args=(-r "$small") ;;
    verbose) args=(-r "$cap" -c "$detail" -V) ;;
    pdml)    args=(-r "$cap" -c "$detail" -T pdml) ;;
    json)    args=(-r "$cap" -c "$detail" -T json) ;;
    ek)      args=(-r "$cap" -c "$detail" -T ek) ;;
  esac
}
tool_cmd() {
  case "$1" in
    d4j)  cmd=("${d4j_cmd[@]}" --threads 1) ;;
    d4jt) cmd=("${d4j_cmd[@]}" --threads "$threads") ;;
    d4jp) cmd=(taskset -c 0 "${d4j_cmd[@]}" --threads "$threads") ;;
    *)    cmd=("${tshark_cmd[@]}") ;;
  esac
}
# The floor of the syn workload: one Java loop over the mmap'd file reading Ethertype, IP protocol and
# TCP flags, printing the same frame numbers (benchmarks/dissect4j-bench floor). Timed beside syn.
floor_jar="$root/benchmarks/target/benchmarks.jar"
floor_cmd=("$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$floor_jar" org.dissect4j.bench.BenchTool floor)
# The same SYN selection written as a pcap: by tcpdump's BPF filter (no dissection), and by dissect4j.
bpf_filter='tcp[tcpflags] & tcp-syn != 0'
bpf_cmd=(tcpdump -n -r "$cap" -w "$tmp/syn.bpf.pcap" "$bpf_filter")
d4jw_cmd=("${d4j_cmd[@]}" -r "$cap" -Y 'tcp.flags.syn==1' -F pcap -w "$tmp/syn.d4jw.pcap")

# Warm-up, not timed: the launcher builds its jar (and its AOT start-up cache) on first use.
echo "Warm-up (not timed): ./dissect4j and tshark once each..." >&2
warm="$cap"; [ -f "$small" ] && warm="$small"
"${run_env[@]}" "${d4j_cmd[@]}" -r "$warm" -c 10 >/dev/null 2>"$tmp/warm.err" \
  || { cat "$tmp/warm.err" >&2; die "./dissect4j failed during warm-up"; }
"${run_env[@]}" tshark -r "$warm" -c 10 >/dev/null 2>"$tmp/warm.err" \
  || { cat "$tmp/warm.err" >&2; die "tshark failed during warm-up"; }

# ---- correctness: one run each, whole outputs compared ---------------------------------------
: >"$tmp/times.tsv"
: >"$tmp/status.tsv"
mismatch=0
declare -A expect_rc
for w in $workloads; do
  workload_args "$w"
  for t in $d4j_tools tshark; do
    tool_cmd "$t"
    rc=0
    "${run_env[@]}" "${cmd[@]}" "${args[@]}" >"$tmp/$w.$t.out" 2>"$tmp/$w.$t.err" || rc=$?
    expect_rc[$w.$t]=$rc
    # PDML's root element names the time of the run
    [ "$w" != pdml ] || sed -i '/^<pdml version=/d' "$tmp/$w.$t.out"
  done
  for t in $d4j_tools; do
    [ "$t" = d4j ] && continue
    if [ "${expect_rc[$w.$t]}" != "${expect_rc[$w.d4j]}" ] || ! cmp -s "$tmp/$w.$t.out" "$tmp/$w.d4j.out"; then
      echo "$w: MISMATCH: dissect4j $t (--threads $threads) differs from --threads 1"
      printf '%s\tMISMATCH\n' "$w" >>"$tmp/status.tsv"; mismatch=1; continue 2
    fi
  done
  if [ "${expect_rc[$w.d4j]}" != "${expect_rc[$w.tshark]}" ]; then
    echo "$w: MISMATCH: exit status dissect4j ${expect_rc[$w.d4j]}, tshark ${expect_rc[$w.tshark]}"
    for t in d4j tshark; do
      [ -s "$tmp/$w.$t.err" ] && { echo "  $t stderr (last lines):"; grep -v 'Running as user' "$tmp/$w.$t.err" | tail -n 5 | sed 's/^/    /' || true; }
    done
    printf '%s\tMISMATCH\n' "$w" >>"$tmp/status.tsv"; mismatch=1; continue
  fi
  if [ "${expect_rc[$w.d4j]}" != 0 ]; then
    echo "$w: warning: both tools exit with status ${expect_rc[$w.d4j]}" >&2
  fi
  if [ "$w" = syn ]; then
    expect_rc[syn.floor]=0
    floor_ok=0
    if [ ! -f "$floor_jar" ]; then
      "$root/benchmarks/dissect4j-bench" >/dev/null 2>&1 || true   # builds the jar, then prints its usage
    fi
    if [ -f "$floor_jar" ] && "${run_env[@]}" "${floor_cmd[@]}" "$cap" >"$tmp/syn.floor.out" 2>"$tmp/syn.floor.err" \
        && cmp -s "$tmp/syn.floor.out" "$tmp/syn.tshark.out"; then
      floor_ok=1
      echo "syn: the mmap floor prints the same frames"
    else
      echo "syn: the mmap floor is not comparable on this capture (not a little-endian Ethernet pcap, or its output differs): not timed"
    fi
    rm -f "$tmp/syn.floor.out"
    expect_rc[syn.bpf]=0
    expect_rc[syn.d4jw]=0
    bpf_ok=0
    if ! command -v tcpdump >/dev/null 2>&1; then
      echo "syn: tcpdump not installed: the BPF capture filter is not timed"
    elif "${run_env[@]}" "${bpf_cmd[@]}" 2>"$tmp/syn.bpf.err" && "${run_env[@]}" "${d4jw_cmd[@]}" 2>"$tmp/syn.d4jw.err" \
        && cmp -s "$tmp/syn.bpf.pcap" "$tmp/syn.d4jw.pcap"; then
      bpf_ok=1
      echo "syn: tcpdump's BPF filter and dissect4j -w write the same pcap file"
    else
      echo "syn: tcpdump's BPF filter and dissect4j -w do not write the same file on this capture: not timed"
    fi
    rm -f "$tmp/syn.bpf.pcap" "$tmp/syn.d4jw.pcap"
  fi
  if cmp -s "$tmp/$w.d4j.out" "$tmp/$w.tshark.out"; then
    lines=$(wc -l <"$tmp/$w.d4j.out"); bytes=$(stat -c %s "$tmp/$w.d4j.out")
    echo "$w: outputs identical ($lines lines, $bytes bytes)"
    [ "$bytes" -gt 0 ] || echo "$w: warning: both outputs are empty (nothing matched?)" >&2
    printf '%s\tok\n' "$w" >>"$tmp/status.tsv"
  else
    echo "$w: MISMATCH"
    python3 - "$tmp/$w.d4j.out" "$tmp/$w.tshark.out" <<'PY'
import itertools, sys
with open(sys.argv[1], "rb") as a, open(sys.argv[2], "rb") as b:
    diff, first, na, nb = 0, None, 0, 0
    for i, (x, y) in enumerate(itertools.zip_longest(a, b), 1):
        na += x is not None; nb += y is not None
        if x != y:
            diff += 1
            if first is None: first = (i, x, y)
show = lambda l: "<no line>" if l is None else repr(l.decode("utf-8", "replace").rstrip("\n"))
print(f"  lines: dissect4j {na}, tshark {nb}; {diff} differing lines")
if first:
    print(f"  first difference at line {first[0]}:")
    print(f"    dissect4j: {show(first[1])}")
    print(f"    tshark:    {show(first[2])}")
PY
    printf '%s\tMISMATCH\n' "$w" >>"$tmp/status.tsv"; mismatch=1
  fi
  rm -f "$tmp/$w".*.out
done

# ---- timing: alternate the tools, RUNS each ---------------------------------------------------
# The jar and its AOT cache: when either changes during a run, the launcher built it in that run.
jar_stamp() { stat -c '%n %Y.%s' "$jar" "$jar_aot" 2>/dev/null || true; }
# time_one WORKLOAD TOOL RUN: appends "workload tool run wall user sys rss" to times.tsv
time_one() {
  local w=$1 t=$2 i=$3 tries=0 rc before
  local targs=("${args[@]}")
  case "$t" in
    floor) cmd=("${floor_cmd[@]}"); targs=("$cap") ;;
    bpf) cmd=("${bpf_cmd[@]}"); targs=() ;;
    d4jw) cmd=("${d4jw_cmd[@]}"); targs=() ;;
    *) tool_cmd "$t" ;;
  esac
  while :; do
    before=$(jar_stamp)
    rc=0
    "${run_env[@]}" /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.out" \
      "${cmd[@]}" "${targs[@]}" >/dev/null 2>"$tmp/run.err" || rc=$?
    if [ "$rc" != "${expect_rc[$w.$t]}" ]; then
      grep -v 'Running as user' "$tmp/run.err" | tail -n 5 >&2 || true
      die "$w: $t exited with status $rc in timed run $i (status ${expect_rc[$w.$t]} in the check run)"
    fi
    # The launcher rebuilds its jar when someone changes the sources: that run timed a build, redo it.
    if [[ $t == d4j* ]] && [ "$(jar_stamp)" != "$before" ] && [ $((tries += 1)) -le 3 ]; then
      echo "  ($w run $i: the launcher rebuilt the jar or its AOT cache during the run; run again)" >&2
      continue
    fi
    break
  done
  printf '%s\t%s\t%s\t%s\n' "$w" "$t" "$i" "$(tail -n 1 "$tmp/time.out" | tr ' ' '\t')" >>"$tmp/times.tsv"
}

for w in $workloads; do
  grep -qP "^$w\tok$" "$tmp/status.tsv" || continue
  workload_args "$w"
  echo "Timing $w ($runs runs each)..." >&2
  for ((i = 1; i <= runs; i++)); do
    for t in $d4j_tools; do
      time_one "$w" "$t" "$i"
    done
    time_one "$w" tshark "$i"
    if [ "$w" = syn ] && [ "${floor_ok:-0}" = 1 ]; then
      time_one "$w" floor "$i"
    fi
    if [ "$w" = syn ] && [ "${bpf_ok:-0}" = 1 ]; then
      time_one "$w" bpf "$i"
      time_one "$w" d4jw "$i"
    fi
  done
done

# ---- report -----------------------------------------------------------------------------------
echo
{ echo "$machine_line"; echo "$capture_line"; echo; } >"$tmp/report.md"
# the CLI's own default (Options.defaultThreads): one worker per core from 4 cores, else 1
default_threads=1
[ "$(nproc)" -ge 4 ] && default_threads=$(nproc)
python3 - "$tmp/times.tsv" "$tmp/status.tsv" "$packets" "$small_packets" "$runs" "$threads" "$detail" "$default_threads" \
  <<'PY' | tee -a "$tmp/report.md"
import statistics, sys
times_f, status_f, packets, small_packets, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
threads, detail, default_threads = sys.argv[6], int(sys.argv[7]), int(sys.argv[8])
DETAIL = ("verbose", "pdml", "json", "ek")
status = [l.rstrip("\n").split("\t") for l in open(status_f) if l.strip()]
data = {}
for l in open(times_f):
    w, t, i, wall, user, sys_, rss = l.split()
    data.setdefault((w, t), []).append((float(wall), float(user) + float(sys_), int(rss)))

def stats(w, t):
    rows = data[(w, t)]
    return (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
            max(r[2] for r in rows) / 1024)

def ratio(a, b):
    return f"{a / b:.2f}" if b > 0 else "n/a"

def per_packet(wall, n):
    if not n:
        return "n/a"
    us = wall / n * 1e6
    return f"{us:.0f}" if us >= 100 else f"{us:.2f}"

# the main table shows dissect4j as a user runs it: with its default number of threads
main = "d4jt" if int(threads) == default_threads else "d4j"
print(f"Medians over {runs} runs; ratio = tshark / dissect4j (above 1: dissect4j is faster or uses less); "
      "CPU = user + sys; RSS = the largest max RSS over the runs; dissect4j with its default "
      f"--threads {default_threads} on this machine.")
print()
print("| workload | packets | dissect4j wall s | tshark wall s | ratio wall | dissect4j CPU s | tshark CPU s | ratio CPU "
      "| dissect4j RSS MiB | tshark RSS MiB | dissect4j µs/packet | tshark µs/packet |")
print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
summary = []
for w, st in status:
    n = small_packets if w == "small" else min(detail, packets) if w in DETAIL else packets
    if st != "ok":
        print(f"| {w} | {n} | MISMATCH | | | | | | | | | |")
        summary.append(f"{w}: MISMATCH (outputs differ, not timed)")
        continue
    dw, dc, dr = stats(w, main) if (w, main) in data else stats(w, "d4j")
    tw, tc, tr = stats(w, "tshark")
    print(f"| {w} | {n} | {dw:.2f} | {tw:.2f} | {ratio(tw, dw)} | {dc:.2f} | {tc:.2f} | {ratio(tc, dc)} "
          f"| {dr:.0f} | {tr:.0f} | {per_packet(dw, n)} | {per_packet(tw, n)} |")
    if dw <= 0 or tw <= 0:
        speed = "as fast as tshark (wall, below the 0.01 s resolution)" if dw == tw else \
                ("faster than tshark (wall)" if dw < tw else "slower than tshark (wall)")
    elif dw <= tw:
        speed = f"{tw / dw:.1f}x faster than tshark (wall)"
    else:
        speed = f"{dw / tw:.1f}x slower than tshark (wall)"
    summary.append(f"{w}: dissect4j {speed}, RSS {dr:.0f} MiB vs {tr:.0f} MiB")
if ("syn", "floor") in data and ("syn", "d4j") in data:
    fw, fc, fr = stats("syn", "floor")
    dw = stats("syn", main)[0] if ("syn", main) in data else stats("syn", "d4j")[0]
    tw = stats("syn", "tshark")[0]
    print()
    print(f"syn floor (one Java loop over the mmap'd file, same output, JVM start included): {fw:.2f} s wall, "
          f"{fr:.0f} MiB; dissect4j takes {dw / fw:.2f}x the floor; the floor is {tw / fw:.1f}x faster than tshark")
if ("syn", "bpf") in data and ("syn", "d4jw") in data:
    bw, bc, br = stats("syn", "bpf")
    ww, wc, wr = stats("syn", "d4jw")
    print()
    print(f"syn as a capture filter (the same SYN packets written to a pcap file, byte-identical): tcpdump's libpcap BPF "
          f"'tcp[tcpflags] & tcp-syn != 0' {bw:.2f} s wall, {br:.0f} MiB; dissect4j -Y 'tcp.flags.syn==1' -F pcap -w "
          f"{ww:.2f} s wall, {wr:.0f} MiB; " + (f"tcpdump is {ww / bw:.1f}x faster" if bw < ww else
          f"dissect4j is {bw / ww:.1f}x faster" if ww < bw else "as fast"))
if any(t == "d4jt" for (_, t) in data):
    pinned = any(t == "d4jp" for (_, t) in data)
    print()
    print(f"dissect4j --threads 1 against --threads {threads} (medians; speed-up = wall 1 / wall {threads}; best = the best runs' ratio)"
          + (f"; pinned = --threads {threads} under taskset -c 0 (one core)" if pinned else "") + ":")
    print()
    print(f"| workload | --threads 1 wall s | --threads {threads} wall s | speed-up | best speed-up | --threads 1 CPU s "
          f"| --threads {threads} CPU s | --threads 1 RSS MiB | --threads {threads} RSS MiB |" + (" pinned wall s |" if pinned else ""))
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|" + ("--:|" if pinned else ""))
    for w, st in status:
        if st != "ok" or (w, "d4jt") not in data:
            continue
        one, many = stats(w, "d4j"), stats(w, "d4jt")
        best = min(r[0] for r in data[(w, "d4j")]) / max(min(r[0] for r in data[(w, "d4jt")]), 1e-9)
        row = (f"| {w} | {one[0]:.2f} | {many[0]:.2f} | {ratio(one[0], many[0])} | {best:.2f} | {one[1]:.2f} | {many[1]:.2f} "
               f"| {one[2]:.0f} | {many[2]:.0f} |")
        if pinned:
            row += f" {stats(w, 'd4jp')[0]:.2f} |"
        print(row)
        summary.append(f"{w}: --threads {threads} {ratio(one[0], many[0])}x the speed of --threads 1 (wall), RSS {many[2] / one[2]:.2f}x")
print()
for s in summary:
    print(s)
PY

# UPDATE_BENCHMARKS_MD=1: the report replaces the text between the e2e markers of BENCHMARKS.md.
if [ "${UPDATE_BENCHMARKS_MD:-0}" = 1 ] && [ "$mismatch" = 0 ]; then
  python3 - "$tmp/report.md" "$root/BENCHMARKS.md" <<'PY'
import re, sys
report = open(sys.argv[1]).read().strip()
md = open(sys.argv[2]).read()
new, n = re.subn(r"(<!-- e2e:begin -->\n).*?(<!-- e2e:end -->)", lambda m: m.group(1) + report + "\n" + m.group(2), md, flags=re.S)
if n != 1:
    sys.exit("compare-tshark: BENCHMARKS.md has no <!-- e2e:begin --> ... <!-- e2e:end --> markers")
open(sys.argv[2], "w").write(new)
print("compare-tshark: BENCHMARKS.md updated", file=sys.stderr)
PY
fi

if [ "$mismatch" != 0 ]; then
  echo "compare-tshark: outputs differ for: $(awk -F'\t' '$2 != "ok" { printf "%s ", $1 }' "$tmp/status.tsv")" >&2
  exit 1
fi
