#!/usr/bin/env bash
# The practice Parity's schema drift replaces: dump both schemas with `pg_dump -s`, strip comment
# and blank lines, squeeze runs of spaces and tabs, and diff. Exit 1 when the dumps differ.
# Usage: schema-diff.sh <host> <port> <user> <database-a> <database-b>   (password in PGPASSWORD)
set -euo pipefail
host="$1" port="$2" user="$3" a="$4" b="$5"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for db in "$a" "$b"; do
  pg_dump -s -h "$host" -p "$port" -U "$user" "$db" | grep -v '^--' | grep -v '^$' | tr -s ' \t' ' ' >"$work/$db.sql"
done
diff "$work/$a.sql" "$work/$b.sql"
