-- export-json: the rows of a table whose mapping gives no order and no key.
SELECT {columns} FROM {table}
