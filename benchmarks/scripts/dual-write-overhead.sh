#!/usr/bin/env bash
# Measures the dual-write store's overhead per write against JSON-only, side by side in one run
# (pgferry.store.DualWriteOverheadBenchmark): median and p90 per save of a trade, for JSON only,
# dual write, and dual write with PostgreSQL down (outbox only).
# Usage: benchmarks/scripts/dual-write-overhead.sh [WRITES] [PREFILL] [POSTGRES_URL]
#   POSTGRES_URL defaults to postgresql://postgres@127.0.0.1:5432/postgres (a scratch database is made there and dropped).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -q -B -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" pgferry.store.DualWriteOverheadBenchmark "$@"
