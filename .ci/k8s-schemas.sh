#!/usr/bin/env bash
# Installs the Kubernetes object schemas the tests validate rendered manifests against: the npm
# packages kubernetes-models (the JSON schemas of the Kubernetes OpenAPI spec, compiled for Ajv)
# and @kubernetes-models/external-secrets (the External Secrets Operator CRDs), at pinned versions.
# Idempotent. Prints the exports that put bin/k8s-validate on the PATH:
#   eval "$(bash .ci/k8s-schemas.sh)"
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="${PARITY_CI_HOME:-/var/lib/parity-ci}/k8s-schemas"
models=5.1.0
external_secrets=2.0.0

if [ ! -f "$home/installed-$models-$external_secrets" ]; then
  echo "k8s-schemas: installing kubernetes-models@$models, @kubernetes-models/external-secrets@$external_secrets" >&2
  mkdir -p "$home"
  (cd "$home" && { [ -f package.json ] || npm init -y >/dev/null 2>&1; } \
    && npm install --silent --no-audit --no-fund "kubernetes-models@$models" \
      "@kubernetes-models/external-secrets@$external_secrets" >&2)
  touch "$home/installed-$models-$external_secrets"
fi
echo "export PARITY_K8S_MODELS=$home/node_modules"
echo "export PATH=$here/bin:\$PATH"
