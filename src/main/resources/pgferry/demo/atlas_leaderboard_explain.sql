EXPLAIN (COSTS OFF) SELECT id, name, cagr FROM bots WHERE visibility = 'nexus' ORDER BY cagr DESC LIMIT 3
