package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pgferry.UserError;

/** Pools against the real PostgreSQL server on 127.0.0.1:5432 (trust auth). */
class ConnectionPoolsTest {

    private static final DatabaseUrl LOCAL = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres?application_name=pgferry-pool-test");

    private static int selectOne(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    @Test
    void defaultPoolOpensFiveConnectionsAndAnswers() throws Exception {
        try (HikariDataSource ds = ConnectionPools.create(LOCAL, Map.of())) {
            assertThat(selectOne(ds)).isEqualTo(1);
            assertThat(ds.getMaximumPoolSize()).isEqualTo(5);
            assertThat(ds.getMinimumIdle()).isEqualTo(5);
            assertThat(ds.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?ApplicationName=pgferry-pool-test");
            assertThat(ds.getPoolName()).startsWith("pgferry-");
        }
    }

    @Test
    void serverlessPoolKeepsNothingIdle() throws Exception {
        try (HikariDataSource ds = ConnectionPools.create(LOCAL, Map.of("PGFERRY_POOL", "none"))) {
            assertThat(selectOne(ds)).isEqualTo(1);
            assertThat(ds.getMaximumPoolSize()).isEqualTo(1);
            assertThat(ds.getMinimumIdle()).isZero();
        }
    }

    @Test
    void sizeFromEnvironment() throws Exception {
        try (HikariDataSource ds = ConnectionPools.create(LOCAL.withDatabase("test"), Map.of("DATABASE_POOL_SIZE", "2"))) {
            try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("test");
            }
            assertThat(ds.getMaximumPoolSize()).isEqualTo(2);
        }
    }

    @Test
    void missingDatabaseIsAOneLineError() {
        DatabaseUrl url = LOCAL.withDatabase("pgferry_no_such_db_7f3a");
        assertThatThrownBy(() -> ConnectionPools.create(url, Map.of("PGFERRY_POOL", "none")))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("cannot connect to postgresql://postgres@127.0.0.1:5432/pgferry_no_such_db_7f3a")
                        .contains("does not exist").hasLineCount(1));
    }

    @Test
    void productionRulesAllowTheLoopbackServerOnlyWithARealPassword() throws Exception {
        Map<String, String> prod = Map.of("PGFERRY_ENV", "production", "PGFERRY_POOL", "none");
        assertThatThrownBy(() -> ConnectionPools.create(LOCAL, prod)).isInstanceOf(UserError.class).hasMessageContaining("has no password");
        // trust auth ignores the password; loopback needs no TLS
        DatabaseUrl withPassword = DatabaseUrl.parse("postgresql://postgres:xK2-pool-9qL@127.0.0.1:5432/postgres");
        try (HikariDataSource ds = ConnectionPools.create(withPassword, prod)) {
            assertThat(selectOne(ds)).isEqualTo(1);
        }
    }
}
