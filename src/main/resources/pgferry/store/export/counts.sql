-- export-json: records per output file ({groups} are the file name's capture columns, or a constant).
SELECT {groups}, count(*) FROM {table} GROUP BY {groups}
