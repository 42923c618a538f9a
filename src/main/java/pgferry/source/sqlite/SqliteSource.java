package pgferry.source.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;
import pgferry.UserError;
import pgferry.catalog.Catalog;
import pgferry.catalog.Column;
import pgferry.catalog.Table;

/**
 * A SQLite database file opened read-only: its catalog and streaming readers over its tables.
 * Nothing is ever written to the file (no journal, no WAL checkpoint: the connection is opened with
 * SQLITE_OPEN_READONLY). Problems with the file itself (missing, not SQLite, truncated, corrupt) are
 * {@link UserError}s of one line naming the file.
 *
 * <p>One source holds one JDBC connection and is not thread-safe; open one source per worker thread
 * to read tables in parallel (SQLite allows any number of readers).
 *
 * <pre>{@code
 * try (SqliteSource source = SqliteSource.open(Path.of("trades.db"))) {
 *     Catalog catalog = source.catalog();
 *     try (RowReader rows = source.rows(catalog.table("trades").orElseThrow())) {
 *         while (rows.next()) { SqliteValue price = rows.value(2); ... }
 *     }
 * }
 * }</pre>
 */
public final class SqliteSource implements AutoCloseable, pgferry.source.RowSource {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path path;
    private final Connection connection;
    private Catalog catalog;

    private SqliteSource(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /**
     * Opens {@code file} read-only after checking that it exists and is a complete SQLite database.
     *
     * @throws UserError when the file is missing, unreadable, empty, not SQLite, truncated or corrupt
     */
    public static SqliteSource open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        checkFile(path);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(5000);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + path);
        } catch (SQLException e) {
            throw fileError(path, e);
        }
        SqliteSource source = new SqliteSource(path, connection);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rs.next();
        } catch (SQLException e) {
            source.close();
            throw fileError(path, e);
        }
        return source;
    }

    /** Checks the file before SQLite sees it, for clear messages: existence, header, length. */
    private static void checkFile(Path path) {
        if (!Files.exists(path)) {
            throw new UserError("SQLite file " + path + " does not exist: check the SOURCE path");
        }
        if (Files.isDirectory(path)) {
            throw new UserError(path + " is a directory, not a SQLite file: give the path of the database file");
        }
        if (!Files.isReadable(path)) {
            throw new UserError("SQLite file " + path + " is not readable: check its permissions");
        }
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new UserError("cannot read SQLite file " + path + ": " + e.getMessage());
        }
        if (size == 0) {
            throw new UserError("file " + path + " is empty (0 bytes), not a SQLite database: check the SOURCE path");
        }
        if (read < MAGIC.length || !java.util.Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new UserError("file " + path + " is not a database (no SQLite header): give a SQLite database file");
        }
        if (read < 100) {
            throw new UserError("SQLite file " + path + " is truncated (" + size
                    + " bytes, shorter than its 100-byte header): restore it from a backup");
        }
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long pageCount = readInt(header, 28);
        long changeCounter = readInt(header, 24);
        long validFor = readInt(header, 92);
        if (pageCount > 0 && changeCounter == validFor && pageSize >= 512
                && size < pageCount * pageSize) {
            throw new UserError("SQLite file " + path + " is truncated: its header says " + pageCount + " pages of "
                    + pageSize + " bytes (" + pageCount * pageSize + " bytes) but the file has " + size
                    + " bytes; restore it from a backup or salvage it with: sqlite3 " + path + " .recover");
        }
    }

    private static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** A one-line user error for a failure that comes from the file, else an IllegalStateException. */
    static RuntimeException fileError(Path path, SQLException e) {
        String code = e instanceof SQLiteException se ? se.getResultCode().name() : "";
        String detail = sqliteMessage(e);
        if (code.startsWith("SQLITE_NOTADB")) {
            return new UserError("file " + path + " is not a database (" + detail + "): give a SQLite database file", e);
        }
        if (code.startsWith("SQLITE_CORRUPT")) {
            return new UserError("SQLite file " + path + " is corrupt (" + detail
                    + "): restore it from a backup or salvage it with: sqlite3 " + path + " .recover", e);
        }
        if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_PERM")
                || code.startsWith("SQLITE_AUTH")) {
            return new UserError("cannot read SQLite file " + path + " (" + detail
                    + "): check the path and its permissions (and that a -wal file, if any, sits beside it)", e);
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return new UserError("SQLite file " + path + " is locked by another process (" + detail
                    + "): stop the application writing to it, then retry", e);
        }
        return new IllegalStateException("SQLite error on " + path + ": " + e.getMessage(), e);
    }

    private static String sqliteMessage(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        // sqlite-jdbc: "[SQLITE_NOTADB] File opened that is not a database file (file is not a database)"
        int open = m.lastIndexOf('(');
        int close = m.lastIndexOf(')');
        if (open >= 0 && close > open) {
            return m.substring(open + 1, close);
        }
        return m.replaceAll("\\s+", " ");
    }

    /** The absolute path of the database file. */
    public Path path() {
        return path;
    }

    /** The catalog (discovered once, then cached). */
    public Catalog catalog() {
        if (catalog == null) {
            try {
                catalog = new CatalogReader(connection).read();
            } catch (SQLException e) {
                throw fileError(path, e);
            }
        }
        return catalog;
    }

    /** Number of rows in the table now. */
    @Override
    public long rowCount(Table table) {
        String sql = SqlResource.fill("count-rows.sql", Map.of("table", SqlResource.quote(table.name())));
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fileError(path, e);
        }
    }

    /**
     * The highest value SQLite's AUTOINCREMENT ever handed out for the table (from sqlite_sequence),
     * which may exceed the current maximum when rows were deleted; empty when none is recorded.
     */
    public OptionalLong autoincrementSequence(Table table) {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.load("has-sequence-table.sql"))) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw fileError(path, e);
        }
        try (PreparedStatement ps = connection.prepareStatement(SqlResource.load("sequence.sql"))) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw fileError(path, e);
        }
    }

    /**
     * Runs SQLite's {@code PRAGMA quick_check} (reads every page; O(file size)).
     *
     * @return the problems found, empty when the file is sound
     */
    public List<String> quickCheck() {
        List<String> problems = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqlResource.load("quick-check.sql"))) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && se.getResultCode().name().startsWith("SQLITE_CORRUPT")) {
                problems.add(sqliteMessage(e));
                return problems;
            }
            throw fileError(path, e);
        }
        return problems;
    }

    /** Streams all columns of the table (see {@link RowReader}). */
    public RowReader rows(Table table) {
        return rows(table, table.columns());
    }

    /**
     * Streams the given columns of the table in rowid order (rowid tables) or primary-key order
     * (WITHOUT ROWID tables), in constant memory. Close the reader when done.
     */
    @Override
    public RowReader rows(Table table, List<Column> columns) {
        return RowReader.open(this, connection, table, columns);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only connection: nothing to lose
        }
    }
}
