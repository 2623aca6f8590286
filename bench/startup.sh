#!/usr/bin/env bash
# Command-line start-up, JVM start included: the median and minimum wall time of RUNS runs of each variant,
# as tab-separated lines (variant, median ms, min ms, description) for BenchmarkReport. Run after
# `./mvnw -B -ntp -Pbench -DskipTests package` (it needs the command-line jar). Bash and coreutils only.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=compute-cost-cli/target/compute-cost-cli-0.1.0-SNAPSHOT.jar
RUNS=${RUNS:-15}
JAVA=${JAVA:-java}
[ -f "$JAR" ] || { echo "missing $JAR: build first" >&2; exit 1; }

measure() { # name description command...
  local name=$1 desc=$2; shift 2
  local times=()
  "$@" >/dev/null 2>&1 # warm the file-system cache
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%s\t%s\t%s\t%s\n' "$name" "$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")" \
    "$(echo "$sorted" | head -1)" "$desc"
}

CDS=compute-cost-cli/target/compute-cost-cli.jsa
rm -f "$CDS"
"$JAVA" -XX:ArchiveClassesAtExit="$CDS" -jar "$JAR" estimate examples/orders.yaml >/dev/null 2>&1

measure jvmOnly "baseline: the JVM starting and exiting (java -version)" "$JAVA" -version
measure help "picocli only: --help" "$JAVA" -jar "$JAR" --help
measure estimate "estimate examples/orders.yaml" "$JAVA" -jar "$JAR" estimate examples/orders.yaml
measure estimateC1 "the same with -XX:TieredStopAtLevel=1 (C1 only)" "$JAVA" -XX:TieredStopAtLevel=1 -jar "$JAR" estimate examples/orders.yaml
measure estimateAppCds "the same with an AppCDS archive (-XX:SharedArchiveFile)" "$JAVA" -XX:SharedArchiveFile="$CDS" -jar "$JAR" estimate examples/orders.yaml
