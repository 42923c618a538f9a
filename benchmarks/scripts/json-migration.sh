#!/usr/bin/env bash
# JSON-file store → PostgreSQL migration benchmark (issue 6 target: prescient at 1M trades, >= 100k rows/s,
# heap <= 256 MB): generates the prescient data/ folder (pgferry sample prescient --scale N, cached), then
#   (a) pgferry migrate json:DATA --mapping prescient/mapping.json  with -Xmx256m: wall time, rows/s, peak RSS
#   (b) pgferry verify  json:DATA --mapping ...                       with -Xmx256m: wall time, peak RSS
# A fresh database per run (dropped at the end); pgferry creates the tables from the mapping's types.
#
# Usage: benchmarks/scripts/json-migration.sh [TRADES]          (default 1000000; server 127.0.0.1:5432, user postgres)
#        PGHOST=127.0.0.1 PGPORT=55432 PGUSER=pgferry benchmarks/scripts/json-migration.sh 1000000
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TRADES="${1:-1000000}"
WORK="${WORK:-$ROOT/target/bench-json}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
JAR="$ROOT/target/pgferry.jar"
DATA="$WORK/prescient-$TRADES"
MAPPING="$ROOT/src/main/resources/pgferry/systems/prescient/mapping.json"
DB="pgferry_bench_json_$$"
URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB"
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }
rss_mb() { echo $(( $(grep 'Maximum resident set size' "$1" | awk '{print $NF}') / 1024 )); }
cpu_s() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$1"; }

mkdir -p "$WORK"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -o -DskipTests package)
if [ ! -d "$DATA/data" ]; then
  echo "generating prescient at scale $TRADES into $DATA ..."
  java -jar "$JAR" sample prescient --scale "$TRADES" --out "$DATA" >/dev/null
fi
echo "source: $DATA/data ($(du -sm "$DATA/data" | cut -f1) MB of JSON; trades/paper_trades.json $(du -m "$DATA/data/trades/paper_trades.json" | cut -f1) MB)"
echo "server: $PGHOST:$PGPORT ($(psql -d postgres -Atc 'SHOW server_version'))"

cleanup() { psql -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT
psql -d postgres -qc "CREATE DATABASE $DB"

# (a) migrate
rm -f "$WORK/rejects.jsonl"
t0=$(now)
/usr/bin/time -v -o "$WORK/migrate-time.txt" java -Xmx256m -jar "$JAR" migrate "json:$DATA/data" --mapping "$MAPPING" "$URL" \
  --workers 2 --rejects "$WORK/rejects.jsonl" --report "$WORK/migrate-report.json" > "$WORK/migrate.txt" 2> "$WORK/migrate.err" \
  || { echo "migrate failed:"; cat "$WORK/migrate.txt" "$WORK/migrate.err"; exit 1; }
t1=$(now); MIGRATE=$(secs "$t0" "$t1")
MIGRATE_RSS=$(rss_mb "$WORK/migrate-time.txt")
sed 's/^/    /' "$WORK/migrate.txt" | head -12

# (b) verify
t0=$(now)
/usr/bin/time -v -o "$WORK/verify-time.txt" java -Xmx256m -jar "$JAR" verify "json:$DATA/data" --mapping "$MAPPING" "$URL" \
  --rejects "$WORK/rejects.jsonl" > "$WORK/verify.txt" 2>&1 || echo "verify exit $? (see $WORK/verify.txt)"
t1=$(now); VERIFY=$(secs "$t0" "$t1")
VERIFY_RSS=$(rss_mb "$WORK/verify-time.txt")
echo "    verify: $(tail -1 "$WORK/verify.txt")"

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$WORK/migrate-report.json" "$MIGRATE" "$MIGRATE_RSS" "$VERIFY" "$VERIFY_RSS" "$(cpu_s "$WORK/migrate-time.txt")" "$LOAD" <<'PY'
import json, sys
report, migrate, mrss, verify, vrss = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
mcpu, load = float(sys.argv[6]), sys.argv[7]
r = json.load(open(report))
tables = r.get("tables", [])
def n(t, *keys):
    for k in keys:
        if k in t:
            return t[k]
    return 0
rows = sum(n(t, "loadedRows") for t in tables)
trades = next((n(t, "loadedRows") for t in tables if t.get("table") == "trades"), 0)
print()
print(f"  migrate: {rows:,} rows ({trades:,} trades) in {migrate:.2f} s = {rows / migrate:,.0f} rows/s, peak RSS {mrss} MB (-Xmx256m)")
print(f"           pgferry's own CPU {mcpu:.1f} s (user+sys; the rest is PostgreSQL and waiting); load average at the end {load} on {__import__('os').cpu_count()} cores")
print(f"  verify:  {verify:.2f} s = {rows / verify:,.0f} rows/s, peak RSS {vrss} MB (-Xmx256m)")
ok = rows / migrate >= 100_000
print(f"  target >= 100k rows/s: {'ok' if ok else 'MISSED'}; heap capped at 256 MB by -Xmx (an OutOfMemoryError would have failed the run)")
PY
