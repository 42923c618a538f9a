-- the token trade with the most digits in its raw amount: the one a double holds least well
SELECT id, onchain_input_amount, onchain_input_amount_raw FROM onchain_trades
WHERE onchain_input_symbol <> 'USDC'
ORDER BY length(onchain_input_amount_raw) DESC, id LIMIT 1
