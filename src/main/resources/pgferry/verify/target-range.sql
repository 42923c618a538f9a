-- The rows of a target table whose integer key lies in [?, ?].
SELECT {columns} FROM {table} WHERE {key} BETWEEN ? AND ?
