#!/usr/bin/env bash
# Schema drift benchmark. Two PostgreSQL databases of N tables each (columns, primary key, unique,
# check, foreign key, index per table); the second has two drifts: a column widened by hand
# (t_<N/2>.code varchar(40) -> varchar(80)) and an index added by hand (t_<N*9/10>_amount_hotfix).
# Whole-process times, median of RUNS, in the same run:
#   1. parity drift schema --from --to
#   2. the practice: pg_dump -s on both (from the host, against the container's mapped port),
#      normalised with grep/tr, then diff
#   3. Liquibase 4.33 `diff` (liquibase-core and its dependencies resolved from Maven Central)
# and whether each found both drifts. Needs Docker and pg_dump on the host; run
# `eval "$(bash ../shared/ci/docker-env.sh)"` first. Results go to stdout and bench/results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
runs="${RUNS:-3}"
tables="${TABLES:-1000}"
image="${PARITY_CI_POSTGRES_IMAGE:?run eval \"\$(bash ../shared/ci/docker-env.sh)\" first}"
jar=cli/target/parity-cli.jar
./parity --version >/dev/null   # builds the CLI if needed
work="$(mktemp -d)"
name="parity-bench-drift-$$"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

export PGPASSWORD=bench
port=$(drift_postgres "$name" drift "$image")
drift_databases "$port" "$tables" bench_from bench_to

from="jdbc:postgresql://127.0.0.1:$port/bench_from"
to="jdbc:postgresql://127.0.0.1:$port/bench_to"

parity_drift() {
  java -jar "$jar" drift schema --from "$from" --to "$to" --from-user postgres --from-password-env PGPASSWORD \
    --to-user postgres --to-password-env PGPASSWORD || true
}
practice() { # the practice's gate: pg_dump -s both sides, normalise, diff
  for db in bench_from bench_to; do
    pg_dump -s -h 127.0.0.1 -p "$port" -U postgres "$db" | grep -v '^--' | grep -v '^$' | tr -s ' \t' ' ' \
      >"$work/$db.sql"
  done
  diff "$work/bench_from.sql" "$work/bench_to.sql" || true
}

# Liquibase 4.33: resolve liquibase-core and the PostgreSQL driver into a folder with the wrapper.
lib="$work/liquibase"
mkdir -p "$lib"
cat >"$work/liquibase-pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>liquibase</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.liquibase</groupId><artifactId>liquibase-core</artifactId><version>4.33.0</version></dependency>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.14</version></dependency>
    <dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId><version>4.7.7</version></dependency>
  </dependencies>
</project>
POM
./mvnw -q -f "$work/liquibase-pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" >&2
liquibase_diff() {
  java -cp "$lib/*" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false \
    --log-level=severe --url="$to" --username=postgres --password="$PGPASSWORD" \
    diff --reference-url="$from" --reference-username=postgres --reference-password="$PGPASSWORD" 2>&1 || true
}

median_ms() { # function -> median wall time in ms over $runs runs; output of the last run in $work/out
  local times=() t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); "$@" >"$work/out" 2>&1; t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
found() { # output file -> which of the two drifts it names
  local column=no index=no
  grep -qiE 'varchar\(80|varying\(80' "$1" && column=yes
  grep -q 't_900_amount_hotfix' "$1" && index=yes
  echo "column t_500.code: $column, index t_900_amount_hotfix: $index"
}

parity_ms=$(median_ms parity_drift); cp "$work/out" "$work/parity.out"
practice_ms=$(median_ms practice); cp "$work/out" "$work/practice.out"
liquibase_ms=$(median_ms liquibase_diff); cp "$work/out" "$work/liquibase.out"

mkdir -p bench/results
{
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(pg_dump --version), image $image"
  echo "schema: $tables tables per database (PK, unique, check, FK, index each), 2 drifts; median of $runs runs"
  echo "  parity drift schema:               ${parity_ms} ms (1.0x); found $(found "$work/parity.out")"
  echo "  pg_dump -s x2 + normalise + diff:  ${practice_ms} ms ($(awk "BEGIN{printf \"%.2f\", $practice_ms/$parity_ms}")x parity);" \
    "found $(found "$work/practice.out"); diff lines: $(grep -c '^[<>]' "$work/practice.out" || true)," \
    "of which restrict-key lines: $(grep -cE '^[<>] .(un)?restrict ' "$work/practice.out" || true)"
  echo "  liquibase 4.33 diff:               ${liquibase_ms} ms ($(awk "BEGIN{printf \"%.2f\", $liquibase_ms/$parity_ms}")x parity);" \
    "found $(found "$work/liquibase.out")"
  echo "parity report:"; sed 's/^/  | /' "$work/parity.out"
  echo "practice diff:"; sed 's/^/  | /' "$work/practice.out" | head -20
  echo "liquibase diff (drift lines):"; grep -iE 't_500|t_900|Changed|Unexpected|Missing' "$work/liquibase.out" | sed 's/^/  | /' | head -20
} | tee "bench/results/drift-$(date -u +%Y%m%dT%H%M%SZ).txt"
