package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.pgferry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/**
 * JSON → PostgreSQL → JSON: a sample store migrated (data only) into the system's Flyway schema and
 * exported again gives the same JSON trees, up to {@link JsonTrees}' normalisations and exactly the data
 * the mapping does not migrate (which the migration reports as unmapped).
 */
class JsonRoundTripTest {

    @TempDir
    Path dir;

    private static Path mapping(String system) {
        return Path.of("src/main/resources/pgferry/systems/" + system + "/mapping.json");
    }

    /** Sample → migrate --data-only → export-json; returns {source data folder, export folder}. */
    private Path[] roundTrip(String system, int scale, PgDatabase db) {
        Run sample = pgferry("sample", system, "--scale", Integer.toString(scale), "--out", dir.resolve("sample").toString());
        assertThat(sample.exit()).as(sample.err()).isZero();
        Path data = dir.resolve("sample/data");
        Run migrate = pgferry("migrate", "json:" + data, "--mapping", mapping(system).toString(), MigrationFixture.target(db),
                "--data-only", "--rejects", dir.resolve("rejects.jsonl").toString());
        assertThat(migrate.exit()).as(migrate.out() + migrate.err()).isZero();
        Path out = dir.resolve("export");
        Run export = pgferry("export-json", MigrationFixture.target(db), "--mapping", mapping(system).toString(),
                "--out", out.toString());
        assertThat(export.exit()).as(export.out() + export.err()).isZero();
        return new Path[]{data, out};
    }

    @Test
    void prescientComesBackAsTheSameTreesExceptWhatTheMappingDoesNotMigrate() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create("classpath:pgferry/systems/prescient/postgres")) {
            Path[] p = roundTrip("prescient", 400, db);
            // exactly the file and wrapper fields no table maps (the migration warns about each of them)
            assertThat(JsonTrees.differences(p[0], p[1], Set.of())).containsExactlyInAnyOrder(
                    "events/raw_events_backup.json: not exported",
                    "events/filtered_events.json.filter_timestamp: missing in the export",
                    "events/filtered_events.json.criteria: missing in the export",
                    "trades/current_signals.json.generated_at: missing in the export");

            // Python's json.dump form: floats keep a fraction, integers do not, non-ASCII is escaped
            String trades = Files.readString(p[1].resolve("trades/paper_trades.json"));
            assertThat(trades).startsWith("[\n  {\n    \"trade_id\": ").doesNotContain("E-").doesNotContain("E+")
                    .containsPattern("\"amount\": \\d+\\.\\d+,");
            assertThat(Files.readString(p[1].resolve("trades/portfolio.json"))).containsPattern("\"trade_count\": \\d+,");

            // the export is itself a store PostgreSQL agrees with, market snapshots (read from its wrapper) included
            Run again = pgferry("consistency", "json:" + p[1], "--mapping", mapping("prescient").toString(),
                    MigrationFixture.target(db));
            assertThat(again.exit()).as(again.out() + again.err()).isZero();
        }
    }

    @Test
    void metagaugeNestsChildTablesBackAndComesBackAsTheSameTrees() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create("classpath:pgferry/systems/metagauge/postgres")) {
            Path[] p = roundTrip("metagauge", 200, db);
            // the mapping orders users, contracts and analyses by id (the files by creation): compared as sets by id
            List<String> diffs = JsonTrees.differences(p[0], p[1], Set.of("users.json", "contracts.json", "analyses.json"));
            assertThat(diffs).isEmpty();
            // Node's JSON.stringify form: UTF-8 as is, not escaped
            assertThat(Files.readString(p[1].resolve("users.json"))).doesNotContain("\\u00");
        }
    }

    @Test
    void aFolderThatAlreadyHoldsFilesIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("keep.json"), "[]");
        try (PgDatabase db = TestDatabases.shared().create("classpath:pgferry/systems/prescient/postgres")) {
            Run r = pgferry("export-json", MigrationFixture.target(db), "--mapping", mapping("prescient").toString(),
                    "--out", out.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("is not empty").doesNotContain("Exception");
            assertThat(Files.readString(out.resolve("keep.json"))).isEqualTo("[]");
            try (var s = Files.list(out)) {
                assertThat(s.count()).isEqualTo(1);
            }
        }
    }

    @Test
    void aDatabaseWithoutTheMappingsTablesIsOneClearError() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create()) {
            Run r = pgferry("export-json", MigrationFixture.target(db), "--mapping", mapping("prescient").toString(),
                    "--out", dir.resolve("x").toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("export-json").contains("trades").doesNotContain("\tat ");
            try (var s = Files.walk(dir.resolve("x"))) {
                assertThat(s.filter(Files::isRegularFile).toList()).as("no half-written file is left").isEmpty();
            }
        }
    }
}
