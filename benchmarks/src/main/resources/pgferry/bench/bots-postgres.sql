-- name: copy
COPY "bots" ("id", "name", "symbol", "visibility", "payload", "created_at") FROM STDIN (FORMAT csv)

-- name: using
-- jsonb containment, served by atlas's GIN index idx_bots_payload (jsonb_path_ops)
-- (the parameter is {"conditions":[{"text":"RSI"}]})
SELECT "id" FROM "bots" WHERE "payload" @> ?::jsonb
ORDER BY "id" COLLATE "C"

-- name: analyze
ANALYZE "bots"
