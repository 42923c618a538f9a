package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pgferry.store.TestTrades.assertSameTrades;
import static pgferry.store.TestTrades.trade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import pgferry.services.LocalCluster;
import pgferry.store.prescient.Portfolio;
import pgferry.store.prescient.PortfolioState;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Signals;
import pgferry.store.prescient.Trade;
import pgferry.store.prescient.TradingSignal;
import pgferry.testing.PgTest;

@PgTest(migrations = TestTrades.PRESCIENT_SCHEMA)
class DualWriteStoreTest {

    @TempDir
    Path data;

    /** A DataSource whose server is not there: connection refused at once. */
    static DataSource deadServer() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + LocalCluster.freePort() + "/prescient?user=postgres");
        ds.setConnectTimeout(2);
        return ds;
    }

    @Test
    void parallelWriteGoesToJsonAndPostgresAndLeavesTheOutboxEmpty(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        List<Trade> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            written.add(trade("T" + i, i));
            store.trades().save(written.get(i));
        }
        Trade closed = written.get(3).closed(new BigDecimal("0.5"), written.get(3).timestamp().plusHours(2), new BigDecimal("-12.34"));
        store.trades().save(closed);
        written.set(3, closed);
        store.trades().delete("T7");
        written.remove(7);

        assertSameTrades(store.trades().findAllInJson(), written);
        try (Connection c = db.getConnection()) {
            assertSameTrades(pgferry.store.prescient.Trades.INSTANCE.findAll(c), written);
        }
        assertThat(store.trades().outbox().isEmpty()).isTrue();
        assertThat(Files.size(store.trades().outbox().file())).isZero();
        // reads in step 1 come from JSON, in step 2 from PostgreSQL: same trades
        assertSameTrades(store.trades().findAll(), written);
        PrescientStore switched = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.SWITCH_READS));
        assertSameTrades(switched.trades().findAll(), written);
    }

    @Test
    void theSingleObjectPortfolioIsOneFileAndOneRow(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.SWITCH_READS));
        OffsetDateTime t = OffsetDateTime.of(2025, 10, 27, 9, 0, 0, 123456000, ZoneOffset.UTC);
        store.portfolio().save(new PortfolioState(new BigDecimal("10000.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), 0, t, t));
        PortfolioState after = new PortfolioState(new BigDecimal("9950.50"), new BigDecimal("49.50"), new BigDecimal("0.00"), 1, t, t.plusHours(1));
        store.portfolio().save(after);

        ObjectNode json = JsonFileStore.object(data.resolve(PrescientStore.PORTFOLIO_FILE)).readObject().orElseThrow();
        assertThat(json.get("balance").decimalValue()).isEqualTo(new BigDecimal("9950.50"));
        assertThat(store.portfolio().find(Portfolio.KEY)).contains(after);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(balance)::text FROM portfolio_state")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("9950.50");
        }
    }

    @Test
    void signalsLiveInTheSignalsArrayOfTheirFileAndAreKeyedByMarketAndInstant(DataSource db) throws Exception {
        Path file = data.resolve(PrescientStore.SIGNALS_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"generated_at\": \"2025-01-06T14:30:41.000001\",\n  \"total_signals\": 0,\n  \"signals\": []\n}\n");
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        store.trades().save(trade("T1", 1));
        OffsetDateTime at = OffsetDateTime.of(2025, 1, 6, 14, 30, 11, 123456000, ZoneOffset.UTC);
        TradingSignal executed = signal(at, "mkt-1", true, "T1");
        TradingSignal skipped = signal(at.plusNanos(500_000_000), "mkt-2", false, null);
        store.signals().save(executed);
        store.signals().save(skipped);
        store.signals().save(skipped); // same key: replaced, not repeated

        ObjectNode whole = (ObjectNode) StoreJson.mapper().readTree(file.toFile());
        assertThat(whole.get("generated_at").asText()).isEqualTo("2025-01-06T14:30:41.000001");
        assertThat(whole.get("total_signals").asInt()).isEqualTo(2);
        assertThat(whole.get("signals").get(0).get("timestamp").asText()).isEqualTo("2025-01-06T14:30:11.123456+00:00");
        assertThat(store.signals().find(Signals.key(at, "mkt-1"))).isPresent();
        assertThat(count(db, "trading_signals")).isEqualTo(2);

        // a replay of both (as after a crash before the done marks) inserts no duplicate row
        for (TradingSignal sig : List.of(executed, skipped)) {
            store.signals().jsonStore().locked(() -> store.signals().outbox().append(Outbox.Op.UPSERT, "signals",
                    Signals.INSTANCE.keyOf(sig), Signals.INSTANCE.toJson(sig)));
        }
        assertThat(store.signals().replayPending().entriesDone()).isEqualTo(2);
        assertThat(count(db, "trading_signals")).isEqualTo(2);
        try (Connection c = db.getConnection()) {
            TestTrades.assertSameValues(Signals.INSTANCE.findAll(c), List.of(executed, skipped));
        }
        store.signals().delete(Signals.key(at, "mkt-1"));
        assertThat(count(db, "trading_signals")).isEqualTo(1);
        assertThat(store.signals().findAllInJson()).hasSize(1);
    }

    static TradingSignal signal(OffsetDateTime at, String market, boolean executed, String tradeId) {
        return new TradingSignal(at, market, "Will " + market + " resolve yes?", "buy_yes", new BigDecimal("0.415"),
                new BigDecimal("25.00"), new BigDecimal("0.7125"), "edge", new BigDecimal("0.415"), new BigDecimal("0.585"),
                new BigDecimal("22562.990312"), new BigDecimal("1034567.5"), null, null, null, executed,
                executed ? at.plusSeconds(2) : null, tradeId);
    }

    @Test
    void replayingAWritePostgresAlreadyHasChangesNothing(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        store.trades().save(trade("T1", 1));
        long xmin = xmin(db, "T1");
        // the same intent, as if the process had died after the commit and before marking it done
        store.trades().jsonStore().locked(() ->
                store.trades().outbox().append(Outbox.Op.UPSERT, "trades", "T1", Trades().toJson(trade("T1", 1))));
        store.trades().jsonStore().locked(() ->
                store.trades().outbox().append(Outbox.Op.UPSERT, "trades", "T1", Trades().toJson(trade("T1", 1))));
        assertThat(store.trades().pendingCount()).isEqualTo(2);

        ReplayResult r = store.trades().replayPending();
        assertThat(r.entriesDone()).isEqualTo(2);
        assertThat(r.keysSynced()).isEqualTo(1);
        assertThat(r.complete()).isTrue();
        assertThat(xmin(db, "T1")).as("row version untouched").isEqualTo(xmin);
        assertThat(store.trades().replayPending()).isEqualTo(ReplayResult.NOTHING);
        assertThat(count(db, "trades")).isEqualTo(1);
    }

    @Test
    void aPendingIntentForAWriteThatNeverReachedJsonMakesPostgresFollowJson(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        store.trades().save(trade("T1", 1));
        // killed after the write-ahead append, before the JSON write: T2 is in no store, T1's update never happened
        store.trades().jsonStore().locked(() ->
                store.trades().outbox().append(Outbox.Op.UPSERT, "trades", "T2", Trades().toJson(trade("T2", 2))));
        store.trades().jsonStore().locked(() -> store.trades().outbox().append(Outbox.Op.UPSERT, "trades", "T1",
                Trades().toJson(trade("T1", 1).closed(BigDecimal.ONE, trade("T1", 1).timestamp(), BigDecimal.ONE))));

        PrescientStore reopened = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        assertThat(reopened.pendingCount()).isZero();
        try (Connection c = db.getConnection()) {
            assertSameTrades(Trades().findAll(c), List.of(trade("T1", 1)));
        }
        assertSameTrades(reopened.trades().findAllInJson(), List.of(trade("T1", 1)));
    }

    @Test
    void aTornLastOutboxLineIsCutAndTheRestReplays(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        store.trades().save(trade("T1", 1));
        Path outbox = store.trades().outbox().file();
        // PostgreSQL missed T2 (pending intent), then the process died in the middle of the next append
        JsonFileStore json = store.trades().jsonStore();
        json.locked(() -> store.trades().outbox().append(Outbox.Op.UPSERT, "trades", "T2", Trades().toJson(trade("T2", 2))));
        json.update(cur -> ((com.fasterxml.jackson.databind.node.ArrayNode) cur).add(Trades().toJson(trade("T2", 2))));
        Files.writeString(outbox, "{\"id\":\"x\",\"op\":\"upsert\",\"ent", java.nio.file.StandardOpenOption.APPEND);

        PrescientStore reopened = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        assertThat(reopened.pendingCount()).isZero();
        try (Connection c = db.getConnection()) {
            assertSameTrades(Trades().findAll(c), List.of(trade("T1", 1), trade("T2", 2)));
        }
    }

    @Test
    void withPostgresDownWritesKeepWorkingOnJsonAndReadsFallBack() {
        PrescientStore store = PrescientStore.open(data, deadServer(), StoreFlags.of(StoreFlags.Stage.SWITCH_READS), Duration.ZERO);
        store.trades().save(trade("T1", 1));
        store.trades().save(trade("T2", 2));
        assertThat(store.trades().pendingCount()).isEqualTo(2);
        assertThat(store.trades().lastPostgresFailure()).contains("refused");
        assertSameTrades(store.trades().findAll(), List.of(trade("T1", 1), trade("T2", 2)));
        assertThat(store.trades().find("T2")).isPresent();
    }

    @Test
    void withoutFallbackAnUnreachablePostgresIsOneClearErrorAndNothingIsWritten() {
        PrescientStore store = PrescientStore.open(data, deadServer(), StoreFlags.of(StoreFlags.Stage.POSTGRES_ONLY), Duration.ZERO);
        assertThatThrownBy(() -> store.trades().findAll()).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot read trades: PostgreSQL failed (Connection to 127.0.0.1:")
                .hasMessageContaining("DATABASE_FALLBACK_TO_JSON=false")
                .hasMessageContaining("set DATABASE_FALLBACK_TO_JSON=true")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> store.trades().save(trade("T1", 1))).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("nothing was written");
        assertThat(Files.exists(data.resolve(PrescientStore.TRADES_FILE))).isFalse();
        assertThat(store.trades().outbox().isEmpty()).isTrue();
    }

    @Test
    void postgresOnlyWritesAndReadsPostgresAndLeavesJsonAlone(DataSource db) {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.POSTGRES_ONLY));
        store.trades().save(trade("T1", 1));
        assertSameTrades(store.trades().findAll(), List.of(trade("T1", 1)));
        assertThat(Files.exists(data.resolve(PrescientStore.TRADES_FILE))).isFalse();
    }

    @Test
    void jsonOnlyNeverTouchesPostgres(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.JSON_ONLY));
        store.trades().save(trade("T1", 1));
        assertThat(count(db, "trades")).isZero();
        assertThat(store.trades().outbox().isEmpty()).isTrue();
        assertSameTrades(store.trades().findAll(), List.of(trade("T1", 1)));
    }

    @Test
    void aValuePostgresRefusesStaysPendingAndDoesNotBlockTheOthers(DataSource db) throws Exception {
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        Trade t = trade("T1", 1);
        // amount beyond NUMERIC(15,2): JSON takes it, PostgreSQL refuses it
        Trade huge = new Trade("T9", t.timestamp(), t.marketId(), t.marketQuestion(), t.action(),
                new BigDecimal("12345678901234567.89"), t.entryPrice(), t.confidence(), t.reason(), t.status(),
                t.eventId(), t.eventTitle(), t.eventEndDate(), null, null, null, null);
        store.trades().save(huge);
        store.trades().save(trade("T2", 2));
        assertThat(store.trades().pendingCount()).isEqualTo(1);
        ReplayResult r = store.trades().replayPending();
        assertThat(r.failures()).singleElement().asString().startsWith("trades T9: ERROR: numeric field overflow");
        try (Connection c = db.getConnection()) {
            assertSameTrades(Trades().findAll(c), List.of(trade("T2", 2)));
        }
        assertSameTrades(store.trades().findAllInJson(), List.of(huge, trade("T2", 2)));
    }

    static pgferry.store.prescient.Trades Trades() {
        return pgferry.store.prescient.Trades.INSTANCE;
    }

    static long xmin(DataSource db, String tradeId) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT xmin::text::bigint FROM trades WHERE trade_id = '" + tradeId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
