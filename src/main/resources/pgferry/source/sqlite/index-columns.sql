-- Key columns of one index (?1 = index name). cid -2 = an expression, -1 = the rowid.
SELECT seqno, cid, name, "desc" AS descending, coll
FROM pragma_index_xinfo(?1)
WHERE key = 1
ORDER BY seqno
