#!/usr/bin/env bash
# Functions the benchmarks share; source it from a script under bench/ run from the project root.

# pg_redis_spec FILE STACK DB-NAME CACHE-NAME PG-IMAGE REDIS-IMAGE: writes a spec of PostgreSQL and
# Redis on the given images (a stand-in tag such as 15.18-bookworm gets a deviation for local).
pg_redis_spec() {
  local file="$1" stack="$2" db="$3" cache="$4" pg="$5" redis="$6" class
  class="$(basename "$1" .java)"
  cat >"$file" <<JAVA
import dev.parity.core.*;
import static dev.parity.core.ConfigValue.*;
public final class $class implements ParitySpec {
  public Stack stack() {
    return Stack.named("$stack")
        .service(Postgres.of("$db", "$(bare_version "$pg")").image("$pg").password("DB_PASSWORD"))
        .service(Redis.of("$cache", "$(bare_version "$redis")").image("$redis"))
        .config(ConfigKey.string("DB_HOST").value(hostOf("$db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("$cache")))
        .environment(Environment.local())
        $(stand_in "$db" "$pg") $(stand_in "$cache" "$redis")
        .build();
  }
}
JAVA
}
bare_version() { local tag=${1#*:}; echo "$tag" | grep -oE '^[0-9]+(\.[0-9]+)*'; }
stand_in() { # service image -> a deviation when the tag is a variant of the bare version
  local tag=${2#*:}
  [ "$tag" = "$(bare_version "$2")" ] || printf '.deviation(Deviation.of("%s").in("local").differs("runs %s").because("stand-in"))' "$1" "$2"
}

# drift_postgres NAME LABEL IMAGE: starts a PostgreSQL container (password "bench": export
# PGPASSWORD=bench first) on a random host port, waits until it answers and prints the port.
drift_postgres() {
  local name="$1" label="$2" image="$3" port
  docker run -d --name "$name" --label "dev.parity.bench=$label" -e POSTGRES_PASSWORD=bench \
    -p 127.0.0.1::5432 "$image" >/dev/null
  port=$(docker port "$name" 5432/tcp | head -1 | sed 's/.*://')
  for _ in $(seq 1 120); do psql -h 127.0.0.1 -p "$port" -U postgres -qAtc 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  echo "$port"
}

# drift_databases PORT TABLES FROM TO: two databases of the benchmark schema (bench/schema-ddl.sh);
# TO has two drifts: t_<TABLES/2>.code widened to varchar(80), index t_<TABLES*9/10>_amount_hotfix.
drift_databases() {
  local port="$1" tables="$2" from="$3" to="$4" ddl
  ddl="$(mktemp)"
  bash bench/schema-ddl.sh "$tables" >"$ddl"
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $from" -c "CREATE DATABASE $to"
  psql -h 127.0.0.1 -p "$port" -U postgres -d "$from" -q -v ON_ERROR_STOP=1 -f "$ddl"
  psql -h 127.0.0.1 -p "$port" -U postgres -d "$to" -q -v ON_ERROR_STOP=1 -f "$ddl" \
    -c "ALTER TABLE t_$((tables / 2)) ALTER COLUMN code TYPE varchar(80)" \
    -c "CREATE INDEX t_$((tables * 9 / 10))_amount_hotfix ON t_$((tables * 9 / 10)) (amount)"
  rm -f "$ddl"
}
