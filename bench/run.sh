#!/usr/bin/env bash
# Generation benchmark. Whole-process times (median of N runs, each into a fresh folder) for the
# node example and a synthetic 200-service x 10-environment spec, each as a ratio to a baseline
# measured in the same run: `parity --version` (JVM and CLI start-up, no spec). Then in-process
# render time per generation. Results go to stdout and bench/results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-5}"
jar=cli/target/parity-cli.jar
./parity --version >/dev/null   # builds the CLI if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash bench/synthetic-spec.sh "$work/synthetic" 200 10

median_ms() { # command... -> median wall time in ms over $runs runs
  local times=() t0 t1
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out"
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

base=$(median_ms java -jar "$jar" --version)
node=$(median_ms java -jar "$jar" generate --spec examples/node-postgres-redis/NodePostgresRedis.java --out "$work/out")
synthetic=$(median_ms java -jar "$jar" generate --spec "$work/synthetic/Synthetic.java" --out "$work/out")
files=$(java -jar "$jar" generate --spec "$work/synthetic/Synthetic.java" --out "$work/out2" | head -1)

mkdir -p bench/results
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "whole process, median of $runs runs:"
  echo "  baseline parity --version:              ${base} ms (1.0x)"
  echo "  generate node-postgres-redis:           ${node} ms ($(awk "BEGIN{printf \"%.1f\", $node/$base}")x baseline)"
  echo "  generate synthetic 200 services x 10 env: ${synthetic} ms ($(awk "BEGIN{printf \"%.1f\", $synthetic/$base}")x baseline)"
  echo "  synthetic: $files"
  java -cp "$jar" bench/InProcessGeneration.java examples/node-postgres-redis/NodePostgresRedis.java 200
  java -cp "$jar" bench/InProcessGeneration.java "$work/synthetic/Synthetic.java" 20
} | tee "bench/results/generate-$(date -u +%Y%m%dT%H%M%SZ).txt"
