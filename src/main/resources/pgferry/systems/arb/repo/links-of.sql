SELECT onchain_trade_id, schwab_execution_id, executed_amount, created_at
FROM trade_execution_links
WHERE schwab_execution_id = ?
ORDER BY onchain_trade_id
