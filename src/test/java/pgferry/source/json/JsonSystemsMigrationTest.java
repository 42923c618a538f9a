package pgferry.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.systems.SampleSystem;
import pgferry.systems.Systems;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/**
 * The two JSON-file systems (prescient, metagauge) generated at a few scales, migrated with
 * {@code pgferry migrate json:DIR --mapping FILE TARGET --data-only} into a fresh database holding the
 * system's Flyway schema, then {@code pgferry verify}: zero differences, no rejects, and every table holds
 * exactly as many rows as the files hold records (counted here with Jackson's tree model, independently of
 * the streaming reader).
 */
class JsonSystemsMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at scale {1}")
    @CsvSource({"prescient, 1", "prescient, 60", "prescient, 700", "metagauge, 1", "metagauge, 40", "metagauge, 300"})
    void migratesAndVerifiesWithZeroDifferences(String name, int scale) throws Exception {
        SampleSystem system = Systems.byName(name).orElseThrow();
        Path data = system.generate(scale, 20_240_601L + scale, dir.resolve("data"));
        Path mapping = dir.resolve("mapping.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("pgferry/systems/" + name + "/mapping.json")) {
            Files.copy(in, mapping);
        }
        Map<String, Long> records = records(data, Mapping.load(mapping));
        Path rejects = dir.resolve("rejects.jsonl");
        try (PgDatabase db = TestDatabases.shared().create(system.flywayLocation())) {
            Run migrate = pgferry("migrate", "json:" + data, "--mapping", mapping.toString(), MigrationFixture.target(db),
                    "--data-only", "--rejects", rejects.toString());
            assertThat(migrate.exit()).as(migrate.out() + migrate.err()).isZero();
            // every field of every record is mapped; the shipped mappings leave only a few fields of a file's
            // wrapper object (generated_at, filter criteria) and the raw events backup out: said, not silent
            assertThat(migrate.out().lines().filter(l -> l.startsWith("warning: unmapped field")))
                    .allSatisfy(l -> assertThat(l).containsPattern("unmapped field [a-z_/]+\\.json: "));
            assertThat(migrate.out().lines().filter(l -> l.contains("is not read by any table")))
                    .allSatisfy(l -> assertThat(l).contains("file events/raw_events_backup.json"));
            assertThat(Files.exists(rejects) ? Files.readAllLines(rejects) : List.of()).isEmpty();

            Run verify = pgferry("verify", "json:" + data, "--mapping", mapping.toString(), MigrationFixture.target(db),
                    "--rejects", rejects.toString());
            assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();

            long total = 0;
            for (Map.Entry<String, Long> t : records.entrySet()) {
                assertThat(query(db, "SELECT count(*) FROM " + t.getKey())).as(t.getKey()).containsExactly(t.getValue().toString());
                assertThat(migrate.out()).as(t.getKey())
                        .containsPattern("(?m)^" + t.getKey() + "\\s+loaded\\s+" + t.getValue() + "\\s+" + t.getValue() + "\\s+0\\s");
                total += t.getValue();
            }
            assertThat(total).isGreaterThanOrEqualTo(scale);
        }
    }

    /** Records per table, read the simple way: the whole file as a tree, the mapping's paths walked by hand. */
    static Map<String, Long> records(Path data, Mapping mapping) throws IOException {
        ObjectMapper om = new ObjectMapper();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Mapping.TableMapping t : mapping.tables()) {
            List<Mapping.TableMapping> chain = mapping.chain(t);
            List<JsonNode> level = new ArrayList<>();
            for (FilePattern.Match m : new FilePattern(chain.get(0).file()).files(data)) {
                level.addAll(elements(om.readTree(m.file().toFile()), chain.get(0)));
            }
            for (Mapping.TableMapping child : chain.subList(1, chain.size())) {
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode parent : level) {
                    next.addAll(elements(parent, child));
                }
                level = next;
            }
            out.put(t.table(), (long) level.size());
        }
        return out;
    }

    private static List<JsonNode> elements(JsonNode container, Mapping.TableMapping t) {
        JsonNode n = container;
        for (String step : JsonTree.path(t.records())) {
            n = n == null ? null : n.get(step);
        }
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (t.single()) {
            out.add(n);
        } else {
            n.forEach(out::add);
        }
        return out;
    }

    @Test
    void jsonNumbersArriveExactlyInNumericNeverThroughDouble() throws Exception {
        Path store = dir.resolve("numbers");
        Files.createDirectories(store);
        // each amount as written in the file; through a double most of them would come out different
        List<String> written = List.of("0.123456789012345678", "1e-7", "1E+3", "-0.0", "0.1",
                "12345678901234567890.123456789", "9007199254740993", "2.5e-20", "0.30000000000000004");
        StringBuilder file = new StringBuilder("[\n");
        for (int i = 0; i < written.size(); i++) {
            file.append(i == 0 ? "" : ",\n").append(" {\"id\": ").append(i + 1).append(", \"amount\": ")
                    .append(written.get(i)).append(", \"fraction\": ").append(i == 0 ? written.get(0) : "0.5")
                    .append(", \"big\": ").append(i == 6 ? written.get(6) : "1").append("}");
        }
        Files.writeString(store.resolve("amounts.json"), file.append("\n]\n"));
        Path mapping = dir.resolve("numbers.json");
        Files.writeString(mapping, """
                {"tables": [{"table": "amounts", "file": "amounts.json", "key": ["id"], "columns": {
                  "id": {"type": "integer", "notNull": true},
                  "amount": "numeric",
                  "fraction": "numeric(20,18)",
                  "big": "bigint"}}]}
                """);
        try (PgDatabase db = TestDatabases.shared().create()) {
            Path rejects = dir.resolve("numbers-rejects.jsonl");
            Run migrate = pgferry("migrate", "json:" + store, "--mapping", mapping.toString(), MigrationFixture.target(db),
                    "--rejects", rejects.toString());
            assertThat(migrate.exit()).as(migrate.out() + migrate.err()).isZero();
            List<String> stored = query(db, "SELECT amount::text FROM amounts ORDER BY id");
            for (int i = 0; i < written.size(); i++) {
                BigDecimal exact = new BigDecimal(written.get(i));
                assertThat(new BigDecimal(stored.get(i))).as(written.get(i)).isEqualByComparingTo(exact);
                BigDecimal viaDouble = new BigDecimal(Double.parseDouble(written.get(i)));
                if (viaDouble.compareTo(exact) != 0) {
                    assertThat(new BigDecimal(stored.get(i))).as(written.get(i)).isNotEqualByComparingTo(viaDouble);
                }
            }
            assertThat(stored.get(0)).isEqualTo("0.123456789012345678");
            assertThat(stored.get(1)).isEqualTo("0.0000001");
            assertThat(stored.get(5)).isEqualTo("12345678901234567890.123456789");
            assertThat(query(db, "SELECT fraction::text FROM amounts WHERE id = 1")).containsExactly("0.123456789012345678");
            assertThat(query(db, "SELECT big FROM amounts WHERE id = 7")).containsExactly("9007199254740993");
            // the sum PostgreSQL computes is the exact decimal sum of the file's text
            BigDecimal sum = written.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(query(db, "SELECT sum(amount)::text FROM amounts").get(0))).isEqualByComparingTo(sum);

            Run verify = pgferry("verify", "json:" + store, "--mapping", mapping.toString(), MigrationFixture.target(db),
                    "--rejects", rejects.toString());
            assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        }
    }
}
