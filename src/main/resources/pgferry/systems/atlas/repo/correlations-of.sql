SELECT bot1_id, bot2_id, correlation, period, computed_at
FROM nexus_correlations
WHERE (bot1_id = ? OR bot2_id = ?) AND period = ?
ORDER BY correlation DESC, bot1_id {bytewise}, bot2_id {bytewise}
