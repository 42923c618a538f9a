#!/usr/bin/env bash
# One command for the whole benchmark run:  benchmarks/run.sh quick|full
#   1. installs the pgferry artifact (root: ./mvnw -DskipTests install) and builds benchmarks/target/benchmarks.jar,
#      each only when its sources changed since the last build (a make-style check; set BENCH_REBUILD=1 to force)
#   2. uses $DATABASE_URL if set, else starts the embedded PostgreSQL (pgferry up on a free port, data dir
#      benchmarks/target/pgdata kept between runs, or $BENCH_PGDATA) and stops it at the end
#   3. runs the JMH suite (-rf json -> benchmarks/target/results/jmh.json; any store giving a different answer stops it)
#   4. runs the speed scripts (they write benchmarks/results/<name>.json)
#   5. writes the report: benchmarks/reports/<date>-<host>/REPORT.md, report.html, charts/*.svg
#
# JMH settings (the same for every benchmark; AverageTime, one JVM fork per trial, every trial checks its store's
# answer before it is timed):
#   quick: sizes 1k/10k/100k; -f 1 -wi 1 -w 500ms -i 3 -r 500ms  (1 fork; 1 warm-up iteration and 3 measured
#          iterations of 500 ms each, an iteration running at least one operation, so a 2 s operation gets 4 calls)
#          scripts: embedded-start x1, harness x5; the 1M-row SQLite migration script only with BENCH_MIGRATION=1.
#          Measured on 2 shared cores: 6 min with data and fixtures cached, 12.5 min from nothing (README.md: breakdown).
#   full:  sizes 1k/10k/100k/1M; -f 2 -wi 3 -w 2s -i 5 -r 2s; scripts: embedded-start x5, harness x30, SQLite migration.
# What is built once and reused (never what is timed): the data files per (system, size, seed) and, keyed by the data
# file's SHA-256 and the loader's SQL, the reference answers, the loaded SQLite files (each trial copies one) and the
# loaded PostgreSQL schemas pgferry_bench_<system>_<size> (read-only; the append trial writes to a private copy).
# Extra JMH arguments after the profile are passed on (e.g. a benchmark regex: benchmarks/run.sh quick UserBenchmarks).
set -euo pipefail
PROFILE=${1:-quick}
shift || true
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
MIGRATION=${BENCH_MIGRATION:-0}
case "$PROFILE" in
  quick) SIZES=1000,10000,100000; JMH=(-f 1 -wi 1 -w 500ms -i 3 -r 500ms); EMBEDDED_N=1; HARNESS_N=5 ;;
  full)  SIZES=1000,10000,100000,1000000; JMH=(-f 2 -wi 3 -w 2s -i 5 -r 2s); EMBEDDED_N=5; HARNESS_N=30; MIGRATION=1 ;;
  *) echo "usage: benchmarks/run.sh quick|full [JMH args]" >&2; exit 2 ;;
esac
SECONDS=0
PHASES=()
phase() { PHASES+=("$1 $(( SECONDS - PHASE_START )) s"); PHASE_START=$SECONDS; }
PHASE_START=0

# stale TARGET PATH...: is any file under PATH newer than TARGET (or TARGET missing)?
stale() {
  local target=$1; shift
  [ "${BENCH_REBUILD:-0}" = 1 ] && return 0
  [ -f "$target" ] || return 0
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}
M2_JAR="$HOME/.m2/repository/dev/pgferry/pgferry/0.1.0-SNAPSHOT/pgferry-0.1.0-SNAPSHOT.jar"
echo "== building (pgferry artifact, benchmarks jar)"
if stale "$ROOT/target/pgferry.jar" "$ROOT/src" "$ROOT/pom.xml" || ! cmp -s "$ROOT/target/pgferry.jar" "$M2_JAR"; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests install)
else
  echo "   pgferry artifact up to date (target/pgferry.jar is newer than src/ and pom.xml, and installed)"
fi
if stale "$HERE/target/benchmarks.jar" "$HERE/src" "$HERE/pom.xml" "$M2_JAR"; then
  (cd "$HERE" && ../mvnw -q -B -DskipTests package)
else
  echo "   benchmarks.jar up to date"
fi
phase build

WORK=$(mktemp -d)
PGDATA_DIR=${BENCH_PGDATA:-$HERE/target/pgdata}
STARTED=""
cleanup() {
  if [ -n "$STARTED" ]; then java -jar "$ROOT/target/pgferry.jar" down --data-dir "$PGDATA_DIR" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "${DATABASE_URL:-}" ]; then
  # The embedded server keeps its data dir (benchmarks/target/pgdata) between runs, so the loaded fixture schemas are
  # reused by the next run; `rm -rf benchmarks/target/pgdata` starts from nothing.
  java -jar "$ROOT/target/pgferry.jar" down --data-dir "$PGDATA_DIR" >/dev/null 2>&1 || true   # a server left by a killed run
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  echo "== starting the embedded PostgreSQL on port $PORT (data dir $PGDATA_DIR)"
  STARTED=yes
  java -jar "$ROOT/target/pgferry.jar" up --port "$PORT" --data-dir "$PGDATA_DIR" | tee "$WORK/up.log"
  DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "$WORK/up.log" | tail -1)
  [ -n "$DATABASE_URL" ] || { echo "pgferry up printed no DATABASE_URL" >&2; exit 1; }
else
  echo "== using \$DATABASE_URL (schemas pgferry_bench_* are created there and kept as fixtures for the next run)"
fi
export DATABASE_URL
phase "PostgreSQL start"

cd "$HERE"
mkdir -p target/results results
echo "== JMH ($PROFILE: sizes $SIZES, ${JMH[*]})"
java -jar target/benchmarks.jar "${JMH[@]}" -foe true -p size="$SIZES" -rf json -rff target/results/jmh.json "$@"
phase JMH

echo "== speed scripts"
"$HERE/scripts/embedded-start.sh" "$EMBEDDED_N" || echo "embedded-start.sh failed; the report goes on without it" >&2
(unset PGFERRY_TEST_DATABASE_URL; "$HERE/scripts/harness.sh" "$HARNESS_N") || echo "harness.sh failed; the report goes on without it" >&2
phase "embedded-start + harness scripts"
if [ "$MIGRATION" = 1 ] && [ -x "$HERE/scripts/sqlite-migration.sh" ]; then
  "$HERE/scripts/sqlite-migration.sh" || echo "sqlite-migration.sh failed; the report goes on without it" >&2
  phase "SQLite migration script"
elif [ "$MIGRATION" != 1 ]; then
  echo "   (SQLite migration script skipped in the quick profile; BENCH_MIGRATION=1 runs it)"
fi

echo "== report"
TIMES=$(IFS=';'; echo "${PHASES[*]}" | sed 's/;/, /g')
"$HERE/report.sh" "$PROFILE" "JMH ${JMH[*]}, sizes $SIZES; whole run $((SECONDS / 60)) min $((SECONDS % 60)) s (${TIMES}).${BENCH_NOTES:+ $BENCH_NOTES}"
echo "== done in $((SECONDS / 60)) min $((SECONDS % 60)) s (${TIMES})"
