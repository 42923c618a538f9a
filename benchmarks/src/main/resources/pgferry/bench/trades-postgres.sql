-- name: copy
COPY "trades" ("trade_id", "timestamp", "market_id", "market_question", "action", "amount", "entry_price",
    "confidence", "reason", "status", "event_id", "event_title", "event_end_date", "current_pnl", "realized_pnl",
    "exit_price", "exit_timestamp") FROM STDIN (FORMAT csv)

-- name: copy_from_fixture
-- a private, writable copy of the loaded fixture for the append trial ({fixture} is the fixture's schema);
-- the id column is left out so the identity sequence numbers the rows as COPY did
INSERT INTO "trades" ("trade_id", "timestamp", "market_id", "market_question", "action", "amount", "entry_price",
    "confidence", "reason", "status", "event_id", "event_title", "event_end_date", "current_pnl", "realized_pnl",
    "exit_price", "exit_timestamp")
SELECT "trade_id", "timestamp", "market_id", "market_question", "action", "amount", "entry_price",
    "confidence", "reason", "status", "event_id", "event_title", "event_end_date", "current_pnl", "realized_pnl",
    "exit_price", "exit_timestamp"
FROM "{fixture}"."trades" ORDER BY "id"

-- name: insert
INSERT INTO "trades" ("trade_id", "timestamp", "market_id", "market_question", "action", "amount", "entry_price",
    "confidence", "reason", "status", "event_id", "event_title", "event_end_date", "current_pnl", "realized_pnl",
    "exit_price", "exit_timestamp")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?::timestamptz)

-- name: by_id
SELECT "trade_id", "timestamp", "market_id", "action", "amount", "entry_price", "status", "realized_pnl"
FROM "trades" WHERE "trade_id" = ?

-- name: window
SELECT "trade_id", "timestamp", "amount"
FROM "trades" WHERE "market_id" = ? AND "timestamp" >= ? AND "timestamp" < ?
ORDER BY "timestamp", "trade_id" COLLATE "C"

-- name: pnl
SELECT "market_id", count(*), sum("amount"), sum("realized_pnl")
FROM "trades" GROUP BY "market_id" ORDER BY "market_id" COLLATE "C"

-- name: analyze
ANALYZE "trades"
