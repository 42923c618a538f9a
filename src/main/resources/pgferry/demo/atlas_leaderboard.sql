-- atlas: the Nexus leaderboard (partial index idx_nexus_leaderboard ON bots (cagr DESC) WHERE visibility = 'nexus')
SELECT id, name, cagr FROM bots WHERE visibility = 'nexus' ORDER BY cagr DESC LIMIT 3
