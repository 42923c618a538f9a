package pgferry.source.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import pgferry.catalog.Column;
import pgferry.catalog.Table;

/**
 * A forward-only cursor over one table's rows, in rowid order (or primary-key order for a WITHOUT
 * ROWID table), in constant memory: SQLite steps the statement one row at a time. Each value comes
 * with its storage class (sqlite3_column_type, what {@code typeof()} reports), so text in a REAL
 * column and blobs are visible; TEXT that is not valid UTF-8 keeps its raw bytes. Use like a JDBC
 * ResultSet:
 *
 * <pre>{@code
 * try (RowReader rows = source.rows(table)) {
 *     while (rows.next()) {
 *         long rowid = rows.rowid();
 *         SqliteValue v = rows.value(0);
 *     }
 * }
 * }</pre>
 * Not thread-safe. A corrupt page met while reading is a {@link pgferry.UserError}.
 */
public final class RowReader implements AutoCloseable, pgferry.source.SourceRows {

    private final SqliteSource source;
    private final Table table;
    private final List<Column> columns;
    private final Statement statement;
    private final ResultSet resultSet;
    private final boolean hasRowid;
    private long rowsRead;

    private RowReader(SqliteSource source, Table table, List<Column> columns, Statement statement,
                      ResultSet resultSet, boolean hasRowid) {
        this.source = source;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.statement = statement;
        this.resultSet = resultSet;
        this.hasRowid = hasRowid;
    }

    static RowReader open(SqliteSource source, Connection connection, Table table, List<Column> columns) {
        String rowid = rowidName(table);
        String order;
        if (rowid != null) {
            order = rowid;
        } else if (table.primaryKey() != null) {
            order = table.primaryKey().columns().stream().map(SqlResource::quote).collect(Collectors.joining(", "));
        } else {
            order = "1";
        }
        String cols = columns.isEmpty() ? "NULL" : columns.stream()
                .map(c -> SqlResource.quote(c.name())).collect(Collectors.joining(", "));
        String sql = SqlResource.fill("read-rows.sql", Map.of(
                "rowid", rowid == null ? "NULL" : rowid,
                "columns", cols,
                "table", SqlResource.quote(table.name()),
                "order", order));
        Statement st = null;
        try {
            st = connection.createStatement();
            ResultSet rs = st.executeQuery(sql);
            return new RowReader(source, table, columns, st, rs, rowid != null);
        } catch (SQLException e) {
            closeQuietly(st);
            throw SqliteSource.fileError(source.path(), e);
        }
    }

    /** The name that reaches the rowid (rowid, _rowid_ or oid, whichever no column shadows), or null. */
    private static String rowidName(Table table) {
        if (table.withoutRowid()) {
            return null;
        }
        for (String candidate : List.of("rowid", "_rowid_", "oid")) {
            if (table.column(candidate).isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    public Table table() {
        return table;
    }

    /** The columns read, in the order of {@link #value(int)}. */
    public List<Column> columns() {
        return columns;
    }

    /** Advances to the next row; false at the end. */
    public boolean next() {
        try {
            boolean more = resultSet.next();
            if (more) {
                rowsRead++;
            }
            return more;
        } catch (SQLException e) {
            throw SqliteSource.fileError(source.path(), e);
        }
    }

    /** Rows returned so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /** True when {@link #rowid()} is meaningful (false for WITHOUT ROWID tables). */
    public boolean hasRowid() {
        return hasRowid;
    }

    /** The current row's rowid (0 when the table has none). */
    public long rowid() {
        try {
            return hasRowid ? resultSet.getLong(1) : 0;
        } catch (SQLException e) {
            throw SqliteSource.fileError(source.path(), e);
        }
    }

    /** The current row's value of column {@code i} (0-based, in {@link #columns()} order). */
    public SqliteValue value(int i) {
        int at = 2 + i;
        try {
            // sqlite-jdbc's getObject dispatches on the value's storage class (sqlite3_column_type)
            Object o = resultSet.getObject(at);
            if (o == null) {
                return SqliteValue.NULL;
            }
            if (o instanceof String s) {
                // the driver decodes UTF-8 with replacement: only a U+FFFD needs a look at the raw bytes
                if (s.indexOf('\uFFFD') >= 0) {
                    SqliteValue raw = SqliteValue.ofTextBytes(bytes(at));
                    String strict = raw.textOrNull();
                    return strict == null ? raw : SqliteValue.ofText(strict);
                }
                return SqliteValue.ofText(s);
            }
            if (o instanceof Long || o instanceof Integer) {
                return SqliteValue.ofInteger(((Number) o).longValue());
            }
            if (o instanceof Double d) {
                return SqliteValue.ofReal(d);
            }
            if (o instanceof byte[] b) {
                return SqliteValue.ofBlob(b);
            }
            throw new IllegalStateException("unexpected value class " + o.getClass() + " from sqlite-jdbc");
        } catch (SQLException e) {
            throw SqliteSource.fileError(source.path(), e);
        }
    }

    private byte[] bytes(int at) throws SQLException {
        byte[] b = resultSet.getBytes(at);
        return b == null ? new byte[0] : b;
    }

    @Override
    public void close() {
        try {
            resultSet.close();
        } catch (SQLException e) {
            // nothing to do for a read-only cursor
        }
        closeQuietly(statement);
    }

    private static void closeQuietly(Statement st) {
        if (st != null) {
            try {
                st.close();
            } catch (SQLException e) {
                // read-only: nothing to lose
            }
        }
    }
}
