-- Closed-trade results per execution mode and broker: count, winners, total P&L (a REAL sum on SQLite).
SELECT execution_mode, broker, count(*) AS trades,
       sum(CASE WHEN pnl > 0 THEN 1 ELSE 0 END) AS winners,
       sum(pnl) AS total_pnl
FROM trades
WHERE status = 'CLOSED'
GROUP BY execution_mode, broker
ORDER BY execution_mode {bytewise}, broker {bytewise} NULLS FIRST
