-- arb: the tokenized-stock arbitrage bot (Rust, sqlx, SQLite) as it kept its data before PostgreSQL.
-- Written the way its sqlx migrations were: plain SQLite DDL, REAL for every amount (the seed's TODO:
-- f64 loses precision on 18-decimal tokens), DATETIME/TIMESTAMP columns holding text, CHECK constraints
-- on directions and statuses, AUTOINCREMENT keys.
--
-- Timestamps as the app wrote them:
--   created_at / last_updated  DEFAULT CURRENT_TIMESTAMP            -> '2025-03-04 15:16:17'
--   block_timestamp, executed_at  chrono DateTime<Utc> bound by sqlx -> '2025-03-04T15:16:17.123456+00:00'
--   *_fetched_at (schwab_auth)   chrono, RFC 3339 with Z             -> '2025-03-04T15:16:17.123456Z'

-- Every fill of the bot's orderbook orders seen on chain: an immutable blockchain fact.
CREATE TABLE onchain_trades (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  tx_hash TEXT NOT NULL CHECK (length(tx_hash) = 66 AND tx_hash LIKE '0x%'),
  log_index INTEGER NOT NULL CHECK (log_index >= 0),
  block_number INTEGER NOT NULL CHECK (block_number > 0),
  block_timestamp DATETIME,
  symbol TEXT NOT NULL CHECK (symbol != ''),
  direction TEXT NOT NULL CHECK (direction IN ('BUY', 'SELL')),

  onchain_input_symbol TEXT NOT NULL,
  -- f64 on the Rust side: 18-decimal share tokens lose digits here
  onchain_input_amount REAL NOT NULL CHECK (onchain_input_amount > 0.0),
  -- the U256 from the log, base units of the input token, kept as exact decimal text
  onchain_input_amount_raw TEXT NOT NULL,
  onchain_output_symbol TEXT NOT NULL,
  onchain_output_amount REAL NOT NULL CHECK (onchain_output_amount > 0.0),
  onchain_io_ratio REAL NOT NULL CHECK (onchain_io_ratio > 0.0),
  onchain_price_per_share_cents REAL NOT NULL CHECK (onchain_price_per_share_cents > 0.0),

  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCUMULATED', 'EXECUTED')),
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (tx_hash, log_index)
);

-- Whole-share market orders placed at Schwab to offset the on-chain fills.
CREATE TABLE schwab_executions (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  symbol TEXT NOT NULL CHECK (symbol != ''),
  shares INTEGER NOT NULL CHECK (shares > 0),
  direction TEXT NOT NULL CHECK (direction IN ('BUY', 'SELL')),
  order_id TEXT CHECK (order_id IS NULL OR order_id != ''),
  schwab_price_per_share_cents REAL CHECK (schwab_price_per_share_cents IS NULL OR schwab_price_per_share_cents > 0.0),
  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUBMITTED', 'FILLED', 'FAILED')),
  executed_at DATETIME,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK (
    (status = 'PENDING' AND order_id IS NULL AND executed_at IS NULL AND schwab_price_per_share_cents IS NULL) OR
    (status = 'SUBMITTED' AND order_id IS NOT NULL AND executed_at IS NULL) OR
    (status = 'FILLED' AND order_id IS NOT NULL AND executed_at IS NOT NULL AND schwab_price_per_share_cents IS NOT NULL) OR
    (status = 'FAILED' AND executed_at IS NOT NULL)
  )
);

-- Which on-chain fills went into which Schwab order.
CREATE TABLE trade_execution_links (
  onchain_trade_id INTEGER NOT NULL REFERENCES onchain_trades(id),
  schwab_execution_id INTEGER NOT NULL REFERENCES schwab_executions(id),
  executed_amount REAL NOT NULL CHECK (executed_amount > 0.0),
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (onchain_trade_id, schwab_execution_id)
);

-- Fractional shares waiting for a whole-share Schwab order, one row per symbol.
CREATE TABLE trade_accumulators (
  symbol TEXT PRIMARY KEY NOT NULL,
  net_position REAL NOT NULL DEFAULT 0.0,
  accumulated_long REAL NOT NULL DEFAULT 0.0 CHECK (accumulated_long >= 0.0),
  accumulated_short REAL NOT NULL DEFAULT 0.0 CHECK (accumulated_short >= 0.0),
  pending_execution_id INTEGER REFERENCES schwab_executions(id),
  last_updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The Schwab OAuth tokens: exactly one row. (Sensitive in the real app; the sample holds fakes.)
CREATE TABLE schwab_auth (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  access_token TEXT NOT NULL,
  access_token_fetched_at DATETIME NOT NULL,
  refresh_token TEXT NOT NULL,
  refresh_token_fetched_at DATETIME NOT NULL,
  last_updated DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_onchain_trades_symbol ON onchain_trades(symbol);
CREATE INDEX idx_onchain_trades_status ON onchain_trades(status);
CREATE INDEX idx_onchain_trades_created_at ON onchain_trades(created_at);
CREATE INDEX idx_schwab_executions_symbol ON schwab_executions(symbol);
CREATE INDEX idx_schwab_executions_status ON schwab_executions(status);
CREATE INDEX idx_trade_execution_links_execution ON trade_execution_links(schwab_execution_id);
CREATE UNIQUE INDEX idx_schwab_executions_order_id ON schwab_executions(order_id) WHERE order_id IS NOT NULL;
