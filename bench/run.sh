#!/usr/bin/env bash
# Regenerates BENCHMARKS.md: builds the benchmark jar, runs every JMH benchmark (baselines in the same run),
# measures command-line start-up, and writes the report. Takes about ten minutes on 2 cores.
# Usage: bench/run.sh "machine description"
set -euo pipefail
cd "$(dirname "$0")/.."
MACHINE=${1:?usage: bench/run.sh "machine description"}
./mvnw -B -ntp -q -Pbench -DskipTests package
java -jar target/compute-cost-0.1.0-SNAPSHOT-benchmarks.jar -rf json -rff target/jmh.json \
  LambdaEstimateBenchmark MonteCarloBenchmark RerateBenchmark
bench/startup.sh > target/startup.tsv
java -cp target/compute-cost-0.1.0-SNAPSHOT-benchmarks.jar io.github.computecost.bench.BenchmarkReport \
  target/jmh.json "$MACHINE" target/startup.tsv > BENCHMARKS.md
