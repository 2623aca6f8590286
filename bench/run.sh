#!/usr/bin/env bash
# Regenerates BENCHMARKS.md: builds the benchmark jar, runs every JMH benchmark (baselines in the same run),
# runs re-rating (CSV, and Parquet of 10M rows) once more on one core, measures command-line start-up, a large
# import in a small heap, a 10 GB bill re-rated in 256 MB and the Spark job in local mode,
# and writes the report. Takes about thirty-five minutes on 2 cores and 11 GB of temporary disk.
# Usage: bench/run.sh "machine description"
set -euo pipefail
cd "$(dirname "$0")/.."
MACHINE=${1:?usage: bench/run.sh "machine description"}
./mvnw -B -ntp -q -Pbench -DskipTests clean package  # clean: the shaded jar is otherwise rebuilt from a stale one
mkdir -p target
java -jar compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar -rf json -rff target/jmh.json \
  LambdaEstimateBenchmark FixedPointBenchmark MonteCarloBenchmark RerateBenchmark ParquetBenchmark
# Re-rating on one core: the collector and the compiler share it with the benchmark (needs taskset, util-linux).
ONE_CORE=-
PARQUET_ONE_CORE=-
if command -v taskset >/dev/null; then
  taskset -c 0 java -jar compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar -rf json -rff target/jmh-one-core.json \
    -jvmArgsAppend -XX:ActiveProcessorCount=1 -wi 3 -i 5 -r 1 -w 1 -p rows=10000000 -p columns=usage \
    -p resources=20,200,2000 \
    'RerateBenchmark.(rerate|baselineFastCsv|baselineReadAndSplit)'
  ONE_CORE=target/jmh-one-core.json
  # Parquet on one core, 10M rows: the re-rating against the column readers' scans (DuckDB writes the file first).
  taskset -c 0 java -jar compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar -rf json \
    -rff target/jmh-parquet-one-core.json -jvmArgsAppend -XX:ActiveProcessorCount=1 -wi 3 -i 5 -r 1 -w 1 \
    -p rows=10000000 -p resources=20,2000 'ParquetBenchmark.(rerate|baselineParquetJavaScan|baselineParquetJavaScanByColumn)$'
  PARQUET_ONE_CORE=target/jmh-parquet-one-core.json
fi
bench/startup.sh > target/startup.tsv
bench/import-heap.sh 220 24m > target/import.tsv
bench/rerate-heap.sh 84000000 256m > target/rerate-heap.tsv
bench/spark.sh 4000000 > target/spark.tsv
java -cp compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar io.github.computecost.bench.BenchmarkReport \
  target/jmh.json "$MACHINE" target/startup.tsv "$ONE_CORE" target/import.tsv target/rerate-heap.tsv \
  target/spark.tsv "$PARQUET_ONE_CORE" > BENCHMARKS.md
