-- aitrader: the trade explanation referred to by the most trades
SELECT explanation_id, count(*) FROM trades WHERE explanation_id IS NOT NULL
GROUP BY explanation_id ORDER BY count(*) DESC, explanation_id LIMIT 1
