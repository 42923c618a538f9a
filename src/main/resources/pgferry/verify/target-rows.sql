-- Every row of a target table, each column as PostgreSQL's text output ({columns} are "col"::text).
SELECT {columns} FROM {table}
