UPDATE trades SET status = 'CLOSED', exit_price = ?, exit_time = ?, pnl = ?, pnl_percent = ?
WHERE id = ? AND status = 'OPEN'
