-- Streams a table: the rowid (or NULL for WITHOUT ROWID tables), then the columns' raw values.
-- The storage class of each value is sqlite3_column_type (what typeof() reports), read per row.
SELECT {rowid}, {columns} FROM {table} ORDER BY {order}
