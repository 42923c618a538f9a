package pgferry.store.prescient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import pgferry.store.DualWriteStore;
import pgferry.store.JsonFileStore;
import pgferry.store.ReplayResult;
import pgferry.store.StoreFlags;

/**
 * Prescient's storage during its move to PostgreSQL: trades, the portfolio and the current signals,
 * each a {@link DualWriteStore} over prescient's JSON files under {@code data/} and its PostgreSQL
 * tables. Opened (and replayed) in foreign-key order: trades before signals, which refer to them.
 *
 * <pre>{@code
 * PrescientStore store = PrescientStore.open(Path.of("data"), dataSource, StoreFlags.fromEnvironment());
 * store.trades().save(trade);
 * PortfolioState p = store.portfolio().find(Portfolio.KEY).orElseThrow();
 * }</pre>
 */
public final class PrescientStore {

    /** Where prescient keeps each collection, relative to its data folder. */
    public static final String TRADES_FILE = "trades/paper_trades.json";
    public static final String PORTFOLIO_FILE = "trades/portfolio.json";
    public static final String SIGNALS_FILE = "trades/current_signals.json";

    private final DualWriteStore<Trade> trades;
    private final DualWriteStore<PortfolioState> portfolio;
    private final DualWriteStore<TradingSignal> signals;

    private PrescientStore(DualWriteStore<Trade> trades, DualWriteStore<PortfolioState> portfolio,
                           DualWriteStore<TradingSignal> signals) {
        this.trades = trades;
        this.portfolio = portfolio;
        this.signals = signals;
    }

    public static PrescientStore open(Path dataDir, DataSource dataSource, StoreFlags flags) {
        return open(dataDir, dataSource, flags, Duration.ofSeconds(5));
    }

    /** Opens the three stores; {@code retryInterval} is how long writes skip PostgreSQL after it failed. */
    public static PrescientStore open(Path dataDir, DataSource dataSource, StoreFlags flags, Duration retryInterval) {
        DualWriteStore<Trade> trades = DualWriteStore.builder(Trades.INSTANCE)
                .json(JsonFileStore.array(dataDir.resolve(TRADES_FILE)))
                .postgres(dataSource, Trades.INSTANCE).flags(flags).retryInterval(retryInterval).open();
        DualWriteStore<PortfolioState> portfolio = DualWriteStore.builder(Portfolio.INSTANCE)
                .json(JsonFileStore.object(dataDir.resolve(PORTFOLIO_FILE)))
                .postgres(dataSource, Portfolio.INSTANCE).flags(flags).retryInterval(retryInterval).open();
        DualWriteStore<TradingSignal> signals = DualWriteStore.builder(Signals.INSTANCE)
                .json(JsonFileStore.arrayAt(dataDir.resolve(SIGNALS_FILE), "signals", "total_signals"))
                .postgres(dataSource, Signals.INSTANCE).flags(flags).retryInterval(retryInterval).open();
        return new PrescientStore(trades, portfolio, signals);
    }

    public DualWriteStore<Trade> trades() {
        return trades;
    }

    public DualWriteStore<PortfolioState> portfolio() {
        return portfolio;
    }

    public DualWriteStore<TradingSignal> signals() {
        return signals;
    }

    /** Replays every outbox, trades first; a store PostgreSQL cannot be reached for throws. */
    public List<ReplayResult> replayAll() {
        return List.of(trades.replayPending(), portfolio.replayPending(), signals.replayPending());
    }

    /** Entries PostgreSQL has not confirmed yet, over the three stores. */
    public int pendingCount() {
        return trades.pendingCount() + portfolio.pendingCount() + signals.pendingCount();
    }
}
