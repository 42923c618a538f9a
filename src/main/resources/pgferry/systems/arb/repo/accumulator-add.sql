-- Adds one fill to its symbol's accumulator (creating the row on the symbol's first fill).
-- The running sums are computed by the database: REAL arithmetic on SQLite, exact on PostgreSQL.
INSERT INTO trade_accumulators (symbol, net_position, accumulated_long, accumulated_short, last_updated)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (symbol) DO UPDATE SET
  net_position = trade_accumulators.net_position + excluded.net_position,
  accumulated_long = trade_accumulators.accumulated_long + excluded.accumulated_long,
  accumulated_short = trade_accumulators.accumulated_short + excluded.accumulated_short,
  last_updated = excluded.last_updated
