-- One point of a bot's equity curve; a re-run backtest overwrites the day (unique bot_id, date).
INSERT INTO equity_curves (bot_id, date, equity)
VALUES (?, ?, ?)
ON CONFLICT (bot_id, date) DO UPDATE SET equity = excluded.equity
