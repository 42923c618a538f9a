-- name: schema
-- metagauge's users table in SQLite: the PostgreSQL schema's columns, UNIQUE email and api_key.
CREATE TABLE "users" (
    "id"             TEXT PRIMARY KEY,
    "email"          TEXT NOT NULL UNIQUE,
    "password_hash"  TEXT NOT NULL,
    "name"           TEXT,
    "tier"           TEXT NOT NULL CHECK ("tier" IN ('free', 'pro', 'enterprise')),
    "api_key"        TEXT UNIQUE,
    "is_active"      INTEGER NOT NULL,
    "email_verified" INTEGER NOT NULL,
    "created_at_ms"  INTEGER NOT NULL,
    "updated_at_ms"  INTEGER NOT NULL,
    "last_login_at"  TEXT
);

-- name: insert
INSERT INTO "users" ("id", "email", "password_hash", "name", "tier", "api_key", "is_active", "email_verified",
    "created_at_ms", "updated_at_ms", "last_login_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: by_email
SELECT "id", "email", "name", "tier", "created_at_ms" FROM "users" WHERE "email" = ?
