package pgferry.precision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.testing.Engine;
import pgferry.testing.ParityResults;
import pgferry.testing.PgTest;
import pgferry.testing.ResultComparison;
import pgferry.testing.Rows;

/**
 * Property 2: {@code SELECT sum(amount)} over cent amounts is exact on a PostgreSQL NUMERIC column and drifts on
 * a SQLite REAL column; the parity helpers report the drift with a readable message. Replay: see {@link Quick}.
 */
@PgTest(migrations = "classpath:pgferry/precision/postgres")
class SumPropertiesTest {

    private static final int EXAMPLES = 200;
    private static final String SUM = "SELECT sum(amount) AS total FROM cent_amount WHERE try = ?";

    /** Cent amounts, grouped by try, in PostgreSQL NUMERIC(20,2) and in a SQLite REAL column. */
    static final class Ledgers implements AutoCloseable {
        final Connection pg;
        final Connection sqlite;
        private int tries;

        Ledgers(Connection pg, Path dir) throws SQLException {
            this.pg = pg;
            try (Statement st = pg.createStatement()) {
                st.execute("SET synchronous_commit TO off");
            }
            sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
            try (Statement st = sqlite.createStatement()) {
                st.execute("PRAGMA synchronous = OFF");
                st.execute("CREATE TABLE cent_amount (try INTEGER NOT NULL, amount REAL NOT NULL)");
                st.execute("CREATE INDEX cent_amount_try ON cent_amount (try)");
            }
            pg.setAutoCommit(false);
            sqlite.setAutoCommit(false);
        }

        /**
         * Inserts the amounts as a new try into both databases (sqlite-jdbc and PgJDBC setBigDecimal, one
         * transaction each); returns the try's number.
         */
        int add(List<BigDecimal> amounts) throws SQLException {
            int t = ++tries;
            for (Connection c : List.of(pg, sqlite)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO cent_amount (try, amount) VALUES (?, ?)")) {
                    for (BigDecimal amount : amounts) {
                        ps.setInt(1, t);
                        ps.setBigDecimal(2, amount);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            return t;
        }

        Object sum(Connection c, int t) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(SUM)) {
                ps.setInt(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            pg.setAutoCommit(true);
            sqlite.close();
        }
    }

    static BigDecimal exactSum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Test
    void theNumericSumOfCentAmountsIsTheExactSum(Connection pg, @TempDir Path dir) throws SQLException {
        try (Ledgers ledgers = new Ledgers(pg, dir)) {
            Quick.qt("NUMERIC(20,2) sum of cent amounts", EXAMPLES).forAll(Generators.centLists(60)).checkAssert(amounts -> {
                try {
                    int t = ledgers.add(amounts);
                    Object sum = ledgers.sum(pg, t);
                    assertThat(sum).isInstanceOf(BigDecimal.class);
                    assertThat((BigDecimal) sum).as("sum of %s", amounts).isEqualTo(exactSum(amounts));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void theSqliteRealSumDriftsAndParityReportsIt(Connection pg, @TempDir Path dir) throws SQLException {
        try (Ledgers ledgers = new Ledgers(pg, dir)) {
            ResultComparison rules = ResultComparison.standard();
            Quick.Falsified<List<BigDecimal>> found = Quick.expectFalsified("the SQLite REAL sum is exact",
                    Quick.qt("SQLite REAL sum of cent amounts (expected to drift)", EXAMPLES),
                    Generators.centLists(60), amounts -> {
                        try {
                            int t = ledgers.add(amounts);
                            Object sum = ledgers.sum(ledgers.sqlite, t);
                            assertThat(sum).isInstanceOf(Double.class);
                            ResultComparison.Match match = rules.compare(sum, exactSum(amounts));
                            assertThat(match.equal()).as("SQLite sum %s of %s vs exact %s (%s)", sum, amounts,
                                    exactSum(amounts).toPlainString(), match.note()).isTrue();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });

            // the shrunk counterexample, loaded afresh into both engines and compared by the parity helpers
            List<BigDecimal> amounts = found.smallest();
            int t = ledgers.add(amounts);
            double drifted = (Double) ledgers.sum(ledgers.sqlite, t);
            System.out.println("[precision] SQLite REAL sum of " + amounts.stream().map(BigDecimal::toPlainString).toList()
                    + " = " + drifted + "; exact sum " + exactSum(amounts).toPlainString()
                    + "; PostgreSQL NUMERIC sum " + ((BigDecimal) ledgers.sum(pg, t)).toPlainString());
            assertThat(new BigDecimal(drifted)).isNotEqualByComparingTo(exactSum(amounts));

            ParityResults results = ParityResults.create();
            results.on(Engine.POSTGRES).record("sum of cent amounts", pg, SUM, t);
            assertThatThrownBy(() -> results.on(Engine.SQLITE).record("sum of cent amounts", ledgers.sqlite, SUM, t))
                    .isInstanceOf(AssertionError.class)
                    .satisfies(e -> {
                        System.out.println("[precision] the parity helpers report it as:");
                        System.out.println(Quick.indent(e.getMessage()));
                    })
                    .hasMessageContaining("parity \"sum of cent amounts\": results differ at row 1 of 1, column 1 \"total\"")
                    .hasMessageContaining("postgres: " + exactSum(amounts).toPlainString() + " (BigDecimal)")
                    .hasMessageContaining("sqlite:   " + drifted + " (Double)")
                    .hasMessageContaining("rule: REAL vs NUMERIC");

            // and Parity.assertSameRows / ResultComparison say the same for the rows read directly
            Rows fromPostgres = Rows.query("postgres", pg, SUM, t);
            Rows fromSqlite = Rows.query("sqlite", ledgers.sqlite, SUM, t);
            assertThat(rules.firstDifference(fromPostgres, fromSqlite)).get().asString()
                    .contains("the shortest decimal of the double is "
                            + ResultComparison.shortestDecimal(drifted).toPlainString());
        }
    }

    /** The classic: 0.10 + 0.20 in REAL is 0.30000000000000004 in SQLite, 0.30 in NUMERIC. */
    @Test
    void tenCentsPlusTwentyCents(Connection pg, @TempDir Path dir) throws SQLException {
        try (Ledgers ledgers = new Ledgers(pg, dir)) {
            int t = ledgers.add(List.of(new BigDecimal("0.10"), new BigDecimal("0.20")));
            assertThat(ledgers.sum(ledgers.sqlite, t)).isEqualTo(0.30000000000000004);
            assertThat(ledgers.sum(pg, t)).isEqualTo(new BigDecimal("0.30"));
        }
    }
}
