package pgferry.store.prescient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One trading signal of prescient ({@code data/trades/current_signals.json} "signals" element,
 * {@code trading_signals} row). A signal has no id of its own: its natural key is its market and the
 * instant it was generated ({@link Signals#key}).
 */
public record TradingSignal(
        OffsetDateTime timestamp,
        String marketId,
        String marketQuestion,
        String action,
        BigDecimal targetPrice,
        BigDecimal amount,
        BigDecimal confidence,
        String reason,
        BigDecimal yesPrice,
        BigDecimal noPrice,
        BigDecimal marketLiquidity,
        BigDecimal marketVolume,
        String eventId,
        String eventTitle,
        OffsetDateTime eventEndDate,
        Boolean executed,
        OffsetDateTime executedAt,
        String tradeId) {
}
