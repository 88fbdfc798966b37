#!/usr/bin/env bash
# Runs the README's Spark Scala example as a user would after `./mvnw install`, without touching the real
# ~/.m2: the library modules are laid out in a fresh ~/.m2/repository of a temporary home (as install lays
# them out), and Spark's SparkSubmit resolves `--packages org.dissect4j:spark-datasource:0.1.0-SNAPSHOT`
# from there with its Ivy. This machine has no Spark distribution (no spark-shell script, no spark-repl
# artifact), so the snippet runs as a Scala 2.13 script (scala-compiler's runner) under SparkSubmit.
# Run from the repository root, with ../shared beside it. Needs Maven Central once (spark-sql, scala-compiler).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH" SPARK_LOCAL_IP=127.0.0.1
work=$(mktemp -d /tmp/dissect4j-readme-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
version=0.1.0-SNAPSHOT

./mvnw -B -q -o -pl spark-datasource -am -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip -Dmaven.source.skip package
repo="$work/home/.m2/repository"
install() {  # install-file into the temporary repository only
  ./mvnw -B -q -o install:install-file -DlocalRepositoryPath="$repo" "$@" >/dev/null
}
install -Dfile=pom.xml -DpomFile=pom.xml -Dpackaging=pom
for m in dissector-api capture net-dissectors tcp-dissector http-dissector tls-dissector dns-dissector grammar all spark-datasource; do
  artifact=$(sed -n 's|^  <artifactId>\(.*\)</artifactId>|\1|p' "$m/pom.xml" | head -1)
  install -Dfile="$m/target/$artifact-$version.jar" -DpomFile="$m/pom.xml"
done

# Spark and the Scala script runner, from Maven Central through Maven's own cache
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>check</groupId><artifactId>spark-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>4.2.0</version></dependency>
    <dependency><groupId>org.scala-lang</groupId><artifactId>scala-compiler</artifactId><version>2.13.18</version></dependency>
  </dependencies>
</project>
POM
./mvnw -B -q -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null

{ echo 'val spark = org.apache.spark.sql.SparkSession.builder().getOrCreate()  // what spark-shell defines'
  echo '// spark-shell puts the --packages jars on its interpreter class path; a script runner: on the context class loader'
  echo 'Thread.currentThread.setContextClassLoader(new java.net.URLClassLoader('
  echo '  spark.conf.get("spark.jars").split(",").map(j => new java.net.URI(j).toURL), getClass.getClassLoader))'
  awk '/^```scala/{f=1;next} /^```/{if(f){exit}} f' README.md
  echo 'spark.read.format("dissect4j").option("fields", "frame.number,tcp.dstport,tls.handshake.extensions_server_name")'
  echo '  .option("filter", "tls.handshake.type == 1").load("../shared/captures/public/*.{pcap,pcapng}")'
  echo '  .where("tcp_dstport = 443").explain()  // the explain() output of spark-datasource/README.md'
} > "$work/readme.scala"

opens=$(sed -n '/<spark.opens>/,/<\/spark.opens>/p' spark-datasource/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
# shellcheck disable=SC2086
java $opens -Duser.home="$work/home" -Dscala.usejavacp=true -cp "$(cat "$work/cp.txt")" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --packages "org.dissect4j:spark-datasource:$version" \
  --conf spark.driver.bindAddress=127.0.0.1 --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false \
  --conf spark.sql.warehouse.dir="$work/warehouse" --class scala.tools.nsc.MainGenericRunner spark-internal -usejavacp "$work/readme.scala" 2>"$work/stderr" || {
    cat "$work/stderr" >&2; exit 1; }
grep -E 'from local-m2-cache|from central' "$work/stderr" || true
