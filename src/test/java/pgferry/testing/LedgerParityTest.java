package pgferry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * A small repository (the ledger of an application that moved from SQLite to PostgreSQL) exercised on both
 * engines: the same calls must leave the same values, read back by each engine's own types.
 */
class LedgerParityTest {

    /** The repository under test: the SQL differs only where the stored types differ. */
    static final class Ledger {
        private final Engine engine;
        private final Connection c;

        Ledger(Engine engine, Connection c) {
            this.engine = engine;
            this.c = c;
        }

        void post(String account, String amount, OffsetDateTime at, String payloadJson, boolean settled) throws SQLException {
            String sql = engine == Engine.SQLITE
                    ? "INSERT INTO entry (account, amount, at, payload, settled) VALUES (?, ?, ?, ?, ?)"
                    : "INSERT INTO entry (account, amount, at, payload, settled) VALUES (?, ?, ?, ?::jsonb, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, account);
                if (engine == Engine.SQLITE) {
                    ps.setDouble(2, Double.parseDouble(amount)); // what the old application stored: REAL
                    ps.setString(3, at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' '));
                    ps.setString(4, payloadJson);
                    ps.setInt(5, settled ? 1 : 0);
                } else {
                    ps.setBigDecimal(2, new BigDecimal(amount));
                    ps.setObject(3, at);
                    ps.setString(4, payloadJson);
                    ps.setBoolean(5, settled);
                }
                ps.executeUpdate();
            }
        }

        int settle(String account) throws SQLException {
            String sql = engine == Engine.SQLITE
                    ? "UPDATE entry SET settled = 1 WHERE account = ? AND settled = 0"
                    : "UPDATE entry SET settled = true WHERE account = ? AND NOT settled";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, account);
                return ps.executeUpdate();
            }
        }
    }

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(1));

    @ParityTest(sqliteSchema = "classpath:pgferry/testing/parity/sqlite.sql",
            migrations = "classpath:pgferry/testing/parity/postgres")
    void theLedgerKeepsTheSameValuesOnBothEngines(Engine engine, Connection c, ParityResults results) throws SQLException {
        Ledger ledger = new Ledger(engine, c);
        ledger.post("alice", "12.5", T0, "{\"side\": \"buy\", \"qty\": 1.50, \"tags\": [\"a\", \"b\"]}", false);
        ledger.post("alice", "0.1", T0.plusSeconds(1), "{\"qty\": 2, \"side\": \"sell\"}", false);
        ledger.post("bob", "-7.25", T0.plusMinutes(5), null, true);
        assertThat(ledger.settle("alice")).isEqualTo(2);

        results.record("entries", c, "SELECT id, account, amount, at, payload, settled FROM entry ORDER BY id");
        results.record("balances", c, "SELECT account, SUM(amount) AS total, COUNT(*) AS n FROM entry"
                + " WHERE account = ? GROUP BY account ORDER BY account", "bob");
    }

    @ParityTest(sqliteSchema = "classpath:pgferry/testing/parity/sqlite.sql",
            migrations = "classpath:pgferry/testing/parity/postgres")
    void bothEnginesRefuseAnUnnamedAccount(Engine engine, DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            assertThatThrownBy(() -> new Ledger(engine, c).post("", "1", T0, null, false)).isInstanceOf(SQLException.class);
        }
    }

    @ParityTest(sqliteSchema = "classpath:pgferry/testing/parity/sqlite.sql",
            migrations = "classpath:pgferry/testing/parity/postgres", engines = Engine.POSTGRES)
    void anEngineSubsetRunsOnlyThoseEngines(Engine engine, PgDatabase db) {
        assertThat(engine).isEqualTo(Engine.POSTGRES);
        assertThat(db.name()).startsWith("pgferry_test_");
    }

    /** The checker itself: a real sum that differs between the engines is caught, readably. */
    @org.junit.jupiter.api.Test
    void aDifferentResultOnTheTwoEnginesIsCaughtWithARowAndColumn() throws Exception {
        ParityResults results = ParityResults.create();
        try (ParityExtension.SqliteDatabase sqlite = new ParityExtension.SqliteDatabase(
                "classpath:pgferry/testing/parity/sqlite.sql", true);
             PgDatabase pg = TestDatabases.shared().create("classpath:pgferry/testing/parity/postgres");
             Connection s = sqlite.dataSource.getConnection(); Connection p = pg.connection()) {
            for (Engine engine : List.of(Engine.SQLITE, Engine.POSTGRES)) {
                Ledger ledger = new Ledger(engine, engine == Engine.SQLITE ? s : p);
                ledger.post("carol", "0.1", T0, null, false);
                ledger.post("carol", "0.2", T0, null, false);
            }
            String sql = "SELECT account, SUM(amount) AS total FROM entry GROUP BY account ORDER BY account";
            results.on(Engine.SQLITE).record("sum", s, sql);
            assertThatThrownBy(() -> results.on(Engine.POSTGRES).record("sum", p, sql))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("""
                            parity "sum": results differ at row 1 of 1, column 2 "total":
                              sqlite:   0.30000000000000004 (Double)
                              postgres: 0.3000 (BigDecimal)
                              rule: REAL vs NUMERIC (shortest decimal that reads back to the double) \
                            (the shortest decimal of the double is 0.30000000000000004)
                              row in sqlite: ('carol', 0.30000000000000004)
                              row in postgres: ('carol', 0.3000)""");
        }
    }
}
