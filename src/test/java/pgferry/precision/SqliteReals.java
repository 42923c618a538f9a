package pgferry.precision;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import pgferry.catalog.Table;
import pgferry.source.sqlite.RowReader;
import pgferry.source.sqlite.SqliteSource;
import pgferry.source.sqlite.SqliteValue;

/**
 * A real SQLite file with one REAL column, written the way an application writes it (sqlite-jdbc
 * {@code setDouble}) and read back the way pgferry reads a source ({@link SqliteSource} and its
 * {@link RowReader}: storage class and raw value), so the values a property converts are what a migration
 * would see.
 */
final class SqliteReals implements AutoCloseable {

    private final Connection writer;
    private final SqliteSource source;
    private final Table table;

    SqliteReals(Path dir) throws SQLException {
        Path file = dir.resolve("reals.db");
        writer = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA synchronous = OFF");
            st.execute("CREATE TABLE reals (idx INTEGER PRIMARY KEY, value REAL)");
        }
        writer.setAutoCommit(false);
        writer.commit();
        source = SqliteSource.open(file);
        table = source.catalog().table("reals").orElseThrow();
    }

    /** Replaces the table's rows by {@code values} (committed) and reads them back through pgferry's reader. */
    List<SqliteValue> roundTrip(List<Double> values) throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.executeUpdate("DELETE FROM reals");
        }
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO reals (idx, value) VALUES (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setInt(1, i);
                ps.setDouble(2, values.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        writer.commit();
        List<SqliteValue> read = new ArrayList<>();
        try (RowReader rows = source.rows(table)) {
            while (rows.next()) {
                read.add(rows.value(1));
            }
        }
        if (read.size() != values.size()) {
            throw new AssertionError("SQLite gave back " + read.size() + " rows of " + values.size());
        }
        return read;
    }

    SqliteValue roundTrip(double value) throws SQLException {
        return roundTrip(List.of(value)).get(0);
    }

    @Override
    public void close() throws SQLException {
        source.close();
        writer.close();
    }
}
