-- Columns of an existing target table (for --data-only): name, type, NOT NULL, has a default or identity.
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS has_default
FROM pg_attribute a
WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
