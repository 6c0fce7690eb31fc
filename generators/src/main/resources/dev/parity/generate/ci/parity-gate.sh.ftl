#!/usr/bin/env bash
${header}#
# The parity gate, for CI, in the order of delivery:
#   parity-gate.sh              before anything is deployed: fails when the deploy
#                               tree is stale or was edited by hand, or when an
#                               environment breaks a rule of the spec; then prints
#                               what differs between consecutive environments.
#   parity-gate.sh drift <env>  before deploying to <env>: fails when the schema of
#                               its database differs from what the migrations
#                               produce (a hotfix made by hand, a missed migration),
#                               or, on Kubernetes, when the objects of its namespace
#                               differ from the overlay (kubectl set image, scale, edit).
#
# PARITY names the parity command (default: parity on the PATH), for example
# PARITY=./parity; a relative path is resolved from the spec's folder.
set -euo pipefail

PARITY=${r"${PARITY:-parity}"}
here=$(cd -- "$(dirname -- "${r"${BASH_SOURCE[0]}"}")" && pwd)
cd -- "$here"/${sh(specFolder)}

if [ "${r"${1:-}"}" = drift ]; then
  env=${r"${2:?usage: parity-gate.sh drift <environment>}"}
  status=0
  report=$(mktemp)
<#if databases?has_content>
  # Each database's password comes from the variable named after its secret key;
  # <SERVICE>_JDBC_URL overrides the URL built from the environment's endpoint.
  # The Markdown report goes to the log and, on GitHub Actions, to the job summary.
<#list databases as db>
  to=()
  if [ -n "${r"${"}${db.urlVariable}:-}" ]; then to=(--to "$${db.urlVariable}"); fi
  "$PARITY" drift schema --spec ${sh(specName)} --env "$env" --service ${sh(db.service)} \
    ${r'${to[@]+"${to[@]}"}'} --format markdown >"$report" || status=$?
  cat "$report"
  if [ -n "${r"${GITHUB_STEP_SUMMARY:-}"}" ]; then cat "$report" >>"$GITHUB_STEP_SUMMARY"; fi
</#list>
  if [ "$status" -ne 0 ]; then
    echo "parity gate: the schema of $env drifted from the migrations (exit $status):" \
      "turn the hand-made change into a migration, or revert it, before deploying" >&2
  fi
<#else>
  echo "parity gate: no database with migrations in the spec; no schema to compare in $env"
</#if>
<#if clusters?has_content>
  # On Kubernetes, the objects of the environment's namespace against its overlay
  # (parity drift cluster): the kubeconfig context is the one the spec declares,
  # or PARITY_KUBE_CONTEXT when set. Before the first release of the environment is recorded
  # there is nothing deployed to compare with (the namespace may not exist yet): it is skipped.
  case "$env" in
    <#list clusters as c>${sh(c)}<#sep>|</#sep></#list>)
      release=${sh(tree)}/releases/"$env".json
      if [ ! -f "$release" ]; then
        echo "parity gate: no release of $env is recorded ($release):" \
          "nothing deployed to compare its namespace with; this deploy is its first"
      else
        context=()
        if [ -n "${r"${PARITY_KUBE_CONTEXT:-}"}" ]; then context=(--context "$PARITY_KUBE_CONTEXT"); fi
        cluster_status=0
        "$PARITY" drift cluster --spec ${sh(specName)} --env "$env" ${r'${context[@]+"${context[@]}"}'} \
          --format markdown >"$report" || cluster_status=$?
        cat "$report"
        if [ -n "${r"${GITHUB_STEP_SUMMARY:-}"}" ]; then cat "$report" >>"$GITHUB_STEP_SUMMARY"; fi
        if [ "$cluster_status" -ne 0 ]; then
          echo "parity gate: the objects of $env's namespace drifted from the spec (exit $cluster_status):" \
            "put the change in the spec and regenerate, or re-apply the overlay, before deploying" >&2
        fi
        if [ "$cluster_status" -gt "$status" ]; then status=$cluster_status; fi
      fi
      ;;
  esac
</#if>
  rm -f "$report"
  exit "$status"
fi

status=0
"$PARITY" check --spec ${sh(specName)} --out ${sh(tree)} || status=$?
if [ "$status" -ne 0 ]; then
  echo "parity gate: 'parity check' failed (exit $status): run 'parity generate'," \
    "review and commit the tree, or fix the spec" >&2
  exit "$status"
fi
echo "parity gate: the deploy tree is up to date and every environment keeps parity"
<#if pairs?has_content>
<#list pairs as pair>

printf '\n== parity diff %s %s (informational) ==\n' ${sh(pair[0])} ${sh(pair[1])}
"$PARITY" diff --spec ${sh(specName)} ${sh(pair[0])} ${sh(pair[1])} \
  || echo "parity gate: 'parity diff' exited $?; informational only" >&2
</#list>
<#else>
# Fewer than two remote environments: no pair to compare.
</#if>
