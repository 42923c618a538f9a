-- The benchmark's SQLite source: a 1,000,000-row trading table and three small related tables.
-- Deterministic for a given SQLite build (random() is seeded per connection, values vary per run).
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = ON;
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    created_at  DATETIME NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE instruments (
    id          INTEGER PRIMARY KEY,
    symbol      TEXT NOT NULL UNIQUE,
    tick_size   REAL NOT NULL CHECK (tick_size > 0)
);
CREATE TABLE strategies (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    config      TEXT
);
CREATE TABLE trades (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    instrument_id INTEGER NOT NULL REFERENCES instruments (id) ON DELETE RESTRICT,
    symbol        TEXT NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    price         REAL NOT NULL CHECK (price > 0),
    quantity      REAL NOT NULL,
    executed_at   DATETIME NOT NULL,
    payload       TEXT,
    is_maker      BOOLEAN NOT NULL DEFAULT 0
);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
INSERT INTO accounts (name, created_at)
SELECT 'account-' || i, strftime('%Y-%m-%d %H:%M:%S', 1600000000 + i * 86400, 'unixepoch') FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO instruments (id, symbol, tick_size)
SELECT i, 'SYM' || printf('%03d', i), CASE i % 3 WHEN 0 THEN 0.01 WHEN 1 THEN 0.0001 ELSE 0.000001 END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO strategies (id, account_id, name, config)
SELECT i, 1 + i % 50, 'strategy-' || i, '{"window":' || (i % 30 + 1) || ',"threshold":0.' || (i % 97 + 1) || '}' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO trades (account_id, instrument_id, symbol, side, price, quantity, executed_at, payload, is_maker)
SELECT 1 + i % 50,
       1 + i % 200,
       'SYM' || printf('%03d', 1 + i % 200),
       CASE WHEN i % 2 = 0 THEN 'buy' ELSE 'sell' END,
       CAST(printf('%.6f', 1 + (abs(random()) % 500000000) / 1000000.0) AS REAL),
       CAST(printf('%.3f', (abs(random()) % 10000000) / 1000.0) AS REAL),
       strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i * 3 + (abs(random()) % 1000) / 1000.0, 'unixepoch'),
       '{"order_id":"ord-' || i || '","venue":"' || CASE i % 3 WHEN 0 THEN 'XNAS' WHEN 1 THEN 'XNYS' ELSE 'BATS' END
           || '","fee":' || round((abs(random()) % 100000) / 100000.0, 5) || '}',
       i % 2
FROM n;
CREATE INDEX trades_symbol_time ON trades (symbol, executed_at);
CREATE INDEX trades_account ON trades (account_id);
CREATE INDEX trades_instrument ON trades (instrument_id);
CREATE INDEX trades_maker ON trades (account_id) WHERE is_maker = 1;
