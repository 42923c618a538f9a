-- Indexes of one table (?1 = table name). origin: 'c' = CREATE INDEX, 'u' = UNIQUE constraint,
-- 'pk' = PRIMARY KEY. sql is NULL for the automatic ones.
SELECT l.name AS name, l."unique" AS is_unique, l.origin AS origin, l.partial AS partial, s.sql AS sql
FROM pragma_index_list(?1) AS l
LEFT JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = l.name
ORDER BY l.name
