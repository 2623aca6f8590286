#!/usr/bin/env bash
# Paired re-rating of one file by two or more builds of the library in one JVM, taking turns (PairedRerate):
# a change's speed against the build before it, on a machine whose speed drifts between runs. On one core when
# taskset (util-linux) is there, as BENCHMARKS.md's one-core table. Run after
# `./mvnw -B -ntp -Pbench -DskipTests package` (it needs the benchmark jar). Builds are class directories or jars:
#   git worktree add ../before HEAD~1 && (cd ../before && ./mvnw -B -ntp -q compile -pl compute-cost)
#   java -cp compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar \
#     io.github.computecost.bench.SyntheticCur target/r20.csv 10000000 42 usage 20
#   bench/paired.sh target/r20.csv 20 ../before/compute-cost/target/classes compute-cost/target/classes
# A build is a class path: for a Parquet file, give each build's compute-cost-parquet/target/classes after its
# compute-cost/target/classes, separated by ':'. Give one build twice (A/A) to see how far apart the same code
# measures here.
# Usage: bench/paired.sh FILE ROUNDS BUILD BUILD...
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "missing $JAR: build first" >&2; exit 1; }
[ $# -ge 4 ] || { echo "usage: bench/paired.sh FILE ROUNDS BUILD BUILD..." >&2; exit 2; }
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi
exec "${PIN[@]}" java -XX:ActiveProcessorCount=1 -Xmx${HEAP:-512m} -cp "$JAR" io.github.computecost.bench.PairedRerate "$@"
