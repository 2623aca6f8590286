#!/usr/bin/env bash
# import-prices on a large synthetic AmazonEC2-shaped offer (SyntheticOffer) with a small fixed heap: prints
# one tab-separated line (offer MB, heap, seconds, changes against the bundled ec2.json) for BenchmarkReport.
# Run after `./mvnw -B -ntp -Pbench -DskipTests package`. Usage: bench/import-heap.sh [MEGABYTES] [HEAP]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-220}
HEAP=${2:-16m}
CLI=compute-cost-cli/target/compute-cost-cli-0.1.0-SNAPSHOT.jar
BENCH=compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -cp "$BENCH" io.github.computecost.bench.SyntheticOffer "$WORK/offer.json" "$MB"
SIZE=$(( $(stat -c %s "$WORK/offer.json") / 1000000 ))
START=$(date +%s%N)
java -Xmx"$HEAP" -jar "$CLI" import-prices --offer "$WORK/offer.json" --out "$WORK/imported" >/dev/null
END=$(date +%s%N)
mkdir "$WORK/bundled" && cp pricing-data/ec2.json "$WORK/bundled/"
# The synthetic offer prices us-east-1 only: count the changes there (the bundle's other regions are not in it).
CHANGES="$(java -jar "$CLI" diff-prices "$WORK/bundled" "$WORK/imported" | grep -c ' us-east-1 ' || true) changes in us-east-1"
printf '%s\t%s\t%s\t%s\n' "$SIZE" "$HEAP" "$(( (END - START) / 1000000 ))" "$CHANGES"
