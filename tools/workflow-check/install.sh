#!/usr/bin/env bash
# Installs GitHub's workflow parser (@actions/workflow-parser, from npm) outside the source tree
# and puts `workflow-check` on the PATH. Idempotent: a second run only prints the exports.
#   eval "$(bash tools/workflow-check/install.sh)"
# The parser goes to $PARITY_WORKFLOW_PARSER_HOME (default ${PARITY_CI_HOME:-/var/lib/parity-ci}/workflow-parser).
set -euo pipefail

version=0.3.61
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="${PARITY_WORKFLOW_PARSER_HOME:-${PARITY_CI_HOME:-/var/lib/parity-ci}/workflow-parser}"
installed="$home/node_modules/@actions/workflow-parser/package.json"

if ! grep -q "\"version\": \"$version\"" "$installed" 2>/dev/null; then
  mkdir -p "$home"
  [ -f "$home/package.json" ] || echo '{"private": true}' > "$home/package.json"
  npm install --prefix "$home" --no-audit --no-fund --loglevel=error "@actions/workflow-parser@$version" >&2
fi
mkdir -p "$home/bin"
cat > "$home/bin/workflow-check" <<SCRIPT
#!/usr/bin/env bash
PARITY_WORKFLOW_PARSER_HOME="$home" exec node "$here/workflow-check.mjs" "\$@"
SCRIPT
chmod +x "$home/bin/workflow-check"
echo "export PARITY_WORKFLOW_PARSER_HOME='$home'"
echo "export PATH='$home/bin':\"\$PATH\""
