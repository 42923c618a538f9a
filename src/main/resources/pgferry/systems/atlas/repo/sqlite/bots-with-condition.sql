-- "Find all bots using RSI": on SQLite the payload is text, so each bot's conditions are unpacked
-- with json_each and compared with json_extract (a scan of every payload).
SELECT id, name, symbol, visibility
FROM bots
WHERE EXISTS (SELECT 1 FROM json_each(bots.payload, '$.conditions') c
              WHERE json_extract(c.value, '$.text') = ?)
ORDER BY id {bytewise}
