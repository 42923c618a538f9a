package pgferry.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import pgferry.config.DatabaseUrl;
import pgferry.store.SqlText;
import pgferry.systems.SampleSystem;

/** What an exercise works on (the system's source and migrated database) and what it reports. */
final class ExerciseContext {

    private final SampleSystem system;
    private final Path source;
    private final DatabaseUrl database;
    private final DemoServer server;
    private final Path workDir;
    private final Consumer<String> progress;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    ExerciseContext(SampleSystem system, Path source, DatabaseUrl database, DemoServer server, Path workDir,
                    Consumer<String> progress) {
        this.system = system;
        this.source = source;
        this.database = database;
        this.server = server;
        this.workDir = workDir;
        this.progress = progress;
    }

    SampleSystem system() {
        return system;
    }

    /** The generated source: the SQLite file or the JSON data folder. */
    Path source() {
        return source;
    }

    /** The system's migrated database. */
    DatabaseUrl database() {
        return database;
    }

    DemoServer server() {
        return server;
    }

    /** A folder the exercise may write to (kept with the report). */
    Path workDir() {
        return workDir;
    }

    Connection connect() {
        return database.connect();
    }

    /** Prints a line of the exercise's output (and keeps it for the report). */
    void line(String text) {
        lines.add(text);
        progress.accept("  " + text);
    }

    /** A value the summary and the tests read (e.g. outbox entries replayed). */
    void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** Marks the exercise as failed (the demo then exits non-zero); the run goes on. */
    void fail(String why) {
        failures.add(why);
        line("FAILED: " + why);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    Map<String, Object> facts() {
        return Map.copyOf(facts);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    static String sql(String name) {
        return SqlText.load("pgferry/demo/" + name + ".sql");
    }

    /** Runs an EXPLAIN statement and returns its plan lines. */
    static List<String> explain(Connection c, String sqlName, Object... params) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql(sqlName))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }

    /** Prints a plan indented under the current line. */
    void plan(List<String> planLines) {
        for (String p : planLines) {
            line("    " + p);
        }
    }

    static boolean uses(List<String> plan, String index) {
        return plan.stream().anyMatch(l -> l.contains(index));
    }

    /**
     * The plan of a query that should use {@code index}: as the planner chooses it, or, when the demo's
     * tables are too small for the planner to prefer the index, with {@code enable_seqscan = off}
     * (said in the output). Leaves the session setting off in that case; callers use a fresh connection.
     */
    List<String> planUsing(Connection c, String explainSql, String index, String tooSmallWhy, Object... params) throws SQLException {
        List<String> plan = explain(c, explainSql, params);
        if (uses(plan, index)) {
            line("EXPLAIN (the planner picks " + index + " by itself):");
            return plan;
        }
        try (var s = c.createStatement()) {
            s.execute(sql("seqscan_off"));
        }
        plan = explain(c, explainSql, params);
        line("EXPLAIN with SET enable_seqscan = off (" + tooSmallWhy + ": at this size a sequential scan is cheaper and"
                + " the planner rightly takes it; turned off here so the index's plan shows):");
        if (!uses(plan, index)) {
            fail("the plan does not use " + index + " even with enable_seqscan = off");
        }
        return plan;
    }

    static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
