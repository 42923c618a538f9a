-- name: schema
-- prescient's trades table as an app would keep it in SQLite: the PostgreSQL schema's columns and indexes
-- (UNIQUE trade_id, market_id, timestamp, status). SQLite has no exact decimal type (NUMERIC stores a double),
-- so money is INTEGER cents and prices are decimal TEXT; time is INTEGER epoch microseconds (UTC).
CREATE TABLE "trades" (
    "id"               INTEGER PRIMARY KEY,
    "trade_id"         TEXT    NOT NULL UNIQUE,
    "timestamp_us"     INTEGER NOT NULL,
    "market_id"        TEXT    NOT NULL,
    "market_question"  TEXT    NOT NULL,
    "action"           TEXT    NOT NULL CHECK ("action" IN ('buy_yes', 'buy_no')),
    "amount_cents"     INTEGER NOT NULL,
    "entry_price"      TEXT    NOT NULL,
    "confidence"       TEXT    NOT NULL,
    "reason"           TEXT,
    "status"           TEXT    NOT NULL CHECK ("status" IN ('open', 'closed')),
    "event_id"         TEXT,
    "event_title"      TEXT,
    "event_end_date"   TEXT,
    "current_pnl_cents"  INTEGER,
    "realized_pnl_cents" INTEGER,
    "exit_price"       TEXT,
    "exit_timestamp"   TEXT
);
CREATE INDEX "idx_trades_market_id" ON "trades" ("market_id");
CREATE INDEX "idx_trades_timestamp" ON "trades" ("timestamp_us" DESC);
CREATE INDEX "idx_trades_status" ON "trades" ("status");

-- name: insert
INSERT INTO "trades" ("trade_id", "timestamp_us", "market_id", "market_question", "action", "amount_cents",
    "entry_price", "confidence", "reason", "status", "event_id", "event_title", "event_end_date",
    "current_pnl_cents", "realized_pnl_cents", "exit_price", "exit_timestamp")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: by_id
SELECT "trade_id", "timestamp_us", "market_id", "action", "amount_cents", "entry_price", "status", "realized_pnl_cents"
FROM "trades" WHERE "trade_id" = ?

-- name: window
SELECT "trade_id", "timestamp_us", "amount_cents"
FROM "trades" WHERE "market_id" = ? AND "timestamp_us" >= ? AND "timestamp_us" < ?
ORDER BY "timestamp_us", "trade_id"

-- name: pnl
SELECT "market_id", count(*), sum("amount_cents"), sum("realized_pnl_cents")
FROM "trades" GROUP BY "market_id" ORDER BY "market_id"
