-- The agent takes the oldest PENDING command. One UPDATE is atomic on SQLite (the writer holds the
-- database lock), so two agents cannot take the same command.
UPDATE agent_commands SET status = 'PROCESSING', processed_at = ?
WHERE id = (SELECT id FROM agent_commands WHERE status = 'PENDING' ORDER BY id LIMIT 1)
RETURNING id, command, parameters, status, created_at, processed_at, result, error_message
