package pgferry.bench.store;

import java.time.Instant;
import pgferry.bench.Answer;
import pgferry.bench.data.Trade;

/** prescient's paper trades, four ways. Every answer's columns and order are fixed by {@link TradeAnswers}. */
public interface TradeStore extends AutoCloseable {
    /** Point lookup: the trade with this trade_id. */
    Answer tradeById(String tradeId);

    /** Range: one market's trades with from <= timestamp < to, by timestamp then trade_id. */
    Answer marketWindow(String marketId, Instant from, Instant to);

    /** Aggregate: per market (by market_id) the trade count, the sum of amount and the sum of realized_pnl. */
    Answer pnlPerMarket();

    /** Append one trade. */
    void append(Trade trade);

    @Override
    void close();
}
