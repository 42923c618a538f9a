-- Rows whose primary key repeats an earlier row's (in load order = ctid order of a fresh table):
-- their position in load order (1-based), their ctid, their key and whole row as text.
SELECT s.n, s.ctid::text, s.row_text
FROM (SELECT t.ctid,
             row_number() OVER (ORDER BY t.ctid) AS n,
             row_number() OVER (PARTITION BY {key} ORDER BY t.ctid) AS k,
             t::text AS row_text
      FROM {table} t) s
WHERE s.k > 1
ORDER BY s.n
