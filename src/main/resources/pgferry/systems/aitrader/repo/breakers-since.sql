-- Events since a time (idx_circuit_breaker_triggered); times compare as instants on PostgreSQL and as
-- same-form text on SQLite.
SELECT id, breaker_type, triggered_at, threshold, actual_value, action_taken, details, resolved_at
FROM circuit_breaker_events
WHERE triggered_at >= ?
ORDER BY triggered_at, id
