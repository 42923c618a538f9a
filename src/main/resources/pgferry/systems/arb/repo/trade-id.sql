SELECT id FROM onchain_trades WHERE tx_hash = ? AND log_index = ?
