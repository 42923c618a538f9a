/**
 * JSON-file stores as a source: a {@link pgferry.source.json.Mapping} says which files feed which tables
 * and which field feeds which column; {@link pgferry.source.json.JsonSource} streams the records (Jackson's
 * streaming parser, one record in memory at a time, numbers kept as their exact text) as rows the plan's
 * converters accept. Knows nothing of PostgreSQL.
 */
package pgferry.source.json;
