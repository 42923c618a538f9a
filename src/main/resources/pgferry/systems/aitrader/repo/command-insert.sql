INSERT INTO agent_commands (command, parameters, status, created_at)
VALUES (?, ?, 'PENDING', ?)
RETURNING id
