-- Per Schwab order: how many fills went into it and their total shares against the order's whole shares.
SELECT e.id, e.symbol, e.shares, e.status, count(l.onchain_trade_id) AS fills, sum(l.executed_amount) AS linked_shares
FROM schwab_executions e
LEFT JOIN trade_execution_links l ON l.schwab_execution_id = e.id
GROUP BY e.id, e.symbol, e.shares, e.status
ORDER BY e.id
