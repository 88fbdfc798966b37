#!/usr/bin/env bash
# CI allocation guard: a short JMH run of the parse and filter paths with the GC profiler; fails when
# any of them allocates per operation (gc.alloc.rate.norm >= 1 byte/op). Needs benchmarks/target/benchmarks.jar
# (built by ./mvnw verify). Prints "N passed, M failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
out="$root/benchmarks/target/alloc-guard.json"
"$java" -jar benchmarks/target/benchmarks.jar 'PcapRead|TcpDissect|TlsClientHello|FilterBenchmark.evaluate' \
  -prof gc -f 1 -wi 2 -w 1 -i 2 -r 1 -rf json -rff "$out" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
passed = failed = 0
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    alloc = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
    ok = alloc < 1.0
    passed += ok
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {name} {params} {alloc:.3f} B/op")
expected = 12  # PcapRead 1, FilterBenchmark.evaluate 5, TcpDissect 3, TlsClientHello 3: a benchmark that errors is missing
if passed + failed < expected:
    print(f"FAIL {expected - passed - failed} benchmark(s) did not run (see: java -jar benchmarks/target/benchmarks.jar)")
    failed += expected - passed - failed
print(f"{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 and passed > 0 else 1)
PY
