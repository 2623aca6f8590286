#!/usr/bin/env bash
# rate-usage on a large synthetic bill with a real bill's columns (SyntheticCur ... billed) in a fixed heap: prints
# one tab-separated line (file GB, rows, heap, seconds, rows per second, peak resident MB, exit code) for
# BenchmarkReport. Memory grows with the bill's distinct sums, not its size. Needs GNU time (/usr/bin/time).
# Run after `./mvnw -B -ntp -Pbench -DskipTests package`. Usage: bench/rerate-heap.sh [ROWS] [HEAP]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-84000000}
HEAP=${2:-256m}
CLI=compute-cost-cli/target/compute-cost-cli-0.1.0-SNAPSHOT.jar
BENCH=compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -cp "$BENCH" io.github.computecost.bench.SyntheticCur "$WORK/cur.csv" "$ROWS" 42 billed
SIZE=$(stat -c %s "$WORK/cur.csv")
START=$(date +%s%N)
set +e
/usr/bin/time -f '%M' -o "$WORK/rss" java -Xmx"$HEAP" -jar "$CLI" rate-usage "$WORK/cur.csv" --format json \
  --no-progress >/dev/null 2>"$WORK/err"
CODE=$?
set -e
END=$(date +%s%N)
MS=$(( (END - START) / 1000000 ))
RSS=$(( $(tail -1 "$WORK/rss") / 1024 ))
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(awk "BEGIN { printf \"%.1f\", $SIZE / 1e9 }")" "$ROWS" "$HEAP" \
  "$(awk "BEGIN { printf \"%.1f\", $MS / 1000 }")" "$(( ROWS * 1000 / (MS > 0 ? MS : 1) ))" "$RSS" "$CODE"
