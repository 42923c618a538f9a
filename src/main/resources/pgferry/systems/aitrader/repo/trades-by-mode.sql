-- Trades of one execution mode and broker (NULL broker matches NULL: IS NOT DISTINCT FROM, SQLite >= 3.39).
SELECT id, prediction_id, symbol, side, quantity, entry_price, exit_price, stop_loss, take_profit, entry_time, exit_time,
       status, pnl, pnl_percent, execution_mode, broker, mt5_ticket, explanation_id, created_at
FROM trades
WHERE execution_mode = ? AND broker IS NOT DISTINCT FROM ?
ORDER BY entry_time, id
