SELECT id, owner_id, name, description, payload, visibility, symbol, cagr, sharpe, max_drawdown, total_return,
       backtest_start, backtest_end, is_featured, created_at, updated_at
FROM bots
WHERE id = ?
