#!/usr/bin/env bash
# One command for the whole benchmark run:  benchmarks/run.sh quick|full
#   1. installs the pgferry artifact (root: ./mvnw -DskipTests install) and builds benchmarks/target/benchmarks.jar
#   2. uses $DATABASE_URL if set, else starts the embedded PostgreSQL (pgferry up on a free port, a temporary
#      data dir) and stops it at the end
#   3. runs the JMH suite (-rf json -> benchmarks/target/results/jmh.json; any store giving a different answer stops it)
#   4. runs the speed scripts (they write benchmarks/results/<name>.json)
#   5. writes the report: benchmarks/reports/<date>-<host>/REPORT.md, report.html, charts/*.svg
# quick: sizes 1k/10k/100k, 1 fork, 1 x 0.5 s warm-up, 3 x 0.5 s measurement (about 10 minutes on 2 cores)
# full:  sizes 1k/10k/100k/1M, 2 forks, 3 x 2 s warm-up, 5 x 2 s measurement, scripts with more repeats
# Extra JMH arguments after the profile are passed on (e.g. a benchmark regex: benchmarks/run.sh quick UserBenchmarks).
set -euo pipefail
PROFILE=${1:-quick}
shift || true
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
case "$PROFILE" in
  quick) SIZES=1000,10000,100000; JMH=(-f 1 -wi 1 -w 500ms -i 3 -r 500ms); EMBEDDED_N=1; HARNESS_N=5 ;;
  full)  SIZES=1000,10000,100000,1000000; JMH=(-f 2 -wi 3 -w 2s -i 5 -r 2s); EMBEDDED_N=5; HARNESS_N=30 ;;
  *) echo "usage: benchmarks/run.sh quick|full [JMH args]" >&2; exit 2 ;;
esac
SECONDS=0
echo "== building (pgferry artifact, benchmarks jar)"
(cd "$ROOT" && ./mvnw -q -B -DskipTests install)
(cd "$HERE" && ../mvnw -q -B -DskipTests package)

WORK=$(mktemp -d)
STARTED=""
cleanup() {
  if [ -n "$STARTED" ]; then java -jar "$ROOT/target/pgferry.jar" down --data-dir "$WORK/pg" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "${DATABASE_URL:-}" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  echo "== starting the embedded PostgreSQL on port $PORT"
  STARTED=yes
  java -jar "$ROOT/target/pgferry.jar" up --port "$PORT" --data-dir "$WORK/pg" | tee "$WORK/up.log"
  DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "$WORK/up.log" | tail -1)
  [ -n "$DATABASE_URL" ] || { echo "pgferry up printed no DATABASE_URL" >&2; exit 1; }
else
  echo "== using \$DATABASE_URL (schemas pgferry_bench_* are created and dropped there)"
fi
export DATABASE_URL

cd "$HERE"
mkdir -p target/results results
echo "== JMH ($PROFILE: sizes $SIZES, ${JMH[*]})"
java -jar target/benchmarks.jar "${JMH[@]}" -foe true -p size="$SIZES" -rf json -rff target/results/jmh.json "$@"

echo "== speed scripts"
"$HERE/scripts/embedded-start.sh" "$EMBEDDED_N" || echo "embedded-start.sh failed; the report goes on without it" >&2
(unset PGFERRY_TEST_DATABASE_URL; "$HERE/scripts/harness.sh" "$HARNESS_N") || echo "harness.sh failed; the report goes on without it" >&2
if [ -x "$HERE/scripts/sqlite-migration.sh" ]; then
  "$HERE/scripts/sqlite-migration.sh" || echo "sqlite-migration.sh failed; the report goes on without it" >&2
fi

echo "== report"
"$HERE/report.sh" "$PROFILE" "JMH ${JMH[*]}, sizes $SIZES; whole run $((SECONDS / 60)) min $((SECONDS % 60)) s."
