INSERT INTO pgferry.migration_run (source, options) VALUES (?, ?) RETURNING run_id
