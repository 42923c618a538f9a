SELECT "timestamp", "market_id", "market_question", "action", "target_price", "amount", "confidence",
       "reason", "yes_price", "no_price", "market_liquidity", "market_volume", "event_id", "event_title",
       "event_end_date", "executed", "executed_at", "trade_id"
FROM "trading_signals"
WHERE "market_id" = ? AND "timestamp" = ?
ORDER BY "id"
LIMIT 1;
