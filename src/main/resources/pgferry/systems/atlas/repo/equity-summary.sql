-- Per bot: points, first and last day, lowest and highest equity, and the sum of its daily equities
-- (REAL on SQLite: the sum is a double and may drift from the exact NUMERIC sum; see the parity tests).
SELECT bot_id, count(*) AS points, min(date) AS first_day, max(date) AS last_day,
       min(equity) AS low, max(equity) AS high, sum(equity) AS equity_sum
FROM equity_curves
GROUP BY bot_id
ORDER BY bot_id {bytewise}
