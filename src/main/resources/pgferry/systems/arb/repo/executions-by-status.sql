SELECT id, symbol, shares, direction, order_id, schwab_price_per_share_cents, status, executed_at, created_at
FROM schwab_executions
WHERE status = ?
ORDER BY id
