UPDATE schwab_executions SET status = 'SUBMITTED', order_id = ? WHERE id = ? AND status = 'PENDING'
