-- equity_curves go with it (ON DELETE CASCADE on both engines; SQLite with foreign_keys on).
DELETE FROM bots WHERE id = ?
