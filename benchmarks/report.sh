#!/usr/bin/env bash
# Turns benchmarks/target/results/jmh.json and benchmarks/results/*.json into
# benchmarks/reports/<date>-<host>/REPORT.md + report.html + charts/*.svg, keeps the inputs in raw/, and points
# benchmarks/reports/LATEST.md at it (a host's older reports are replaced: one report per host).
# Usage: benchmarks/report.sh [PROFILE [SETTINGS-TEXT]]    (needs benchmarks/target/benchmarks.jar; run.sh builds it)
# The PostgreSQL version in the environment block is read from $DATABASE_URL when it is set.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
[ -f target/benchmarks.jar ] || ../mvnw -q -B -DskipTests package
[ -f target/results/jmh.json ] || { echo "no target/results/jmh.json: run benchmarks/run.sh first" >&2; exit 2; }
DATE=$(date -u +%F)
HOST=$(hostname -s)
java -cp target/benchmarks.jar pgferry.bench.report.Report --jmh target/results/jmh.json --results results --out reports \
  --date "$DATE" --host "$HOST" --profile "${1:-quick}" --settings "${2:-}"
DIR="reports/$DATE-$HOST"
mkdir -p "$DIR/raw"
cp target/results/jmh.json "$DIR/raw/"
if compgen -G "results/*.json" >/dev/null; then cp results/*.json "$DIR/raw/"; fi
for old in reports/*-"$HOST"; do
  if [ "$old" != "$DIR" ] && [ -d "$old" ]; then rm -rf "$old"; echo "replaced the older report $old"; fi
done
printf '# Latest benchmark report\n\n[%s/REPORT.md](%s/REPORT.md) (%s profile, %s, host %s; also [report.html](%s/report.html)).\n' \
  "$DATE-$HOST" "$DATE-$HOST" "${1:-quick}" "$DATE" "$HOST" "$DATE-$HOST" > reports/LATEST.md
echo "latest: benchmarks/$DIR/REPORT.md (linked from benchmarks/reports/LATEST.md)"
