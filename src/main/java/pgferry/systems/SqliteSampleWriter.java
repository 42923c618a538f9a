package pgferry.systems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import pgferry.UserError;

/**
 * Writes one sample SQLite file deterministically: the schema from a resource, rows through prepared
 * statements in one transaction, a fixed page size and no WAL, so the same rows give the same bytes.
 * The file is written beside the target under a temporary name and moved into place at the end, so
 * a failed run never leaves a half-written database behind.
 */
public final class SqliteSampleWriter implements AutoCloseable {

    /** Rows per JDBC batch. */
    private static final int BATCH = 10_000;

    private final Path target;
    private final Path temp;
    private final Connection conn;
    private final List<Rows> open = new ArrayList<>();
    private boolean finished;

    private SqliteSampleWriter(Path target, Path temp, Connection conn) {
        this.target = target;
        this.temp = temp;
        this.conn = conn;
    }

    /**
     * Creates {@code outDir/fileName} (replacing it at {@link #finish()}) with the schema in the
     * classpath resource {@code schemaResource}, and opens the one transaction rows go into.
     */
    public static SqliteSampleWriter create(Path outDir, String fileName, String schemaResource) {
        Path target = outDir.resolve(fileName);
        Path temp = outDir.resolve(fileName + ".partial");
        try {
            Files.createDirectories(outDir);
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UserError("cannot write into " + outDir + ": " + e.getMessage() + "; choose another --out folder", e);
        }
        String schema = resource(schemaResource);
        try {
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath());
            try (Statement st = conn.createStatement()) {
                // Fixed layout and no WAL: the file's bytes depend only on what is written.
                st.executeUpdate("PRAGMA page_size = 4096");
                st.executeUpdate("PRAGMA journal_mode = OFF");
                st.executeUpdate("PRAGMA synchronous = OFF");
                // A big page cache: the unique and secondary indexes take keys in random order, and a
                // small cache would write the same pages out again and again. It changes speed, not bytes.
                st.executeUpdate("PRAGMA cache_size = -262144");
                st.executeUpdate("PRAGMA foreign_keys = ON");
                // sqlite-jdbc runs a multi-statement text through sqlite3_exec
                st.executeUpdate(schema);
            }
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                // Foreign keys are checked at COMMIT, so tables may be filled in any order within it;
                // a generator bug that breaks one still fails the run.
                st.executeUpdate("PRAGMA defer_foreign_keys = ON");
            }
            return new SqliteSampleWriter(target, temp, conn);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + temp + " from " + schemaResource, e);
        }
    }

    /** The text of a classpath resource (UTF-8). */
    public static String resource(String name) {
        try (InputStream in = SqliteSampleWriter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An inserter for {@code table} with the given columns, in the order values are passed to
     * {@link Rows#add}. Make the inserters of parent tables before those of their children.
     */
    public Rows rows(String table, String... columns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columns[i]));
        }
        sql.append(") VALUES (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try {
            Rows rows = new Rows(this, table, columns.length, conn.prepareStatement(sql.toString()));
            open.add(rows);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare insert into " + table, e);
        }
    }

    /**
     * Sends every inserter's pending rows, in the order the inserters were made (make parents first).
     * A child row never reaches SQLite before its parent, so the deferred foreign-key counter stays
     * at zero; were it not, SQLite would scan the child table for every parent inserted meanwhile.
     */
    private void flushAll() throws SQLException {
        for (Rows r : open) {
            r.flush();
        }
    }

    /** Flushes every inserter, commits, closes and moves the file into place. */
    public Path finish() {
        try {
            flushAll();
            for (Rows r : open) {
                r.ps.close();
            }
            conn.commit();
            conn.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
            return target;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish " + target, e);
        } catch (IOException e) {
            throw new UserError("cannot move " + temp + " to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            conn.close();
        } catch (SQLException ignored) {
            // nothing more to do for a failed run
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the partial file is named as such
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Batched inserts into one table; values are bound as parameters ({@code null} for SQL NULL). */
    public static final class Rows {
        private final SqliteSampleWriter writer;
        private final String table;
        private final int width;
        private final PreparedStatement ps;
        private int pending;
        private long count;

        private Rows(SqliteSampleWriter writer, String table, int width, PreparedStatement ps) {
            this.writer = writer;
            this.table = table;
            this.width = width;
            this.ps = ps;
        }

        /** Adds one row: Long/Integer, Double or String values, or null. */
        public void add(Object... values) {
            if (values.length != width) {
                throw new IllegalArgumentException(table + ": " + values.length + " values for " + width + " columns");
            }
            try {
                for (int i = 0; i < width; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
                count++;
                if (++pending == BATCH) {
                    writer.flushAll();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot insert row " + count + " into " + table, e);
            }
        }

        /** Rows added so far. */
        public long count() {
            return count;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }
    }
}
