SELECT statement FROM pgferry.post_data_state WHERE source = ? AND target_schema = ?
