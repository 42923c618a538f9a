package pgferry.systems.arb.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pgferry.systems.repo.RepoRows.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pgferry.systems.repo.SumDrift;
import javax.sql.DataSource;
import pgferry.systems.arb.repo.ArbRepository.Fill;
import pgferry.systems.repo.Database;
import pgferry.testing.Engine;
import pgferry.testing.ParityResults;
import pgferry.testing.ParityTest;

/** The arbitrage bot's repository on its SQLite file and on PostgreSQL: the same calls, the same answers. */
class ArbRepositoryParityTest {

    private static final String SQLITE = "classpath:pgferry/systems/arb/sqlite/schema.sql";
    private static final String PG = "classpath:pgferry/systems/arb/postgres";
    private static final Instant T = Instant.parse("2025-03-04T15:16:17Z");

    /** A fill of {@code shares} tokens at {@code cents} per share (USDC has 6 decimals: cents with 4). */
    static Fill fill(int n, String symbol, String direction, String shares, String cents) {
        BigDecimal s = new BigDecimal(shares);
        BigDecimal usdc = s.multiply(new BigDecimal(cents)).movePointLeft(2).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .max(new BigDecimal("0.000001")); // one USDC base unit at least
        boolean buy = direction.equals("BUY");
        BigDecimal in = buy ? usdc : s;
        BigDecimal out = buy ? s : usdc;
        BigInteger raw = in.movePointRight(buy ? 6 : 18).toBigIntegerExact();
        String hash = "0x" + String.format("%064x", n);
        return new Fill(hash, n % 3, 24_350_000L + n, n == 3 ? null : T.plusSeconds(12L * n), symbol, direction,
                buy ? "USDC" : "t" + symbol, in, raw, buy ? "t" + symbol : "USDC", out, in.doubleValue() / out.doubleValue(),
                new BigDecimal(cents), T.plusSeconds(12L * n + 2));
    }

    @ParityTest(sqliteSchema = SQLITE, migrations = PG)
    void fillsExecutionsLinksAndPnlAgree(Engine engine, DataSource ds, Connection c, ParityResults results) throws Exception {
        ArbRepository repo = new ArbRepository(Database.of(ds));
        Fill f1 = fill(1, "AAPL", "BUY", "0.5", "22987.5");
        long id1 = repo.recordTrade(f1);
        assertThat(repo.recordTrade(f1)).as("the same log again is the same fill").isEqualTo(id1);
        long id2 = repo.recordTrade(fill(2, "AAPL", "BUY", "0.75", "23001.25"));
        long id3 = repo.recordTrade(fill(3, "NVDA", "SELL", "1.25", "13825"));
        long id4 = repo.recordTrade(fill(4, "AMD", "SELL", "0.000000000000000001", "11921")); // alone: a double sum would absorb 1e-18
        repo.recordTrade(fill(5, "NVDA", "BUY", "0.25", "13830.5"));
        assertThat(id4).isGreaterThan(id3);
        for (long id : new long[] {id1, id2, id3, id4}) {
            assertThat(id).isPositive();
        }
        repo.accumulate("AAPL", "BUY", new BigDecimal("0.5"), T.plusSeconds(30));
        repo.accumulate("AAPL", "BUY", new BigDecimal("0.75"), T.plusSeconds(40));
        repo.accumulate("NVDA", "SELL", new BigDecimal("1.25"), T.plusSeconds(50));

        Map<Long, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(id1, new BigDecimal("0.5"));
        parts.put(id2, new BigDecimal("0.5"));
        long order = repo.createExecution("AAPL", 1, "BUY", parts, T.plusSeconds(60));
        long other = repo.createExecution("NVDA", 1, "SELL", Map.of(id3, new BigDecimal("1")), T.plusSeconds(61));
        assertThat(repo.markFilled(order, new BigDecimal("22990.5"), T.plusSeconds(65))).as("not submitted yet").isFalse();
        assertThat(repo.markSubmitted(order, "1004000001")).isTrue();
        assertThat(repo.markFilled(order, new BigDecimal("22990.5"), T.plusSeconds(65).plusNanos(123_456_000))).isTrue();
        assertThat(repo.markFailed(other, T.plusSeconds(70))).isTrue();

        for (String status : new String[] {"PENDING", "ACCUMULATED", "EXECUTED"}) {
            record(results, engine, "trades " + status, repo.tradesByStatus(status));
        }
        for (String status : new String[] {"PENDING", "SUBMITTED", "FILLED", "FAILED"}) {
            record(results, engine, "executions " + status, repo.executionsByStatus(status));
        }
        record(results, engine, "links of the AAPL order", repo.linksOf(order));
        record(results, engine, "link totals", repo.linkTotals());
        record(results, engine, "accumulators", repo.accumulators());
        record(results, engine, "P&L at Schwab", repo.schwabPnl());
        // USDC amounts such as 172.8125 - 34.57625 are not binary fractions: SQLite's double sum may
        // drift in the last digit (here NVDA: -138.23624999999998 vs exact -138.23625); SumDrift bounds and reports it.
        List<SumDrift.Drift> drift = SumDrift.check(engine, "arb P&L on chain", repo.onchainPnl(), Set.of("netShares", "netUsdc"));
        if (engine == Engine.POSTGRES) {
            assertThat(drift).extracting(Object::toString)
                    .containsExactly("row 3 netUsdc: sqlite -138.23624999999998 vs postgres -138.236250000000000000");
        }
        // the stored rows, each engine's own types: REAL vs numeric, chrono text vs timestamptz, uint256 text vs numeric
        results.record("fills as stored", c, "SELECT id, block_timestamp, onchain_input_amount, onchain_input_amount_raw,"
                + " onchain_io_ratio, onchain_price_per_share_cents, created_at FROM onchain_trades ORDER BY id");
    }

    /**
     * Where the engines legitimately differ. An 18-decimal token amount does not fit a double: SQLite's
     * REAL keeps the nearest double (read back as 1.2345678901234567), PostgreSQL's numeric(38,18) every
     * digit; the raw uint256 (text on SQLite) is exact on both. And sums over REAL are double sums:
     * 0.1 + 0.2 shares net to 0.30000000000000004 on SQLite, 0.3 on PostgreSQL. The parity helper reports
     * each with its row and column.
     */
    @ParityTest(sqliteSchema = SQLITE, migrations = PG)
    void eighteenDecimalsAndRealSumsDriftOnSqliteAndAreReported(Engine engine, DataSource ds, ParityResults results) {
        ArbRepository repo = new ArbRepository(Database.of(ds));
        repo.recordTrade(fill(1, "TSLA", "SELL", "1.234567890123456789", "41253"));
        repo.recordTrade(fill(2, "META", "SELL", "0.1", "59801"));
        repo.recordTrade(fill(3, "META", "SELL", "0.2", "59802"));
        var trade = repo.tradesByStatus("PENDING").get(0);
        assertThat(trade.inputAmountRaw()).isEqualTo(new BigInteger("1234567890123456789"));
        var meta = repo.onchainPnl().stream().filter(p -> p.symbol().equals("META")).findFirst().orElseThrow();
        if (engine == Engine.SQLITE) {
            assertThat(trade.inputAmount()).isEqualByComparingTo("1.2345678901234567");
            assertThat(meta.netShares()).isEqualByComparingTo("0.30000000000000004");
            record(results, engine, "fills", repo.tradesByStatus("PENDING"));
            record(results, engine, "P&L", repo.onchainPnl());
        } else {
            assertThat(trade.inputAmount()).isEqualByComparingTo("1.234567890123456789");
            assertThat(meta.netShares()).isEqualByComparingTo("0.3");
            assertThatThrownBy(() -> record(results, engine, "fills", repo.tradesByStatus("PENDING")))
                    .hasMessageContaining("column 9 \"inputAmount\"")
                    .hasMessageContaining("sqlite:   1.2345678901234567 (BigDecimal)")
                    .hasMessageContaining("postgres: 1.234567890123456789 (BigDecimal)");
            assertThatThrownBy(() -> record(results, engine, "P&L", repo.onchainPnl()))
                    .hasMessageContaining("row 1 of 2, column 3 \"netShares\"")
                    .hasMessageContaining("sqlite:   0.30000000000000004 (BigDecimal)");
        }
    }

    @ParityTest(sqliteSchema = SQLITE, migrations = PG)
    void bothEnginesRefuseAnUnknownStatusAndALinkToNoFill(Engine engine, DataSource ds) {
        ArbRepository repo = new ArbRepository(Database.of(ds));
        long id = repo.recordTrade(fill(1, "AMD", "BUY", "0.5", "11921"));
        assertThatThrownBy(() -> repo.setTradeStatus(id, "LOST")).isInstanceOf(pgferry.systems.repo.RepositoryException.class);
        assertThatThrownBy(() -> repo.createExecution("AMD", 1, "BUY", Map.of(999L, BigDecimal.ONE), T))
                .isInstanceOf(pgferry.systems.repo.RepositoryException.class);
        assertThat(repo.executionsByStatus("PENDING")).as("the failed order was rolled back").isEmpty();
        assertThat(repo.tradesByStatus("PENDING")).hasSize(1);
    }
}
