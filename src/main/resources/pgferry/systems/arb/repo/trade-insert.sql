-- A fill seen on chain. The same log seen again (restart, reorg replay) inserts nothing and returns no row.
INSERT INTO onchain_trades (tx_hash, log_index, block_number, block_timestamp, symbol, direction,
                            onchain_input_symbol, onchain_input_amount, onchain_input_amount_raw,
                            onchain_output_symbol, onchain_output_amount, onchain_io_ratio,
                            onchain_price_per_share_cents, status, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
ON CONFLICT (tx_hash, log_index) DO NOTHING
RETURNING id
