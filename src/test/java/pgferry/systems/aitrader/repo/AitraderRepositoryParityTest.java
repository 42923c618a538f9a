package pgferry.systems.aitrader.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.repo.RepoRows.record;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import pgferry.systems.aitrader.repo.AitraderRepository.Command;
import pgferry.systems.aitrader.repo.AitraderRepository.NewTrade;
import pgferry.systems.aitrader.repo.AitraderRepository.Prediction;
import pgferry.systems.repo.Database;
import pgferry.systems.repo.Json;
import pgferry.systems.repo.SumDrift;
import pgferry.testing.Engine;
import pgferry.testing.ParityResults;
import pgferry.testing.ParityTest;

/** The AI trader's repository on its SQLite file and on PostgreSQL: the same calls, the same answers. */
class AitraderRepositoryParityTest {

    private static final String SQLITE = "classpath:pgferry/systems/aitrader/sqlite/schema.sql";
    private static final String PG = "classpath:pgferry/systems/aitrader/postgres";
    private static final Instant T = Instant.parse("2025-02-03T04:05:06.789012Z");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @ParityTest(sqliteSchema = SQLITE, migrations = PG)
    void predictionsTradesCommandsAndBreakersAgree(Engine engine, DataSource ds, Connection c, ParityResults results) throws Exception {
        AitraderRepository repo = new AitraderRepository(Database.of(ds));
        Json features = Json.of("{\"rsi_14\": 31.5, \"macd\": -6.5e-05, \"session\": \"london\"}");
        long p1 = repo.savePrediction(new Prediction(null, T, "EURUSD", "1h", "BUY", d("0.7"), d("1.083461"), d("1.08345"),
                "lstm-v3", features, false, null, true, T.plusMillis(5)));
        long p2 = repo.savePrediction(new Prediction(null, T.plusSeconds(60), "EURUSD", "1h", "HOLD", d("0.5512"), null,
                d("1.08351"), "lstm-v3", null, false, null, false, T.plusSeconds(61)));
        repo.savePrediction(new Prediction(null, T.plusSeconds(30), "XAUUSD", "15m", "SELL", d("0.9"), d("2035.514"),
                d("2035.51"), null, Json.of("{}"), true, 7L, true, T.plusSeconds(31)));
        assertThat(repo.markUsed(p1, 12)).isTrue();
        record(results, engine, "recent EURUSD", repo.recentPredictions("EURUSD", 5));

        long t1 = repo.openTrade(new NewTrade(p1, "EURUSD", "BUY", d("0.10"), d("1.08345"), d("1.08195"), d("1.08645"),
                T.plusSeconds(2), "paper", "mt5", 50_118_001L, null, T.plusSeconds(2)));
        long t2 = repo.openTrade(new NewTrade(null, "XAUUSD", "SELL", d("0.01"), d("2035.51"), null, null,
                T.plusSeconds(40), "simulation", "simulator", null, null, T.plusSeconds(40)));
        repo.openTrade(new NewTrade(p2, "EURUSD", "SELL", d("1.5"), d("1.08351"), d("1.08501"), d("1.08051"),
                T.plusSeconds(65), "simulation", null, null, null, T.plusSeconds(65)));
        long t4 = repo.openTrade(new NewTrade(null, "USDJPY", "BUY", d("0.25"), d("151.204"), null, null,
                T.plusSeconds(90), "paper", "mt5", 50_118_007L, null, T.plusSeconds(90)));
        assertThat(repo.closeTrade(t1, d("1.08645"), T.plusSeconds(3600), d("30.00"), d("0.3")) ).isTrue();
        assertThat(repo.closeTrade(t1, d("1.09"), T.plusSeconds(7200), d("1"), d("1"))).as("already closed").isFalse();
        assertThat(repo.closeTrade(t4, d("151.004"), T.plusSeconds(5400), d("-33.07"), d("-0.3307"))).isTrue();

        record(results, engine, "open trades", repo.openTrades());
        record(results, engine, "paper/mt5", repo.tradesBy("paper", "mt5"));
        record(results, engine, "simulation/simulator", repo.tradesBy("simulation", "simulator"));
        record(results, engine, "simulation/no broker", repo.tradesBy("simulation", null));
        record(results, engine, "live/mt5", repo.tradesBy("live", "mt5"));
        assertThat(repo.tradesBy("simulation", "simulator")).extracting(AitraderRepository.Trade::id).containsExactly(t2);
        // 30.00 + -33.07: a double sum gives -3.0700000000000003; SumDrift bounds it and says where
        List<SumDrift.Drift> drift = SumDrift.check(engine, "aitrader P&L by mode", repo.pnlByMode(), Set.of("totalPnl"));
        if (engine == Engine.POSTGRES) {
            assertThat(drift).extracting(Object::toString)
                    .containsExactly("row 1 totalPnl: sqlite -3.0700000000000003 vs postgres -3.07");
        }

        long c1 = repo.enqueueCommand("START", null, T);
        long c2 = repo.enqueueCommand("UPDATE_CONFIG", Json.of("{\"risk_per_trade\": 0.01, \"symbols\": [\"EURUSD\", \"XAUUSD\"]}"), T.plusSeconds(1));
        long c3 = repo.enqueueCommand("PAUSE", null, T.plusSeconds(2));
        Command first = repo.claimNextCommand(T.plusSeconds(5)).orElseThrow();
        assertThat(first.id()).isEqualTo(c1);
        assertThat(first.status()).isEqualTo("PROCESSING");
        assertThat(repo.completeCommand(c1, Json.of("{\"ok\": true, \"message\": \"start done\"}"), T.plusSeconds(6))).isTrue();
        assertThat(repo.claimNextCommand(T.plusSeconds(7)).orElseThrow().id()).isEqualTo(c2);
        assertThat(repo.failCommand(c2, "MT5 terminal not connected", T.plusSeconds(8))).isTrue();
        assertThat(repo.completeCommand(c3, Json.of("{}"), T.plusSeconds(9))).as("not claimed yet").isFalse();
        for (String status : new String[] {"PENDING", "PROCESSING", "COMPLETED", "FAILED"}) {
            record(results, engine, "commands " + status, repo.commandsByStatus(status));
        }
        assertThat(repo.claimNextCommand(T.plusSeconds(10)).orElseThrow().id()).isEqualTo(c3);
        assertThat(repo.claimNextCommand(T.plusSeconds(11))).as("queue empty").isEmpty();

        long b1 = repo.recordBreaker("DAILY_LOSS", T.plusSeconds(100), d("0.03"), d("0.0412"), "PAUSE_TRADING",
                Json.of("{\"symbol\": \"EURUSD\", \"open_positions\": 2}"));
        repo.recordBreaker("CONSECUTIVE_LOSSES", T.plusSeconds(200), d("5"), d("6"), "REDUCE_SIZE", null);
        repo.recordBreaker("MANUAL", T.plusSeconds(300), d("0"), d("0"), "ALERT_ONLY", Json.of("{}"));
        assertThat(repo.resolveBreaker(b1, T.plusSeconds(400))).isTrue();
        assertThat(repo.resolveBreaker(b1, T.plusSeconds(500))).isFalse();
        record(results, engine, "active breakers", repo.activeBreakers());
        record(results, engine, "breakers since +150s", repo.breakersSince(T.plusSeconds(150)));
        record(results, engine, "breakers since start", repo.breakersSince(T));

        // stored rows in each engine's types: naive text vs timestamptz, FLOAT vs numeric, JSON text vs jsonb, 0/1 vs boolean
        results.record("predictions as stored", c, "SELECT id, timestamp, confidence, predicted_price, features, used_by_agent,"
                + " should_trade, created_at FROM predictions ORDER BY id");
    }
}
