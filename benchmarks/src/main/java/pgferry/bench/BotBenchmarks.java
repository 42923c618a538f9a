package pgferry.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import pgferry.bench.data.Datasets;
import pgferry.bench.store.BotStore;
import pgferry.bench.store.JsonBots;
import pgferry.bench.store.Postgres;
import pgferry.bench.store.SqlStores;
import pgferry.systems.atlas.AtlasSystem;

/**
 * atlas's "which bots use RSI": {@code payload @> '{"conditions":[{"text":"RSI"}]}'} with a GIN index in PostgreSQL,
 * against scanning every payload (JSON file whole or streamed; SQLite json_each over the payload text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BotBenchmarks {
    static final String INDICATOR = "RSI";

    @Param({"1000", "10000", "100000"})
    public int size;

    @Param({"json_file", "json_stream", "sqlite", "postgres"})
    public String store;

    private Path work;
    private BotStore s;

    @Setup(Level.Trial)
    public void setup() {
        Path source = Datasets.fromSystemProperty().bots(size, Datasets.SEED);
        work = Work.newDir("bots-" + store + "-" + size + "-");
        Path file = Work.copy(source, work);
        Answer expected = JsonBots.whole(file).botsUsing(INDICATOR);
        s = switch (store) {
            case "json_file" -> JsonBots.whole(file);
            case "json_stream" -> JsonBots.streaming(file);
            case "sqlite" -> SqlStores.sqliteBots(work.resolve("bots.db"), file);
            case "postgres" -> SqlStores.postgresBots(file, new AtlasSystem().flywayLocation());
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
        AnswerCheck.requireSame("JSON containment (conditions[].text = " + INDICATOR + ")", "json_file", expected, store,
                s.botsUsing(INDICATOR));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (s != null) {
            s.close();
        }
        if ("postgres".equals(store)) {
            Postgres.dropSchema(SqlStores.BOTS_SCHEMA);
        }
        Work.delete(work);
    }

    @Benchmark
    public Answer containment() {
        return s.botsUsing(INDICATOR);
    }
}
