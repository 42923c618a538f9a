package pgferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import pgferry.bench.data.Trade;
import pgferry.bench.store.JsonFiles;
import pgferry.bench.store.JsonStreamTrades;
import pgferry.bench.store.JsonTreeTrades;
import pgferry.bench.store.Postgres;
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

    private Path work;
    private TradeStore s;
    private String probeId;
    private String market;
    private Instant from;
    private Instant to;
    private Trade template;
    private Instant appendBase;
    private long appended;

    @Setup(Level.Trial)
    public void setup() {
        Path source = Datasets.fromSystemProperty().trades(size, Datasets.SEED);
        work = Work.newDir("trades-" + store + "-" + size + "-");
        Path file = Work.copy(source, work);
        JsonNode all = JsonFiles.readWhole(file);                   // parsed once for the probe and the reference answers
        JsonNode probe = all.get(size / 2);                         // the middle trade: a lookup's average case
        template = Trade.of(probe);
        probeId = template.tradeId();
        market = template.marketId();
        from = template.timestamp().minus(Duration.ofDays(15));
        to = template.timestamp().plus(Duration.ofDays(15));
        appendBase = Instant.parse("2030-01-01T00:00:00Z");

        Answer byId = JsonTreeTrades.tradeById(all, probeId);
        Answer window = JsonTreeTrades.marketWindow(all, market, from, to);
        Answer pnl = JsonTreeTrades.pnlPerMarket(all);
        all = null;
        probe = null;

        s = open(store, file);
        AnswerCheck.requireSame("point lookup (trade_id = " + probeId + ")", "json_file", byId, store, s.tradeById(probeId));
        AnswerCheck.requireSame("range (market " + market + ", " + from + " .. " + to + ")", "json_file", window, store,
                s.marketWindow(market, from, to));
        AnswerCheck.requireSame("aggregate (P&L per market)", "json_file", pnl, store, s.pnlPerMarket());
        Trade check = template.asNew("bench_check_0", appendBase);
        s.append(check);
        AnswerCheck.requireSame("append (then look up the appended trade)", "the appended record", TradeAnswers.one(check),
                store, s.tradeById(check.tradeId()));
    }

    static TradeStore open(String store, Path file) {
        return switch (store) {
            case "json_file" -> new JsonTreeTrades(file);
            case "json_stream" -> new JsonStreamTrades(file);
            case "sqlite" -> SqliteTrades.load(file.resolveSibling("trades.db"), file);
            case "postgres" -> PostgresTrades.load(file, new PrescientSystem().flywayLocation());
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (s != null) {
            s.close();
        }
        if ("postgres".equals(store)) {
            Postgres.dropSchema(PostgresTrades.SCHEMA);
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
