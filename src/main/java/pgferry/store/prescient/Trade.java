package pgferry.store.prescient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One paper trade of prescient ({@code data/trades/paper_trades.json} element, {@code trades} row). Money is exact. */
public record Trade(
        String tradeId,
        OffsetDateTime timestamp,
        String marketId,
        String marketQuestion,
        String action,
        BigDecimal amount,
        BigDecimal entryPrice,
        BigDecimal confidence,
        String reason,
        String status,
        String eventId,
        String eventTitle,
        OffsetDateTime eventEndDate,
        BigDecimal currentPnl,
        BigDecimal realizedPnl,
        BigDecimal exitPrice,
        OffsetDateTime exitTimestamp) {

    /** The trade closed at {@code price} at {@code at}, with its realized P&L. */
    public Trade closed(BigDecimal price, OffsetDateTime at, BigDecimal realized) {
        return new Trade(tradeId, timestamp, marketId, marketQuestion, action, amount, entryPrice, confidence, reason,
                "closed", eventId, eventTitle, eventEndDate, null, realized, price, at);
    }
}
