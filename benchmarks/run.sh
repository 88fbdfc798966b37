#!/usr/bin/env bash
# Runs the JMH suite with the GC profiler and rewrites the results table of BENCHMARKS.md
# (between the "results:begin/end" markers). Usage: benchmarks/run.sh [JMH regexp] [extra JMH options]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ./mvnw -q -B -Dmaven.test.skip=true -pl benchmarks -am package >&2
pattern=${1:-.}
shift || true
out="$root/benchmarks/target/results.json"
"$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks.jar "$pattern" -prof gc -rf json -rff "$out" "$@" >&2
python3 - "$out" "$root/BENCHMARKS.md" <<'PY'
import json, re, sys, platform, os
results = json.load(open(sys.argv[1]))
rows = []
for r in results:
    name = r["benchmark"].rsplit(".", 2)
    bench = name[-2] + "." + name[-1]
    params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    m = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {})
    rows.append(f"| `{bench}` | {params or '-'} | {m['score']:.1f} ± {m['scoreError']:.1f} {m['scoreUnit']} | "
                f"{alloc.get('score', float('nan')):.3f} B/op |")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
table = "\n".join([f"Machine: {os.cpu_count()} cores, {cpu}; JDK {results[0]['vmVersion']}.", "",
                   "| benchmark | parameters | score | allocation (gc.alloc.rate.norm) |", "|---|---|---|---|"] + rows)
md = open(sys.argv[2]).read()
md = re.sub(r"(<!-- results:begin -->\n).*?(\n<!-- results:end -->)", lambda m: m.group(1) + table + m.group(2), md, flags=re.S)
open(sys.argv[2], "w").write(md)
print(table)
PY
