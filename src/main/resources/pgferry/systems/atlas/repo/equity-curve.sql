SELECT date, equity FROM equity_curves WHERE bot_id = ? ORDER BY date
