package pgferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.lines;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.query;
import static pgferry.MigrationFixture.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/**
 * Every case of "no silent loss": the row goes to rejects.jsonl with a reason, the run goes on, the
 * exit status is 1 (unless --max-rejects allows it), and source rows = loaded + rejected.
 */
class RejectCasesTest {

    static PgDatabase db;
    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        db = TestDatabases.shared().create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private record Outcome(Run run, List<JsonNode> rejects) {
    }

    /** Migrates a one-table source into its own schema and returns the run and its rejects. */
    private Outcome migrate(String schema, String[] sql, String... extra) throws Exception {
        Path file = sqlite(dir, "src.db", sql);
        pgferry.MigrationFixture.execute(db, "CREATE SCHEMA " + schema);
        Path rejects = dir.resolve("rejects.jsonl");
        List<String> args = new ArrayList<>(List.of("migrate", file.toString(), MigrationFixture.target(db), "--schema", schema,
                "--rejects", rejects.toString()));
        args.addAll(List.of(extra));
        Run run = pgferry(args.toArray(String[]::new));
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(rejects)) {
            out.add(new ObjectMapper().readTree(line));
        }
        return new Outcome(run, out);
    }

    private static void balanced(Outcome o, String table, long source, long loaded, long rejected) {
        assertThat(o.run().out()).containsPattern(table + "\\s+loaded\\s+" + source + "\\s+" + loaded + "\\s+" + rejected + "\\s");
        assertThat(source).isEqualTo(loaded + rejected);
    }

    @Test
    void invalidUtf8IsRejectedWithHexValue() throws Exception {
        Outcome o = migrate("utf8", new String[]{"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                "INSERT INTO notes VALUES (1, 'fine'), (2, CAST(X'C328' AS TEXT)), (3, 'also fine')"});
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "notes", 3, 2, 1);
        assertThat(o.rejects()).hasSize(1);
        JsonNode r = o.rejects().get(0);
        assertThat(r.get("table").asText()).isEqualTo("notes");
        assertThat(r.get("key").get("id").asLong()).isEqualTo(2);
        assertThat(r.get("column").asText()).isEqualTo("body");
        assertThat(r.get("value").asText()).isEqualTo("hex:c328");
        assertThat(r.get("reason").asText()).containsIgnoringCase("utf-8");
        assertThat(query(db, "SELECT id FROM utf8.notes ORDER BY id")).containsExactly("1", "3");
    }

    @Test
    void nulBytesInTextAreRejected() throws Exception {
        Outcome o = migrate("nul", new String[]{"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                "INSERT INTO notes VALUES (1, 'ok'), (2, CAST(X'610062' AS TEXT))"});
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "notes", 2, 1, 1);
        assertThat(o.rejects().get(0).get("reason").asText()).containsIgnoringCase("NUL");
    }

    @Test
    void textAndBlobInNumericColumnsAreRejected() throws Exception {
        Outcome o = migrate("mixed", new String[]{"CREATE TABLE fills (id INTEGER PRIMARY KEY, price REAL, qty INTEGER)",
                "INSERT INTO fills VALUES (1, 1.5, 2), (2, 'abc', 3), (3, 2.5, X'00FF'), (4, 3.25, 4)"});
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "fills", 4, 2, 2);
        assertThat(o.rejects()).extracting(r -> r.get("column").asText()).containsExactlyInAnyOrder("price", "qty");
        assertThat(o.rejects()).extracting(r -> r.get("value").asText()).contains("abc", "X'00FF'");
        assertThat(query(db, "SELECT id, price FROM mixed.fills ORDER BY id")).containsExactly("1|1.5", "4|3.25");
    }

    @Test
    void infinityIsRejectedUnlessMaxRejectsAllowsIt() throws Exception {
        Outcome o = migrate("inf", new String[]{"CREATE TABLE px (id INTEGER PRIMARY KEY, v REAL)",
                "INSERT INTO px VALUES (1, 1.25), (2, 9e999), (3, -9e999)"}, "--max-rejects", "2");
        assertThat(o.run().exit()).isEqualTo(0);
        balanced(o, "px", 3, 1, 2);
        assertThat(o.rejects()).allSatisfy(r -> assertThat(r.get("reason").asText()).containsIgnoringCase("infinity"));
    }

    @Test
    void valueBeyondCastNumericIsRejected() throws Exception {
        Outcome o = migrate("casts", new String[]{"CREATE TABLE px (id INTEGER PRIMARY KEY, amount REAL)",
                "INSERT INTO px VALUES (1, 123.45), (2, 12345.678), (3, 1.005)"}, "--cast", "px.amount=numeric(5,2)");
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "px", 3, 1, 2);
        assertThat(o.rejects()).extracting(r -> r.get("key").get("id").asLong()).containsExactly(2L, 3L);
        assertThat(query(db, "SELECT amount::text FROM casts.px")).containsExactly("123.45");
    }

    @Test
    void integersBeyondBigintAreRejected() throws Exception {
        Outcome o = migrate("big", new String[]{"CREATE TABLE c (id INTEGER PRIMARY KEY, n BIGINT)",
                "INSERT INTO c VALUES (1, 9223372036854775807), (2, '99999999999999999999'), (3, 5)"});
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "c", 3, 2, 1);
        assertThat(o.rejects().get(0).get("key").get("id").asLong()).isEqualTo(2);
        assertThat(query(db, "SELECT n FROM big.c ORDER BY id")).containsExactly("9223372036854775807", "5");
    }

    @Test
    void impossibleDatesAreRejectedNotGuessed() throws Exception {
        Outcome o = migrate("dates", new String[]{"CREATE TABLE ev (id INTEGER PRIMARY KEY, at DATETIME)",
                "INSERT INTO ev VALUES (1, '2024-02-29 10:00:00'), (2, '2024-02-30 10:00:00'), (3, '0000-00-00'),"
                        + " (4, ''), (5, 1700000000), (6, '2024-03-01T08:00:00Z')"});
        assertThat(o.run().exit()).isEqualTo(1);
        long rejected = o.rejects().size();
        balanced(o, "ev", 6, 6 - rejected, rejected);
        assertThat(o.rejects()).extracting(r -> r.get("key").get("id").asLong()).contains(2L, 3L, 4L);
        assertThat(o.rejects()).filteredOn(r -> r.get("key").get("id").asLong() == 2)
                .allSatisfy(r -> assertThat(r.get("reason").asText()).contains("30"));
        assertThat(query(db, "SELECT id FROM dates.ev ORDER BY id")).contains("1", "6");
    }

    @Test
    void epochIntegersInADatetimeColumnOfEpochsAreRead() throws Exception {
        Outcome o = migrate("epoch", new String[]{"CREATE TABLE ev (id INTEGER PRIMARY KEY, at DATETIME)",
                "INSERT INTO ev VALUES (1, 1700000000), (2, 1700000060)"});
        assertThat(o.run().exit()).isEqualTo(0);
        balanced(o, "ev", 2, 2, 0);
        assertThat(query(db, "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM epoch.ev ORDER BY id"))
                .containsExactly("2023-11-14 22:13:20", "2023-11-14 22:14:20");
    }

    @Test
    void invalidJsonIsRejectedWhenTheColumnIsJsonb() throws Exception {
        Outcome o = migrate("json", new String[]{"CREATE TABLE p (id INTEGER PRIMARY KEY, doc TEXT)",
                "INSERT INTO p VALUES (1, '{\"a\":1}'), (2, '{\"a\":'), (3, '{\"a\":1,\"a\":2}')"},
                "--cast", "p.doc=jsonb");
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "p", 3, 1, 2);
        assertThat(o.rejects()).extracting(r -> r.get("key").get("id").asLong()).containsExactly(2L, 3L);
        assertThat(o.rejects().get(1).get("reason").asText()).containsIgnoringCase("duplicate");
    }

    @Test
    void duplicateJsonKeysAreRejectedInADetectedJsonColumn() throws Exception {
        Outcome o = migrate("jsondup", new String[]{"CREATE TABLE p (id INTEGER PRIMARY KEY, doc TEXT)",
                "INSERT INTO p VALUES (1, '{\"a\":1}'), (2, '{\"b\":[1,2]}'), (3, '{\"a\":1,\"a\":2}')"});
        long rejected = o.rejects().size();
        balanced(o, "p", 3, 3 - rejected, rejected);
        String type = query(db, "SELECT data_type FROM information_schema.columns WHERE table_schema='jsondup' AND column_name='doc'").get(0);
        if (type.equals("jsonb")) {
            assertThat(o.rejects()).singleElement().satisfies(r -> assertThat(r.get("reason").asText()).containsIgnoringCase("duplicate"));
        } else {
            // kept as text: nothing is lost, the duplicate key stays in the text
            assertThat(query(db, "SELECT doc FROM jsondup.p WHERE id = 3")).containsExactly("{\"a\":1,\"a\":2}");
        }
    }

    @Test
    void nullAndDuplicateValuesInANonIntegerPrimaryKeyAreRejected() throws Exception {
        Outcome o = migrate("pk", new String[]{"CREATE TABLE quotes (at DATETIME PRIMARY KEY, px REAL)",
                "INSERT INTO quotes VALUES ('2024-01-01 00:00:00', 1.0), ('2024-01-01T00:00:00', 2.0), (NULL, 3.0),"
                        + " ('2024-01-02 00:00:00', 4.0)"});
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "quotes", 4, 2, 2);
        assertThat(o.rejects()).extracting(r -> r.get("reason").asText())
                .anySatisfy(s -> assertThat(s).containsIgnoringCase("NULL"))
                .anySatisfy(s -> assertThat(s).containsIgnoringCase("duplicate"));
        assertThat(query(db, "SELECT px FROM pk.quotes ORDER BY at")).containsExactly("1", "4");
        assertThat(query(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'quotes_pkey'")).containsExactly("1");
    }

    @Test
    void awkwardIdentifiersSurviveQuoted() throws Exception {
        Outcome o = migrate("names", new String[]{
                "CREATE TABLE \"Order Items\" (\"Id\" INTEGER PRIMARY KEY, \"select\" TEXT, \"user\"\"name\" TEXT, \"MixedCase\" REAL)",
                "INSERT INTO \"Order Items\" VALUES (1, 'a', 'b', 1.5)",
                "CREATE INDEX \"By Select\" ON \"Order Items\" (\"select\")",
                "CREATE INDEX lower_user ON \"Order Items\" (lower(\"user\"\"name\"))"});
        assertThat(o.run().exit()).isEqualTo(0);
        assertThat(o.run().out()).contains("created");
        List<String> tables = query(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'names'");
        assertThat(tables).hasSize(1);
        List<String> indexes = query(db, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'names' ORDER BY indexname");
        assertThat(indexes).anySatisfy(d -> assertThat(d).contains("lower("));
        assertThat(indexes).hasSize(3);
    }

    @Test
    void missingCorruptAndNonSqliteFilesAreOneLineAndWriteNothing() throws Exception {
        Path notSqlite = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(notSqlite, "this is not a database, just text that is long enough to be read".repeat(10));
        Path corrupt = sqlite(dir, "corrupt.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT i, hex(randomblob(100)) FROM n");
        byte[] bytes = java.nio.file.Files.readAllBytes(corrupt);
        java.nio.file.Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        try (PgDatabase empty = TestDatabases.shared().create()) {
        for (Path p : List.of(dir.resolve("missing.db"), notSqlite, corrupt)) {
            Run run = pgferry("migrate", p.toString(), MigrationFixture.target(empty), "--rejects", dir.resolve("r.jsonl").toString());
            assertThat(run.exit()).as(p.toString()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).contains(p.getFileName().toString()).doesNotContain("Exception");
        }
        assertThat(query(empty, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname IN ('public', 'pgferry')")).containsExactly("0");
        assertThat(query(empty, "SELECT count(*) FROM pg_namespace WHERE nspname = 'pgferry'")).containsExactly("0");
        }
    }
}
