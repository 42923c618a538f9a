-- A user signs up or logs in again: one statement on both engines (SQLite >= 3.24 has ON CONFLICT ... DO UPDATE).
INSERT INTO users (id, email, display_name, role, is_admin, created_at, last_login_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  email = excluded.email,
  display_name = excluded.display_name,
  role = excluded.role,
  is_admin = excluded.is_admin,
  last_login_at = excluded.last_login_at
