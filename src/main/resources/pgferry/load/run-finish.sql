UPDATE pgferry.migration_run SET finished_at = now(), status = ? WHERE run_id = ?
