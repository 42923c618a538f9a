package pgferry.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import pgferry.catalog.Column;
import pgferry.plan.Converted;
import pgferry.source.RowSource;
import pgferry.source.SourceRows;
import pgferry.source.sqlite.SqliteValue;

/**
 * Loads one table in ONE transaction: CREATE TABLE, COPY of every convertible row, removal of rows
 * whose primary key repeats an earlier one, and the table's run state, committed together. A crash
 * or kill at any point leaves the target without the table or with all of it.
 *
 * <p>A row whose value cannot be converted goes to the rejects file and the load goes on. A row that
 * PostgreSQL itself refuses during COPY (the error names its line) is rejected with PostgreSQL's
 * reason and the table's transaction is retried without it, up to {@link #MAX_RETRIES} times.
 */
public final class TableLoader {

    static final int MAX_RETRIES = 100;
    private static final int PROGRESS_EVERY = 8192;
    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");

    private final RowSource source;
    private final Connection pg;
    private final RunState state;
    private final RejectsFile rejects;
    private final ProgressListener progress;
    private final boolean dataOnly;
    private final boolean schemaOnly;
    private boolean speculative;
    private boolean replace;

    public TableLoader(RowSource source, Connection pg, RunState state, RejectsFile rejects,
                       ProgressListener progress, boolean dataOnly, boolean schemaOnly) {
        this.source = source;
        this.pg = pg;
        this.state = state;
        this.rejects = rejects;
        this.progress = progress;
        this.dataOnly = dataOnly;
        this.schemaOnly = schemaOnly;
    }

    /**
     * Speculative mode: the table's types were planned from a sample of its rows, so the first reject
     * may mean the sample misled the plan; the load stops at once, rolls back, and the table comes
     * back with status {@code replan} for the migrator to plan from every row.
     */
    public TableLoader speculative(boolean on) {
        this.speculative = on;
        return this;
    }

    /** Replace mode: drop the table in the same transaction before creating it (a re-planned table). */
    public TableLoader replace(boolean on) {
        this.replace = on;
        return this;
    }

    /** Thrown in speculative mode at the first reject. */
    private static final class Replan extends RuntimeException {
        Replan() {
            super(null, null, false, false);
        }
    }

    /** Rows PostgreSQL refused in an earlier attempt, by source ordinal (1-based), with the reason. */
    private final Map<Long, String> refused = new HashMap<>();

    public TableResult load(TableLoad t) {
        refused.clear();
        long started = System.nanoTime();
        String failedLineReason = null;
        long failedLine = -1;
        for (int attempt = 0; ; attempt++) {
            Attempt a = new Attempt(t, failedLine, failedLineReason);
            try {
                return a.run(started);
            } catch (Replan e) {
                a.discard();
                progress.rows(t.target(), -a.rowsRead);
                return new TableResult(t.source().name(), t.target(), "replan", 0, 0, 0, 0,
                        (System.nanoTime() - started) / 1_000_000, null);
            } catch (CopyRefused e) {
                a.discard();
                if (speculative) {
                    progress.rows(t.target(), -a.rowsRead);
                    return new TableResult(t.source().name(), t.target(), "replan", 0, 0, 0, 0,
                            (System.nanoTime() - started) / 1_000_000, null);
                }
                if (attempt >= MAX_RETRIES) {
                    return failed(t, started, "PostgreSQL refused more than " + MAX_RETRIES + " rows: " + e.reason);
                }
                progress.rows(t.target(), -a.rowsRead);
                failedLine = e.line;
                failedLineReason = e.reason;
            } catch (SQLException | RuntimeException e) {
                a.discard();
                progress.rows(t.target(), -a.rowsRead);
                if (e instanceof pgferry.UserError u) {
                    throw u;
                }
                return failed(t, started, oneLine(e));
            }
        }
    }

    private TableResult failed(TableLoad t, long started, String error) {
        return new TableResult(t.source().name(), t.target(), "failed", 0, 0, 0, 0,
                (System.nanoTime() - started) / 1_000_000, error);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage s = p.getServerErrorMessage();
            m = s.getMessage() + (s.getDetail() != null ? " (" + s.getDetail() + ")" : "");
        }
        return m.replaceAll("\\s+", " ").trim();
    }

    /** PostgreSQL refused line {@code line} of the COPY. */
    private static final class CopyRefused extends Exception {
        final long line;
        final String reason;

        CopyRefused(long line, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.reason = reason;
        }
    }

    /** One try at loading the table. */
    private final class Attempt {
        private final TableLoad t;
        private long pendingLine;
        private final String pendingReason;
        private Path partFile;
        private RejectsFile part;
        private CopyIn copy;
        long rowsRead;

        Attempt(TableLoad t, long pendingLine, String pendingReason) {
            this.t = t;
            this.pendingLine = pendingLine;
            this.pendingReason = pendingReason;
        }

        TableResult run(long started) throws SQLException, CopyRefused {
            pg.setAutoCommit(false);
            try (Statement st = pg.createStatement()) {
                st.execute("SET LOCAL synchronous_commit = off");
                if (!dataOnly) {
                    if (replace) {
                        st.execute(LoadSql.fill("drop-table.sql", Map.of("table", t.qualified())));
                    }
                    st.execute(t.createSql());
                }
            }
            if (schemaOnly) {
                state.recordTable(pg, new RunState.TableRecord(t.target(), RunState.SCHEMA_ONLY, 0, 0, 0, 0, 0));
                pg.commit();
                return new TableResult(t.source().name(), t.target(), "schema", 0, 0, 0, 0,
                        (System.nanoTime() - started) / 1_000_000, null);
            }
            try {
                partFile = Files.createTempFile(rejects.path().toAbsolutePath().getParent(), ".rejects-", ".part");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create a temporary file beside " + rejects.path(), e);
            }
            part = RejectsFile.append(partFile);
            boolean dedupe = !t.keyColumns().isEmpty() && !t.keyIsRowid() && !dataOnly;
            LongList loadedRowids = dedupe ? new LongList() : null;
            List<Column> cols = t.columns().stream().map(ColumnLoad::source).toList();
            int n = cols.size();
            boolean[] inKey = new boolean[n];
            for (int i = 0; i < n; i++) {
                inKey[i] = t.keyColumns().contains(t.columns().get(i).target());
            }
            String copySql = LoadSql.fill("copy-in.sql", Map.of("table", t.qualified(), "columns",
                    t.columns().stream().map(c -> LoadSql.quote(c.target())).collect(Collectors.joining(", "))));
            copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            CopyEncoder enc = CopyEncoder.into(copy);
            String[] values = new String[n];
            long loaded = 0;
            long rejected = 0;
            long sinceProgress = 0;
            SourceRows opened = source.rows(t.source(), cols);
            try (SourceRows rows = opened.readsAhead() ? opened : new PrefetchedRows(opened, n, t.target())) {
                while (rows.next()) {
                    rowsRead++;
                    if (++sinceProgress == PROGRESS_EVERY) {
                        progress.rows(t.target(), sinceProgress);
                        sinceProgress = 0;
                    }
                    String refusal = refused.get(rowsRead);
                    if (refusal != null) {
                        writeReject(reject(rows, cols, null, null, "PostgreSQL refused the row: " + refusal));
                        rejected++;
                        continue;
                    }
                    SourceRows.Refusal refusedBySource = rows.refusal();
                    if (refusedBySource != null) {
                        RejectsFile.Reject r = reject(rows, cols, refusedBySource.column(), null, refusedBySource.reason());
                        writeReject(new RejectsFile.Reject(r.table(), r.key(), r.rowid(), r.column(), refusedBySource.value(),
                                r.reason()));
                        rejected++;
                        continue;
                    }
                    int bad = -1;
                    String reason = null;
                    for (int i = 0; i < n; i++) {
                        SqliteValue raw = rows.value(i);
                        Converted c = t.columns().get(i).converter().convert(raw);
                        if (c instanceof Converted.Value v) {
                            if (v.text() == null && inKey[i] && !t.keyIsRowid()) {
                                bad = i;
                                reason = "NULL in primary key column " + cols.get(i).name()
                                        + " (PostgreSQL keys cannot be NULL)";
                                break;
                            }
                            values[i] = v.text();
                        } else {
                            bad = i;
                            reason = ((pgferry.plan.Rejection) c).reason();
                            break;
                        }
                    }
                    if (bad >= 0) {
                        writeReject(reject(rows, cols, cols.get(bad).name(), rows.value(bad), reason));
                        rejected++;
                        continue;
                    }
                    if (pendingLine == loaded + 1) {
                        refused.put(rowsRead, pendingReason);
                        writeReject(reject(rows, cols, null, null, "PostgreSQL refused the row: " + pendingReason));
                        rejected++;
                        pendingLine = -1;
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        enc.field(values[i]);
                    }
                    enc.endRow();
                    loaded++;
                    if (loadedRowids != null) {
                        loadedRowids.add(rows.hasRowid() ? rows.rowid() : rowsRead);
                    }
                }
                enc.flush();
                copy.endCopy();
            } catch (SQLException e) {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException ignored) {
                        // the transaction is rolled back anyway
                    }
                }
                Exception x = refusedOrSame(e);
                if (x instanceof CopyRefused r) {
                    throw r;
                }
                throw e;
            }
            progress.rows(t.target(), sinceProgress);
            if (dedupe) {
                long dups = removeDuplicateKeys(loadedRowids);
                loaded -= dups;
                rejected += dups;
            }
            part.close();
            long millis = (System.nanoTime() - started) / 1_000_000;
            state.recordTable(pg, new RunState.TableRecord(t.target(), RunState.COMPLETE, rowsRead, loaded, rejected,
                    enc.bytesWritten(), millis));
            // rejects reach the main file before the commit: a crash in between repeats lines, never loses one
            rejects.appendAll(partFile);
            pg.commit();
            deletePart();
            return new TableResult(t.source().name(), t.target(), "loaded", rowsRead, loaded, rejected,
                    enc.bytesWritten(), millis, null);
        }

        private Exception refusedOrSame(SQLException e) {
            if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
                ServerErrorMessage s = p.getServerErrorMessage();
                String where = s.getWhere();
                String sqlState = s.getSQLState();
                // data exceptions (22xxx) and integrity violations (23xxx) on a COPY line: reject that row
                if (where != null && where.startsWith("COPY ") && sqlState != null
                        && (sqlState.startsWith("22") || sqlState.startsWith("23"))) {
                    Matcher m = COPY_LINE.matcher(where);
                    if (m.find()) {
                        return new CopyRefused(Long.parseLong(m.group(1)), oneLine(e));
                    }
                }
            }
            return e;
        }

        /** Deletes the 2nd, 3rd... row of each repeated key (load order), writing each to the rejects. */
        private long removeDuplicateKeys(LongList loadedRowids) throws SQLException {
            String key = t.keyColumns().stream().map(LoadSql::quote).collect(Collectors.joining(", "));
            Map<String, String> fill = Map.of("table", t.qualified(), "key", key);
            try (Statement st = pg.createStatement();
                 ResultSet rs = st.executeQuery(LoadSql.fill("has-duplicate-keys.sql", fill))) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
            List<String> ctids = new ArrayList<>();
            try (Statement st = pg.createStatement();
                 ResultSet rs = st.executeQuery(LoadSql.fill("duplicate-keys.sql", fill))) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    ctids.add(rs.getString(2));
                    long rowid = loadedRowids.get((int) (position - 1));
                    writeReject(new RejectsFile.Reject(t.source().name(), Map.of(), rowid, String.join(",", t.keyColumns()),
                            rs.getString(3), "duplicate primary key: an earlier row (lower rowid) has the same key "
                            + "and was kept"));
                }
            }
            try (PreparedStatement ps = pg.prepareStatement(LoadSql.fill("delete-by-ctid.sql", fill))) {
                ps.setArray(1, pg.createArrayOf("text", ctids.toArray()));
                ps.executeUpdate();
            }
            return ctids.size();
        }

        private void writeReject(RejectsFile.Reject r) {
            if (speculative) {
                throw new Replan();
            }
            part.write(r);
        }

        private RejectsFile.Reject reject(SourceRows rows, List<Column> cols, String column, SqliteValue value,
                                          String reason) {
            Map<String, Object> key = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).inPrimaryKey()) {
                    SqliteValue v = rows.value(i);
                    key.put(cols.get(i).name(), v.storageClass() == pgferry.source.sqlite.StorageClass.INTEGER
                            ? (Object) v.integer() : v.isNull() ? null : v.display());
                }
            }
            return new RejectsFile.Reject(t.source().name(), key, rows.hasRowid() ? rows.rowid() : null, column,
                    value == null ? null : value.display(), reason);
        }

        void discard() {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the rollback below ends it anyway
                }
            }
            try {
                pg.rollback();
            } catch (SQLException ignored) {
                // connection lost: PostgreSQL rolls back on its side
            }
            deletePart();
        }

        private void deletePart() {
            if (part != null) {
                part.close();
            }
            if (partFile != null) {
                try {
                    Files.deleteIfExists(partFile);
                } catch (java.io.IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }
}
