DELETE FROM "portfolio_state" WHERE "id" = 1;
