#!/usr/bin/env bash
# Parity against what a user would run instead, side by side in one run (issue 10's targets):
#   generate node example      parity generate (fresh folder)      vs  cdk8s `node main.js OUT`
#   generate 200 x 10           parity generate (synthetic spec)    vs  cdk8s `node big.js OUT 200 10`
#   check, nothing changed      parity check on the committed tree  vs  parity --version
#   up postgres + redis         parity up --detach (until healthy)  vs  docker-compose up -d + wait healthy
#   drift schema, 1000 tables   parity drift schema                 vs  pg_dump -s x2 + normalise + diff
# Each pair runs ROUNDS times, alternating which goes first, each run timed by hyperfine; the table
# gives medians, the ratio parity/anchor and the target. Peak memory (max RSS, GNU time) for the two
# generate rows. Absolute times depend on the machine and its load: compare the ratios of one run.
# One command on a fresh clone: bench/compare.sh (ROUNDS=7 by default; ONLY="generate check" to
# pick rows). Needs Java 17 (JDK), node/npm, hyperfine (installed with apt-get when missing and
# possible); up and drift need Docker and pg_dump: with ../shared/ci present, its docker-env.sh is
# evaluated when PARITY_CI_POSTGRES_IMAGE is unset. Results: stdout and bench/results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
root="$PWD"
parity="${PARITY:-./parity}"   # the command measured; another build's launcher can stand in
rounds="${ROUNDS:-7}"
only="${ONLY:-generate big check up drift}"
tables="${TABLES:-1000}"
work="$(mktemp -d)"
stack="benchcmp$$"
results="$work/results.tsv"
: >"$results"

say() { echo "bench: $*" >&2; }
cleanup() {
  if [ -n "${pg_container:-}" ]; then docker rm -f "$pg_container" >/dev/null 2>&1 || true; fi
  if [ -f "$work/compose.yml" ]; then docker-compose -p "$stack" -f "$work/compose.yml" down -v >/dev/null 2>&1 || true; fi
  if [ -f "$work/up/Bench.java" ]; then $parity down --spec "$work/up/Bench.java" --volumes >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
  say "installing hyperfine"
  if [ "$(id -u)" = 0 ]; then apt-get install -y hyperfine >/dev/null; else sudo apt-get install -y hyperfine >/dev/null; fi
fi
if [[ " $only " == *" up "* || " $only " == *" drift "* ]] && [ -z "${PARITY_CI_POSTGRES_IMAGE:-}" ] \
    && [ -f ../shared/ci/docker-env.sh ]; then
  say "starting Docker and the stand-in images (../shared/ci/docker-env.sh)"
  eval "$(bash ../shared/ci/docker-env.sh)"
fi
export PARITY_CACHE_DIR="$work/parity-cache"   # the compiled-spec cache starts empty, then warms up
say "building Parity if needed"
$parity --version >/dev/null

anchors="$root/bench/.anchors"
cdk8s() {
  if [ ! -d "$anchors/node_modules/cdk8s-plus-28" ]; then
    say "installing cdk8s from npm into bench/.anchors"
    mkdir -p "$anchors"
    (cd "$anchors" && echo '{"name":"parity-bench-anchors","private":true}' >package.json && npm install --no-audit --no-fund --silent \
      cdk8s@2.70.106 constructs@10 cdk8s-plus-28@2.5.6 >/dev/null)
  fi
  cp bench/anchors/main.js bench/anchors/big.js "$anchors/"
}

# --- measuring -------------------------------------------------------------------------------
# pair ROW TARGET PARITY-COMMAND ANCHOR-NAME ANCHOR-COMMAND [PREPARE]: ROUNDS rounds of one run each,
# the first of the two alternating; hyperfine's JSON keeps every run's wall time.
pair() {
  local row="$1" target="$2" parity="$3" anchor_name="$4" anchor="$5" prepare="${6:-true}" r
  say "$row: $rounds rounds of '$parity' and '$anchor'"
  hyperfine --runs 1 --prepare "$prepare" -i "$parity" "$anchor" >/dev/null 2>&1 || true   # warm-up, not kept
  for ((r = 0; r < rounds; r++)); do
    local first="$parity" second="$anchor"
    if ((r % 2 == 1)); then first="$anchor" second="$parity"; fi
    hyperfine --runs 1 --prepare "$prepare" -i --style none --export-json "$work/run.json" "$first" "$second" \
      >/dev/null 2>&1
    python3 - "$work/run.json" "$parity" "$row" "$target" "$anchor_name" >>"$results" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for result in data["results"]:
    side = "parity" if result["command"] == sys.argv[2] else "anchor"
    cpu = result["user"] + result["system"]
    print("\t".join([sys.argv[3], sys.argv[4], sys.argv[5], side, "%.4f" % result["times"][0], "%.4f" % cpu]))
PY
  done
}

peak() { # median max RSS in MiB of 3 runs of a command (GNU time)
  local values=() _
  for _ in 1 2 3; do
    eval "${2:-true}"
    /usr/bin/time -o "$work/rss" -f '%M' bash -c "$1" >/dev/null 2>&1
    values+=("$(tail -1 "$work/rss")")
  done
  printf '%s\n' "${values[@]}" | sort -n | sed -n 2p | awk '{printf "%.0f", $1 / 1024}'
}

memory=()

# --- rows --------------------------------------------------------------------------------------
node_spec="$root/examples/node-postgres-redis/NodePostgresRedis.java"
if [[ " $only " == *" generate "* ]]; then
  cdk8s
  pair "generate node example (fresh folder)" "<= 1.0x" \
    "$parity generate --spec $node_spec --out $work/out-parity" \
    "cdk8s node main.js" "node $anchors/main.js $work/out-cdk8s" \
    "rm -rf $work/out-parity $work/out-cdk8s"
  memory+=("generate node example: parity $(peak "$parity generate --spec $node_spec --out $work/m1" "rm -rf $work/m1") MiB, cdk8s $(peak "node $anchors/main.js $work/m2" "rm -rf $work/m2") MiB (target: parity <= cdk8s)")
fi
if [[ " $only " == *" big "* ]]; then
  cdk8s
  bash bench/synthetic-spec.sh "$work/synthetic" 200 10
  pair "generate 200 services x 10 envs" "<= 0.5x" \
    "$parity generate --spec $work/synthetic/Synthetic.java --out $work/big-parity" \
    "cdk8s node big.js 200 10" "node $anchors/big.js $work/big-cdk8s 200 10" \
    "rm -rf $work/big-parity $work/big-cdk8s"
  memory+=("generate 200 x 10: parity $(peak "$parity generate --spec $work/synthetic/Synthetic.java --out $work/m3" "rm -rf $work/m3") MiB, cdk8s $(peak "node $anchors/big.js $work/m4 200 10" "rm -rf $work/m4") MiB")
fi
if [[ " $only " == *" check "* ]]; then
  $parity check --spec "$node_spec" >/dev/null
  pair "check, nothing changed (node example)" "<= 1.2x, < 0.5 s" \
    "$parity check --spec $node_spec" "parity --version" "$parity --version"
fi

if [[ " $only " == *" up "* ]]; then
  pg="${PARITY_CI_POSTGRES_IMAGE:-postgres:15.18-bookworm}" redis="${PARITY_CI_REDIS_IMAGE:-redis:7.0.15-bookworm}"
  mkdir -p "$work/up"
  pg_redis_spec "$work/up/Bench.java" "$stack" postgres redis "$pg" "$redis"
  # The anchor's compose file with the same images, on random host ports (the machine is shared).
  sed -e "s|image: postgres:.*|image: $pg|" -e "s|image: redis:.*|image: $redis|" \
    -e 's|"127.0.0.1:[0-9]*:\([0-9]*\)"|"127.0.0.1::\1"|' bench/anchors/compose-up-anchor.yml >"$work/compose.yml"
  cat >"$work/compose-up-wait.sh" <<SH
#!/usr/bin/env bash
# docker-compose up -d, then wait until both services report healthy (the anchor's loop).
docker-compose -p $stack -f $work/compose.yml up -d >/dev/null 2>&1
until [ "\$(docker ps --filter label=com.docker.compose.project=$stack --filter health=healthy -q | wc -l)" -ge 2 ]; do
  sleep 0.1
done
SH
  # Both sides start from nothing each round: parity keeps data volumes unless told (--volumes).
  down="$parity down --spec $work/up/Bench.java --volumes >/dev/null 2>&1; docker-compose -p $stack -f $work/compose.yml down -v >/dev/null 2>&1; true"
  pair "up postgres + redis until healthy" "<= 0.7x" \
    "$parity up --spec $work/up/Bench.java --detach --random-ports --env-file $work/up/bench.env" \
    "docker-compose up -d + wait" "bash $work/compose-up-wait.sh" "$down"
  bash -c "$down"
fi

if [[ " $only " == *" drift "* ]]; then
  image="${PARITY_CI_POSTGRES_IMAGE:-postgres:15.18-bookworm}"
  pg_container="parity-bench-compare-$$"
  say "drift: $tables tables in two databases of one PostgreSQL container"
  export PGPASSWORD=bench
  port=$(drift_postgres "$pg_container" compare "$image")
  drift_databases "$port" "$tables" bench_from bench_to
  pair "drift schema, $tables tables, 2 drifts" "<= 0.5x" \
    "$parity drift schema --from jdbc:postgresql://127.0.0.1:$port/bench_from --to jdbc:postgresql://127.0.0.1:$port/bench_to --from-user postgres --from-password-env PGPASSWORD --to-user postgres --to-password-env PGPASSWORD" \
    "pg_dump -s x2 + normalise + diff" "bash bench/anchors/schema-diff.sh 127.0.0.1 $port postgres bench_from bench_to"
fi

# --- report ------------------------------------------------------------------------------------
mkdir -p bench/results
out="bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
    "node $(node --version), $(hyperfine --version)"
  echo "each row: $rounds rounds, one run of each side per round, alternating which goes first; medians of wall time"
  echo "(CPU time is the less load-sensitive figure on a shared machine; the ratio of wall times is the target's)"
  python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    row, target, anchor, side, seconds, cpu = line.rstrip("\n").split("\t")
    entry = rows.setdefault(row, {"target": target, "anchor": anchor, "parity": [], "other": [], "pcpu": [], "acpu": []})
    entry["parity" if side == "parity" else "other"].append(float(seconds))
    entry["pcpu" if side == "parity" else "acpu"].append(float(cpu))
print("| job | parity | anchor | anchor time | ratio parity/anchor | target | CPU parity / anchor (user+sys) |")
print("|---|---|---|---|---|---|---|")
for row, e in rows.items():
    p, a = statistics.median(e["parity"]), statistics.median(e["other"])
    pc, ac = statistics.median(e["pcpu"]), statistics.median(e["acpu"])
    print("| %s | %.2f s | %s | %.2f s | **%.2fx** | %s | %.2f s / %.2f s (%.2fx) |"
          % (row, p, e["anchor"], a, p / a, e["target"], pc, ac, pc / ac))
PY
  for line in "${memory[@]+"${memory[@]}"}"; do echo "peak memory (median of 3, max RSS): $line"; done
} | tee "$out"
say "kept in $out"
