INSERT INTO trade_execution_links (onchain_trade_id, schwab_execution_id, executed_amount, created_at)
VALUES (?, ?, ?, ?)
