package pgferry.plan;

import pgferry.source.sqlite.SqliteValue;

/**
 * Turns one raw source value into the text PostgreSQL reads for the column's target type, or a
 * {@link Rejection}. Never throws for bad data: every bad value is a Rejection with a reason.
 * Converters are stateless and thread-safe; one converter per column, shared by all workers.
 */
@FunctionalInterface
public interface ValueConverter {
    Converted convert(SqliteValue value);
}
