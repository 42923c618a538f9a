package pgferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import pgferry.bench.data.Datasets;
import pgferry.bench.data.Fixtures;
import pgferry.bench.data.Trade;
import pgferry.bench.store.JsonFiles;
import pgferry.bench.store.JsonStreamTrades;
import pgferry.bench.store.JsonTreeTrades;
import pgferry.bench.store.PostgresTrades;
import pgferry.bench.store.SqliteTrades;
import pgferry.bench.store.TradeAnswers;
import pgferry.bench.store.TradeStore;
import pgferry.systems.prescient.PrescientSystem;

/**
 * prescient's paper trades (seed 002): point lookup by trade_id, one market's trades in a 30-day window, P&L per
 * market, and appending one trade, on four stores. The setup checks every store's answers against paper_trades.json
 * read as the app read it, and refuses to run on any difference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TradeBenchmarks {
    @Param({"1000", "10000", "100000"})
    public int size;

    @Param({"json_file", "json_stream", "sqlite", "postgres"})
    public String store;

    static final String POINT = "pointLookup";
    static final String RANGE = "range";
    static final String AGGREGATE = "aggregate";
    static final String APPEND = "append";

    private Path work;
    private boolean writes;
    private TradeStore s;
    private String probeId;
    private String market;
    private Instant from;
    private Instant to;
    private Trade template;
    private Instant appendBase;
    private long appended;

    /** The operation this trial times (the benchmark method's name), so the setup checks that query's answer. */
    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        String b = params.getBenchmark();
        prepare(b.substring(b.lastIndexOf('.') + 1));
    }

    /**
     * Opens the store on the fixtures made once per data set (reference answers, SQLite file, PostgreSQL schema; a
     * private copy when {@code operation} is "append", which writes) and checks its answer to {@code operation}'s
     * query against the reference, paper_trades.json read whole as the app read it. {@code "all"} checks every query.
     */
    public void prepare(String operation) {
        if (!List.of(POINT, RANGE, AGGREGATE, APPEND, "all").contains(operation)) {
            throw new IllegalArgumentException("unknown operation " + operation);
        }
        Path source = Datasets.fromSystemProperty().trades(size, Datasets.SEED);
        Map<String, Answer> reference = Fixtures.reference(source, "trades",
                Fixtures.code(TradeBenchmarks.class, JsonTreeTrades.class, TradeAnswers.class, TradeAnswers.PnlTotals.class, Trade.class), () -> referenceAnswers(source, size));
        template = Trade.of(JsonFiles.readTree((String) reference.get("probe").rows().get(0).get(0)));
        probeId = template.tradeId();
        market = template.marketId();
        from = template.timestamp().minus(Duration.ofDays(15));
        to = template.timestamp().plus(Duration.ofDays(15));
        appendBase = Instant.parse("2030-01-01T00:00:00Z");

        writes = operation.equals(APPEND) || operation.equals("all");
        work = Work.newDir("trades-" + store + "-" + size + "-");
        s = open(store, size, source, work, writes);
        if (operation.equals(POINT) || operation.equals("all")) {
            AnswerCheck.requireSame("point lookup (trade_id = " + probeId + ")", "json_file", reference.get(POINT), store,
                    s.tradeById(probeId));
        }
        if (operation.equals(RANGE) || operation.equals("all")) {
            AnswerCheck.requireSame("range (market " + market + ", " + from + " .. " + to + ")", "json_file",
                    reference.get(RANGE), store, s.marketWindow(market, from, to));
        }
        if (operation.equals(AGGREGATE) || operation.equals("all")) {
            AnswerCheck.requireSame("aggregate (P&L per market)", "json_file", reference.get(AGGREGATE), store, s.pnlPerMarket());
        }
        if (writes) {
            Trade check = template.asNew("bench_check_0", appendBase);
            s.append(check);
            AnswerCheck.requireSame("append (then look up the appended trade)", "the appended record", TradeAnswers.one(check),
                    store, s.tradeById(check.tradeId()));
        }
    }

    /** paper_trades.json read whole once: the middle trade (a lookup's average case) and the three queries' answers. */
    static Map<String, Answer> referenceAnswers(Path source, int size) {
        JsonNode all = JsonFiles.readWhole(source);
        JsonNode probe = all.get(size / 2);
        Trade t = Trade.of(probe);
        Map<String, Answer> out = new LinkedHashMap<>();
        out.put("probe", Answer.row(probe.toString()));
        out.put(POINT, JsonTreeTrades.tradeById(all, t.tradeId()));
        out.put(RANGE, JsonTreeTrades.marketWindow(all, t.marketId(), t.timestamp().minus(Duration.ofDays(15)),
                t.timestamp().plus(Duration.ofDays(15))));
        out.put(AGGREGATE, JsonTreeTrades.pnlPerMarket(all));
        return out;
    }

    /**
     * The store for a trial. Reads go to the cached data file and fixtures; a trial that {@code writes} gets private
     * copies (JSON file and SQLite file in {@code work}, a PostgreSQL schema dropped at tear-down).
     */
    static TradeStore open(String store, int size, Path source, Path work, boolean writes) {
        return switch (store) {
            case "json_file" -> new JsonTreeTrades(writes ? Work.copy(source, work) : source);
            case "json_stream" -> new JsonStreamTrades(writes ? Work.copy(source, work) : source);
            case "sqlite" -> SqliteTrades.fromFixture(source, work);
            case "postgres" -> writes ? PostgresTrades.writableCopy(size, source, new PrescientSystem().flywayLocation())
                    : PostgresTrades.fixture(size, source, new PrescientSystem().flywayLocation());
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (s != null) {
            s.close();
        }
        if ("postgres".equals(store) && writes) {
            PostgresTrades.dropCopy(size);
        }
        Work.delete(work);
    }

    @Benchmark
    public Answer pointLookup() {
        return s.tradeById(probeId);
    }

    @Benchmark
    public Answer range() {
        return s.marketWindow(market, from, to);
    }

    @Benchmark
    public Answer aggregate() {
        return s.pnlPerMarket();
    }

    @Benchmark
    public long append() {
        appended++;
        s.append(template.asNew("bench_" + appended, appendBase.plus(appended, ChronoUnit.MICROS)));
        return appended;
    }
}
