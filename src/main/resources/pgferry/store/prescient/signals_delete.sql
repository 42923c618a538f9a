DELETE FROM "trading_signals" WHERE "market_id" = ? AND "timestamp" = ?;
