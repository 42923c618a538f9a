-- export-json: the last row (in the mapping's order) of a table that feeds a field of a file's wrapper object.
SELECT {columns} FROM {table} ORDER BY {order} LIMIT 1
