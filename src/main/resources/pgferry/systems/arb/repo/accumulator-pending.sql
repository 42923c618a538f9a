UPDATE trade_accumulators SET pending_execution_id = ?, last_updated = ? WHERE symbol = ?
