#!/usr/bin/env bash
# Writes a synthetic spec of N services (default 200) and M environments (default 10: local plus
# M-1 remote) to the folder given as $1, for the generation benchmark. Services come in blocks of
# four: a PostgreSQL, a Redis and two Node apps that use the block's config keys; an incomplete
# last block is Redis only.
set -euo pipefail
out="${1:?usage: synthetic-spec.sh <folder> [services] [environments]}"
services="${2:-200}"
environments="${3:-10}"
mkdir -p "$out/app" "$out/db/migrations"
printf 'CREATE TABLE t (id BIGINT PRIMARY KEY);\n' > "$out/db/migrations/V1__t.sql"

# Declarations go into methods of at most $chunk services each: one method of 800 services would
# exceed the JVM's 64 KiB limit on a method's code ("code too large").
chunk=100
kind_of() { # service index -> 0 PostgreSQL, 1 Redis, 2-3 Node apps; an incomplete last block is Redis only
  if (($1 >= services - services % 4)); then echo 1; else echo $(($1 % 4)); fi
}
{
  echo 'import dev.parity.core.*;'
  echo 'import static dev.parity.core.ConfigValue.*;'
  echo
  echo 'public final class Synthetic implements ParitySpec {'
  echo '  @Override'
  echo '  public Stack stack() {'
  echo '    Stack.Builder b = Stack.named("synthetic");'
  for ((start = 0; start < services; start += chunk)); do echo "    services$start(b);"; done
  echo '    b.environment(Environment.local());'
  for ((e = 1; e < environments; e++)); do
    echo "    Environment env$e = Environment.remote(\"env-$e\").instances($e).instanceType(\"t3.medium\").ami(\"ami-0c55b159cbfafe1f0\").databaseClass(\"db.t3.medium\");"
    for ((start = 0; start < services; start += chunk)); do echo "    env$e = env${e}From$start(env$e);"; done
    echo "    b.environment(env$e);"
  done
  echo '    return b.build();'
  echo '  }'
  for ((start = 0; start < services; start += chunk)); do
    echo
    echo "  private static void services$start(Stack.Builder b) {"
    for ((i = start; i < services && i < start + chunk; i++)); do
      case $(kind_of $i) in
        0) echo "    b.service(Postgres.of(\"pg-$i\", \"14.9\").hostPort($((20000 + i))).password(\"PG_${i}_PASSWORD\").migrations(\"db/migrations\"));"
           echo "    b.config(ConfigKey.string(\"PG_${i}_HOST\").value(hostOf(\"pg-$i\")));"
           echo "    b.config(ConfigKey.secret(\"PG_${i}_PASSWORD\"));" ;;
        1) echo "    b.service(Redis.of(\"redis-$i\", \"7.2.3\").hostPort($((20000 + i))));"
           if ((i % 4 == 1 && i < services - services % 4)); then echo "    b.config(ConfigKey.url(\"REDIS_${i}_URL\").value(urlOf(\"redis-$i\")));"; fi ;;
        *) base=$((i - i % 4))
           if ((i % 4 == 2)); then uses="\"APP_${i}_MODE\", \"PG_${base}_HOST\", \"PG_${base}_PASSWORD\", \"REDIS_$((base + 1))_URL\""
           else uses="\"APP_${i}_MODE\", \"PG_${base}_HOST\""; fi
           echo "    b.service(App.node(\"app-$i\", \"node:20.11.0-alpine3.19\").source(\"app\").port(3000).hostPort($((10000 + i))).healthPath(\"/health\").uses($uses));"
           echo "    b.config(ConfigKey.string(\"APP_${i}_MODE\").defaultValue(\"normal\").perEnvironment());" ;;
      esac
    done
    echo '  }'
    for ((e = 1; e < environments; e++)); do
      echo
      echo "  private static Environment env${e}From$start(Environment env) {"
      for ((i = start; i < services && i < start + chunk; i++)); do
        case $(kind_of $i) in
          0) echo "    env = env.endpoint(\"pg-$i\", \"pg-$i.env-$e.internal\").secret(\"PG_${i}_PASSWORD\", SecretRef.awsParameter(\"/synthetic/env-$e/pg-$i\"));" ;;
          1) echo "    env = env.endpoint(\"redis-$i\", \"redis-$i.env-$e.internal\");" ;;
          *) echo "    env = env.set(\"APP_${i}_MODE\", \"mode-$e\");" ;;
        esac
      done
      echo '    return env;'
      echo '  }'
    done
  done
  echo '}'
} > "$out/Synthetic.java"
printf '{"name":"app","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"app","version":"1.0.0"}}}\n' > "$out/app/package-lock.json"
printf '{"name":"app","version":"1.0.0"}\n' > "$out/app/package.json"
