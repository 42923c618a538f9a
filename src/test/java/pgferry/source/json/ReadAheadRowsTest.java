package pgferry.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.catalog.Table;
import pgferry.source.SourceReadException;
import pgferry.source.SourceRows;

/**
 * The JSON rows are parsed on a thread of their own, batches ahead of the consumer: the consumer still sees
 * every row in file order with its ordinal, its values and its refusal, an error of the file after the rows
 * read before it, and closing early stops the reading thread.
 */
class ReadAheadRowsTest {

    @TempDir
    Path dir;

    private SourceRows rows(String fills) throws Exception {
        Files.writeString(dir.resolve("fills.json"), fills);
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, """
                {"tables": [{"table": "fills", "file": "fills.json", "key": ["id"], "columns": {
                  "id": {"type": "integer", "notNull": true}, "price": "numeric(12,2)", "note": "text"}}]}
                """);
        JsonStore store = JsonStore.open(dir, Mapping.load(mapping));
        Table t = store.catalog().tables().get(0);
        return store.open().rows(t, t.columns());
    }

    private static String records(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append(i == from ? "" : ",\n").append("{\"id\": ").append(i).append(", \"price\": ")
                    .append(i == 1500 ? "\"oops\"" : i + ".25");
            if (i == 700) {
                // one record larger than a batch's text budget: a batch of its own, nothing lost around it
                b.append(", \"note\": \"").append("x".repeat((int) ReadAheadRows.MAX_CHARS + 10)).append('"');
            }
            b.append('}');
        }
        return b.toString();
    }

    @Test
    void everyRowInOrderAcrossBatchesWithItsRefusal() throws Exception {
        int n = ReadAheadRows.MAX_ROWS * 4 + 17;
        try (SourceRows r = rows("[\n" + records(1, n) + "\n]\n")) {
            assertThat(r).isInstanceOf(ReadAheadRows.class);
            long seen = 0;
            while (r.next()) {
                seen++;
                assertThat(r.rowid()).isEqualTo(seen);
                assertThat(r.value(0).textOrNull()).isEqualTo(Long.toString(seen));
                if (seen == 1500) {
                    assertThat(r.refusal()).isNotNull();
                    assertThat(r.refusal().reason()).contains("a string where a number belongs");
                } else {
                    assertThat(r.refusal()).as("row %d", seen).isNull();
                    assertThat(r.value(1).textOrNull()).isEqualTo(seen + ".25");
                }
                if (seen == 700) {
                    assertThat(r.value(2).textOrNull()).hasSize((int) ReadAheadRows.MAX_CHARS + 10);
                } else {
                    assertThat(r.value(2).isNull()).isTrue();
                }
            }
            assertThat(seen).isEqualTo(n);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aFileErrorComesAfterTheRowsReadBeforeIt() throws Exception {
        try (SourceRows r = rows("[\n" + records(1, 1000) + ",\n{\"id\": 1001, \"pri")) {
            long seen = 0;
            while (seen < 1000) {
                assertThat(r.next()).isTrue();
                seen++;
                assertThat(r.rowid()).isEqualTo(seen);
            }
            assertThatThrownBy(r::next).isInstanceOf(SourceReadException.class)
                    .hasMessageStartingWith("file fills.json is truncated at line 1002");
        }
    }

    @Test
    void closingEarlyStopsTheReadingThread() throws Exception {
        SourceRows r = rows("[\n" + records(1, 20_000) + "\n]\n");
        assertThat(r.next()).isTrue();
        assertThat(readers()).isPositive();
        r.close();
        assertThat(readers()).isZero();
    }

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("pgferry-json-read-")).count();
    }
}
