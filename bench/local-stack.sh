#!/usr/bin/env bash
# Local-stack benchmark: wall time from `parity up --detach` to "all healthy" (the command returns
# only then) versus `docker-compose up -d` on the generated compose file plus polling until every
# service reports healthy. Same spec (PostgreSQL + Redis, no migrations), same images, same
# machine; RUNS runs each, alternating, everything removed between runs. Images come from
# PARITY_CI_POSTGRES_IMAGE / PARITY_CI_REDIS_IMAGE (eval "$(../shared/ci/docker-env.sh)" first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
runs="${RUNS:-5}"
pg="${PARITY_CI_POSTGRES_IMAGE:-postgres:16.4}"
redis="${PARITY_CI_REDIS_IMAGE:-redis:7.2.5}"
compose="${COMPOSE:-docker-compose}"
jar=cli/target/parity-cli.jar
./parity --version >/dev/null   # builds the CLI if needed
work="$(mktemp -d)"
trap 'docker ps -aq --filter label=dev.parity.stack=bench | xargs -r docker rm -f >/dev/null; (cd "$work/deploy/local" 2>/dev/null && $compose -p bench down -v >/dev/null 2>&1); rm -rf "$work"' EXIT

pg_redis_spec "$work/Bench.java" bench db cache "$pg" "$redis"
java -jar "$jar" generate --spec "$work/Bench.java" --out "$work/deploy" >/dev/null
echo "DB_PASSWORD=bench-$RANDOM$RANDOM" >"$work/deploy/local/.env"

now() { date +%s%N; }
parity_once() {
  local t0 t1
  t0=$(now); java -jar "$jar" up --spec "$work/Bench.java" --detach --random-ports --env-file "$work/bench.env" >/dev/null; t1=$(now)
  java -jar "$jar" down --spec "$work/Bench.java" --volumes >/dev/null
  echo $(((t1 - t0) / 1000000))
}
compose_once() {
  local t0 t1 ids
  cd "$work/deploy/local"
  t0=$(now)
  $compose -p bench up -d >/dev/null 2>&1
  ids=$($compose -p bench ps -q)
  # shellcheck disable=SC2086 # one argument per container id
  while docker inspect -f '{{.State.Health.Status}}' $ids | grep -qv '^healthy$'; do sleep 0.1; done
  t1=$(now)
  $compose -p bench down -v >/dev/null 2>&1
  cd - >/dev/null
  echo $(((t1 - t0) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

parity_times=() compose_times=()
for ((i = 0; i < runs; i++)); do
  parity_times+=("$(parity_once)")
  compose_times+=("$(compose_once)")
done
p=$(median "${parity_times[@]}") c=$(median "${compose_times[@]}")
mkdir -p bench/results
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $($compose version --short 2>/dev/null || $compose --version)"
  echo "images: $pg, $redis; $runs runs each, alternating"
  echo "parity up --detach (JVM start, spec compile, start, wait healthy): ${parity_times[*]} ms, median ${p} ms"
  echo "docker-compose up -d + wait for healthy (generated compose file):  ${compose_times[*]} ms, median ${c} ms"
  echo "ratio parity/compose: $(awk "BEGIN{printf \"%.2f\", $p/$c}")"
} | tee "bench/results/local-stack-$(date -u +%Y%m%dT%H%M%SZ).txt"
