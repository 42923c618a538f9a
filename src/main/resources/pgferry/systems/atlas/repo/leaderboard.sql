-- The Nexus leaderboard: top N Nexus bots by CAGR. On PostgreSQL the partial index
-- idx_nexus_leaderboard (cagr DESC) WHERE visibility = 'nexus' serves it. Bots without a backtest
-- (cagr NULL) are not ranked: the two engines would place NULLs at opposite ends of DESC.
SELECT id, name, symbol, cagr, sharpe, max_drawdown, total_return
FROM bots
WHERE visibility = 'nexus' AND cagr IS NOT NULL
ORDER BY cagr DESC, id {bytewise}
LIMIT ?
