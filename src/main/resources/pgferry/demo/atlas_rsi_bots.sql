-- atlas: strategy bots whose conditions use RSI (JSONB containment, served by the GIN index idx_bots_payload)
SELECT count(*) FROM bots WHERE payload @> '{"conditions":[{"text":"RSI"}]}'
