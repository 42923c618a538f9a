package pgferry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates: migrated once per migration set, again when a file changes; databases cleaned up. */
class TemplateTest {

    @TempDir
    Path dir;

    private final TestDatabases databases = TestDatabases.shared();
    private final List<String> templatesMade = new ArrayList<>();

    @AfterEach
    void dropTheTemplatesThisTestMade() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            for (String t : templatesMade) {
                st.execute("DROP DATABASE IF EXISTS \"" + t + "\"");
            }
        }
    }

    private Connection admin() throws SQLException {
        return databases.server().connect(databases.server().url().database(), null);
    }

    private boolean exists(String database) throws SQLException {
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private MigrationSet fresh(String sql) throws Exception {
        Files.writeString(dir.resolve("V1__first.sql"), sql);
        MigrationSet set = MigrationSet.of("filesystem:" + dir);
        templatesMade.add(set.templateName());
        return set;
    }

    private static List<String> tables(PgDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void templateIsBuiltOncePerMigrationSetAndAgainWhenAFileChanges() throws Exception {
        MigrationSet v1 = fresh("CREATE TABLE a (id int);");
        int before = databases.templateBuilds();
        try (PgDatabase first = databases.create(v1); PgDatabase second = databases.create(v1)) {
            assertThat(databases.templateBuilds() - before).as("migrated once for two databases").isEqualTo(1);
            assertThat(first.name()).isNotEqualTo(second.name());
            assertThat(tables(first)).containsExactly("a", "flyway_schema_history");
            assertThat(MigrationSet.of("filesystem:" + dir)).isEqualTo(v1);
        }

        MigrationSet v2 = fresh("CREATE TABLE a (id int);\nCREATE TABLE b (id int);");
        assertThat(v2.templateName()).as("a changed file names a new template").isNotEqualTo(v1.templateName());
        try (PgDatabase third = databases.create(v2)) {
            assertThat(databases.templateBuilds() - before).isEqualTo(2);
            assertThat(tables(third)).containsExactly("a", "b", "flyway_schema_history");
        }
        assertThat(exists(v1.templateName())).as("the older template of the same location is removed").isFalse();
        assertThat(exists(v2.templateName())).isTrue();

        Files.writeString(dir.resolve("V2__second.sql"), "CREATE TABLE c (id int);");
        MigrationSet v3 = MigrationSet.of("filesystem:" + dir);
        templatesMade.add(v3.templateName());
        assertThat(v3.templateName()).as("an added file names a new template").isNotIn(v1.templateName(), v2.templateName());
        assertThat(v3.fileCount()).isEqualTo(2);
    }

    @Test
    void aTemplateOfAnotherJvmIsReusedNotRebuilt() throws Exception {
        MigrationSet set = fresh("CREATE TABLE shared_work (id int);");
        // a second TestDatabases on the same server stands in for another JVM: no shared in-memory state
        TestDatabases other = TestDatabases.on(new PgServer(databases.server().provider(), databases.server().url(),
                databases.server().description() + " (second instance)"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> mine = () -> {
                try (PgDatabase db = databases.create(set)) {
                    return tables(db).toString();
                }
            };
            Callable<String> theirs = () -> {
                try (PgDatabase db = other.create(set)) {
                    return tables(db).toString();
                }
            };
            int builtBefore = databases.templateBuilds() + other.templateBuilds();
            Future<String> a = pool.submit(mine);
            Future<String> b = pool.submit(theirs);
            assertThat(a.get()).isEqualTo("[flyway_schema_history, shared_work]");
            assertThat(b.get()).isEqualTo("[flyway_schema_history, shared_work]");
            assertThat(databases.templateBuilds() + other.templateBuilds() - builtBefore)
                    .as("built once although two instances asked at once (advisory lock)").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void closingDropsTheDatabaseEvenWithSessionsOpen() throws Exception {
        PgDatabase db = databases.create("classpath:pgferry/testing/migrations/accounts");
        Connection left = db.connection();
        assertThat(exists(db.name())).isTrue();
        db.close();
        assertThat(exists(db.name())).isFalse();
        assertThat(left.isValid(2)).as("the session left open was ended").isFalse();
        left.close();
    }

    @Test
    void databasesOfAKilledJvmAreRemovedAndThoseOfLiveOnesKept() throws Exception {
        String abandoned = "pgferry_test_zzdead0000_1";
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + abandoned);
        }
        try (PgDatabase mine = databases.create()) {
            // a new instance sweeps on start, like the next JVM would
            TestDatabases.on(new PgServer(databases.server().provider(), databases.server().url(),
                    databases.server().description() + " (sweeper)"));
            assertThat(exists(abandoned)).as("no live owner session: dropped").isFalse();
            assertThat(exists(mine.name())).as("owner session alive: kept").isTrue();
        } finally {
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + abandoned);
            }
        }
    }

    @Test
    void aFailingMigrationSaysWhichAndLeavesNoTemplate() throws Exception {
        MigrationSet broken = fresh("CREATE TABLE ok (id int);\nCREATE TABLE broken (id nosuchtype);");
        assertThatThrownBy(() -> databases.create(broken))
                .hasMessageContaining("migrations at filesystem:" + dir)
                .hasMessageContaining("failed");
        assertThat(exists(broken.templateName())).isFalse();
    }

    @Test
    void aLocationWithoutFilesIsOneClearLine() {
        assertThatThrownBy(() -> MigrationSet.of("classpath:pgferry/testing/no/such/dir"))
                .isInstanceOf(pgferry.UserError.class)
                .hasMessage("classpath:pgferry/testing/no/such/dir: no migration files found there; check the location"
                        + " in @PgTest(migrations = ...) (classpath:dir or filesystem:/abs/dir)");
    }

    @Test
    void namesOnTheServerCarryOnlyThePrefixes() throws Exception {
        MigrationSet set = MigrationSet.of("classpath:pgferry/testing/migrations/accounts");
        assertThat(set.templateName()).matches("pgferry_tpl_[0-9a-f]{16}");
        try (PgDatabase db = databases.create(set)) {
            assertThat(db.name()).matches("pgferry_test_[0-9a-z]+_[0-9]+");
        }
    }
}
