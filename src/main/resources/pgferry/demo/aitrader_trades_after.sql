-- the trades that referred to the deleted explanation: still there, explanation_id now NULL (ON DELETE SET NULL)
SELECT count(*), count(explanation_id) FROM trades WHERE id = ANY (?)
