SELECT "balance", "total_invested", "total_profit_loss", "trade_count", "created_at", "last_updated"
FROM "portfolio_state"
WHERE "id" = 1;
