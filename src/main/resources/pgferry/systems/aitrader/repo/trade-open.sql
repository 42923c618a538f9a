INSERT INTO trades (prediction_id, symbol, side, quantity, entry_price, stop_loss, take_profit, entry_time, status,
                    execution_mode, broker, mt5_ticket, explanation_id, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)
RETURNING id
