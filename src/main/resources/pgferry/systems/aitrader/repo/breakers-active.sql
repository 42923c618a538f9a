SELECT id, breaker_type, triggered_at, threshold, actual_value, action_taken, details, resolved_at
FROM circuit_breaker_events
WHERE resolved_at IS NULL
ORDER BY triggered_at, id
