-- export-json: the rows of one table in the mapping's order ({columns}, {table} and {order} are quoted identifiers).
SELECT {columns} FROM {table} ORDER BY {order}
