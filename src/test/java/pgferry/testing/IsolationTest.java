package pgferry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each test gets its own database: what one test writes, the next does not see. */
@PgTest(migrations = "classpath:pgferry/testing/migrations/accounts")
class IsolationTest {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private final PgDatabase fromConstructor;

    IsolationTest(PgDatabase database) {
        this.fromConstructor = database;
    }

    static int insertAndCount(DataSource db, String name) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (name, balance) VALUES (?, 10.50)")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM account")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // Whichever of the first two runs second proves the first one's row is gone.
    @Test
    void firstWriterSeesOnlyItsRow(DataSource db) throws SQLException {
        assertThat(insertAndCount(db, "alice")).isEqualTo(1);
    }

    @Test
    void secondWriterSeesOnlyItsRow(DataSource db) throws SQLException {
        assertThat(insertAndCount(db, "alice")).isEqualTo(1);
    }

    @Test
    void constructorAndMethodShareTheTestsOwnDatabase(PgDatabase database, Connection connection) throws SQLException {
        assertThat(database).isSameAs(fromConstructor);
        assertThat(database.name()).startsWith("pgferry_test_");
        assertThat(SEEN.add(database.name())).as("a database never handed to an earlier test").isTrue();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(database.name());
        }
        assertThat(database.jdbcUrl()).contains(database.name()).doesNotContain("password");
    }

    @Test
    void migrationsRanIntoTheClone(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void resetEmptiesEveryTableAndRestartsIdentities(PgDatabase database) throws SQLException {
        for (int i = 0; i < 3; i++) {
            insertAndCount(database.dataSource(), "acct" + i);
            try (Connection c = database.connection(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO trade (account_id, symbol, quantity, price) SELECT id, 'BTC', 1, 2 FROM account");
            }
            database.reset();
            try (Connection c = database.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM trade),"
                         + " (SELECT count(*) FROM flyway_schema_history)")) {
                rs.next();
                assertThat(rs.getInt(1)).as("rows left after reset").isZero();
                assertThat(rs.getInt(2)).as("Flyway's history is kept").isEqualTo(2);
            }
            try (Connection c = database.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("INSERT INTO account (name) VALUES ('x') RETURNING id")) {
                rs.next();
                assertThat(rs.getLong(1)).as("identity restarted").isEqualTo(1);
            }
            database.reset();
        }
    }

    @Test
    @PgTest
    void aMethodAnnotationOverridesTheClass(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no migrations: an empty database").isZero();
        }
    }

    @AfterAll
    static void everyTestsDatabaseIsDropped() throws SQLException {
        TestDatabases databases = TestDatabases.shared();
        try (Connection c = databases.server().connect(databases.server().url().database(), null);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", SEEN.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("databases of finished tests still present").isZero();
            }
        }
    }
}
