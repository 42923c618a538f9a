INSERT INTO predictions (timestamp, symbol, timeframe, prediction, confidence, predicted_price, current_price,
                         model_version, features, used_by_agent, agent_cycle_number, should_trade, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id
