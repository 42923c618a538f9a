-- arb in its SQLite source: the same sums over REAL (IEEE doubles)
SELECT count(*) FILTER (WHERE onchain_input_symbol <> 'USDC'),
       sum(onchain_input_amount) FILTER (WHERE onchain_input_symbol <> 'USDC'),
       count(*),
       sum(onchain_price_per_share_cents)
FROM onchain_trades
