#!/usr/bin/env bash
# CPU time per operation of JMH benchmarks, two builds alternating (org.dissect4j.bench.CpuTime): for a
# machine that other work keeps busy, where JMH's wall-clock numbers vary by more than the difference.
#   benchmarks/cpu-side-by-side.sh OLD.jar NEW.jar [ROUNDS_OF_EACH]
# OLD.jar: the benchmarks jar of the other commit, e.g. from a worktree:
#   git worktree add /tmp/old b34d90e && (cd /tmp/old && ./mvnw -q -DskipTests -pl benchmarks -am package)
# Run from the repository root (the benchmarks read the shipped captures). The CpuTime class comes from
# NEW.jar, so OLD.jar may predate it.
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2") reps=${3:-2}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cases=("PipelineBenchmark filter=syn" "PipelineBenchmark filter=sni 30"
       "TcpDissectBenchmark primed=tcp" "TcpDissectBenchmark primed=tracking" "TcpDissectBenchmark primed=header"
       "TlsClientHelloBenchmark wanted=ja4" "TlsClientHelloBenchmark wanted=sni" "TlsClientHelloBenchmark wanted=tcp-only")
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
(cd "$tool" && unzip -q "$new" 'org/dissect4j/bench/CpuTime.class')
for c in "${cases[@]}"; do
  for ((i = 0; i < reps; i++)); do
    for side in old new; do
      jar=$old; [[ $side == new ]] && jar=$new
      # shellcheck disable=SC2086
      printf '%s  %s\n' "$side" "$("$java" -cp "$tool:$jar" org.dissect4j.bench.CpuTime $c | tail -n 1)"
    done
  done
done
