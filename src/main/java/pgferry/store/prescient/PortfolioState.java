package pgferry.store.prescient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Prescient's current portfolio ({@code data/trades/portfolio.json}, the single {@code portfolio_state} row). */
public record PortfolioState(
        BigDecimal balance,
        BigDecimal totalInvested,
        BigDecimal totalProfitLoss,
        long tradeCount,
        OffsetDateTime createdAt,
        OffsetDateTime lastUpdated) {
}
