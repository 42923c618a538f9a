SELECT count(*) FROM trades
