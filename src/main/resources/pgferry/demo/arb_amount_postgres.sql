SELECT onchain_input_amount, (onchain_input_amount_raw * 0.000000000000000001)::numeric(38,18)
FROM onchain_trades WHERE id = ?
