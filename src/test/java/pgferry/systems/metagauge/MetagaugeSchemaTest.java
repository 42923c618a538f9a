package pgferry.systems.metagauge;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.Rejections.reject;
import static pgferry.systems.Rejections.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import pgferry.testing.PgTest;

/** The metagauge schema: findByEmail is indexed, emails are unique, statuses and amounts are checked. */
@PgTest(migrations = "classpath:pgferry/systems/metagauge/postgres")
class MetagaugeSchemaTest {

    private static final String USER = "INSERT INTO users (id, email, password_hash, tier) VALUES ('%s', '%s', '$2b$10$x', '%s')";
    private static final String U1 = "6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5e6f";
    private static final String U2 = "7a2d3b5f-9c4e-4d6f-8a21-2b3c4d5e6f70";
    private static final String C1 = "0b6e2f9a-3c1d-4e7f-a8b9-0c1d2e3f4a5b";

    @Test
    void aSecondUserWithTheSameEmailIsRefused(Connection c) throws Exception {
        run(c, USER.formatted(U1, "maria.gonzalez0@gmail.com", "free"));
        var r = reject(c, USER.formatted(U2, "maria.gonzalez0@gmail.com", "pro"));
        assertThat(r.sqlState()).isEqualTo("23505");
        assertThat(r.constraint()).isEqualTo("users_email_key");
        run(c, USER.formatted(U2, "Maria.gonzalez0@gmail.com", "pro"));   // compared as stored, like the app did
    }

    @Test
    void anUnknownTierOrAnalysisStatusIsRefused(Connection c) throws Exception {
        assertThat(reject(c, USER.formatted(U1, "a@b.io", "platinum")).constraint()).isEqualTo("users_tier_check");
        run(c, USER.formatted(U1, "a@b.io", "free"));
        String analysis = "INSERT INTO analyses (id, user_id, analysis_type, status, results, completed_at) VALUES "
                + "('%s', '" + U1 + "', 'single', '%s', '{\"target\": {}}', now())";
        run(c, analysis.formatted(C1, "completed"));
        assertThat(reject(c, analysis.formatted(U2, "done")).constraint()).isEqualTo("analyses_status_check");
        assertThat(reject(c, analysis.formatted(U2, "failed")).constraint()).isEqualTo("analyses_failed_has_error");
    }

    @Test
    void aNegativeWhaleThresholdIsRefusedAndAnEighteenDecimalOneIsKept(Connection c) throws Exception {
        run(c, USER.formatted(U1, "a@b.io", "free"));
        run(c, "INSERT INTO contracts (id, user_id, name, target_address, target_chain) VALUES ('" + C1 + "', '" + U1
                + "', 'Aave V3: Pool on ethereum', '0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2', 'ethereum')");
        String params = "INSERT INTO contract_analysis_params (contract_id, block_range, whale_threshold) VALUES ('" + C1 + "', 1000, %s)";
        var r = reject(c, params.formatted("-1"));
        assertThat(r.sqlState()).isEqualTo("23514");
        run(c, params.formatted("12345.123456789012345678"));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT whale_threshold::text FROM contract_analysis_params")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("12345.123456789012345678");
        }
        assertThat(reject(c, "INSERT INTO contract_rpc_config (contract_id, chain, url) VALUES ('" + U2 + "', 'lisk', 'https://rpc.api.lisk.com')")
                .sqlState()).as("RPC endpoint of a contract that does not exist").isEqualTo("23503");
    }

    @Test
    void findByEmailUsesTheUniqueIndex(Connection c) throws Exception {
        run(c, "INSERT INTO users (id, email, password_hash) SELECT gen_random_uuid(), 'user' || g || '@example.org', '$2b$10$x' "
                + "FROM generate_series(1, 5000) g");
        run(c, "ANALYZE users");
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT * FROM users WHERE email = ?")) {
            ps.setString(1, "user4711@example.org");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).contains("Index Scan using users_email_key on users").doesNotContain("Seq Scan");
    }
}
