package pgferry.systems.arb.repo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import pgferry.systems.repo.Database;
import pgferry.systems.repo.JdbcRepository;
import pgferry.systems.repo.Row;
import pgferry.systems.repo.TimeForm;

/**
 * The arbitrage bot's data access (seed 001), one implementation for its sqlx SQLite file and the
 * PostgreSQL schema: record on-chain fills (idempotently), trades by status, accumulators, Schwab
 * executions and their links to fills, P&amp;L and net position per symbol.
 *
 * <p>Amounts are BigDecimal both ways. On SQLite they are stored as the REAL the Rust app stored (the
 * nearest double) and read back as that double's shortest decimal; sums computed by SQLite are double
 * sums and can drift from PostgreSQL's exact numeric sums (the parity tests show where).
 * Times keep the app's forms on SQLite: {@code created_at}/{@code last_updated} as CURRENT_TIMESTAMP text,
 * {@code block_timestamp}/{@code executed_at} as chrono's RFC 3339.
 */
public final class ArbRepository extends JdbcRepository {

    public static final Path DEFAULT_SQLITE_FILE = Path.of("arb.db");

    public ArbRepository(Database db) {
        super("arb", db);
    }

    public static Database database(Map<String, String> env) {
        return Database.fromEnvironment(env, DEFAULT_SQLITE_FILE);
    }

    /** A fill as the log decoder sees it (no id, no status yet). */
    public record Fill(String txHash, long logIndex, long blockNumber, Instant blockTimestamp, String symbol, String direction,
                       String inputSymbol, BigDecimal inputAmount, BigInteger inputAmountRaw, String outputSymbol,
                       BigDecimal outputAmount, double ioRatio, BigDecimal pricePerShareCents, Instant createdAt) {
    }

    public record OnchainTrade(long id, String txHash, long logIndex, long blockNumber, Instant blockTimestamp, String symbol,
                               String direction, String inputSymbol, BigDecimal inputAmount, BigInteger inputAmountRaw,
                               String outputSymbol, BigDecimal outputAmount, double ioRatio, BigDecimal pricePerShareCents,
                               String status, Instant createdAt) {
    }

    public record Execution(long id, String symbol, long shares, String direction, String orderId,
                            BigDecimal pricePerShareCents, String status, Instant executedAt, Instant createdAt) {
    }

    public record Link(long onchainTradeId, long executionId, BigDecimal executedAmount, Instant createdAt) {
    }

    public record Accumulator(String symbol, BigDecimal netPosition, BigDecimal accumulatedLong, BigDecimal accumulatedShort,
                              Long pendingExecutionId, Instant lastUpdated) {
    }

    /** Per symbol from the chain: fills, shares the bot holds net (SELL +, BUY -), USDC taken in net. */
    public record OnchainPnl(String symbol, long fills, BigDecimal netShares, BigDecimal netUsdc) {
    }

    /** Per symbol from filled Schwab orders: shares bought and sold, cash in cents (SELL +, BUY -). */
    public record SchwabPnl(String symbol, long orders, long sharesBought, long sharesSold, BigDecimal cashCents) {
    }

    /** A Schwab order and the fills linked to it. */
    public record LinkTotal(long executionId, String symbol, long shares, String status, long fills, BigDecimal linkedShares) {
    }

    // ---- on-chain fills ----------------------------------------------------------------------------

    /** Records a fill; the same (tx_hash, log_index) again changes nothing. Returns the fill's id. */
    public long recordTrade(Fill f) {
        return inTransaction(c -> {
            var inserted = one(c, "trade-insert", p -> p.text(f.txHash()).integer(f.logIndex()).integer(f.blockNumber())
                    .instant(f.blockTimestamp(), TimeForm.RFC3339).text(f.symbol()).text(f.direction()).text(f.inputSymbol())
                    .decimal(f.inputAmount()).uint256(f.inputAmountRaw()).text(f.outputSymbol()).decimal(f.outputAmount())
                    .real(f.ioRatio()).decimal(f.pricePerShareCents()).instant(f.createdAt(), TimeForm.SQL_SECONDS),
                    r -> r.count("id"));
            if (inserted.isPresent()) {
                return inserted.get();
            }
            return one(c, "trade-id", p -> p.text(f.txHash()).integer(f.logIndex()), r -> r.count("id")).orElseThrow();
        });
    }

    public List<OnchainTrade> tradesByStatus(String status) {
        return list("trades-by-status", p -> p.text(status), ArbRepository::trade);
    }

    public boolean setTradeStatus(long id, String status) {
        return update("trade-status", p -> p.text(status).integer(id)) == 1;
    }

    /** Adds a fill's shares to its symbol's accumulator (BUY counts long, SELL short). */
    public void accumulate(String symbol, String direction, BigDecimal shares, Instant at) {
        boolean buy = "BUY".equals(direction);
        update("accumulator-add", p -> p.text(symbol).decimal(buy ? shares : shares.negate())
                .decimal(buy ? shares : BigDecimal.ZERO).decimal(buy ? BigDecimal.ZERO : shares).instant(at, TimeForm.SQL_SECONDS));
    }

    public List<Accumulator> accumulators() {
        return list("accumulators", NONE, r -> new Accumulator(r.text("symbol"), r.decimal("net_position"),
                r.decimal("accumulated_long"), r.decimal("accumulated_short"), r.integer("pending_execution_id"),
                r.instant("last_updated", TimeForm.SQL_SECONDS)));
    }

    // ---- Schwab executions -------------------------------------------------------------------------

    /**
     * Places a whole-share order for fills waiting in an accumulator: the order (PENDING), a link per fill
     * with the shares it contributes, the fills marked ACCUMULATED and the accumulator pointed at the
     * order, all in one transaction. Returns the order's id.
     */
    public long createExecution(String symbol, long shares, String direction, Map<Long, BigDecimal> fillShares, Instant at) {
        return inTransaction(c -> {
            long id = one(c, "execution-insert", p -> p.text(symbol).integer(shares).text(direction).instant(at, TimeForm.SQL_SECONDS),
                    r -> r.count("id")).orElseThrow();
            for (Map.Entry<Long, BigDecimal> e : fillShares.entrySet()) {
                update(c, "link-insert", p -> p.integer(e.getKey()).integer(id).decimal(e.getValue()).instant(at, TimeForm.SQL_SECONDS));
                update(c, "trade-status", p -> p.text("ACCUMULATED").integer(e.getKey()));
            }
            update(c, "accumulator-pending", p -> p.integer(id).instant(at, TimeForm.SQL_SECONDS).text(symbol));
            return id;
        });
    }

    public boolean markSubmitted(long id, String orderId) {
        return update("execution-submitted", p -> p.text(orderId).integer(id)) == 1;
    }

    /** The order filled: its price and time, and every fill linked to it EXECUTED, in one transaction. */
    public boolean markFilled(long id, BigDecimal priceCents, Instant at) {
        return inTransaction(c -> {
            int n = update(c, "execution-filled", p -> p.decimal(priceCents).instant(at, TimeForm.RFC3339).integer(id));
            if (n == 1) {
                update(c, "trades-executed", p -> p.integer(id));
            }
            return n == 1;
        });
    }

    public boolean markFailed(long id, Instant at) {
        return update("execution-failed", p -> p.instant(at, TimeForm.RFC3339).integer(id)) == 1;
    }

    public List<Execution> executionsByStatus(String status) {
        return list("executions-by-status", p -> p.text(status), r -> new Execution(r.count("id"), r.text("symbol"),
                r.count("shares"), r.text("direction"), r.text("order_id"), r.decimal("schwab_price_per_share_cents"),
                r.text("status"), r.instant("executed_at", TimeForm.RFC3339), r.instant("created_at", TimeForm.SQL_SECONDS)));
    }

    public List<Link> linksOf(long executionId) {
        return list("links-of", p -> p.integer(executionId), r -> new Link(r.count("onchain_trade_id"),
                r.count("schwab_execution_id"), r.decimal("executed_amount"), r.instant("created_at", TimeForm.SQL_SECONDS)));
    }

    public List<LinkTotal> linkTotals() {
        return list("link-totals", NONE, r -> new LinkTotal(r.count("id"), r.text("symbol"), r.count("shares"), r.text("status"),
                r.count("fills"), r.decimal("linked_shares")));
    }

    // ---- P&L ---------------------------------------------------------------------------------------

    public List<OnchainPnl> onchainPnl() {
        return list("onchain-pnl", NONE, r -> new OnchainPnl(r.text("symbol"), r.count("fills"), r.decimal("net_shares"),
                r.decimal("net_usdc")));
    }

    public List<SchwabPnl> schwabPnl() {
        return list("schwab-pnl", NONE, r -> new SchwabPnl(r.text("symbol"), r.count("orders"), r.count("shares_bought"),
                r.count("shares_sold"), r.decimal("cash_cents")));
    }

    private static OnchainTrade trade(Row r) throws java.sql.SQLException {
        return new OnchainTrade(r.count("id"), r.text("tx_hash"), r.count("log_index"), r.count("block_number"),
                r.instant("block_timestamp", TimeForm.RFC3339), r.text("symbol"), r.text("direction"),
                r.text("onchain_input_symbol"), r.decimal("onchain_input_amount"), r.uint256("onchain_input_amount_raw"),
                r.text("onchain_output_symbol"), r.decimal("onchain_output_amount"), r.real("onchain_io_ratio"),
                r.decimal("onchain_price_per_share_cents"), r.text("status"), r.instant("created_at", TimeForm.SQL_SECONDS));
    }
}
