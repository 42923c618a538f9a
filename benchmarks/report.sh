#!/usr/bin/env bash
# Turns benchmarks/target/results/jmh.json and benchmarks/results/*.json into
# benchmarks/reports/<date>-<host>/REPORT.md + report.html + charts/*.svg.
# Usage: benchmarks/report.sh [PROFILE [SETTINGS-TEXT]]    (needs benchmarks/target/benchmarks.jar; run.sh builds it)
# The PostgreSQL version in the environment block is read from $DATABASE_URL when it is set.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
[ -f target/benchmarks.jar ] || ../mvnw -q -B -DskipTests package
[ -f target/results/jmh.json ] || { echo "no target/results/jmh.json: run benchmarks/run.sh first" >&2; exit 2; }
java -cp target/benchmarks.jar pgferry.bench.report.Report --jmh target/results/jmh.json --results results --out reports \
  --date "$(date -u +%F)" --host "$(hostname -s)" --profile "${1:-quick}" --settings "${2:-}"
