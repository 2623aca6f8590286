#!/usr/bin/env bash
# The re-rating job in Spark local mode on 1 and 2 cores against Spark counting the same CSV (and turning its rows
# into Java rows), and rate-usage's engine on one thread (SparkBench): prints tab-separated lines (variant, cores, seconds, rows per second) for
# BenchmarkReport. Run after `./mvnw -B -ntp -Pbench -DskipTests package`. Usage: bench/spark.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-4000000}
BENCH=compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -ntp -q -pl compute-cost-spark test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java -cp "$BENCH" io.github.computecost.bench.SyntheticCur "$WORK/cur.csv" "$ROWS" 42 billed
OPENS=$(sed -n '/<spark.opens>/,/<\/spark.opens>/p' compute-cost-spark/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
# shellcheck disable=SC2086 # the options are separate words
SPARK_LOCAL_IP=127.0.0.1 java -Xmx2g $OPENS \
  -cp "compute-cost-spark/target/test-classes:compute-cost-spark/target/classes:$(cat "$WORK/cp.txt")" \
  io.github.computecost.spark.SparkBench "$WORK/cur.csv" "$ROWS" 2>/dev/null
