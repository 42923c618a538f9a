UPDATE agent_commands SET status = ?, processed_at = ?, result = ?, error_message = ?
WHERE id = ? AND status = 'PROCESSING'
