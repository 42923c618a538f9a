SELECT id FROM trades WHERE explanation_id = ? ORDER BY id
