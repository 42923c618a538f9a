DELETE FROM trade_explanations WHERE id = ?
