-- The single portfolio_state row (id 1): insert it, or bring it up to date; unchanged values leave the row untouched.
INSERT INTO "portfolio_state" ("id", "balance", "total_invested", "total_profit_loss", "trade_count", "created_at",
                               "last_updated")
VALUES (1, ?, ?, ?, ?, ?, ?)
ON CONFLICT ("id") DO UPDATE SET
    "balance" = EXCLUDED."balance",
    "total_invested" = EXCLUDED."total_invested",
    "total_profit_loss" = EXCLUDED."total_profit_loss",
    "trade_count" = EXCLUDED."trade_count",
    "created_at" = EXCLUDED."created_at",
    "last_updated" = EXCLUDED."last_updated"
WHERE ("portfolio_state"."balance", "portfolio_state"."total_invested", "portfolio_state"."total_profit_loss",
       "portfolio_state"."trade_count", "portfolio_state"."created_at", "portfolio_state"."last_updated")
      IS DISTINCT FROM
      (EXCLUDED."balance", EXCLUDED."total_invested", EXCLUDED."total_profit_loss", EXCLUDED."trade_count",
       EXCLUDED."created_at", EXCLUDED."last_updated");
