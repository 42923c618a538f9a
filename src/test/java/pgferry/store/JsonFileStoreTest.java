package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;

class JsonFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void numbersAreReadAsExactDecimalsAndWrittenBackDigitForDigit() throws IOException {
        Path file = dir.resolve("paper_trades.json");
        Files.writeString(file, "[{\"trade_id\": \"T1\", \"amount\": 10.50, \"price\": 0.1,"
                + " \"big\": 12345678901234567890.123456789012, \"n\": 7}]");
        JsonFileStore store = JsonFileStore.array(file);

        ObjectNode t = (ObjectNode) store.readArray().get(0);
        assertThat(t.get("amount").decimalValue()).isEqualTo(new BigDecimal("10.50"));
        assertThat(t.get("price").decimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(t.get("big").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890.123456789012"));
        assertThat(t.get("price").isBigDecimal()).isTrue();

        store.write(store.readArray());
        String text = Files.readString(file);
        assertThat(text).contains("\"amount\": 10.50", "\"price\": 0.1,", "12345678901234567890.123456789012", "\"n\": 7");
    }

    @Test
    void writeLeavesNoTemporaryFileAndCreatesTheFolder() throws IOException {
        JsonFileStore store = JsonFileStore.object(dir.resolve("trades/portfolio.json"));
        ObjectNode p = StoreJson.mapper().createObjectNode().put("balance", new BigDecimal("1000.00"));
        store.write(p);
        store.write(p.put("balance", new BigDecimal("990.00")));
        try (Stream<Path> files = Files.list(dir.resolve("trades"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("portfolio.json", "portfolio.json.lock");
        }
        assertThat(store.readObject().orElseThrow().get("balance").decimalValue()).isEqualTo(new BigDecimal("990.00"));
    }

    @Test
    void readersNeverSeeATornFileWhileWritersRewriteIt() throws Exception {
        JsonFileStore store = JsonFileStore.array(dir.resolve("signals.json"));
        store.write(StoreJson.mapper().createArrayNode());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> reader = pool.submit(() -> {
                while (!stop.get()) {
                    ArrayNode a = store.readArray(); // throws on a torn file
                    for (int i = 0; i < a.size(); i++) {
                        assertThat(a.get(i).get("i").asInt()).isEqualTo(i);
                    }
                    reads.incrementAndGet();
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 150; n++) {
                        store.update(cur -> {
                            ArrayNode a = (ArrayNode) cur;
                            int next = a.size();
                            a.addObject().put("i", next).put("pad", "x".repeat(2000));
                            return a;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            stop.set(true);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.readArray()).hasSize(300); // no lost update between the two writer threads
        assertThat(reads.get()).isPositive();
    }

    @Test
    void writersInTwoProcessesLoseNoUpdate() throws Exception {
        Path file = dir.resolve("counter.json");
        JsonFileStore store = JsonFileStore.array(file);
        store.write(StoreJson.mapper().createArrayNode());
        Process child = ChildJvm.start(JsonAppenderMain.class, file.toString(), "child", "200");
        for (int n = 0; n < 200; n++) {
            int i = n;
            store.update(cur -> {
                ((ArrayNode) cur).addObject().put("who", "parent").put("n", i);
                return cur;
            });
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(ChildJvm.output(child)).isZero();
        ArrayNode all = store.readArray();
        Set<String> seen = new HashSet<>();
        for (JsonNode n : all) {
            seen.add(n.get("who").asText() + n.get("n").asInt());
        }
        assertThat(all).hasSize(400);
        assertThat(seen).hasSize(400);
    }

    @Test
    void malformedFileIsAUserErrorWithLineAndColumnAndIsLeftAsItWas() throws IOException {
        Path file = dir.resolve("paper_trades.json");
        String bad = "[\n  {\"trade_id\": \"T1\",\n   \"amount\": 10.5,,\n  }\n]\n";
        Files.writeString(file, bad);
        JsonFileStore store = JsonFileStore.array(file);
        assertThatThrownBy(store::readArray).isInstanceOf(UserError.class)
                .hasMessageContaining("paper_trades.json line 3 column").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> store.update(cur -> cur)).isInstanceOf(UserError.class);
        assertThat(Files.readString(file)).isEqualTo(bad);
    }

    @Test
    void truncatedEmptyWrongShapeAndDuplicateKeysAreClearErrors() throws IOException {
        Path file = dir.resolve("x.json");
        JsonFileStore array = JsonFileStore.array(file);
        Files.writeString(file, "[{\"trade_id\": \"T1\", \"amount\": 1");
        assertThatThrownBy(array::readArray).isInstanceOf(UserError.class).hasMessageContaining("x.json line 1");
        Files.writeString(file, "");
        assertThatThrownBy(array::readArray).isInstanceOf(UserError.class).hasMessageContaining("is empty");
        Files.writeString(file, "{\"trade_id\": \"T1\"}");
        assertThatThrownBy(array::readArray).isInstanceOf(UserError.class).hasMessageContaining("where an array was expected");
        Files.writeString(file, "[{\"amount\": 1, \"amount\": 2}]");
        assertThatThrownBy(array::readArray).isInstanceOf(UserError.class).hasMessageContaining("Duplicate field 'amount'");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(array::readArray).isInstanceOf(UserError.class).hasMessageContaining("element 0");
        JsonFileStore object = JsonFileStore.object(file);
        Files.writeString(file, "[]");
        assertThatThrownBy(object::readObject).isInstanceOf(UserError.class).hasMessageContaining("where an object was expected");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void anArrayInsideAnObjectKeepsTheRestOfTheObject() throws IOException {
        Path file = dir.resolve("current_signals.json");
        Files.writeString(file, "{\"timestamp\": \"2025-10-27T14:30:00.123456\", \"total_signals\": 1, \"signals\": [{\"id\": \"S1\"}]}");
        JsonFileStore store = JsonFileStore.arrayAt(file, "signals");
        assertThat(store.readArray()).hasSize(1);
        store.update(cur -> ((ArrayNode) cur).add(StoreJson.mapper().createObjectNode().put("id", "S2")));
        JsonNode whole = StoreJson.mapper().readTree(file.toFile());
        assertThat(whole.get("timestamp").asText()).isEqualTo("2025-10-27T14:30:00.123456");
        assertThat(whole.get("signals")).hasSize(2);
        Files.writeString(file, "{\"signals\": {}}");
        assertThatThrownBy(store::readArray).isInstanceOf(UserError.class)
                .hasMessageContaining("field \"signals\" holds a JSON object where an array was expected");
        assertThat(JsonFileStore.arrayAt(dir.resolve("none.json"), "signals").readArray()).isEmpty();
    }

    @Test
    void missingFilesReadAsEmpty() {
        assertThat(JsonFileStore.array(dir.resolve("none.json")).readArray()).isEmpty();
        assertThat(JsonFileStore.object(dir.resolve("none.json")).readObject()).isEmpty();
    }
}
