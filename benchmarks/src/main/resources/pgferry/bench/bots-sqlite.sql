-- name: schema
-- atlas's bots as its SQLite file kept them: the strategy payload is JSON text. SQLite cannot index "has a
-- condition with text RSI"; the query scans the payloads with json_each.
CREATE TABLE "bots" (
    "id"         TEXT PRIMARY KEY NOT NULL,
    "name"       TEXT NOT NULL,
    "symbol"     TEXT,
    "visibility" TEXT DEFAULT 'private' NOT NULL,
    "payload"    TEXT
);

-- name: insert
INSERT INTO "bots" ("id", "name", "symbol", "visibility", "payload") VALUES (?, ?, ?, ?, ?)

-- name: using
SELECT "id" FROM "bots"
WHERE EXISTS (SELECT 1 FROM json_each("bots"."payload", '$.conditions') AS c WHERE json_extract(c."value", '$.text') = ?)
ORDER BY "id"
