package pgferry.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Run state kept in the target's {@code pgferry} schema, so that re-running {@code migrate} resumes:
 * a table whose state is {@code complete} was committed together with its data and is skipped; a
 * post-data statement recorded as done is not run again. Keyed by the source path and target schema.
 */
public final class RunState {

    /** What a previous run recorded for one table. */
    public record TableRecord(String table, String status, long rowsSource, long rowsLoaded, long rowsRejected,
                              long bytes, long millis) {
    }

    public static final String COMPLETE = "complete";
    public static final String SCHEMA_ONLY = "schema";

    private final String source;
    private final String schema;
    private long runId;

    public RunState(String source, String schema) {
        this.source = source;
        this.schema = schema;
    }

    /** Creates the state tables when missing and records the start of a run. */
    public void start(Connection c, String options) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            // concurrent first runs could race on CREATE ... IF NOT EXISTS; one run per target at a time
            st.execute(LoadSql.load("run-state-schema.sql"));
        }
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("run-start.sql"))) {
            ps.setString(1, source);
            ps.setString(2, options);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                runId = rs.getLong(1);
            }
        }
        c.setAutoCommit(auto);
    }

    public long runId() {
        return runId;
    }

    public void finish(Connection c, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("run-finish.sql"))) {
            ps.setString(1, status);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    /** Tables recorded by earlier runs of this source into this schema, by target table name. */
    public Map<String, TableRecord> tables(Connection c) throws SQLException {
        Map<String, TableRecord> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("table-state-select.sql"))) {
            ps.setString(1, source);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TableRecord(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /** Records a table's state; call inside the transaction that loaded it. */
    public void recordTable(Connection c, TableRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("table-state-complete.sql"))) {
            ps.setString(1, source);
            ps.setString(2, schema);
            ps.setString(3, r.table());
            ps.setString(4, r.status());
            ps.setLong(5, runId);
            ps.setLong(6, r.rowsSource());
            ps.setLong(7, r.rowsLoaded());
            ps.setLong(8, r.rowsRejected());
            ps.setLong(9, r.bytes());
            ps.setLong(10, r.millis());
            ps.executeUpdate();
        }
    }

    /** Post-data statements already done by earlier runs. */
    public Set<String> postDataDone(Connection c) throws SQLException {
        Set<String> done = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("post-data-done.sql"))) {
            ps.setString(1, source);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done.add(rs.getString(1));
                }
            }
        }
        return done;
    }

    /** Records a post-data statement as done; call inside the transaction that ran it. */
    public void recordPostData(Connection c, String statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("post-data-record.sql"))) {
            ps.setString(1, source);
            ps.setString(2, schema);
            ps.setString(3, statement);
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }
}
