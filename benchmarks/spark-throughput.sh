#!/usr/bin/env bash
# Rows/s of the Spark data source on local[2] against the single-threaded command (`-T fields`) on the same files
# (BENCHMARKS.md, "Spark data source"). Usage: benchmarks/spark-throughput.sh FILE...
# Make the files with: benchmarks/dissect4j-bench make-capture --packets 1000000 --out /tmp/big.pcap
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH" SPARK_LOCAL_IP=127.0.0.1
fields=frame.number,ip.src,tcp.stream,tls.handshake.extensions_server_name
runs=${RUNS:-3}

# one reactor run, so that the dissect4j modules resolve to their target/classes (nothing is installed)
./mvnw -B -q -o -pl spark-datasource -am -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip -Dmaven.source.skip \
  test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="spark-datasource/target/test-classes:spark-datasource/target/classes:$(cat spark-datasource/target/bench.classpath)"
opens=$(sed -n '/<spark.opens>/,/<\/spark.opens>/p' spark-datasource/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
files=("$@")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for filter in - 'tls.handshake.type == 1'; do
  echo "== filter: $filter"
  # shellcheck disable=SC2086
  java $opens -Xmx4g -cp "$cp" org.dissect4j.spark.SparkThroughput "$fields" "$filter" "$runs" "${files[@]}" 2>/dev/null | grep '^spark'
  yarg=(); [ "$filter" = - ] || yarg=(-Y "$filter")
  e=(); for f in ${fields//,/ }; do e+=(-e "$f"); done
  ./dissect4j -r "${files[0]}" -c 1000 -T fields "${e[@]}" >/dev/null   # jar and AOT cache built before timing
  times=()
  for run in $(seq "$runs"); do
    start=$(date +%s.%N); rows=0; cpu=0
    for f in "${files[@]}"; do
      n=$(/usr/bin/time -f '%U %S' -o /tmp/spark-throughput.time ./dissect4j -r "$f" "${yarg[@]}" -T fields "${e[@]}" | wc -l)
      rows=$((rows + n)); cpu=$(echo "$cpu + $(tr ' ' '+' </tmp/spark-throughput.time)" | bc)
    done
    s=$(echo "$(date +%s.%N) - $start" | bc)
    echo "cli run $run: ${#files[@]} files one after the other, $rows rows, $s s, CPU $cpu s"
    times+=("$s")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
  echo "cli median: $median s, $(echo "$rows / $median" | bc) rows/s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
