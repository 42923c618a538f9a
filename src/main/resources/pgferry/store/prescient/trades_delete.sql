DELETE FROM "trades" WHERE "trade_id" = ?;
