-- arb in PostgreSQL. Token inputs (SELL) have 18 decimals, USDC inputs (BUY) 6: the exact amount is
-- the raw uint256 times 1e-18 or 1e-6, computed exactly in NUMERIC.
SELECT count(*) FILTER (WHERE onchain_input_symbol <> 'USDC'),
       sum(onchain_input_amount_raw * 0.000000000000000001) FILTER (WHERE onchain_input_symbol <> 'USDC'),
       count(*) FILTER (WHERE onchain_input_amount <> onchain_input_amount_raw *
                              CASE WHEN onchain_input_symbol = 'USDC' THEN 0.000001 ELSE 0.000000000000000001 END),
       count(*),
       sum(onchain_price_per_share_cents)
FROM onchain_trades
