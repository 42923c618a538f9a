EXPLAIN (COSTS OFF) SELECT id, email, name, tier FROM users WHERE email = ?
