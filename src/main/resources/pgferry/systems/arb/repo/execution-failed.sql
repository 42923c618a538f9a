UPDATE schwab_executions SET status = 'FAILED', executed_at = ? WHERE id = ? AND status IN ('PENDING', 'SUBMITTED')
