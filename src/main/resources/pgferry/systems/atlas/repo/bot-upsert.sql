-- Save a bot from the editor: insert, or update everything but its owner and creation time.
INSERT INTO bots (id, owner_id, name, description, payload, visibility, symbol, cagr, sharpe, max_drawdown,
                  total_return, backtest_start, backtest_end, is_featured, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  name = excluded.name,
  description = excluded.description,
  payload = excluded.payload,
  visibility = excluded.visibility,
  symbol = excluded.symbol,
  cagr = excluded.cagr,
  sharpe = excluded.sharpe,
  max_drawdown = excluded.max_drawdown,
  total_return = excluded.total_return,
  backtest_start = excluded.backtest_start,
  backtest_end = excluded.backtest_end,
  is_featured = excluded.is_featured,
  updated_at = excluded.updated_at
