package pgferry.systems.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.SystemSql.column;
import static pgferry.systems.SystemSql.exec;
import static pgferry.systems.SystemSql.explain;
import static pgferry.systems.SystemSql.refuses;
import static pgferry.systems.SystemSql.single;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pgferry.testing.PgTest;

/** Atlas's PostgreSQL features: the GIN index on payload, the Nexus partial index, the correlation matrix. */
@PgTest(migrations = "classpath:pgferry/systems/atlas/postgres")
class AtlasPostgresTest {

    private static final String RSI_QUERY = "SELECT id FROM bots WHERE payload @> '{\"conditions\": [{\"text\": \"RSI\"}]}'";
    private static final String LEADERBOARD = "SELECT id, cagr FROM bots WHERE visibility = 'nexus' ORDER BY cagr DESC LIMIT 20";

    /** Inserts {@code n} bots with generated payloads; returns how many use RSI. */
    private static int insertBots(Connection c, int n) throws Exception {
        exec(c, "INSERT INTO users (id, email) VALUES ('u1', 'u1@example.com')");
        SplittableRandom r = new SplittableRandom(5);
        int rsi = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bots (id, owner_id, name, payload, visibility, cagr, created_at)"
                + " VALUES (?, 'u1', ?, ?::jsonb, ?, ?, now())")) {
            for (int i = 0; i < n; i++) {
                String payload = AtlasSystem.payload(r, "SPY");
                if (payload.contains("\"text\":\"RSI\"")) {
                    rsi++;
                }
                ps.setString(1, "bot" + i);
                ps.setString(2, "Bot " + i);
                ps.setString(3, payload);
                ps.setString(4, i % 10 == 0 ? "nexus" : "private");
                ps.setBigDecimal(5, new java.math.BigDecimal(r.nextInt(-500, 3000)).movePointLeft(4));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        exec(c, "ANALYZE bots");
        return rsi;
    }

    @Test
    void theRsiQueryUsesTheGinIndexAndFindsEveryRsiBot(Connection c) throws Exception {
        int rsi = insertBots(c, 2000);
        assertThat(rsi).isPositive();
        exec(c, "SET enable_seqscan = off");
        assertThat(explain(c, RSI_QUERY)).contains("idx_bots_payload");
        assertThat(column(c, RSI_QUERY)).hasSize(rsi);
    }

    @Test
    void theLeaderboardUsesThePartialIndex(Connection c) throws Exception {
        insertBots(c, 2000);
        assertThat(explain(c, LEADERBOARD)).contains("idx_nexus_leaderboard");
        assertThat(column(c, LEADERBOARD.replace("SELECT id, cagr", "SELECT id"))).hasSize(20);
        assertThat(single(c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_nexus_leaderboard'"))
                .contains("WHERE (visibility = 'nexus'::text)");
    }

    @Test
    void theCorrelationMatrixRefreshesConcurrently(Connection c) throws Exception {
        exec(c, "INSERT INTO bots (id, name, visibility, created_at) VALUES"
                + " ('a', 'A', 'nexus', now()), ('b', 'B', 'nexus', now()), ('c', 'C', 'nexus', now()), ('p', 'P', 'private', now())");
        SplittableRandom r = new SplittableRandom(11);
        double a = 10_000;
        double cc = 10_000;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO equity_curves (bot_id, date, equity) VALUES (?, ?, round(?::numeric, 2))")) {
            LocalDate day = LocalDate.of(2024, 1, 2);
            for (int i = 0; i < 60; i++, day = day.plusDays(1)) {
                a *= 1 + (r.nextInt(-200, 201) / 10_000.0);
                cc *= 1 + (r.nextInt(-200, 201) / 10_000.0);
                for (String[] row : new String[][] {{"a", Double.toString(a)}, {"b", Double.toString(a * 3)}, {"c", Double.toString(cc)}, {"p", Double.toString(a)}}) {
                    ps.setString(1, row[0]);
                    ps.setObject(2, day);
                    ps.setString(3, row[1]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        assertThat(column(c, "SELECT count(*) FROM nexus_correlation_matrix")).containsExactly("0");
        exec(c, "REFRESH MATERIALIZED VIEW CONCURRENTLY nexus_correlation_matrix");
        assertThat(column(c, "SELECT bot1_id || '-' || bot2_id FROM nexus_correlation_matrix ORDER BY 1")).containsExactly("a-b", "a-c", "b-c");
        // b is a times 3, rounded to cents: the returns agree almost exactly
        assertThat(Double.parseDouble(single(c, "SELECT correlation FROM nexus_correlation_matrix WHERE bot1_id = 'a' AND bot2_id = 'b'")))
                .isGreaterThan(0.999);
        exec(c, "REFRESH MATERIALIZED VIEW CONCURRENTLY nexus_correlation_matrix");
        assertThat(column(c, "SELECT count(*) FROM nexus_correlation_matrix")).containsExactly("3");
    }

    @Test
    void constraintsRejectBadValues(Connection c) throws Exception {
        exec(c, "INSERT INTO users (id, email) VALUES ('u1', 'u1@example.com')");
        refuses(c, "INSERT INTO users (id, email) VALUES ('u2', 'u1@example.com')", "23505", "users_email_unique");
        refuses(c, "INSERT INTO bots (id, name, visibility, created_at) VALUES ('x', 'X', 'public', now())", "23514", "bots_visibility_check");
        refuses(c, "INSERT INTO bots (id, name, payload, created_at) VALUES ('x', 'X', '{not json', now())", "22P02", "json");
        refuses(c, "INSERT INTO treasury (balance) VALUES (-0.01)", "23514", "treasury_balance_check");
        refuses(c, "INSERT INTO user_balances (user_id, invested_nexus) VALUES ('u1', -5)", "23514", "user_balances_invested_nexus_check");
        refuses(c, "INSERT INTO nexus_correlations (bot1_id, bot2_id, correlation, period) VALUES ('a', 'b', 0.5, '2y')", "23514", "period_check");
        exec(c, "INSERT INTO treasury (balance) VALUES (1234567890123456.78)");
        assertThat(single(c, "SELECT balance FROM treasury")).isEqualTo("1234567890123456.78");
        exec(c, "INSERT INTO app_config (key, value) VALUES ('platformFeePercent', '0.5')");
        assertThat(single(c, "SELECT value::text FROM app_config")).isEqualTo("0.5");
    }
}
