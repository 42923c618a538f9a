SELECT id, command, parameters, status, created_at, processed_at, result, error_message
FROM agent_commands
WHERE status = ?
ORDER BY id
