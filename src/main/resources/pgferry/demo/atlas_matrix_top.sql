-- the refreshed matrix: how many pairs, and the most correlated one
SELECT (SELECT count(*) FROM nexus_correlation_matrix) AS pairs, bot1_id, bot2_id, round(correlation::numeric, 4), overlap_days
FROM nexus_correlation_matrix
ORDER BY correlation DESC NULLS LAST, bot1_id, bot2_id
LIMIT 1
