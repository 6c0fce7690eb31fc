#!/usr/bin/env bash
${header}#
# The parity gate, for CI: fails when the deploy tree is stale or was edited by
# hand, or when an environment breaks a rule of the spec. Then prints what
# differs between consecutive environments, for the log.
#
# PARITY names the parity command (default: parity on the PATH), for example
# PARITY=./parity; a relative path is resolved from the spec's folder.
set -euo pipefail

PARITY=${r"${PARITY:-parity}"}
here=$(cd -- "$(dirname -- "${r"${BASH_SOURCE[0]}"}")" && pwd)
cd -- "$here"/${sh(specFolder)}

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
