#!/usr/bin/env bash
# Side-by-side SQLite → PostgreSQL migration benchmark, one run, one server, fresh databases:
#   (a) the physical floor: sqlite3 -csv | psql \copy into the same tables, then the same key/check/index/FK builds
#   (b) pgferry migrate (-Xmx256m), wall time and peak RSS (/usr/bin/time -v)
#   (c) pgloader (Debian package) with cast rules to numeric / timestamptz / jsonb
#   (d) pgferry verify
# Source: benchmarks/scripts/sqlite-trading.sql — 1,000,000 trades + 3 small related tables (~190 MB).
#
# Usage: benchmarks/scripts/sqlite-migration.sh            (server: 127.0.0.1:5432, user postgres)
#        PGHOST=127.0.0.1 PGPORT=55432 PGUSER=pgferry benchmarks/scripts/sqlite-migration.sh
#        (e.g. after: java -jar target/pgferry.jar up --port 55432 --data-dir /tmp/bench-pg)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-$ROOT/target/bench-sqlite}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
JAR="$ROOT/target/pgferry.jar"
DB="$WORK/trading.db"
SUFFIX="$$"
FLOOR_DB="pgferry_bench_floor_$SUFFIX"
MIGRATE_DB="pgferry_bench_migrate_$SUFFIX"
PGLOADER_DB="pgferry_bench_pgloader_$SUFFIX"
url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }

mkdir -p "$WORK"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -o -DskipTests package)
if ! command -v pgloader >/dev/null; then
  echo "installing pgloader from Debian (apt-get install -y pgloader)"
  if [ "$(id -u)" = 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgloader; } \
      || { echo "could not install pgloader; install it and re-run" >&2; exit 2; }
  else
    echo "pgloader missing and not root: sudo apt-get install -y pgloader, then re-run" >&2; exit 2
  fi
fi

if [ ! -f "$DB" ]; then
  echo "generating $DB ..."
  sqlite3 "$DB" < "$ROOT/benchmarks/scripts/sqlite-trading.sql" >/dev/null
fi
echo "source: $DB ($(du -m "$DB" | cut -f1) MB, $(sqlite3 "$DB" 'SELECT count(*) FROM trades') trades)"
echo "server: $PGHOST:$PGPORT ($(psql -d postgres -Atc 'SHOW server_version'))"

cleanup() {
  for d in "$FLOOR_DB" "$MIGRATE_DB" "$PGLOADER_DB"; do psql -d postgres -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
for d in "$FLOOR_DB" "$MIGRATE_DB" "$PGLOADER_DB"; do psql -d postgres -qc "CREATE DATABASE $d"; done

# The exact target schema pgferry creates, split into CREATE TABLE and the post-data statements.
java -jar "$JAR" plan "$DB" > "$WORK/plan.sql" 2>/dev/null
python3 - "$WORK" <<'PY'
import sys, re
work = sys.argv[1]
text = re.sub(r'^--.*$', '', open(f'{work}/plan.sql').read(), flags=re.M)
stmts = [s.strip() for s in text.split(';\n') if s.strip()]
open(f'{work}/floor-tables.sql', 'w').write(';\n'.join(s for s in stmts if s.startswith('CREATE TABLE')) + ';\n')
post = [s for s in stmts if not s.startswith('CREATE TABLE')]
keys = [s for s in post if 'PRIMARY KEY (' in s and 'FOREIGN' not in s or ' UNIQUE (' in s]
fks = [s for s in post if 'FOREIGN KEY' in s]
rest = [s for s in post if s not in keys and s not in fks]
open(f'{work}/floor-post.sql', 'w').write(';\n'.join(keys + rest + fks) + ';\n')
PY

# (a) floor
t0=$(now)
psql -q -d "$FLOOR_DB" -f "$WORK/floor-tables.sql"
copy() { # table, select list
  sqlite3 -csv "$DB" "SELECT $2 FROM $1" | psql -q -d "$FLOOR_DB" -c "\\copy $1 FROM STDIN CSV"
}
copy accounts "id, name, replace(created_at, ' ', 'T') || 'Z'"
copy instruments "id, symbol, tick_size"
copy strategies "id, account_id, name, config"
copy trades "id, account_id, instrument_id, symbol, side, price, quantity, executed_at, payload, CASE is_maker WHEN 1 THEN 't' ELSE 'f' END"
psql -q -d "$FLOOR_DB" -f "$WORK/floor-post.sql"
t1=$(now); FLOOR=$(secs "$t0" "$t1")
echo "(a) floor sqlite3 -csv | psql \\copy + builds: ${FLOOR} s"

# (b) pgferry migrate
rm -f "$WORK/rejects.jsonl"
t0=$(now)
/usr/bin/time -v -o "$WORK/time.txt" java -Xmx256m -jar "$JAR" migrate "$DB" "$(url "$MIGRATE_DB")" --workers 2 \
  --rejects "$WORK/rejects.jsonl" --report "$WORK/migrate-report.json" > "$WORK/migrate.txt" 2> "$WORK/migrate.err"
t1=$(now); MIGRATE=$(secs "$t0" "$t1")
RSS_KB=$(grep 'Maximum resident set size' "$WORK/time.txt" | awk '{print $NF}')
RSS=$((RSS_KB / 1024))
echo "(b) pgferry migrate: ${MIGRATE} s, peak RSS ${RSS} MB"
cat "$WORK/migrate.txt" | sed 's/^/      /' | head -8

# (c) pgloader with exact cast rules
cat > "$WORK/pgloader.load" <<LOAD
LOAD DATABASE
  FROM sqlite://$DB
  INTO $(url "$PGLOADER_DB")
WITH include drop, create tables, create indexes, reset sequences, foreign keys
CAST type real to numeric drop typemod using float-to-string,
     type datetime to timestamptz drop default drop typemod,
     column trades.payload to jsonb,
     column strategies.config to jsonb;
LOAD
t0=$(now)
/usr/bin/time -v -o "$WORK/pgloader-time.txt" pgloader "$WORK/pgloader.load" > "$WORK/pgloader.txt" 2>&1 || echo "pgloader exit $?"
t1=$(now); PGLOADER=$(secs "$t0" "$t1")
PGL_RSS=$(( $(grep 'Maximum resident set size' "$WORK/pgloader-time.txt" | awk '{print $NF}') / 1024 ))
PGL_ROWS=$(psql -d "$PGLOADER_DB" -Atc "SELECT count(*) FROM trades" 2>/dev/null || echo 0)
echo "(c) pgloader: ${PGLOADER} s, peak RSS ${PGL_RSS} MB, trades loaded: ${PGL_ROWS}"

# (d) pgferry verify
t0=$(now)
java -Xmx256m -jar "$JAR" verify "$DB" "$(url "$MIGRATE_DB")" --rejects "$WORK/rejects.jsonl" > "$WORK/verify.txt" 2>&1 || echo "verify exit $?"
t1=$(now); VERIFY=$(secs "$t0" "$t1")
echo "(d) pgferry verify: ${VERIFY} s ($(tail -1 "$WORK/verify.txt"))"

# REAL values bit-exact: every price and quantity reads back to the source double
python3 - "$DB" "$(url "$MIGRATE_DB")" "$WORK" <<'PY'
import sqlite3, subprocess, sys
db, url, work = sys.argv[1], sys.argv[2], sys.argv[3]
src = sqlite3.connect(db)
out = subprocess.run(['psql', url, '-Atc', "COPY (SELECT id, price::text, quantity::text FROM trades ORDER BY id) TO STDOUT"],
                     capture_output=True, text=True, check=True).stdout.splitlines()
n = bad = 0
for (sid, sp, sq), line in zip(src.execute('SELECT id, price, quantity FROM trades ORDER BY id'), out):
    tid, tp, tq = line.split('\t')
    n += 1
    if int(tid) != sid or float(tp) != sp or float(tq) != sq:
        bad += 1
print(f"    REAL bit-exact: {n - bad}/{n} rows ({'100%' if bad == 0 and n > 0 else 'MISMATCH'})")
PY

echo
python3 - "$FLOOR" "$MIGRATE" "$PGLOADER" "$VERIFY" "$RSS" <<'PY'
import sys
floor, migrate, pgloader, verify, rss = map(float, sys.argv[1:])
def row(name, value, target, ok):
    print(f"  {name:<28} {value:>7.2f}   target {target:<8} {'ok' if ok else 'MISSED'}")
print("  ratio                          value   target")
row("migrate / floor", migrate / floor, "<= 1.1", migrate / floor <= 1.1)
row("pgloader / migrate", pgloader / migrate, ">= 1.8", pgloader / migrate >= 1.8)
row("verify / migrate", verify / migrate, "<= 0.5", verify / migrate <= 0.5)
row("peak RSS MB (-Xmx256m)", rss, "<= 300", rss <= 300)
PY

# the report's input (format: benchmarks/README.md, "Results format for speed scripts")
mkdir -p "$ROOT/benchmarks/results"
python3 - "$FLOOR" "$MIGRATE" "$PGLOADER" "$VERIFY" "$RSS" "$PGL_RSS" > "$ROOT/benchmarks/results/sqlite-migration.json" <<'PY'
import json, sys
floor, migrate, pgloader, verify, rss, pgl_rss = map(float, sys.argv[1:])
print(json.dumps({
    "name": "sqlite-migration",
    "title": "SQLite -> PostgreSQL, the 1M-row trading database, side by side in one run",
    "unit": "s",
    "rows": [
        {"label": "floor: sqlite3 | psql COPY", "value": floor, "n": 1},
        {"label": "pgferry migrate", "value": migrate, "n": 1},
        {"label": "pgloader (Debian)", "value": pgloader, "n": 1},
        {"label": "pgferry verify", "value": verify, "n": 1},
    ],
    "ratios": [
        {"label": "pgferry migrate / floor (target <= 1.1)", "value": migrate / floor},
        {"label": "pgloader / pgferry migrate (target >= 1.8)", "value": pgloader / migrate},
        {"label": "pgferry verify / pgferry migrate (target <= 0.5)", "value": verify / migrate},
    ],
    "notes": "One run of each, in this order, on the same server; peak RSS pgferry %.0f MB at -Xmx256m, pgloader %.0f MB." % (rss, pgl_rss),
}, indent=2))
PY
echo "wrote benchmarks/results/sqlite-migration.json"
