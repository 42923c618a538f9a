-- Per symbol, from the fills on chain: the shares the bot owes or holds (BUY: it sold tokens for USDC,
-- SELL: it bought tokens with USDC) and the USDC it took in net. Sums over REAL on SQLite (doubles),
-- exact over numeric(38,18) on PostgreSQL.
SELECT symbol,
       count(*) AS fills,
       sum(CASE WHEN direction = 'SELL' THEN onchain_input_amount ELSE -onchain_output_amount END) AS net_shares,
       sum(CASE WHEN direction = 'BUY' THEN onchain_input_amount ELSE -onchain_output_amount END) AS net_usdc
FROM onchain_trades
GROUP BY symbol
ORDER BY symbol {bytewise}
