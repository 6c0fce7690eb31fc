<#-- db/deploy.sh: migrate every database, then exec the app. Model: header, environments (names), databases (name, passwordKey),
     exampleEnvironment and exampleCommand (plain words, for the usage comment). -->
#!/usr/bin/env bash
${header}#
# Applies the pending migrations of every database, then starts the app in this process:
#   db/deploy.sh <environment> -- <command> [argument...]
# for example: db/deploy.sh ${exampleEnvironment} -- ${exampleCommand}
# A failed migration stops the deploy before the app starts. Needs the Flyway command line
# (10 or later) on the PATH and each database's password in its environment variable.
# This script is for hosts and people with a Flyway of their own: the generated workflow does
# not call it. It migrates from the migrations image it built (db/<db>/Dockerfile, promoted
# by digest), so every environment applies what the first one applied with the pinned Flyway.
set -euo pipefail

usage() {
  echo "usage: $0 <environment> -- <command> [argument...]" >&2
  echo ${sh("environments: " + environments?join(", "))} >&2
  exit 2
}

if [[ $# -lt 1 ]]; then
  usage
fi
environment=$1
shift
case "$environment" in
  <#list environments as e>${sh(e)}<#sep> | </#sep></#list>) ;;
  *)
    echo "deploy.sh: unknown environment '$environment'" >&2
    usage
    ;;
esac
if [[ ${r"${1:-}"} == "--" ]]; then
  shift
fi
if [[ $# -lt 1 ]]; then
  echo "deploy.sh: no command to start after the migrations" >&2
  usage
fi
if ! command -v flyway >/dev/null 2>&1; then
  echo "deploy.sh: flyway is not on the PATH; install the Flyway command line, 10 or later" >&2
  exit 1
fi

here=$(cd -- "$(dirname -- "${r"${BASH_SOURCE[0]}"}")" && pwd)

# Runs Flyway in the database's folder: flyway.toml's locations are relative to it.
migrate() {
  local database=$1 password_variable=$2
  if [[ -n $password_variable && -z ${r"${!password_variable:-}"} ]]; then
    echo "deploy.sh: $password_variable is not set; it holds the password of the database '$database'" >&2
    exit 2
  fi
  (cd -- "$here/$database" && flyway -configFiles=flyway.toml -environment="$environment" migrate)
}

<#list databases as db>
migrate ${sh(db.name)} ${sh(db.passwordKey)}
</#list>
exec "$@"
