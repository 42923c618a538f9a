-- The agent takes the oldest PENDING command. FOR UPDATE SKIP LOCKED: concurrent agents each take a
-- different command instead of waiting on (or both taking) the same row.
UPDATE agent_commands SET status = 'PROCESSING', processed_at = ?
WHERE id = (SELECT id FROM agent_commands WHERE status = 'PENDING' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, command, parameters, status, created_at, processed_at, result, error_message
