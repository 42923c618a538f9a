package pgferry.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import pgferry.store.ConsistencyResult;
import pgferry.store.TableConsistency;
import pgferry.verify.RowDiff;

/** Renders a {@link ConsistencyResult}: per table counts and verdict, then every difference by kind. */
public final class ConsistencyReport {

    private ConsistencyReport() {
    }

    public static void print(ConsistencyResult r, PrintWriter out) {
        int w = Math.max(5, r.tables().stream().mapToInt(t -> t.table().length()).max().orElse(5));
        String row = "%-" + w + "s  %10s %10s %12s %12s %10s  %s%n";
        out.printf(Locale.ROOT, row, "table", "json rows", "pg rows", "only in json", "only in pg", "differ", "result");
        for (TableConsistency t : r.tables()) {
            out.printf(Locale.ROOT, row, t.table(), t.jsonRows(), t.postgresRows(), t.onlyInJson().size(),
                    t.onlyInPostgres().size(), t.differing().size(),
                    t.error() != null ? "ERROR" : t.consistent() ? "same" : "DIFFERENT");
        }
        for (TableConsistency t : r.tables()) {
            if (t.error() != null) {
                out.printf(Locale.ROOT, "%n%s: %s%n", t.table(), t.error());
                continue;
            }
            if (t.unconvertible() > 0) {
                out.printf(Locale.ROOT, "%n%s: %d JSON records do not fit the columns' types, so PostgreSQL cannot hold them"
                        + " as they are (pgferry verify or migrate names each one)%n", t.table(), t.unconvertible());
            }
            section(out, t.table(), "only in the JSON files", t.onlyInJson(), d -> "    json: " + d.source());
            section(out, t.table(), "only in PostgreSQL", t.onlyInPostgres(), d -> "    postgresql: " + d.target());
            if (!t.differing().isEmpty()) {
                out.printf(Locale.ROOT, "%n%s: %d rows differ:%n", t.table(), t.differing().size());
                for (RowDiff d : t.differing()) {
                    out.println("  " + d.key() + "  [" + d.columns() + "]");
                    out.println("    json:       " + d.source());
                    out.println("    postgresql: " + d.target());
                }
            }
            if (t.unlisted()) {
                out.printf(Locale.ROOT, "%s: more rows may differ than listed (raise --max-diffs, 0 = all)%n", t.table());
            }
        }
        out.println();
        if (r.consistent()) {
            out.printf(Locale.ROOT, "consistent: the JSON files and PostgreSQL hold the same rows (%s)%n", Units.millis(r.wallMillis()));
        } else {
            out.printf(Locale.ROOT, "INCONSISTENT: %d differences (%s)%n", r.differences(), Units.millis(r.wallMillis()));
        }
        out.flush();
    }

    private static void section(PrintWriter out, String table, String what, List<RowDiff> rows,
                                java.util.function.Function<RowDiff, String> side) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n%s: %d rows %s:%n", table, rows.size(), what);
        for (RowDiff d : rows) {
            out.println("  " + d.key());
            out.println(side.apply(d));
        }
    }

    public static ObjectNode json(ConsistencyResult r) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("store", r.store());
        root.put("target", r.target());
        root.put("consistent", r.consistent());
        root.put("differences", r.differences());
        root.put("wallMillis", r.wallMillis());
        ArrayNode tables = root.putArray("tables");
        for (TableConsistency t : r.tables()) {
            ObjectNode n = tables.addObject();
            n.put("table", t.table());
            n.put("jsonRows", t.jsonRows());
            n.put("postgresRows", t.postgresRows());
            n.put("consistent", t.consistent());
            n.put("unconvertible", t.unconvertible());
            n.put("unlisted", t.unlisted());
            if (t.error() != null) {
                n.put("error", t.error());
            }
            rows(n.putArray("onlyInJson"), t.onlyInJson());
            rows(n.putArray("onlyInPostgres"), t.onlyInPostgres());
            rows(n.putArray("differing"), t.differing());
        }
        return root;
    }

    private static void rows(ArrayNode a, List<RowDiff> rows) {
        for (RowDiff d : rows) {
            ObjectNode o = a.addObject();
            o.put("key", d.key());
            if (!d.columns().isEmpty()) {
                o.put("columns", d.columns());
            }
            o.put("json", d.source());
            o.put("postgresql", d.target());
        }
    }
}
