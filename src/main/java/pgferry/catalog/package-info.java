/**
 * The one vocabulary every stage speaks: plain, immutable records describing a source database's
 * schema (tables, columns, keys, checks, foreign keys, indexes, views). Records hold source names
 * and source expression text exactly as the source wrote them; they know nothing of PostgreSQL.
 * A source (SQLite today, JSON-file stores later) produces a {@link pgferry.catalog.Catalog};
 * the plan stage reads it.
 */
package pgferry.catalog;
