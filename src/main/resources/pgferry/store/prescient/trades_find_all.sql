SELECT "trade_id", "timestamp", "market_id", "market_question", "action", "amount", "entry_price", "confidence",
       "reason", "status", "event_id", "event_title", "event_end_date", "current_pnl", "realized_pnl",
       "exit_price", "exit_timestamp"
FROM "trades"
ORDER BY "timestamp", "trade_id";
