UPDATE onchain_trades SET status = ? WHERE id = ?
