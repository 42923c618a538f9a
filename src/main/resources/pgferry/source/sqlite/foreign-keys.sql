-- Foreign keys of one table (?1 = table name), one row per column pair; "to" is NULL when the
-- constraint names no parent columns (it then references the parent's primary key).
SELECT id, seq, "table" AS parent, "from" AS child_column, "to" AS parent_column, on_update, on_delete
FROM pragma_foreign_key_list(?1)
ORDER BY id, seq
