-- The nightly cron's result for one pair and period (unique bot1_id, bot2_id, period).
INSERT INTO nexus_correlations (bot1_id, bot2_id, correlation, period, computed_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (bot1_id, bot2_id, period) DO UPDATE SET
  correlation = excluded.correlation,
  computed_at = excluded.computed_at
