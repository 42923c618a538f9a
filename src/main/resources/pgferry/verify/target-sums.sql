-- Per key range of a target table with a single integer key: row count and the sum of each row's
-- 64-bit hash, computed inside PostgreSQL so only the ranges' sums come back. A row's hash: the first
-- 8 bytes of md5 over the row of its canonical values as record text, ROW(c0, c1, ...)::text
-- (NULL empty, values quoted when needed: the form is unambiguous). Parameters: the range layout's
-- min and width. {values}: the canonical-value expressions of verify/canonical-exprs.properties,
-- named c0, c1, ...; {row}: c0, c1, ...
SELECT b, count(*), sum(h)::text
FROM (
    SELECT LEAST(GREATEST((k - ?) / ?, 0), {last_bucket}) AS b,
           ('x' || md5(ROW({row})::text))::bit(64)::bigint AS h
    FROM (SELECT {key}::bigint AS k, {values} FROM {table}) v
) r
GROUP BY b
