package pgferry.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import pgferry.verify.RowDiff;
import pgferry.verify.TableVerification;
import pgferry.verify.VerifyResult;

/** Renders a {@link VerifyResult}: per table counts and verdict, then the differing rows. */
public final class VerifyReport {

    private VerifyReport() {
    }

    public static void print(VerifyResult r, PrintWriter out) {
        int w = Math.max(5, r.tables().stream().mapToInt(t -> t.targetTable().length()).max().orElse(5));
        String row = "%-" + w + "s  %12s %9s %12s  %-9s %9s%n";
        out.printf(Locale.ROOT, row, "table", "source rows", "rejected", "target rows", "result", "time");
        for (TableVerification t : r.tables()) {
            out.printf(Locale.ROOT, row, t.targetTable(), t.sourceRows(), t.rejectedRows(), t.targetRows(),
                    t.error() != null ? "ERROR" : t.matched() ? "match" : "DIFFERS", Units.millis(t.millis()));
        }
        for (TableVerification t : r.tables()) {
            if (t.error() != null) {
                out.println();
                out.println(t.targetTable() + ": " + t.error());
                continue;
            }
            if (t.unrecordedRejects() > 0) {
                out.printf(Locale.ROOT, "%n%s: %d source rows fail conversion but are not in the rejects file%n",
                        t.targetTable(), t.unrecordedRejects());
            }
            if (t.rejectedRows() > 0) {
                out.printf(Locale.ROOT, "%s: %d rejected rows left out of the comparison (see the rejects file)%n",
                        t.targetTable(), t.rejectedRows());
            }
            if (!t.matched()) {
                out.printf(Locale.ROOT, "%n%s: %d key ranges differ; differing rows (at most %d listed):%n",
                        t.targetTable(), t.differingRanges(), t.diffs().size());
                for (RowDiff d : t.diffs()) {
                    out.println("  " + d.key() + (d.columns().isEmpty() ? "" : "  [" + d.columns() + "]"));
                    out.println("    source: " + (d.source() == null ? "(no such row)" : d.source()));
                    out.println("    target: " + (d.target() == null ? "(no such row)" : d.target()));
                }
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%s in %s%n", r.matched() ? "verified: every compared row matches"
                : "DIFFERENCES FOUND", Units.millis(r.wallMillis()));
        out.flush();
    }

    public static ObjectNode json(VerifyResult r) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("source", r.source());
        root.put("target", r.target());
        root.put("matched", r.matched());
        root.put("wallMillis", r.wallMillis());
        ArrayNode tables = root.putArray("tables");
        for (TableVerification t : r.tables()) {
            ObjectNode n = tables.addObject();
            n.put("sourceTable", t.sourceTable());
            n.put("table", t.targetTable());
            n.put("sourceRows", t.sourceRows());
            n.put("rejectedRows", t.rejectedRows());
            n.put("unrecordedRejects", t.unrecordedRejects());
            n.put("targetRows", t.targetRows());
            n.put("matched", t.matched());
            n.put("differingRanges", t.differingRanges());
            n.put("millis", t.millis());
            if (t.error() != null) {
                n.put("error", t.error());
            }
            ArrayNode diffs = n.putArray("diffs");
            for (RowDiff d : t.diffs()) {
                ObjectNode dn = diffs.addObject();
                dn.put("key", d.key());
                dn.put("columns", d.columns());
                dn.put("source", d.source());
                dn.put("target", d.target());
            }
        }
        return root;
    }
}
