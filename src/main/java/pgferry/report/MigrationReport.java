package pgferry.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import pgferry.UserError;
import pgferry.load.MigrationResult;
import pgferry.load.PostDataResult;
import pgferry.load.TableResult;

/** Renders a {@link MigrationResult}: the end-of-run table on a terminal, and the same as JSON. */
public final class MigrationReport {

    private MigrationReport() {
    }

    /** The end-of-run table: per table rows, loaded, rejected, bytes, time; then post-data; totals. */
    public static void print(MigrationResult r, PrintWriter out) {
        int w = Math.max(5, r.tables().stream().mapToInt(t -> t.targetTable().length()).max().orElse(5));
        String row = "%-" + w + "s  %-8s %12s %12s %9s %10s %9s%n";
        out.printf(Locale.ROOT, row, "table", "status", "source rows", "loaded", "rejected", "bytes", "time");
        long src = 0, loaded = 0, rejected = 0, bytes = 0;
        for (TableResult t : r.tables()) {
            out.printf(Locale.ROOT, row, t.targetTable(), t.status(), t.sourceRows(), t.loadedRows(), t.rejectedRows(),
                    Units.bytes(t.bytes()), Units.millis(t.millis()));
            if (t.error() != null) {
                out.println("  ! " + t.error());
            }
            src += t.sourceRows();
            loaded += t.loadedRows();
            rejected += t.rejectedRows();
            bytes += t.bytes();
        }
        out.printf(Locale.ROOT, row, "total", "", src, loaded, rejected, Units.bytes(bytes), "");
        if (!r.postData().isEmpty()) {
            out.println();
            String pd = "%-" + w + "s  %-16s %-40s %-8s %9s%n";
            out.printf(Locale.ROOT, pd, "table", "post-data", "name", "status", "time");
            for (PostDataResult p : r.postData()) {
                out.printf(Locale.ROOT, pd, p.table(), p.kind(), p.name(), p.status(), Units.millis(p.millis()));
                if (p.error() != null) {
                    out.println("  ! " + p.error());
                }
            }
            long created = r.postData().stream().filter(p -> p.status().equals("created")).count();
            out.printf(Locale.ROOT, "%d post-data statements created, %d skipped (done earlier), %d failed%n", created,
                    r.postData().stream().filter(p -> p.status().equals("skipped")).count(),
                    r.postData().stream().filter(p -> p.status().equals("failed")).count());
        }
        for (String warning : r.warnings()) {
            out.println("warning: " + warning);
        }
        out.println();
        if (rejected > 0) {
            out.printf(Locale.ROOT, "%d rows rejected: see %s%n", rejected, r.rejectsFile());
        }
        out.printf(Locale.ROOT, "total wall time %s%n", Units.millis(r.wallMillis()));
        out.flush();
    }

    /** The same facts as JSON. */
    public static ObjectNode json(MigrationResult r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("source", r.source());
        root.put("target", r.target());
        root.put("rejectsFile", r.rejectsFile());
        root.put("totalRejected", r.totalRejected());
        root.put("wallMillis", r.wallMillis());
        ArrayNode tables = root.putArray("tables");
        for (TableResult t : r.tables()) {
            ObjectNode n = tables.addObject();
            n.put("sourceTable", t.sourceTable());
            n.put("table", t.targetTable());
            n.put("status", t.status());
            n.put("sourceRows", t.sourceRows());
            n.put("loadedRows", t.loadedRows());
            n.put("rejectedRows", t.rejectedRows());
            n.put("bytes", t.bytes());
            n.put("millis", t.millis());
            if (t.error() != null) {
                n.put("error", t.error());
            }
        }
        ArrayNode post = root.putArray("postData");
        for (PostDataResult p : r.postData()) {
            ObjectNode n = post.addObject();
            n.put("table", p.table());
            n.put("kind", p.kind());
            n.put("name", p.name());
            n.put("status", p.status());
            n.put("millis", p.millis());
            if (p.error() != null) {
                n.put("error", p.error());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return root;
    }

    /** Writes {@link #json} to {@code file}. */
    public static void writeJson(Object json, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UserError("cannot write the report " + file + " (" + e.getMessage() + "): choose another --report path");
        }
    }
}
