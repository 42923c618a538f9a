INSERT INTO pgferry.post_data_state (source, target_schema, statement, run_id) VALUES (?, ?, ?, ?)
ON CONFLICT DO NOTHING
