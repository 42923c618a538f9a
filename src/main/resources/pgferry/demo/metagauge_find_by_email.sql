-- metagauge's findByEmail, served by the unique index users_email_key
SELECT id, email, name, tier FROM users WHERE email = ?
