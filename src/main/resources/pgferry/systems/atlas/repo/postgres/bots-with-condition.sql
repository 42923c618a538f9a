-- "Find all bots using RSI": jsonb containment, which the GIN index idx_bots_payload (jsonb_path_ops)
-- answers: payload @> '{"conditions": [{"text": ?}]}', the document built from the parameter.
SELECT id, name, symbol, visibility
FROM bots
WHERE payload @> jsonb_build_object('conditions', jsonb_build_array(jsonb_build_object('text', ?::text)))
ORDER BY id {bytewise}
