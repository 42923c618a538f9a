INSERT INTO circuit_breaker_events (breaker_type, triggered_at, threshold, actual_value, action_taken, details)
VALUES (?, ?, ?, ?, ?, ?)
RETURNING id
