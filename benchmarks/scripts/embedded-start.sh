#!/usr/bin/env bash
# Measures `pgferry up` as a user meets it, side by side in one run:
#   first start  = empty binaries cache + empty data dir (unpack + initdb + start + create database)
#   warm start   = binaries cached, fresh data dir (initdb + start + create database)
#   restart      = existing .postgres-data (start only)
# and `pgferry down`. Prints the median of N runs of each, in seconds, plus the ratio to the targets.
# Usage: benchmarks/scripts/embedded-start.sh [N]   (needs target/pgferry.jar: ./mvnw -q -DskipTests package)
# Also writes benchmarks/results/embedded-start.json for the report (format: benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-5}
JAR=target/pgferry.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'java -jar "$JAR" down --data-dir "$WORK/data" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
up() { java -jar "$JAR" up --port "$PORT" --data-dir "$WORK/data" >/dev/null; }
down() { java -jar "$JAR" down --data-dir "$WORK/data" >/dev/null; }

first=(); warm=(); restart=(); stop=()
for i in $(seq "$N"); do
  rm -rf "$WORK/data" "$WORK/cache"
  t0=$(now); PGFERRY_CACHE="$WORK/cache" up; t1=$(now); down
  first+=("$(echo "$t1 - $t0" | bc)")
  rm -rf "$WORK/data"
  t0=$(now); PGFERRY_CACHE="$WORK/cache" up; t1=$(now); down
  warm+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now); PGFERRY_CACHE="$WORK/cache" up; t1=$(now)
  restart+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now); down; t1=$(now)
  stop+=("$(echo "$t1 - $t0" | bc)")
done
m_first=$(printf '%s\n' "${first[@]}" | median)
m_warm=$(printf '%s\n' "${warm[@]}" | median)
m_restart=$(printf '%s\n' "${restart[@]}" | median)
m_stop=$(printf '%s\n' "${stop[@]}" | median)
echo "pgferry up/down, median of $N runs on $(nproc) cores ($(date -u +%F)):"
printf '  first start (unpack+initdb+start): %ss   target <= 6.0s  (%.2fx of target)\n' "$m_first" "$(echo "$m_first / 6.0" | bc -l)"
printf '  new cluster, binaries cached:      %ss\n' "$m_warm"
printf '  up on existing .postgres-data:     %ss   target <= 1.5s  (%.2fx of target)\n' "$m_restart" "$(echo "$m_restart / 1.5" | bc -l)"
printf '  down:                              %ss\n' "$m_stop"

mm() { printf '%s\n' "$@" | sort -n | awk 'NR==1{min=$1} {max=$1} END {printf "%s %s", min, max}'; }
mkdir -p benchmarks/results
python3 - "$N" "$(nproc)" "$m_first" "$(mm "${first[@]}")" "$m_warm" "$(mm "${warm[@]}")" "$m_restart" "$(mm "${restart[@]}")" \
  "$m_stop" "$(mm "${stop[@]}")" > benchmarks/results/embedded-start.json <<'PY'
import json, sys
n, cores = int(sys.argv[1]), sys.argv[2]
def row(label, med, mm, target=None):
    lo, hi = (float(x) for x in mm.split())
    r = {"label": label, "value": float(med), "min": lo, "max": hi, "n": n}
    if target is not None:
        r["target"] = target
    return r
a = sys.argv
rows = [row("first start (unpack + initdb + start)", a[3], a[4], 6.0),
        row("new cluster, binaries cached (initdb + start)", a[5], a[6]),
        row("up on an existing data dir (start only)", a[7], a[8], 1.5),
        row("down", a[9], a[10])]
ratios = [{"label": "first start / restart on existing data", "value": float(a[3]) / float(a[7])},
          {"label": "new cluster / restart on existing data", "value": float(a[5]) / float(a[7])}]
print(json.dumps({"name": "embedded-start", "title": "pgferry up / down (embedded PostgreSQL)", "unit": "s",
                  "rows": rows, "ratios": ratios,
                  "notes": "Median of %d runs on %s cores, each `java -jar target/pgferry.jar up|down` timed from the shell (JVM start included)." % (n, cores)}, indent=2))
PY
echo "wrote benchmarks/results/embedded-start.json"
