-- Average text width in bytes of a sample of a target table's rows ({widths}: octet_length("col"::text) terms).
SELECT coalesce(avg({widths}), 0)::bigint FROM (SELECT * FROM {table} LIMIT 1000) s
