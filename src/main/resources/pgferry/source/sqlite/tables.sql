-- User tables and views of the main schema. Internal sqlite_* objects are left out.
-- kind: 'table', 'view', 'virtual' or 'shadow' (from pragma_table_list); wr: WITHOUT ROWID; strict: STRICT.
SELECT s.type AS type, s.name AS name, s.sql AS sql, l.type AS kind, l.wr AS wr, l.strict AS strict
FROM sqlite_schema AS s
LEFT JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = s.name
WHERE s.type IN ('table', 'view')
  AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY s.name
