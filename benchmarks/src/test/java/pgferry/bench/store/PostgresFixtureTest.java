package pgferry.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.bench.AnswerCheck;
import pgferry.bench.TradeBenchmarksAccess;
import pgferry.testing.PgDatabase;
import pgferry.testing.PgTest;

/** The PostgreSQL fixtures on a real server (the harness's database per test). */
@PgTest
class PostgresFixtureTest {
    private static final String LOCATION = "classpath:pgferry/systems/prescient/postgres";

    private static void useDatabase(PgDatabase db) {
        String pw = db.password() == null ? "" : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
        System.setProperty("pgferry.bench.url", "postgresql://" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + pw
                + "@" + db.server().url().host() + ":" + db.server().url().port() + "/" + db.name());
    }

    @AfterEach
    void forget() {
        System.clearProperty("pgferry.bench.url");
        System.clearProperty("pgferry.bench.data");
        System.clearProperty("pgferry.bench.work");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aFixtureIsLoadedOnceAndReloadedWhenItsKeyChanges(PgDatabase db) throws SQLException {
        useDatabase(db);
        AtomicInteger loads = new AtomicInteger();
        String schema = "pgferry_bench_fixture_test_1";
        for (int i = 0; i < 2; i++) {
            try (Connection c = Postgres.fixture(schema, "k1", LOCATION, conn -> {
                loads.incrementAndGet();
                Postgres.execute(conn, "INSERT INTO portfolio_state (balance, total_invested, total_profit_loss, trade_count,"
                        + " created_at, last_updated) VALUES (1, 0, 0, 0, now(), now())");
            })) {
                assertThat(count(c, "SELECT count(*) FROM portfolio_state")).isEqualTo(1);
            }
        }
        assertThat(loads).hasValue(1);                        // the second trial reused the loaded schema
        try (Connection c = Postgres.fixture(schema, "k2", LOCATION, conn -> loads.incrementAndGet())) {
            assertThat(count(c, "SELECT count(*) FROM portfolio_state")).isZero();   // dropped and loaded anew
        }
        assertThat(loads).hasValue(2);
    }

    @Test
    void anInterruptedLoadIsNeverReused(PgDatabase db) throws SQLException {
        useDatabase(db);
        String schema = "pgferry_bench_fixture_test_2";
        try {
            Postgres.fixture(schema, "k", LOCATION, conn -> {
                throw new IllegalStateException("load died half-way");
            });
        } catch (IllegalStateException expected) {
            // the schema exists now, but without the key in its comment
        }
        AtomicInteger loads = new AtomicInteger();
        Postgres.fixture(schema, "k", LOCATION, conn -> loads.incrementAndGet()).close();
        assertThat(loads).hasValue(1);
    }

    /** The trade benchmark's setup on PostgreSQL: every query checked against paper_trades.json; append on a private copy. */
    @Test
    void theTradeSetupPassesOnPostgresAndLeavesTheFixtureUntouched(PgDatabase db, @TempDir Path dir) throws SQLException {
        useDatabase(db);
        System.setProperty("pgferry.bench.data", dir.resolve("data").toString());
        System.setProperty("pgferry.bench.work", dir.resolve("work").toString());
        for (String op : new String[] {"all", "pointLookup", "append"}) {
            TradeBenchmarksAccess.run("postgres", 300, op);
        }
        try (Connection c = db.connection()) {
            assertThat(count(c, "SELECT count(*) FROM pgferry_bench_prescient_300.trades")).isEqualTo(300);
            assertThat(count(c, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE '%\\_append'")).isZero();
        }
    }

    /** A fixture schema whose rows no longer match the JSON file (its key still does) is refused by the next trial. */
    @Test
    void aTamperedPostgresFixtureIsRefused(PgDatabase db, @TempDir Path dir) throws SQLException {
        useDatabase(db);
        System.setProperty("pgferry.bench.data", dir.resolve("data").toString());
        System.setProperty("pgferry.bench.work", dir.resolve("work").toString());
        TradeBenchmarksAccess.run("postgres", 300, "aggregate");
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE pgferry_bench_prescient_300.trades SET amount = amount + 0.01");
        }
        assertThatThrownBy(() -> TradeBenchmarksAccess.run("postgres", 300, "aggregate"))
                .isInstanceOf(AnswerCheck.Mismatch.class)
                .hasMessageContaining("refusing to benchmark: postgres answers aggregate (P&L per market) differently");
    }
}
