-- Insert a trade, or bring the row with its trade_id up to date. The WHERE clause leaves a row that
-- already holds these values untouched (no new row version): replaying a write changes nothing.
INSERT INTO "trades" ("trade_id", "timestamp", "market_id", "market_question", "action", "amount", "entry_price",
                      "confidence", "reason", "status", "event_id", "event_title", "event_end_date", "current_pnl",
                      "realized_pnl", "exit_price", "exit_timestamp")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT ("trade_id") DO UPDATE SET
    "timestamp" = EXCLUDED."timestamp",
    "market_id" = EXCLUDED."market_id",
    "market_question" = EXCLUDED."market_question",
    "action" = EXCLUDED."action",
    "amount" = EXCLUDED."amount",
    "entry_price" = EXCLUDED."entry_price",
    "confidence" = EXCLUDED."confidence",
    "reason" = EXCLUDED."reason",
    "status" = EXCLUDED."status",
    "event_id" = EXCLUDED."event_id",
    "event_title" = EXCLUDED."event_title",
    "event_end_date" = EXCLUDED."event_end_date",
    "current_pnl" = EXCLUDED."current_pnl",
    "realized_pnl" = EXCLUDED."realized_pnl",
    "exit_price" = EXCLUDED."exit_price",
    "exit_timestamp" = EXCLUDED."exit_timestamp"
WHERE ("trades"."timestamp", "trades"."market_id", "trades"."market_question", "trades"."action", "trades"."amount",
       "trades"."entry_price", "trades"."confidence", "trades"."reason", "trades"."status", "trades"."event_id",
       "trades"."event_title", "trades"."event_end_date", "trades"."current_pnl", "trades"."realized_pnl",
       "trades"."exit_price", "trades"."exit_timestamp")
      IS DISTINCT FROM
      (EXCLUDED."timestamp", EXCLUDED."market_id", EXCLUDED."market_question", EXCLUDED."action", EXCLUDED."amount",
       EXCLUDED."entry_price", EXCLUDED."confidence", EXCLUDED."reason", EXCLUDED."status", EXCLUDED."event_id",
       EXCLUDED."event_title", EXCLUDED."event_end_date", EXCLUDED."current_pnl", EXCLUDED."realized_pnl",
       EXCLUDED."exit_price", EXCLUDED."exit_timestamp");
