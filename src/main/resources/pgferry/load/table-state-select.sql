SELECT table_name, status, rows_source, rows_loaded, rows_rejected, bytes, millis
FROM pgferry.table_state WHERE source = ? AND target_schema = ?
