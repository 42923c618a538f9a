/**
 * Reads SQLite files, read-only: {@link pgferry.source.sqlite.SqliteSource} opens a file (clear
 * one-line {@link pgferry.UserError}s for a missing, non-SQLite, truncated or corrupt file; nothing is
 * ever written), discovers its {@link pgferry.catalog.Catalog} with the pragma queries kept in
 * {@code src/main/resources/pgferry/source/sqlite/*.sql} plus a tokenizer-based reading of the
 * CREATE TABLE / CREATE INDEX text (CHECK, AUTOINCREMENT, constraint names, DEFERRABLE, index
 * expressions and WHERE), and streams rows with {@link pgferry.source.sqlite.RowReader} as raw
 * {@link pgferry.source.sqlite.SqliteValue}s with their storage class. A source never knows PostgreSQL.
 */
package pgferry.source.sqlite;
