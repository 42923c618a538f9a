-- Per symbol, from the filled Schwab orders: shares bought and sold and the cash in cents (SELL +, BUY -).
SELECT symbol,
       count(*) AS orders,
       sum(CASE WHEN direction = 'BUY' THEN shares ELSE 0 END) AS shares_bought,
       sum(CASE WHEN direction = 'SELL' THEN shares ELSE 0 END) AS shares_sold,
       sum(CASE WHEN direction = 'SELL' THEN shares * schwab_price_per_share_cents
                ELSE -shares * schwab_price_per_share_cents END) AS cash_cents
FROM schwab_executions
WHERE status = 'FILLED'
GROUP BY symbol
ORDER BY symbol {bytewise}
