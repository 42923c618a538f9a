-- The latest predictions for a symbol (idx_predictions_timestamp_symbol).
SELECT id, timestamp, symbol, timeframe, prediction, confidence, predicted_price, current_price, model_version,
       features, used_by_agent, agent_cycle_number, should_trade, created_at
FROM predictions
WHERE symbol = ?
ORDER BY timestamp DESC, id DESC
LIMIT ?
