-- The fills behind a filled Schwab order are done.
UPDATE onchain_trades SET status = 'EXECUTED'
WHERE id IN (SELECT onchain_trade_id FROM trade_execution_links WHERE schwab_execution_id = ?)
