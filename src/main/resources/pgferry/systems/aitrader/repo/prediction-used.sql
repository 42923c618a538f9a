UPDATE predictions SET used_by_agent = ?, agent_cycle_number = ? WHERE id = ?
