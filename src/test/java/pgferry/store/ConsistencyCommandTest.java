package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.execute;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/** {@code pgferry consistency}: zero differences after a migration, then exactly the rows changed on either side. */
class ConsistencyCommandTest {

    private static final String MAPPING = "src/main/resources/pgferry/systems/prescient/mapping.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path migrated(PgDatabase db) {
        assertThat(pgferry("sample", "prescient", "--scale", "300", "--out", dir.resolve("s").toString()).exit()).isZero();
        Path data = dir.resolve("s/data");
        Run m = pgferry("migrate", "json:" + data, "--mapping", MAPPING, MigrationFixture.target(db), "--data-only",
                "--rejects", dir.resolve("rejects.jsonl").toString());
        assertThat(m.exit()).as(m.out() + m.err()).isZero();
        return data;
    }

    @Test
    void reportsNothingAfterAMigrationThenExactlyTheRowsChangedOnEitherSide() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create("classpath:pgferry/systems/prescient/postgres")) {
            Path data = migrated(db);
            Run clean = pgferry("consistency", "json:" + data, "--mapping", MAPPING, MigrationFixture.target(db));
            assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).contains("consistent: the JSON files and PostgreSQL hold the same rows").doesNotContain("DIFFERENT");

            // PostgreSQL side: one trade changed, one deleted, one inserted
            List<String> free = query(db, "SELECT trade_id FROM trades t WHERE NOT EXISTS (SELECT 1 FROM trading_signals s"
                    + " WHERE s.trade_id = t.trade_id) ORDER BY id LIMIT 2");
            String changed = free.get(0);
            String deleted = free.get(1);
            execute(db, "UPDATE trades SET amount = amount + 0.01 WHERE trade_id = '" + changed + "'");
            execute(db, "DELETE FROM trades WHERE trade_id = '" + deleted + "'");
            execute(db, "INSERT INTO trades (trade_id, \"timestamp\", market_id, market_question, action, amount, entry_price,"
                    + " confidence, reason, status) SELECT 'trade_only_in_pg', \"timestamp\", market_id, market_question, action,"
                    + " amount, entry_price, confidence, reason, status FROM trades ORDER BY id LIMIT 1");
            // JSON side: the last daily snapshot removed from portfolio_history.json
            Path history = data.resolve("history/portfolio_history.json");
            ArrayNode days = (ArrayNode) JSON.readTree(history.toFile());
            String lastTimestamp = days.get(days.size() - 1).get("timestamp").asText();
            days.remove(days.size() - 1);
            JSON.writeValue(history.toFile(), days);

            Path report = dir.resolve("consistency.json");
            Run r = pgferry("consistency", "json:" + data, "--mapping", MAPPING, MigrationFixture.target(db),
                    "--report", report.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("INCONSISTENT: 4 differences");
            JsonNode json = JSON.readTree(report.toFile());
            assertThat(json.get("consistent").asBoolean()).isFalse();
            assertThat(json.get("differences").asLong()).isEqualTo(4);
            List<String> seen = new ArrayList<>();
            for (JsonNode t : json.get("tables")) {
                String table = t.get("table").asText();
                for (String kind : List.of("onlyInJson", "onlyInPostgres", "differing")) {
                    for (JsonNode d : t.get(kind)) {
                        seen.add(table + " " + kind + " " + d.get("key").asText()
                                + (d.has("columns") ? " [" + d.get("columns").asText() + "]" : ""));
                    }
                }
                if (!List.of("trades", "portfolio_history").contains(table)) {
                    assertThat(t.get("consistent").asBoolean()).as(table).isTrue();
                }
            }
            assertThat(seen).containsExactlyInAnyOrder(
                    "trades onlyInJson trade_id=" + deleted,
                    "trades onlyInPostgres trade_id=trade_only_in_pg",
                    "trades differing trade_id=" + changed + " [amount]",
                    "portfolio_history onlyInPostgres timestamp=" + query(db, "SELECT \"timestamp\"::text FROM portfolio_history"
                            + " ORDER BY id DESC LIMIT 1").get(0));
            assertThat(lastTimestamp).isNotEmpty();

            // --max-diffs caps the listing and says so
            Run capped = pgferry("consistency", "json:" + data, "--mapping", MAPPING, MigrationFixture.target(db), "--max-diffs", "1");
            assertThat(capped.exit()).isEqualTo(1);
            assertThat(capped.out()).contains("more rows may differ than listed");
        }
    }

    @Test
    void aDatabaseWithoutTheTablesDiffersTableByTable() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create()) {
            assertThat(pgferry("sample", "prescient", "--scale", "50", "--out", dir.resolve("s").toString()).exit()).isZero();
            Run r = pgferry("consistency", "json:" + dir.resolve("s/data"), "--mapping", MAPPING, MigrationFixture.target(db));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("trades: target table public.trades does not exist").contains("INCONSISTENT");
        }
    }

    @Test
    void badArgumentsAreOneLineErrors() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Run sqlite = pgferry("consistency", "sqlite:" + dir.resolve("x.db"), "--mapping", MAPPING, "postgresql://postgres@127.0.0.1:1/x");
        assertThat(sqlite.exit()).isEqualTo(2);
        assertThat(sqlite.err()).contains("give json:DIR --mapping FILE");
        Run noMapping = pgferry("consistency", "json:" + dir.resolve("data"), "postgresql://postgres@127.0.0.1:1/x");
        assertThat(noMapping.exit()).isEqualTo(2);
        assertThat(noMapping.err()).contains("needs --mapping FILE");
        Run unreachable = pgferry("consistency", "json:" + dir.resolve("data"), "--mapping", MAPPING, "postgresql://postgres@127.0.0.1:1/x");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot connect to").doesNotContain("\tat ");
    }
}
