#!/usr/bin/env bash
# Measures the test harness (pgferry.testing): handing a test its own migrated database by template clone
# (FILE_COPY and WAL_LOG), by Flyway per test, and by TRUNCATE; median of N; plus the embedded cluster's start.
# Runs on the provider the environment selects: set PGFERRY_TEST_DATABASE_URL for an external server,
# unset it for the embedded one.
# Usage: benchmarks/scripts/harness.sh [N]
# Also writes benchmarks/results/harness.json for the report (format: benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-30}
# The classes: the shaded target/pgferry.jar (pgferry and its runtime libraries) and the compiled tests; each is
# built only when missing or older than its sources (no dependency-plugin classpath: it may be unresolvable offline).
if [ ! -f target/pgferry.jar ] || [ -n "$(find src/main pom.xml -newer target/pgferry.jar -type f -print -quit)" ]; then
  ./mvnw -q -B -o -DskipTests package
fi
if [ ! -f target/test-classes/pgferry/testing/HarnessBenchmark.class ] \
   || [ -n "$(find src/test -newer target/test-classes/pgferry/testing/HarnessBenchmark.class -type f -print -quit)" ]; then
  ./mvnw -q -B -o test-compile
fi
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
java -cp "target/test-classes:target/pgferry.jar" pgferry.testing.HarnessBenchmark "$N" | tee "$OUT"
mkdir -p benchmarks/results
python3 - "$OUT" "$N" > benchmarks/results/harness.json <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
rows = {}
for m in re.finditer(r"^(.+?)\s+median\s+([\d.]+) ms\s+min\s+([\d.]+)\s+p90\s+([\d.]+)\s+\(n=(\d+)\)", text, re.M):
    rows[m.group(1).strip()] = {"label": m.group(1).strip(), "value": float(m.group(2)), "min": float(m.group(3)),
                                "max": float(m.group(4)), "n": int(m.group(5))}
start = re.search(r"embedded cluster start in this JVM \(initdb \+ start\): ([\d.]+) ms", text)
out = list(rows.values())
if start:
    out.append({"label": "embedded cluster start in one JVM (initdb + start)", "value": float(start.group(1)), "target": 1500.0})
def find(prefix):
    return next((r["value"] for k, r in rows.items() if k.startswith(prefix)), None)
ratios = []
clone, ahead, flyway, trunc = find("template clone"), find("clone made ahead"), find("Flyway per test"), find("TRUNCATE")
if clone and flyway:
    ratios.append({"label": "Flyway per test / template clone", "value": flyway / clone})
if ahead and flyway:
    ratios.append({"label": "Flyway per test / clone made ahead", "value": flyway / ahead})
if clone and trunc:
    ratios.append({"label": "template clone / TRUNCATE", "value": clone / trunc})
server = re.search(r"^server: (.*)$", text, re.M)
print(json.dumps({"name": "harness", "title": "Test harness: a fresh migrated database per test", "unit": "ms",
                  "rows": out, "ratios": ratios,
                  "notes": "Median of %s per row ('max' is the p90); %s." % (sys.argv[2], server.group(1) if server else "server unknown")}, indent=2))
PY
echo "wrote benchmarks/results/harness.json"
