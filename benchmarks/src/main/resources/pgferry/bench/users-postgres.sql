-- name: copy
COPY "users" ("id", "email", "password_hash", "name", "tier", "api_key", "is_active", "email_verified",
    "created_at", "updated_at", "last_login_at") FROM STDIN (FORMAT csv)

-- name: by_email
SELECT "id"::text, "email", "name", "tier", "created_at" FROM "users" WHERE "email" = ?

-- name: analyze
ANALYZE "users"
