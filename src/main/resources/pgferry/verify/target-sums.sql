-- Per key range of a target table with a single integer key: row count and the sum of each row's
-- 64-bit hash (the first 8 bytes of md5 over the row's canonical values, each written as
-- <UTF-8 length>:<text>, NULL as N), computed inside PostgreSQL so only 4096 rows come back.
-- Parameters: the range layout's min and width. {values}: the canonical-value expressions of
-- verify/canonical-exprs.properties named c0, c1, ...; {parts}: their encodings joined with ||.
-- OFFSET 0 keeps each expression evaluated once per row.
SELECT b, count(*), sum(h)::text
FROM (
    SELECT LEAST(GREATEST((k - ?) / ?, 0), {last_bucket}) AS b,
           ('x' || left(md5({parts}), 16))::bit(64)::bigint AS h
    FROM (SELECT {key}::bigint AS k, {values} FROM {table} OFFSET 0) v
) r
GROUP BY b
