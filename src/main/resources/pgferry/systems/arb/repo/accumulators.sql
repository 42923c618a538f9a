SELECT symbol, net_position, accumulated_long, accumulated_short, pending_execution_id, last_updated
FROM trade_accumulators
ORDER BY symbol {bytewise}
