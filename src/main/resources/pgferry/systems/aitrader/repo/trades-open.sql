-- Open positions, oldest first (idx_trades_status).
SELECT id, prediction_id, symbol, side, quantity, entry_price, exit_price, stop_loss, take_profit, entry_time, exit_time,
       status, pnl, pnl_percent, execution_mode, broker, mt5_ticket, explanation_id, created_at
FROM trades
WHERE status = 'OPEN'
ORDER BY entry_time, id
