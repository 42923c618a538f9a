package pgferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.execute;
import static pgferry.MigrationFixture.lines;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.query;
import static pgferry.MigrationFixture.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/**
 * {@code migrate --data-only} converts each value for the type its existing target column has: epoch
 * integers (as drizzle stores them) into timestamptz, REAL into numeric(p,s) — a value with more
 * decimals than the column is rejected with a reason instead of being rounded by PostgreSQL.
 */
class DataOnlyTargetTypesTest {

    @TempDir Path dir;

    @Test
    void epochIntegersAndRealsFollowTheFlywayTypes() throws Exception {
        Path file = sqlite(dir, "drizzle.db",
                "CREATE TABLE bots (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, updated_ms INTEGER, cagr REAL, payload TEXT)",
                "INSERT INTO bots VALUES ('a', 1672432775, 1685264916078, 0.1234, '{\"conditions\":[{\"text\":\"RSI\"}]}')",
                "INSERT INTO bots VALUES ('b', 1672432800, 1685264916999, 12.5, '{\"conditions\":[]}')",
                "INSERT INTO bots VALUES ('c', 1672432900, NULL, 0.12345, '{}')");
        Path rejects = dir.resolve("r.jsonl");
        try (PgDatabase db = TestDatabases.shared().create()) {
            execute(db, "CREATE TABLE bots (id text PRIMARY KEY, created_at timestamptz NOT NULL, updated_ms timestamptz,"
                    + " cagr numeric(9,4), payload jsonb)");
            Run run = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--data-only", "--rejects", rejects.toString());
            // 'c' has five decimals of cagr: rejected with a reason, never rounded to 0.1235 by the server
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(query(db, "SELECT id, created_at AT TIME ZONE 'UTC', updated_ms AT TIME ZONE 'UTC', cagr, payload->'conditions'->0->>'text'"
                    + " FROM bots ORDER BY id")).containsExactly(
                    "a|2022-12-30 20:39:35|2023-05-28 09:08:36.078|0.1234|RSI",
                    "b|2022-12-30 20:40:00|2023-05-28 09:08:36.999|12.5000|null");
            assertThat(lines(rejects)).singleElement().asString()
                    .contains("\"table\":\"bots\"", "\"column\":\"cagr\"", "0.12345", "scale 5 > 4 of numeric(9,4)");

            Run verify = pgferry("verify", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        }
    }
}
