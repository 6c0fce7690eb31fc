#!/usr/bin/env bash
# Prints the DDL of the drift benchmarks' schema: N tables (default 1000), each with a primary key,
# a unique column, a check, a default, a foreign key to the previous table and an index.
set -euo pipefail
tables="${1:-1000}"
for ((i = 1; i <= tables; i++)); do
  parent=""
  if ((i > 1)); then parent=", parent_id bigint REFERENCES t_$((i - 1)) (id) ON DELETE CASCADE"; fi
  echo "CREATE TABLE t_$i (id bigint PRIMARY KEY, code varchar(40) NOT NULL UNIQUE,"
  echo "  amount numeric(10,2) CHECK (amount >= 0), created_at timestamptz NOT NULL DEFAULT now()$parent);"
  echo "CREATE INDEX t_${i}_created_idx ON t_$i (created_at);"
done
