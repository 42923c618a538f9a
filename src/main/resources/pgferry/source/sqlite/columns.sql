-- Columns of one table (?1 = table name), generated columns included (hidden 2 = virtual, 3 = stored).
SELECT cid, name, type, "notnull" AS not_null, dflt_value, pk, hidden
FROM pragma_table_xinfo(?1)
ORDER BY cid
