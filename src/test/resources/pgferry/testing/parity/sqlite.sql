-- The SQLite side of the parity example: how the application stored its ledger before the move.
CREATE TABLE entry (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    account TEXT NOT NULL,
    amount  REAL NOT NULL,
    at      TEXT NOT NULL,          -- datetime text, UTC
    payload TEXT,                   -- JSON text
    settled INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
);
CREATE INDEX entry_account ON entry (account);
CREATE TRIGGER entry_no_empty_account BEFORE INSERT ON entry
WHEN NEW.account = ''
BEGIN
    SELECT RAISE(ABORT, 'empty account; it must be named');
END;
