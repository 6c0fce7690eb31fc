#!/usr/bin/env bash
# drift cluster on a namespace of N Deployments (default 200) and their Services, on fabric8's mock
# Kubernetes API server in CRUD mode (no real API server runs on these machines): the overlay rendered
# in memory, the namespace read over HTTP, the comparison; median of RUNS in a warm JVM, each phase apart.
# The class path is the drift module's test class path (the mock server is a test dependency).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${DEPLOYMENTS:-200}"
runs="${RUNS:-10}"
./mvnw -q -B -ntp -pl drift -am install -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -ntp -pl drift dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "drift/target/classes:$(cat "$cp_file")" bench/ClusterDrift200.java "$n" "$runs"
