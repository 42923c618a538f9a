EXPLAIN (COSTS OFF) SELECT count(*) FROM bots WHERE payload @> '{"conditions":[{"text":"RSI"}]}'
