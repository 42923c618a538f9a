package pgferry.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.lines;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/**
 * Every bad JSON input of issue 6, through {@code pgferry migrate json:DIR --mapping FILE} into a real
 * PostgreSQL: a bad record is a reject with a reason (table, key, column, value) and the run goes on; a
 * bad file fails its table with one line naming the file (and the line and column where there is one)
 * while the other tables load. Either way, for every table: source rows = loaded + rejected, and the exit
 * status is 1.
 */
class BadJsonInputTest {

    static PgDatabase db;
    @TempDir
    Path dir;

    /** fills.json (an array of fills) and venues.json ({"count": N, "venues": [...]}, the records inside a wrapper). */
    static final String MAPPING = """
            {"unknownFields": "%s",
             "tables": [
               {"table": "venues", "file": "venues.json", "records": "venues", "counts": ["count"], "key": ["code"],
                "columns": {"code": {"type": "varchar(10)", "notNull": true}, "name": "text"}},
               {"table": "fills", "file": "fills.json", "key": ["id"]%s,
                "columns": {
                  "id":    {"type": "integer", "notNull": true},
                  "price": {"type": "numeric(6,2)", "notNull": true},
                  "venue": {"type": "varchar(10)", "default": "XNYS", "notNull": true},
                  "note":  "text",
                  "meta":  "jsonb"}},
               {"table": "fill_legs", "parent": "fills", "records": "legs", "key": ["fill_id", "leg"],
                "columns": {
                  "fill_id": {"parent": "id", "type": "integer", "notNull": true},
                  "leg":     {"index": true, "type": "integer"},
                  "qty":     {"type": "numeric(12,4)", "notNull": true}}}
             ]}
            """;

    static final String VENUES = """
            {"count": 2, "venues": [
              {"code": "XNYS", "name": "New York"},
              {"code": "XLON", "name": "London"}
            ]}
            """;

    @BeforeAll
    static void database() {
        db = TestDatabases.shared().create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private record Outcome(Run run, List<JsonNode> rejects, Path store, Path mapping, Path rejectsFile) {
        /** The rejects of one table. */
        List<JsonNode> of(String table) {
            return rejects.stream().filter(r -> r.get("table").asText().equals(table)).toList();
        }
    }

    /** Writes the store (file name → content), a mapping with the given policy, and migrates into {@code schema}. */
    private Outcome migrate(String schema, String unknownFields, String fillsExtra, Map<String, String> files,
                            String... extra) throws Exception {
        Path store = dir.resolve(schema);
        Files.createDirectories(store);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(store.resolve(f.getKey()), f.getValue());
        }
        Path mapping = dir.resolve(schema + "-mapping.json");
        Files.writeString(mapping, MAPPING.formatted(unknownFields, fillsExtra));
        MigrationFixture.execute(db, "CREATE SCHEMA " + schema);
        Path rejects = dir.resolve(schema + "-rejects.jsonl");
        return run(schema, store, mapping, rejects, extra);
    }

    private Outcome migrate(String schema, String fills) throws Exception {
        return migrate(schema, "report", "", files(fills));
    }

    private static Map<String, String> files(String fills) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("venues.json", VENUES);
        m.put("fills.json", fills);
        return m;
    }

    private Outcome run(String schema, Path store, Path mapping, Path rejects, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("migrate", "json:" + store, "--mapping", mapping.toString(),
                MigrationFixture.target(db), "--schema", schema, "--rejects", rejects.toString()));
        args.addAll(List.of(extra));
        Run run = pgferry(args.toArray(String[]::new));
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(rejects)) {
            out.add(new ObjectMapper().readTree(line));
        }
        assertThat(run.err()).as(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return new Outcome(run, out, store, mapping, rejects);
    }

    /** The report's line for {@code table} says source = loaded + rejected with these numbers. */
    private static void balanced(Outcome o, String table, long source, long loaded, long rejected) {
        assertThat(source).isEqualTo(loaded + rejected);
        assertThat(o.run().out()).as(o.run().out())
                .containsPattern("(?m)^" + table + "\\s+loaded\\s+" + source + "\\s+" + loaded + "\\s+" + rejected + "\\s");
        assertThat(o.of(table)).hasSize((int) rejected);
    }

    /** A file that cannot be read fails its table: one reason line, no rows in the target, exit status 1. */
    private static void failed(Outcome o, String schema, String table, String reason) throws Exception {
        assertThat(o.run().exit()).isEqualTo(1);
        assertThat(o.run().out()).as(o.run().out()).containsPattern("(?m)^" + table + "\\s+failed\\s+0\\s+0\\s+0\\s")
                .contains("! " + reason);
        assertThat(o.of(table)).isEmpty();
        // the table is created and filled in one transaction: nothing of it is left in the target
        assertThat(query(db, "SELECT to_regclass('" + schema + "." + table + "') IS NULL")).containsExactly("t");
    }

    private static void verifies(Outcome o, String schema) {
        Run v = pgferry("verify", "json:" + o.store(), "--mapping", o.mapping().toString(), MigrationFixture.target(db),
                "--schema", schema, "--rejects", o.rejectsFile().toString());
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
    }

    @Test
    void aMalformedFileNamesTheFileLineAndColumnAndLoadsAfterTheFix() throws Exception {
        Outcome o = migrate("malformed", """
                [
                 {"id": 1, "price": 1.5},
                 {"id": 2 "price": 2.5}
                ]
                """);
        failed(o, "malformed", "fills", "file fills.json is not valid JSON at line 3, column 11: ");
        assertThat(o.run().out()).contains("was expecting comma").contains("fix the file or restore it from a backup");
        balanced(o, "venues", 2, 2, 0);

        // fixed, the same command resumes: the complete table is skipped, the failed one loads
        Files.writeString(o.store().resolve("fills.json"), """
                [
                 {"id": 1, "price": 1.5},
                 {"id": 2, "price": 2.5}
                ]
                """);
        Outcome again = run("malformed", o.store(), o.mapping(), o.rejectsFile());
        assertThat(again.run().exit()).as(again.run().out()).isZero();
        balanced(again, "fills", 2, 2, 0);
        assertThat(query(db, "SELECT id, price FROM malformed.fills ORDER BY id")).containsExactly("1|1.50", "2|2.50");
        verifies(again, "malformed");
    }

    @Test
    void aTruncatedFileFailsItsTableAndSaysWhere() throws Exception {
        Outcome o = migrate("truncated", "[\n {\"id\": 1, \"price\": 1.5},\n {\"id\": 2, \"pri");
        failed(o, "truncated", "fills", "file fills.json is truncated at line 3, column ");
        assertThat(o.run().out()).contains("the JSON ends inside the records array").contains("restore it from a backup");
        balanced(o, "venues", 2, 2, 0);

        // cut after the records array but inside the wrapper object: still truncated, not "the records so far"
        Map<String, String> cut = files("[]");
        cut.put("venues.json", "{\"count\": 2, \"venues\": [{\"code\": \"XNYS\"}, {\"code\": \"XLON\"}]");
        Outcome w = migrate("truncated2", "report", "", cut);
        failed(w, "truncated2", "venues", "file venues.json is truncated at line 1, column ");
        balanced(w, "fills", 0, 0, 0);
    }

    @Test
    void duplicateKeysAreRejectedWithTheKeyAndTheLine() throws Exception {
        Outcome o = migrate("dupkeys", """
                [
                 {"id": 1, "price": 1.5},
                 {"id": 2, "price": 2.5, "price": 3.5},
                 {"id": 3, "price": 4.5, "meta": {"a": 1, "a": 2}},
                 {"id": 4, "price": 5.5, "legs": [{"qty": 1, "qty": 2}]},
                 {"id": 5, "price": 6.5, "legs": [{"qty": 1}, {"qty": 2}]}
                ]
                """);
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "fills", 5, 2, 3);
        List<JsonNode> r = o.of("fills");
        assertThat(r).extracting(x -> x.get("key").get("id").asInt()).containsExactly(2, 3, 4);
        assertThat(r.get(0).get("column").asText()).isEqualTo("price");
        assertThat(r.get(0).get("reason").asText()).isEqualTo("fills.json record at line 3: duplicate key \"price\" in the "
                + "record (line 3): a JSON object must not repeat a key (one of the values would be lost)");
        assertThat(r.get(1).get("column").asText()).isEqualTo("meta");
        assertThat(r.get(1).get("reason").asText()).contains("duplicate key \"a\" in meta (line 4)");
        assertThat(r.get(2).get("reason").asText()).contains("duplicate key \"qty\" in legs[0] (line 5)");
        // the legs of a refused fill are refused with it (a leg never loads without its fill)
        balanced(o, "fill_legs", 3, 2, 1);
        assertThat(o.of("fill_legs").get(0).get("reason").asText()).contains("duplicate key \"qty\"");
        assertThat(query(db, "SELECT fill_id, leg, qty FROM dupkeys.fill_legs ORDER BY 1, 2"))
                .containsExactly("5|0|1.0000", "5|1|2.0000");
        assertThat(query(db, "SELECT id, price FROM dupkeys.fills ORDER BY id")).containsExactly("1|1.50", "5|6.50");
        verifies(o, "dupkeys");

        // in the file's wrapper object a repeated key would change every record's context: the file fails
        Map<String, String> f = files("[]");
        f.put("venues.json", "{\"count\": 2,\n \"count\": 3, \"venues\": []}");
        Outcome w = migrate("dupwrapper", "report", "", f);
        failed(w, "dupwrapper", "venues", "file venues.json: duplicate key \"count\" in the top-level object (line 2)");
    }

    @Test
    void aMissingRequiredFieldIsRejectedAndADeclaredDefaultFillsIn() throws Exception {
        Outcome o = migrate("required", """
                [
                 {"id": 1, "price": 1.5, "venue": "XLON"},
                 {"id": 2, "legs": [{"qty": 1}, {"qty": 2}]},
                 {"id": 3, "price": null},
                 {"price": 4.5},
                 {"id": 5, "price": 5.5}
                ]
                """);
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "fills", 5, 2, 3);
        List<JsonNode> r = o.of("fills");
        assertThat(r).extracting(x -> x.get("column").asText()).containsExactly("price", "price", "id");
        assertThat(r.get(0).get("key").get("id").asInt()).isEqualTo(2);
        assertThat(r.get(0).get("reason").asText()).isEqualTo(
                "fills.json record at line 3: missing required field 'price' (column price is NOT NULL without a default)");
        assertThat(r.get(1).get("reason").asText()).contains("null in required field 'price'");
        assertThat(r.get(2).get("reason").asText()).contains("line 5: missing required field 'id'");
        // venue is NOT NULL with a declared default: a missing venue takes it, it is not a reject
        // the legs of the refused fill 2 are refused with it
        balanced(o, "fill_legs", 2, 0, 2);
        assertThat(o.of("fill_legs")).allSatisfy(x -> assertThat(x.get("reason").asText())
                .contains("its fills record is rejected (").contains("missing required field 'price'"));
        assertThat(query(db, "SELECT id, venue, note FROM required.fills ORDER BY id"))
                .containsExactly("1|XLON|null", "5|XNYS|null");
        verifies(o, "required");
    }

    @Test
    void aValueOfTheWrongJsonKindIsRejectedNotCoerced() throws Exception {
        Outcome o = migrate("kinds", """
                [
                 {"id": 1, "price": 1.5},
                 {"id": 2, "price": "abc"},
                 {"id": 3, "price": "3.25"},
                 {"id": 4, "price": true},
                 {"id": 5, "price": 5.5, "note": 42},
                 {"id": 6, "price": [6.5]}
                ]
                """);
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "fills", 6, 1, 5);
        List<JsonNode> r = o.of("fills");
        assertThat(r).extracting(x -> x.get("key").get("id").asInt()).containsExactly(2, 3, 4, 5, 6);
        assertThat(r.get(0).get("value").asText()).isEqualTo("\"abc\"");
        assertThat(r.get(0).get("reason").asText()).isEqualTo(
                "fills.json record at line 3: a string where a number belongs (field 'price', column price numeric(6,2))");
        assertThat(r.get(1).get("reason").asText()).contains("a string where a number belongs");
        assertThat(r.get(2).get("reason").asText()).contains("a boolean where a number belongs");
        assertThat(r.get(3).get("column").asText()).isEqualTo("note");
        assertThat(r.get(3).get("reason").asText()).contains("a number where a string belongs");
        assertThat(r.get(4).get("reason").asText()).contains("an array where a number belongs");
        assertThat(query(db, "SELECT id FROM kinds.fills")).containsExactly("1");
        verifies(o, "kinds");
    }

    @Test
    void aNumberBeyondTheColumnsNumericIsRejectedNeverRounded() throws Exception {
        Outcome o = migrate("bounds", """
                [
                 {"id": 1, "price": 9999.99},
                 {"id": 2, "price": 10000.00},
                 {"id": 3, "price": 1.255},
                 {"id": 4, "price": -9999.99},
                 {"id": 5, "price": 1e5},
                 {"id": 6, "price": 1.20000},
                 {"id": 7, "price": 2, "legs": [{"qty": 123456789.1}, {"qty": 0.00001}]}
                ]
                """);
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "fills", 7, 4, 3);
        List<JsonNode> r = o.of("fills");
        assertThat(r).extracting(x -> x.get("key").get("id").asInt()).containsExactly(2, 3, 5);
        assertThat(r).extracting(x -> x.get("value").asText()).containsExactly("10000.00", "1.255", "1e5");
        assertThat(r.get(0).get("reason").asText()).contains("5 integer digits > 4 allowed by numeric(6,2)");
        assertThat(r.get(1).get("reason").asText()).contains("scale 3 > 2 of numeric(6,2)");
        // trailing zeros beyond the scale are not digits lost: 1.20000 is 1.20
        assertThat(query(db, "SELECT id, price FROM bounds.fills ORDER BY id"))
                .containsExactly("1|9999.99", "4|-9999.99", "6|1.20", "7|2.00");
        balanced(o, "fill_legs", 2, 0, 2);
        assertThat(o.of("fill_legs")).extracting(x -> x.get("reason").asText())
                .anySatisfy(s -> assertThat(s).contains("numeric(12,4)").contains("integer digits"))
                .anySatisfy(s -> assertThat(s).contains("numeric(12,4)").contains("scale 5"));
        verifies(o, "bounds");
    }

    static final String WITH_EXTRA = """
            [
             {"id": 1, "price": 1.5},
             {"id": 2, "price": 2.5, "extra": "x", "meta": {"a": 1}},
             {"id": 3, "price": 3.5, "extra": "y", "legs": [{"qty": 1, "unit": "lot"}]}
            ]
            """;

    @Test
    void anUnknownFieldIsReportedByDefaultAndStillLoadsTheRecord() throws Exception {
        Outcome o = migrate("unknownreport", "report", "", files(WITH_EXTRA));
        assertThat(o.run().exit()).isZero();
        balanced(o, "fills", 3, 3, 0);
        balanced(o, "fill_legs", 1, 1, 0);
        assertThat(o.run().out())
                .contains("warning: unmapped field extra in the records of fills (2 records): not migrated")
                .contains("warning: unmapped field unit in the records of fill_legs (1 records)");
        verifies(o, "unknownreport");
    }

    @Test
    void anUnknownFieldIsIgnoredWhenTheMappingSaysSo() throws Exception {
        Outcome o = migrate("unknownignore", "ignore", "", files(WITH_EXTRA));
        assertThat(o.run().exit()).isZero();
        balanced(o, "fills", 3, 3, 0);
        assertThat(o.run().out()).doesNotContain("unmapped field");

        // "report" globally, but the field listed in the table's "ignore": known, so neither reported nor rejected
        Outcome listed = migrate("unknownlisted", "reject", ", \"ignore\": [\"extra\"]", files(WITH_EXTRA.replace(", \"unit\": \"lot\"", "")));
        assertThat(listed.run().exit()).as(listed.run().out()).isZero();
        balanced(listed, "fills", 3, 3, 0);
    }

    @Test
    void anUnknownFieldIsRejectedWhenTheMappingSaysSo() throws Exception {
        Outcome o = migrate("unknownreject", "report", ", \"unknownFields\": \"reject\"", files(WITH_EXTRA));
        assertThat(o.run().exit()).isEqualTo(1);
        balanced(o, "fills", 3, 1, 2);
        List<JsonNode> r = o.of("fills");
        assertThat(r).extracting(x -> x.get("column").asText()).containsExactly("extra", "extra");
        assertThat(r).extracting(x -> x.get("key").get("id").asInt()).containsExactly(2, 3);
        assertThat(r.get(0).get("reason").asText()).isEqualTo("fills.json record at line 3: unknown field extra "
                + "(the mapping says unknownFields: reject; map it or list it in \"ignore\")");
        // fill_legs keeps the mapping's default policy (report), but its one leg belongs to a refused fill:
        // refused with it, so that no leg is left without its fill (the foreign key holds)
        balanced(o, "fill_legs", 1, 0, 1);
        assertThat(o.of("fill_legs").get(0).get("key").get("fill_id").asInt()).isEqualTo(3);
        assertThat(o.of("fill_legs").get(0).get("reason").asText()).isEqualTo("fills.json record at line 4: its fills "
                + "record is rejected (fills.json record at line 4: unknown field extra (the mapping says unknownFields: "
                + "reject; map it or list it in \"ignore\"))");
        assertThat(o.run().out()).containsPattern("foreign key\\s+fill_legs_fill_id_fkey\\s+created");
        assertThat(query(db, "SELECT id FROM unknownreject.fills")).containsExactly("1");
        verifies(o, "unknownreject");
    }

    @Test
    void aStoreDirectoryOneLevelTooHighIsOneClearErrorAndWritesNothing() throws Exception {
        Path store = dir.resolve("toohigh");
        Path data = store.resolve("data");
        Files.createDirectories(data);
        for (Map.Entry<String, String> f : files("[]").entrySet()) {
            Files.writeString(data.resolve(f.getKey()), f.getValue());
        }
        Path mapping = dir.resolve("toohigh-mapping.json");
        Files.writeString(mapping, MAPPING.formatted("report", ""));
        MigrationFixture.execute(db, "CREATE SCHEMA toohigh");
        Outcome o = run("toohigh", store, mapping, dir.resolve("toohigh-rejects.jsonl"));
        assertThat(o.run().exit()).isEqualTo(2);
        assertThat(o.run().err()).contains("no file named by mapping " + mapping.toAbsolutePath().normalize(),
                "the mapping's file paths are relative to json:DIR", "did you mean json:" + data.toAbsolutePath().normalize() + " ?");
        assertThat(query(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'toohigh'"))
                .containsExactly("0");
    }

    @Test
    void anEmptyFileFailsItsTableWhileAnEmptyArrayIsNoRecords() throws Exception {
        Outcome o = migrate("empty", "");
        failed(o, "empty", "fills", "file fills.json is empty (0 bytes): expected a JSON array of records at the top level; "
                + "restore it from a backup (or write [] for no records)");
        balanced(o, "venues", 2, 2, 0);

        Outcome blank = migrate("blank", " \n\t\n");
        failed(blank, "blank", "fills", "file fills.json holds no JSON value (only whitespace)");

        Outcome none = migrate("emptyarray", "[]");
        assertThat(none.run().exit()).isZero();
        balanced(none, "fills", 0, 0, 0);
        balanced(none, "fill_legs", 0, 0, 0);
    }

    @Test
    void anObjectWhereAnArrayBelongsFailsTheFileOrRejectsTheRecord() throws Exception {
        Outcome o = migrate("objectfile", "{\"id\": 1, \"price\": 1.5}");
        failed(o, "objectfile", "fills", "file fills.json at line 1, column 1: expected a JSON array of records at the top "
                + "level, found an object (if the records are in an array inside it, set \"records\" to that field");
        balanced(o, "venues", 2, 2, 0);

        Map<String, String> f = files("[]");
        f.put("venues.json", "{\"count\": 1, \"venues\": {\"code\": \"XNYS\"}}");
        Outcome wrapped = migrate("objectwrapped", "report", "", f);
        failed(wrapped, "objectwrapped", "venues", "file venues.json at line 1, column 24: expected a JSON array of "
                + "records at \"venues\" inside a top-level object, found an object");

        // inside a record: that record's children are one refused row, its siblings load
        Outcome nested = migrate("objectnested", """
                [
                 {"id": 1, "price": 1.5, "legs": [{"qty": 1}]},
                 {"id": 2, "price": 2.5, "legs": {"qty": 2}},
                 {"id": 3, "price": 3.5, "legs": 7}
                ]
                """);
        assertThat(nested.run().exit()).isEqualTo(1);
        balanced(nested, "fills", 3, 3, 0);
        balanced(nested, "fill_legs", 3, 1, 2);
        List<JsonNode> r = nested.of("fill_legs");
        assertThat(r.get(0).get("key").get("fill_id").asInt()).isEqualTo(2);
        assertThat(r.get(0).get("value").asText()).isEqualTo("{\"qty\":2}");
        assertThat(r.get(0).get("reason").asText()).isEqualTo("fills.json record at line 3: 'legs' of the fills record is "
                + "an object where the mapping expects an array of fill_legs records (for one object set \"single\": true "
                + "on table fill_legs)");
        assertThat(r.get(1).get("reason").asText()).contains("'legs' of the fills record is a number where");
        verifies(nested, "objectnested");
    }
}
