UPDATE circuit_breaker_events SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL
