package pgferry.bench;

import java.nio.file.Path;
import java.util.Map;
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
import pgferry.bench.data.Fixtures;
import pgferry.bench.store.BotStore;
import pgferry.bench.store.JsonBots;
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

    /** Opens the store on the fixtures made once per data set and checks its answer against the reference first. */
    @Setup(Level.Trial)
    public void setup() {
        Path source = Datasets.fromSystemProperty().bots(size, Datasets.SEED);
        String query = "using " + INDICATOR;
        // every bot whose payload's conditions use the indicator, found by reading bots.json whole
        Answer expected = Fixtures.reference(source, "bots", Fixtures.code(JsonBots.class), () -> Map.of(query, JsonBots.whole(source).botsUsing(INDICATOR)))
                .get(query);
        work = Work.newDir("bots-" + store + "-" + size + "-");
        s = switch (store) {
            case "json_file" -> JsonBots.whole(source);             // read only: the cached file itself
            case "json_stream" -> JsonBots.streaming(source);
            case "sqlite" -> SqlStores.sqliteBots(source, work);
            case "postgres" -> SqlStores.postgresBots(size, source, new AtlasSystem().flywayLocation());
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
        Work.delete(work);
    }

    @Benchmark
    public Answer containment() {
        return s.botsUsing(INDICATOR);
    }
}
