package pgferry.systems.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;
import pgferry.systems.Systems;
import pgferry.systems.atlas.repo.AtlasRepository;
import pgferry.testing.PgDatabase;
import pgferry.testing.PgTest;

/** Seed 000's "Environment-Based Selection": SQLite without DATABASE_URL, PostgreSQL with it. */
class DatabaseSelectionTest {

    @TempDir
    Path dir;

    @Test
    void withoutDatabaseUrlTheRepositoryRunsOnTheSqliteFile() {
        Path file = Systems.byName("atlas").orElseThrow().generate(300, 7, dir);
        try (Database db = AtlasRepository.database(Map.of(Database.SQLITE_PATH, file.toString()))) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(db.toString()).isEqualTo("sqlite:" + file);
            assertThat(new AtlasRepository(db).leaderboard(5)).isNotEmpty();
        }
    }

    @Test
    void aMissingSqliteFileIsOneClearLineAndNothingIsCreated() {
        Path missing = dir.resolve("data").resolve("atlas.db");
        assertThatThrownBy(() -> AtlasRepository.database(Map.of(Database.SQLITE_PATH, missing.toString())))
                .isInstanceOf(UserError.class)
                .hasMessage("SQLite database " + missing + " does not exist: set SQLITE_PATH to the app's database file,"
                        + " or set DATABASE_URL to use PostgreSQL");
        assertThat(Files.exists(missing)).isFalse();
        assertThatThrownBy(() -> AtlasRepository.database(Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("data/atlas.db does not exist");
    }

    @Test
    void aDirectoryIsNotADatabase() {
        assertThatThrownBy(() -> Database.sqlite(dir)).isInstanceOf(UserError.class).hasMessageContaining("does not exist");
    }

    @PgTest(migrations = "classpath:pgferry/systems/atlas/postgres")
    @Test
    void withDatabaseUrlTheSameRepositoryRunsOnPostgresql(PgDatabase pg) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", pg.jdbcUrl());
        if (pg.password() != null && !pg.password().isEmpty()) {
            env.put("PGPASSWORD", pg.password());
        }
        env.put(Database.SQLITE_PATH, dir.resolve("ignored.db").toString());
        try (Database db = AtlasRepository.database(env)) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
            AtlasRepository repo = new AtlasRepository(db);
            repo.ensureTables();
            assertThat(repo.leaderboard(5)).isEmpty();
            if (pg.password() != null && !pg.password().isEmpty()) {
                assertThat(db.toString()).doesNotContain(pg.password());
            }
        }
    }

    @Test
    void datetimeTextInEveryFormTheAppsWroteReadsAsTheSameInstant() {
        java.time.Instant t = java.time.Instant.parse("2025-03-04T15:16:17.123456Z");
        assertThat(Dialect.parseText("2025-03-04 15:16:17.123456", "c")).isEqualTo(t);
        assertThat(Dialect.parseText("2025-03-04T15:16:17.123456+00:00", "c")).isEqualTo(t);
        assertThat(Dialect.parseText("2025-03-04T15:16:17.123456Z", "c")).isEqualTo(t);
        assertThat(Dialect.parseText("2025-03-04T17:16:17.123456+02:00", "c")).isEqualTo(t);
        assertThat(Dialect.parseText("2025-03-04 15:16:17", "c")).isEqualTo(java.time.Instant.parse("2025-03-04T15:16:17Z"));
        assertThatThrownBy(() -> Dialect.parseText("yesterday", "trades.entry_time"))
                .hasMessage("column trades.entry_time holds 'yesterday', which is not a datetime");
    }
}
