-- Insert a signal, or bring the rows with its natural key (market_id, timestamp) up to date, in one
-- statement. trading_signals has no UNIQUE constraint on that pair, so this is UPDATE + INSERT WHERE NOT
-- EXISTS instead of ON CONFLICT; writers of one collection are serialised by the JSON store's lock. Rows
-- that already hold these values are left untouched: replaying a write changes nothing.
WITH v ("timestamp", "market_id", "market_question", "action", "target_price", "amount", "confidence", "reason",
        "yes_price", "no_price", "market_liquidity", "market_volume", "event_id", "event_title", "event_end_date",
        "executed", "executed_at", "trade_id") AS (
    VALUES (CAST(? AS timestamptz), CAST(? AS varchar), CAST(? AS text), CAST(? AS varchar), CAST(? AS numeric),
            CAST(? AS numeric), CAST(? AS numeric), CAST(? AS text), CAST(? AS numeric), CAST(? AS numeric),
            CAST(? AS numeric), CAST(? AS numeric), CAST(? AS varchar), CAST(? AS text), CAST(? AS timestamptz),
            CAST(? AS boolean), CAST(? AS timestamptz), CAST(? AS varchar))
), updated AS (
    UPDATE "trading_signals" AS s SET
        "market_question" = v."market_question",
        "action" = v."action",
        "target_price" = v."target_price",
        "amount" = v."amount",
        "confidence" = v."confidence",
        "reason" = v."reason",
        "yes_price" = v."yes_price",
        "no_price" = v."no_price",
        "market_liquidity" = v."market_liquidity",
        "market_volume" = v."market_volume",
        "event_id" = v."event_id",
        "event_title" = v."event_title",
        "event_end_date" = v."event_end_date",
        "executed" = v."executed",
        "executed_at" = v."executed_at",
        "trade_id" = v."trade_id"
    FROM v
    WHERE s."market_id" = v."market_id" AND s."timestamp" = v."timestamp"
      AND (s."market_question", s."action", s."target_price", s."amount", s."confidence", s."reason", s."yes_price",
           s."no_price", s."market_liquidity", s."market_volume", s."event_id", s."event_title", s."event_end_date",
           s."executed", s."executed_at", s."trade_id")
          IS DISTINCT FROM
          (v."market_question", v."action", v."target_price", v."amount", v."confidence", v."reason", v."yes_price",
           v."no_price", v."market_liquidity", v."market_volume", v."event_id", v."event_title", v."event_end_date",
           v."executed", v."executed_at", v."trade_id")
    RETURNING 1
)
INSERT INTO "trading_signals" ("timestamp", "market_id", "market_question", "action", "target_price", "amount",
                               "confidence", "reason", "yes_price", "no_price", "market_liquidity", "market_volume",
                               "event_id", "event_title", "event_end_date", "executed", "executed_at", "trade_id")
SELECT v."timestamp", v."market_id", v."market_question", v."action", v."target_price", v."amount", v."confidence",
       v."reason", v."yes_price", v."no_price", v."market_liquidity", v."market_volume", v."event_id", v."event_title",
       v."event_end_date", v."executed", v."executed_at", v."trade_id"
FROM v
WHERE NOT EXISTS (SELECT 1 FROM "trading_signals" AS s WHERE s."market_id" = v."market_id" AND s."timestamp" = v."timestamp");
