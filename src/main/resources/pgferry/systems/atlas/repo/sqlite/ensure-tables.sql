-- nexus_correlations is new with seed 000's move; a local SQLite file made before it lacks the table,
-- so the app creates it (drizzle style: epoch milliseconds for the time). PostgreSQL has it from Flyway.
CREATE TABLE IF NOT EXISTS nexus_correlations (
  id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  bot1_id text NOT NULL,
  bot2_id text NOT NULL,
  correlation real NOT NULL CHECK (correlation BETWEEN -1 AND 1),
  period text DEFAULT 'full' CHECK (period IN ('full', '1y', '3y', '5y')),
  computed_at integer NOT NULL,
  UNIQUE (bot1_id, bot2_id, period)
)
