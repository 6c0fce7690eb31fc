#!/usr/bin/env bash
# Prints the commit a release tag of a GitHub Action points to, as a line for the table in
# generators/src/main/java/dev/parity/generate/ci/ActionPins.java:
#   tools/action-pins.sh actions/checkout v4.4.0
#   -> CHECKOUT("actions/checkout", "v4.4.0", "<40-hex commit>"),
# Asks GitHub's REST API (set GITHUB_TOKEN to raise the rate limit); an annotated tag is followed
# to its commit. Not run by the tests: they have no network to GitHub.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 OWNER/NAME TAG" >&2
  exit 2
fi
action="$1"
tag="$2"
auth=()
if [ -n "${GITHUB_TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $GITHUB_TOKEN")
fi
# GET /repos/{owner}/{repo}/commits/{ref} resolves a tag, annotated or not, to its commit.
commit="$(curl -fsSL "${auth[@]}" -H 'Accept: application/vnd.github.sha' \
  "https://api.github.com/repos/$action/commits/$tag")"
if ! [[ "$commit" =~ ^[0-9a-f]{40}$ ]]; then
  echo "$action@$tag: GitHub answered '$commit', not a commit SHA" >&2
  exit 1
fi
name="$(basename "$action" | sed -e 's/-action$//' -e 's/[^A-Za-z0-9]/_/g' | tr '[:lower:]' '[:upper:]')"
echo "$name(\"$action\", \"$tag\", \"$commit\"),"
