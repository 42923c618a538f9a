package pgferry.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pgferry.UserError;
import pgferry.report.MigrationReport;
import pgferry.report.VerifyReport;

/** Renders a demo run: the summary table on the terminal, and the full report as Markdown and JSON. */
public final class DemoReport {

    public static final String MARKDOWN = "demo-report.md";
    public static final String JSON = "demo-report.json";
    static final String[] HEADER = {"system", "source", "tables", "rows", "rejects", "migrate", "verify", "exercise"};

    private DemoReport() {
    }

    /** The summary: one row per system. */
    static List<String[]> rows(DemoResult r) {
        List<String[]> rows = new ArrayList<>();
        for (SystemOutcome s : r.systems()) {
            MigrationOutcome m = s.migration();
            boolean ran = m.migration() != null;
            rows.add(new String[]{s.system(), s.sourceKind(), ran ? Integer.toString(m.tables()) : "-",
                    ran ? String.format(Locale.ROOT, "%,d", m.rows()) : "-", ran ? Long.toString(m.rejects()) : "-",
                    ran ? Demo.seconds(m.migrateMillis()) : "-", m.verifyCell(), s.exerciseStatus()});
        }
        return rows;
    }

    public static void printSummary(DemoResult r, PrintWriter out) {
        List<String[]> rows = rows(r);
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        out.println(line(HEADER, width));
        for (String[] row : rows) {
            out.println(line(row, width));
        }
        out.flush();
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean number = i >= 2 && i <= 5;
            String fmt = "%" + (number ? "" : "-") + width[i] + "s";
            b.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, fmt, cells[i]));
        }
        return b.toString().stripTrailing();
    }

    static String markdown(DemoResult r) {
        StringBuilder b = new StringBuilder();
        b.append("# pgferry demo\n\n");
        b.append("PostgreSQL: `").append(r.server()).append("` (").append(r.serverKind()).append(")");
        if (r.serverStartMillis() > 0) {
            b.append(", started in ").append(Demo.seconds(r.serverStartMillis()))
                    .append(r.unpackedBinaries() ? " (binaries unpacked first)" : "");
        }
        b.append("  \nscale ").append(r.scale()).append(", seed ").append(r.seed()).append(", whole run ")
                .append(Demo.seconds(r.wallMillis())).append(": **").append(r.ok() ? "all systems verified (0 differences) and exercised" : "NOT all systems verified and exercised").append("**\n\n");
        b.append('|');
        for (String h : HEADER) {
            b.append(' ').append(h).append(" |");
        }
        b.append("\n|");
        for (int i = 0; i < HEADER.length; i++) {
            b.append(i >= 2 && i <= 5 ? "---:|" : "---|");
        }
        b.append('\n');
        for (String[] row : rows(r)) {
            b.append('|');
            for (String cell : row) {
                b.append(' ').append(cell).append(" |");
            }
            b.append('\n');
        }
        for (SystemOutcome s : r.systems()) {
            MigrationOutcome m = s.migration();
            b.append("\n## ").append(s.system()).append(" (").append(s.sourceKind()).append(")\n\n");
            b.append("- source: `").append(s.source()).append("` (generated in ").append(Demo.seconds(s.generateMillis())).append(")\n");
            b.append("- database: `").append(s.database()).append("`\n");
            b.append("- migrate (data only, into the Flyway schema): ").append(m.status());
            if (m.migration() != null) {
                b.append(", ").append(m.tables()).append(" tables, ").append(m.rows()).append(" rows, ").append(m.rejects())
                        .append(" rejects, ").append(Demo.seconds(m.migrateMillis())).append("; verify: ").append(m.verifyCell())
                        .append(", ").append(Demo.seconds(m.verifyMillis()));
            }
            if (m.detail() != null) {
                b.append(" — ").append(m.detail());
            }
            b.append('\n');
            if (m.migration() != null) {
                b.append("\n| table | source rows | loaded | rejected | verify |\n|---|---:|---:|---:|---|\n");
                for (var t : m.migration().tables()) {
                    String v = m.verify() == null ? "" : m.verify().tables().stream()
                            .filter(x -> x.sourceTable().equals(t.sourceTable())).findFirst()
                            .map(x -> x.matched() ? "match" : "DIFFERS").orElse("");
                    b.append("| ").append(t.targetTable()).append(" | ").append(t.sourceRows()).append(" | ").append(t.loadedRows())
                            .append(" | ").append(t.rejectedRows()).append(" | ").append(v).append(" |\n");
                }
            }
            b.append("\n**").append(s.exerciseTitle()).append("** — ").append(s.exerciseStatus()).append("\n\n");
            if (!s.exerciseLines().isEmpty()) {
                b.append("```\n");
                s.exerciseLines().forEach(l -> b.append(l).append('\n'));
                b.append("```\n");
            }
        }
        return b.toString();
    }

    static ObjectNode json(DemoResult r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("server", r.server());
        root.put("serverKind", r.serverKind());
        root.put("serverStartMillis", r.serverStartMillis());
        root.put("unpackedBinaries", r.unpackedBinaries());
        root.put("scale", r.scale());
        root.put("seed", r.seed());
        root.put("wallMillis", r.wallMillis());
        root.put("ok", r.ok());
        ArrayNode systems = root.putArray("systems");
        for (SystemOutcome s : r.systems()) {
            MigrationOutcome m = s.migration();
            ObjectNode n = systems.addObject();
            n.put("system", s.system());
            n.put("sourceKind", s.sourceKind());
            n.put("source", s.source());
            n.put("database", s.database());
            n.put("generateMillis", s.generateMillis());
            n.put("status", m.status());
            n.put("tables", m.tables());
            n.put("rows", m.rows());
            n.put("rejects", m.rejects());
            n.put("migrateMillis", m.migrateMillis());
            n.put("verifyMillis", m.verifyMillis());
            n.put("verify", m.verifyCell());
            n.put("differingTables", m.differences());
            if (m.detail() != null) {
                n.put("detail", m.detail());
            }
            ObjectNode ex = n.putObject("exercise");
            ex.put("title", s.exerciseTitle());
            ex.put("status", s.exerciseStatus());
            ArrayNode lines = ex.putArray("lines");
            s.exerciseLines().forEach(lines::add);
            ex.set("facts", mapper.valueToTree(new java.util.TreeMap<>(s.exerciseFacts())));
            ArrayNode failures = ex.putArray("failures");
            s.failures().forEach(failures::add);
            if (m.migration() != null) {
                n.set("migration", MigrationReport.json(m.migration()));
            }
            if (m.verify() != null) {
                n.set("verification", VerifyReport.json(m.verify()));
            }
        }
        return root;
    }

    /** Writes {@link #MARKDOWN} and {@link #JSON} where the result says. */
    static void write(DemoResult r) {
        try {
            Files.createDirectories(r.markdownReport().getParent());
            Files.writeString(r.markdownReport(), markdown(r), StandardCharsets.UTF_8);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(r.jsonReport().toFile(), json(r));
        } catch (IOException e) {
            throw new UserError("cannot write the demo report to " + r.markdownReport().getParent() + " (" + e.getMessage()
                    + "); choose another folder with --out DIR");
        }
    }
}
