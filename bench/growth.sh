#!/usr/bin/env bash
# Growth: how generation and schema drift scale. Whole-process wall and CPU time (median of RUNS,
# default 3) of `parity generate` for 50, 200 and 800 services x 10 environments (bench/synthetic-spec.sh),
# and of `parity drift schema` between two databases of 1 000 and 10 000 tables (bench/schema-ddl.sh,
# two drifts) with the heap capped at 1 GiB (-Xmx1g: a run that needs more fails with OutOfMemoryError).
# SIZES="50 200 800" and TABLES="1000 10000" pick the sizes. Drift needs Docker, psql and the
# stand-in images (eval "$(bash ../shared/ci/docker-env.sh)"). Results: stdout and bench/results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
runs="${RUNS:-3}"
sizes="${SIZES:-50 200 800}"
tables_list="${TABLES:-1000 10000}"
work="$(mktemp -d)"
container=""
cleanup() { if [ -n "$container" ]; then docker rm -f "$container" >/dev/null 2>&1 || true; fi; rm -rf "$work"; }
trap cleanup EXIT
export PARITY_CACHE_DIR="$work/cache"
./parity --version >/dev/null

measure() { # command -> "wall_s cpu_s max_rss_mib exit", median of $runs by wall time
  local i
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out"
    set +e
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' bash -c "$1" >"$work/log" 2>&1
    local status=$?
    set -e
    # GNU time writes "Command exited with non-zero status N" first when the command fails: the figures are the last line.
    tail -1 "$work/time" | awk -v s="$status" '{printf "%.2f %.2f %.0f %s\n", $1, $2 + $3, $4 / 1024, s}'
  done | sort -n | sed -n "$(((runs + 1) / 2))p"
}

mkdir -p bench/results
out="bench/results/growth-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "generate (median of $runs by wall time; each into a fresh folder; spec cache warm after the first run):"
  echo "| services x envs | files | wall | CPU (user+sys) | peak RSS | wall per service |"
  echo "|---|---|---|---|---|---|"
  for n in $sizes; do
    bash bench/synthetic-spec.sh "$work/s$n" "$n" 10
    ./parity generate --spec "$work/s$n/Synthetic.java" --out "$work/warm" >/dev/null   # compiles and caches the spec
    files=$(find "$work/warm" -type f | wc -l)
    read -r wall cpu rss status <<<"$(measure "./parity generate --spec $work/s$n/Synthetic.java --out $work/out")"
    echo "| $n x 10 | $files | ${wall} s | ${cpu} s | ${rss} MiB | $(awk "BEGIN{printf \"%.1f\", 1000 * $wall / $n}") ms |"
    [ "$status" = 0 ] || { echo "generate $n x 10 failed:"; cat "$work/log"; }
  done
} | tee "$out"

if [ -n "${PARITY_CI_POSTGRES_IMAGE:-}" ] && command -v psql >/dev/null; then
  container="parity-bench-growth-$$"
  export PGPASSWORD=bench
  port=$(drift_postgres "$container" growth "$PARITY_CI_POSTGRES_IMAGE")
  {
    echo "drift schema, heap capped at 1 GiB (-Xmx1g), median of $runs:"
    echo "| tables per database | wall | CPU (user+sys) | peak RSS | exit (1 = drift found) | drifts reported |"
    echo "|---|---|---|---|---|---|"
  } | tee -a "$out"
  for t in $tables_list; do
    drift_databases "$port" "$t" "a_$t" "b_$t"
    command="PARITY_JAVA_OPTS=-Xmx1g ./parity drift schema --from jdbc:postgresql://127.0.0.1:$port/a_$t"
    command+=" --to jdbc:postgresql://127.0.0.1:$port/b_$t --from-user postgres --from-password-env PGPASSWORD"
    command+=" --to-user postgres --to-password-env PGPASSWORD"
    read -r wall cpu rss status <<<"$(measure "$command")"
    found=$(grep -cE "t_$((t / 2))|t_$((t * 9 / 10))_amount_hotfix" "$work/log" || true)
    echo "| $t | ${wall} s | ${cpu} s | ${rss} MiB | $status | $found lines naming the two drifts |" | tee -a "$out"
  done
else
  echo "drift growth skipped: needs PARITY_CI_POSTGRES_IMAGE (eval \"\$(bash ../shared/ci/docker-env.sh)\") and psql" | tee -a "$out"
fi
