INSERT INTO schwab_executions (symbol, shares, direction, status, created_at)
VALUES (?, ?, ?, 'PENDING', ?)
RETURNING id
