package pgferry.precision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.testing.PgTest;

/**
 * Property 1: a decimal within NUMERIC(p,s) comes back from PostgreSQL exactly as sent (same value, same
 * scale), for the money scales 2, 6, 8 and 18-decimal amounts; PostgreSQL {@code real} and
 * {@code double precision} and SQLite REAL do not keep them, and the tests find and print values they change
 * (and fail if they find none). Values go through PgJDBC's {@code setBigDecimal}/{@code getBigDecimal} and
 * sqlite-jdbc's, as an application's would. Replay: see {@link Quick}.
 */
@PgTest(migrations = "classpath:pgferry/precision/postgres")
class RoundTripPropertiesTest {

    private static final int EXAMPLES = 300;

    /** A column of the {@code roundtrip} table: the NUMERIC(p,s) money columns and the two float columns. */
    enum Column {
        NUMERIC_20_2("numeric_20_2", 20, 2), NUMERIC_20_6("numeric_20_6", 20, 6), NUMERIC_24_8("numeric_24_8", 24, 8),
        NUMERIC_38_18("numeric_38_18", 38, 18), REAL("float4_value", 0, 0), DOUBLE_PRECISION("float8_value", 0, 0);

        final String name;
        final int precision;
        final int scale;

        Column(String name, int precision, int scale) {
            this.name = name;
            this.precision = precision;
            this.scale = scale;
        }
    }

    /** Writes a value into one column of PostgreSQL's {@code roundtrip} table and reads it back. */
    static final class PgRoundTrip {
        private final Connection c;

        PgRoundTrip(Connection c) throws SQLException {
            this.c = c;
            try (Statement st = c.createStatement()) {
                st.execute("SET synchronous_commit TO off");
            }
        }

        BigDecimal send(Column column, BigDecimal value) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO roundtrip (\"" + column.name + "\") VALUES (?) RETURNING id");
                 PreparedStatement select = c.prepareStatement(
                         "SELECT \"" + column.name + "\" FROM roundtrip WHERE id = ?")) {
                insert.setBigDecimal(1, value);
                long id;
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL " + column.name + " <- " + value.toPlainString() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The same through a column of a SQLite file with sqlite-jdbc: declared REAL, or NUMERIC(38,18) (SQLite gives
     * such a column NUMERIC affinity: it still stores an INTEGER or a double, never an exact decimal).
     */
    static final class SqliteRoundTrip implements AutoCloseable {
        private final Connection c;
        private final String declared;

        SqliteRoundTrip(Path file, String declared) throws SQLException {
            this.declared = declared;
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = OFF");
                st.execute("CREATE TABLE amount (id INTEGER PRIMARY KEY, value " + declared + ")");
            }
        }

        BigDecimal send(BigDecimal value) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO amount (value) VALUES (?)");
                 PreparedStatement select = c.prepareStatement("SELECT value FROM amount WHERE id = last_insert_rowid()")) {
                insert.setBigDecimal(1, value);
                insert.executeUpdate();
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("SQLite " + declared + " <- " + value.toPlainString() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    @Test
    void everyDecimalWithinNumericComesBackUnchangedWithItsScale(Connection pg) throws SQLException {
        PgRoundTrip db = new PgRoundTrip(pg);
        for (Column column : List.of(Column.NUMERIC_20_2, Column.NUMERIC_20_6, Column.NUMERIC_24_8, Column.NUMERIC_38_18)) {
            String type = "NUMERIC(" + column.precision + "," + column.scale + ")";
            Quick.qt(type + " round trip", EXAMPLES)
                    .forAll(Generators.within(column.precision, column.scale))
                    .checkAssert(sent -> {
                        BigDecimal back = db.send(column, sent);
                        assertThat(back).as("%s <- %s", type, sent.toPlainString()).isEqualByComparingTo(sent);
                        assertThat(back.scale()).as("scale of %s read back from %s", back.toPlainString(), type)
                                .isEqualTo(sent.scale());
                    });
        }
    }

    @Test
    void postgresRealChangesAmounts(Connection pg) throws SQLException {
        PgRoundTrip db = new PgRoundTrip(pg);
        demonstrateChange("PostgreSQL real", v -> db.send(Column.REAL, v));
    }

    @Test
    void postgresDoublePrecisionChangesAmounts(Connection pg) throws SQLException {
        PgRoundTrip db = new PgRoundTrip(pg);
        demonstrateChange("PostgreSQL double precision", v -> db.send(Column.DOUBLE_PRECISION, v));
    }

    @Test
    void sqliteRealChangesAmounts(@TempDir Path dir) throws SQLException {
        try (SqliteRoundTrip db = new SqliteRoundTrip(dir.resolve("real.db"), "REAL")) {
            demonstrateChange("SQLite REAL", db::send);
        }
    }

    @Test
    void sqliteNumericDeclaredColumnChangesAmountsToo(@TempDir Path dir) throws SQLException {
        try (SqliteRoundTrip db = new SqliteRoundTrip(dir.resolve("numeric.db"), "NUMERIC(38,18)")) {
            demonstrateChange("SQLite NUMERIC(38,18)", db::send);
        }
    }

    /** The classic cases, stated once: what each float column gives back for a few amounts. */
    @Test
    void knownCasesOfEachFloatColumn(Connection pg, @TempDir Path dir) throws SQLException {
        PgRoundTrip db = new PgRoundTrip(pg);
        // real keeps 24 bits: 0.1 reads back as 0.1 (the float's shortest form), 16777217 = 2^24 + 1 does not
        // exist, and 1234567.89 is stored as 1234567.875, whose shortest float form is 1234567.9
        assertThat(db.send(Column.REAL, new BigDecimal("0.1"))).isEqualByComparingTo("0.1");
        assertThat(db.send(Column.REAL, new BigDecimal("16777217"))).isEqualByComparingTo("16777216");
        assertThat(db.send(Column.REAL, new BigDecimal("1234567.89"))).isEqualByComparingTo("1234567.9");
        // double precision keeps 53 bits: 2^53 + 1 does not exist, nor an 18-decimal amount
        assertThat(db.send(Column.DOUBLE_PRECISION, new BigDecimal("9007199254740993"))).isEqualByComparingTo("9007199254740992");
        assertThat(db.send(Column.DOUBLE_PRECISION, new BigDecimal("1.000000000000000001"))).isEqualByComparingTo("1");
        // NUMERIC keeps both, and the scale
        assertThat(db.send(Column.NUMERIC_38_18, new BigDecimal("1.000000000000000001"))).isEqualTo("1.000000000000000001");
        assertThat(db.send(Column.NUMERIC_20_2, new BigDecimal("16777217.00"))).isEqualTo("16777217.00");
        try (SqliteRoundTrip sqlite = new SqliteRoundTrip(dir.resolve("real.db"), "REAL");
             SqliteRoundTrip numeric = new SqliteRoundTrip(dir.resolve("numeric.db"), "NUMERIC(38,18)")) {
            // SQLite holds the double 12345678901234568, and sqlite-jdbc reads it as its 15-digit text
            assertThat(sqlite.send(new BigDecimal("12345678901234567.89"))).isEqualByComparingTo("12345678901234600");
            assertThat(sqlite.send(new BigDecimal("0.1"))).isEqualByComparingTo("0.1");
            // a NUMERIC(38,18) column in SQLite: the 18th decimal is gone, the value became the INTEGER 1
            assertThat(numeric.send(new BigDecimal("1.000000000000000001"))).isEqualTo("1");
            assertThat(numeric.send(new BigDecimal("12345678901234567.89"))).isEqualTo("12345678901234568");
        }
    }

    interface RoundTrip {
        BigDecimal send(BigDecimal value);
    }

    /**
     * Runs "every amount comes back unchanged" on a float column, expecting QuickTheories to falsify it; prints
     * the first few changed values and the shrunk counterexample.
     */
    private static void demonstrateChange(String column, RoundTrip roundTrip) {
        List<String> changed = new ArrayList<>();
        int[] tried = {0};
        Quick.Falsified<BigDecimal> found = Quick.expectFalsified(column + " keeps every amount",
                Quick.qt(column + " round trip (expected to change some amounts)", EXAMPLES),
                Generators.moneyOfAnyScale(), sent -> {
                    tried[0]++;
                    BigDecimal back = roundTrip.send(sent);
                    if (back.compareTo(sent) != 0 && changed.size() < 5) {
                        changed.add("sent " + sent.toPlainString() + ", read back " + back.toPlainString());
                    }
                    assertThat(back).as("%s <- %s", column, sent.toPlainString()).isEqualByComparingTo(sent);
                });
        BigDecimal smallest = found.smallest();
        BigDecimal back = roundTrip.send(smallest);
        System.out.println("[precision] " + column + " changed " + changed.size() + "+ of " + tried[0]
                + " amounts tried, e.g.:");
        changed.forEach(line -> System.out.println("    " + line));
        System.out.println("    shrunk counterexample: sent " + smallest.toPlainString() + ", read back " + back.toPlainString());
        assertThat(changed).as("values %s changed", column).isNotEmpty();
        assertThat(back).as("the shrunk counterexample changes in %s", column).isNotEqualByComparingTo(smallest);
    }
}
