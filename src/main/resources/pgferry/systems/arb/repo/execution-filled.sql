UPDATE schwab_executions SET status = 'FILLED', schwab_price_per_share_cents = ?, executed_at = ?
WHERE id = ? AND status = 'SUBMITTED'
