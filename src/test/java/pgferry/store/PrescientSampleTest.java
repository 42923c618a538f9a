package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.store.prescient.Portfolio;
import pgferry.store.prescient.PortfolioState;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;
import pgferry.store.prescient.TradingSignal;
import pgferry.store.prescient.Trades;
import pgferry.systems.prescient.PrescientSystem;
import pgferry.testing.PgTest;

/** The prescient repositories read and write the files prescient's generator writes (its real layout). */
@PgTest(migrations = TestTrades.PRESCIENT_SCHEMA)
class PrescientSampleTest {

    @TempDir
    Path tmp;

    @Test
    void readsEveryRecordOfASampleAndWritesWithoutDisturbingTheRest(DataSource db) throws Exception {
        Path data = new PrescientSystem().generate(300, 42, tmp.resolve("prescient"));
        PrescientStore store = PrescientStore.open(data, db, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));

        List<Trade> trades = store.trades().findAllInJson();
        assertThat(trades).hasSize(300);
        List<TradingSignal> signals = store.signals().findAllInJson();
        assertThat(signals).isNotEmpty();
        PortfolioState portfolio = store.portfolio().findAllInJson().get(0);
        JsonNode positionsBefore = JsonFileStore.object(data.resolve(PrescientStore.PORTFOLIO_FILE)).readObject().orElseThrow().get("positions");

        // close the last open trade: one element changes, in JSON and in PostgreSQL
        Trade open = trades.stream().filter(t -> t.status().equals("open")).reduce((a, b) -> b).orElseThrow();
        Trade closed = open.closed(new BigDecimal("1"), open.timestamp().plusHours(3), open.amount());
        store.trades().save(closed);
        store.portfolio().save(new PortfolioState(portfolio.balance().add(open.amount().add(open.amount())),
                portfolio.totalInvested().subtract(open.amount()), portfolio.totalProfitLoss().add(open.amount()),
                portfolio.tradeCount(), portfolio.createdAt(), portfolio.lastUpdated().plusMinutes(1)));
        // re-save an existing signal: it stays one element of the signals array
        store.signals().save(signals.get(0).executed() ? signals.get(0) : signals.get(1));

        assertThat(store.pendingCount()).isPositive(); // the signal names a trade PostgreSQL has not got (no backfill here)
        List<Trade> after = store.trades().findAllInJson();
        assertThat(after).hasSize(300);
        for (int i = 0; i < after.size(); i++) {
            Trade expected = trades.get(i).tradeId().equals(closed.tradeId()) ? closed : trades.get(i);
            TestTrades.assertSameValues(List.of(after.get(i)), List.of(expected));
        }
        assertThat(store.signals().findAllInJson()).hasSize(signals.size());
        ObjectNode portfolioJson = JsonFileStore.object(data.resolve(PrescientStore.PORTFOLIO_FILE)).readObject().orElseThrow();
        assertThat(portfolioJson.get("positions")).isEqualTo(positionsBefore); // a field the repository does not know is kept
        try (Connection c = db.getConnection()) {
            TestTrades.assertSameValues(Trades.INSTANCE.findAll(c), List.of(closed));
            assertThat(Portfolio.INSTANCE.findAll(c)).hasSize(1);
        }
    }
}
