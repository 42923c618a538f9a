package pgferry.bench.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pgferry.bench.Answer;
import pgferry.bench.data.Trade;

/** The columns of each trade answer, and the in-memory computations the JSON stores share. */
public final class TradeAnswers {
    private TradeAnswers() {
    }

    /** trade_id, timestamp, market_id, action, amount, entry_price, status, realized_pnl. */
    public static Answer one(Trade t) {
        return t == null ? Answer.empty() : Answer.row(t.tradeId(), t.timestamp(), t.marketId(), t.action(), t.amount(),
                t.entryPrice(), t.status(), t.realizedPnl());
    }

    /** trade_id, timestamp, amount. */
    public static List<Object> windowRow(String tradeId, Instant timestamp, BigDecimal amount) {
        return Arrays.asList(tradeId, timestamp, amount);
    }

    /** Sorts window rows by timestamp, then trade_id (as the SQL's ORDER BY). */
    @SuppressWarnings("unchecked")
    public static Answer window(List<List<Object>> rows) {
        rows.sort((a, b) -> {
            int c = ((Instant) a.get(1)).compareTo((Instant) b.get(1));
            return c != 0 ? c : ((String) a.get(0)).compareTo((String) b.get(0));
        });
        return Answer.of(rows);
    }

    /** Per-market running totals, ordered by market_id (byte order of ASCII ids, as COLLATE "C" / SQLite BINARY). */
    public static final class PnlTotals {
        private final Map<String, Object[]> byMarket = new TreeMap<>();

        public void add(String marketId, BigDecimal amount, BigDecimal realizedPnl) {
            Object[] acc = byMarket.computeIfAbsent(marketId, k -> new Object[]{0L, BigDecimal.ZERO, null});
            acc[0] = (Long) acc[0] + 1;
            acc[1] = ((BigDecimal) acc[1]).add(amount);
            if (realizedPnl != null) {
                acc[2] = acc[2] == null ? realizedPnl : ((BigDecimal) acc[2]).add(realizedPnl);
            }
        }

        /** market_id, count, sum(amount), sum(realized_pnl). */
        public Answer answer() {
            List<List<Object>> rows = new ArrayList<>(byMarket.size());
            byMarket.forEach((m, acc) -> rows.add(Arrays.asList(m, acc[0], acc[1], acc[2])));
            return Answer.of(rows);
        }
    }
}
