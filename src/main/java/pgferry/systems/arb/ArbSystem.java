package pgferry.systems.arb;

import static pgferry.systems.SampleFormats.between;
import static pgferry.systems.SampleFormats.hex;
import static pgferry.systems.SampleFormats.real;
import static pgferry.systems.SampleFormats.rfc3339Micros;
import static pgferry.systems.SampleFormats.rfc3339Seconds;
import static pgferry.systems.SampleFormats.sqlDateTime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pgferry.systems.SampleSystem;
import pgferry.systems.SqliteSampleWriter;
import pgferry.systems.SqliteSampleWriter.Rows;

/**
 * The tokenized-stock arbitrage bot (seed 001): fills of its orderbook orders on chain (tAAPL, tNVDA...
 * against USDC), the whole-share Schwab orders that offset them, the links between the two, one
 * accumulator row per symbol and the single Schwab token row.
 *
 * <p>{@code scale} is the number of on-chain trades. Amounts are drawn as exact base units (18
 * decimals for share tokens, 6 for USDC) and stored the way the app stored them: as REAL (a double,
 * so long amounts lose digits; that loss is what the migration demonstrates) plus the exact raw
 * U256 as decimal text in {@code onchain_input_amount_raw}.
 */
public final class ArbSystem implements SampleSystem {

    static final String SCHEMA = "pgferry/systems/arb/sqlite/schema.sql";

    private static final String[] SYMBOLS = {"AAPL", "TSLA", "NVDA", "MSFT", "AMZN", "GOOGL", "META", "SPY", "QQQ", "COIN", "MSTR", "AMD"};
    /** Starting prices in micro-dollars (USDC base units). */
    private static final long[] START_PRICE = {
        229_870_000L, 412_530_000L, 138_250_000L, 430_110_000L, 224_190_000L, 191_400_000L,
        598_010_000L, 591_150_000L, 516_240_000L, 264_520_000L, 333_890_000L, 119_210_000L};
    private static final BigInteger WEI = BigInteger.TEN.pow(18);
    private static final BigInteger MICRO = BigInteger.TEN.pow(6);
    /** 2025-01-02T14:30:00Z, market open of the first trading day of 2025. */
    private static final long START_MICROS = 1_735_828_200_000_000L;

    @Override
    public String name() {
        return "arb";
    }

    @Override
    public String description() {
        return "tokenized-stock arbitrage bot: on-chain fills (18-decimal REAL amounts), Schwab executions (sqlx/SQLite)";
    }

    @Override
    public SourceKind sourceKind() {
        return SourceKind.SQLITE;
    }

    @Override
    public String flywayLocation() {
        return "classpath:pgferry/systems/arb/postgres";
    }

    /** A fill waiting in an accumulator for its whole-share order. */
    private record Fill(long id, Object[] row, BigDecimal shares) {
    }

    /** Per (symbol, direction): the fractional shares and the fills not yet in a Schwab order. */
    private static final class Side {
        BigDecimal accumulated = BigDecimal.ZERO;
        final List<Fill> fills = new ArrayList<>();
    }

    @Override
    public Path generate(int scale, long seed, Path outDir) {
        SplittableRandom r = new SplittableRandom(seed);
        try (SqliteSampleWriter w = SqliteSampleWriter.create(outDir, "arb.db", SCHEMA)) {
            Rows trades = w.rows("onchain_trades", "id", "tx_hash", "log_index", "block_number", "block_timestamp", "symbol",
                    "direction", "onchain_input_symbol", "onchain_input_amount", "onchain_input_amount_raw", "onchain_output_symbol",
                    "onchain_output_amount", "onchain_io_ratio", "onchain_price_per_share_cents", "status", "created_at");
            Rows executions = w.rows("schwab_executions", "id", "symbol", "shares", "direction", "order_id",
                    "schwab_price_per_share_cents", "status", "executed_at", "created_at");
            Rows links = w.rows("trade_execution_links", "onchain_trade_id", "schwab_execution_id", "executed_amount", "created_at");
            Rows accumulators = w.rows("trade_accumulators", "symbol", "net_position", "accumulated_long", "accumulated_short",
                    "pending_execution_id", "last_updated");
            Rows auth = w.rows("schwab_auth", "id", "access_token", "access_token_fetched_at", "refresh_token",
                    "refresh_token_fetched_at", "last_updated");

            int n = SYMBOLS.length;
            long[] price = START_PRICE.clone();
            Side[][] sides = new Side[n][2];
            BigDecimal[] net = new BigDecimal[n];
            long[] lastSeen = new long[n];
            long[] pendingExecution = new long[n];
            for (int s = 0; s < n; s++) {
                sides[s][0] = new Side();
                sides[s][1] = new Side();
                net[s] = BigDecimal.ZERO;
            }
            long t = START_MICROS;
            long block = 24_350_000L;
            String txHash = null;
            long logIndex = 0;
            long executionId = 0;
            long pendingFrom = scale - Math.max(2, scale / 500L);

            for (long id = 1; id <= scale; id++) {
                t += between(r, 1_000_000L, 90_000_000L);
                if (txHash != null && r.nextInt(10) == 0) {
                    logIndex++; // another fill in the same transaction
                } else {
                    block += between(r, 1, 45);
                    txHash = "0x" + hex(r, 64);
                    logIndex = r.nextInt(400);
                }
                int s = r.nextInt(n);
                price[s] = Math.max(1_000_000L, price[s] + price[s] * between(r, -25, 25) / 10_000L);
                boolean buy = r.nextBoolean();
                BigInteger shareWei = shareAmount(r, id);
                BigInteger usdcUnits = new BigDecimal(shareWei.multiply(BigInteger.valueOf(price[s])))
                        .divide(new BigDecimal(WEI), 0, RoundingMode.HALF_EVEN).toBigInteger().max(BigInteger.ONE);
                BigDecimal shares = new BigDecimal(shareWei, 18);
                BigDecimal usdc = new BigDecimal(usdcUnits, 6);
                String token = "t" + SYMBOLS[s];
                // BUY: the bot sold tokens on chain (took USDC in), so Schwab must buy shares back.
                BigInteger inputRaw = buy ? usdcUnits : shareWei;
                BigDecimal input = buy ? usdc : shares;
                BigDecimal output = buy ? shares : usdc;
                double inputReal = real(input);
                double outputReal = real(output);
                long blockSecond = Math.floorDiv(t, 1_000_000L);
                Object[] row = {
                    id, txHash, logIndex, block, r.nextInt(100) == 0 ? null : rfc3339Seconds(blockSecond), SYMBOLS[s],
                    buy ? "BUY" : "SELL", buy ? "USDC" : token, inputReal, inputRaw.toString(), buy ? token : "USDC",
                    outputReal, inputReal / outputReal, real(price[s], 4), null, sqlDateTime(blockSecond + between(r, 1, 4))};
                net[s] = buy ? net[s].add(shares) : net[s].subtract(shares);
                lastSeen[s] = blockSecond;

                Side side = sides[s][buy ? 0 : 1];
                side.fills.add(new Fill(id, row, shares));
                side.accumulated = side.accumulated.add(shares);
                if (side.accumulated.compareTo(BigDecimal.ONE) >= 0) {
                    long whole = side.accumulated.setScale(0, RoundingMode.FLOOR).longValueExact();
                    side.accumulated = side.accumulated.subtract(BigDecimal.valueOf(whole));
                    executionId++;
                    long placed = t + between(r, 4_500_000L, 8_000_000L);
                    String status = id >= pendingFrom ? (r.nextBoolean() ? "PENDING" : "SUBMITTED") : r.nextInt(50) == 0 ? "FAILED" : "FILLED";
                    String orderId = "PENDING".equals(status) ? null : Long.toString(1_004_000_000L + executionId);
                    Double fillCents = "FILLED".equals(status) ? real(price[s] / 100L + between(r, -40, 40), 2) : null;
                    String executedAt = "FILLED".equals(status) || "FAILED".equals(status) ? rfc3339Micros(placed + between(r, 100_000L, 9_000_000L), false) : null;
                    String createdAt = sqlDateTime(Math.floorDiv(placed, 1_000_000L));
                    executions.add(executionId, SYMBOLS[s], whole, buy ? "BUY" : "SELL", orderId, fillCents, status, executedAt, createdAt);
                    pendingExecution[s] = "PENDING".equals(status) ? executionId : 0;
                    for (Fill f : side.fills) {
                        f.row[14] = "FILLED".equals(status) ? "EXECUTED" : "ACCUMULATED";
                        trades.add(f.row);
                        links.add(f.id, executionId, real(f.shares), createdAt);
                    }
                    side.fills.clear();
                }
            }
            for (int s = 0; s < n; s++) {
                for (Side side : sides[s]) {
                    for (Fill f : side.fills) {
                        f.row[14] = f.id > scale - 5 ? "PENDING" : "ACCUMULATED";
                        trades.add(f.row);
                    }
                }
                if (lastSeen[s] > 0) {
                    accumulators.add(SYMBOLS[s], real(net[s]), real(sides[s][0].accumulated), real(sides[s][1].accumulated),
                            pendingExecution[s] == 0 ? null : pendingExecution[s], sqlDateTime(lastSeen[s] + 5));
                }
            }
            long authMicros = t + 60_000_000L;
            auth.add(1L, "FAKE-ACCESS-" + hex(r, 40), rfc3339Micros(authMicros, true), "FAKE-REFRESH-" + hex(r, 40),
                    rfc3339Micros(authMicros - 86_400_000_000L * between(r, 0, 6), true), sqlDateTime(Math.floorDiv(authMicros, 1_000_000L)));
            return w.finish();
        }
    }

    /**
     * Share-token amounts in base units (18 decimals): mostly 0.001 to 2.5 shares with every digit
     * used, plus the edge values a migration must carry: one base unit, 0.1, 0.3, all 18 decimals,
     * and a huge block trade.
     */
    private static BigInteger shareAmount(SplittableRandom r, long id) {
        if (id == 1) {
            return BigInteger.ONE; // 0.000000000000000001
        } else if (id == 2) {
            return WEI.divide(BigInteger.TEN); // 0.1
        } else if (id == 3) {
            return new BigInteger("12345678123456789012345678"); // 12345678.123456789012345678
        } else if (id == 4) {
            return new BigInteger("300000000000000000"); // 0.3
        } else if (id == 5) {
            return new BigInteger("999999999999999999"); // 0.999999999999999999
        }
        int kind = r.nextInt(20);
        if (kind == 0) {
            return BigInteger.valueOf(between(r, 1, 9)).multiply(WEI.divide(BigInteger.valueOf(100))); // 0.01 .. 0.09
        }
        long micro = between(r, 1_000L, 2_500_000L); // 0.001 .. 2.5 shares
        return BigInteger.valueOf(micro).multiply(MICRO.multiply(MICRO)).add(BigInteger.valueOf(r.nextLong(1_000_000_000_000L)));
    }
}
