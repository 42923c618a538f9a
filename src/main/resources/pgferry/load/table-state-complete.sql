-- Written in the same transaction as the table's data, so the table and its state commit together.
INSERT INTO pgferry.table_state (source, target_schema, table_name, status, run_id, rows_source, rows_loaded,
                                 rows_rejected, bytes, millis)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (source, target_schema, table_name) DO UPDATE SET
    status = EXCLUDED.status, run_id = EXCLUDED.run_id, rows_source = EXCLUDED.rows_source,
    rows_loaded = EXCLUDED.rows_loaded, rows_rejected = EXCLUDED.rows_rejected, bytes = EXCLUDED.bytes,
    millis = EXCLUDED.millis, finished_at = now()
