-- Moves an identity column's sequence past the loaded maximum and past SQLite's own AUTOINCREMENT
-- value: the next generated value is greatest(max, sequence) + 1. Parameters: the quoted qualified
-- table name, the column name, SQLite's sequence (or NULL). Nothing changes when both are NULL.
SELECT setval(pg_get_serial_sequence(?, ?), greatest((SELECT max({column}) FROM {table}), ?::bigint), true)
