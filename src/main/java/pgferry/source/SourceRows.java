package pgferry.source;

import pgferry.source.sqlite.SqliteValue;

/**
 * A forward-only cursor over one table's rows (see {@link RowSource}). Values are {@link SqliteValue}s:
 * the raw-value vocabulary the plan's converters speak (NULL, INTEGER, REAL, TEXT, BLOB).
 */
public interface SourceRows extends AutoCloseable {

    /** Advances to the next row; false at the end. */
    boolean next();

    /** The current row's value of column {@code i} (0-based, in the order the columns were asked for). */
    SqliteValue value(int i);

    /** True when {@link #rowid()} identifies rows (the rejects file records it and verify leaves those rows out). */
    boolean hasRowid();

    /** The current row's identity: SQLite's rowid, or a JSON record's ordinal in the table's stream (1-based). */
    long rowid();

    /**
     * Why the source itself refuses the current row before any conversion (a JSON record with a duplicate
     * key, a missing required field, a string where a number belongs...), or null when it does not.
     */
    default Refusal refusal() {
        return null;
    }

    /** A row the source refuses: the column (or field) concerned, the value as written, the reason. */
    record Refusal(String column, String value, String reason) {
    }

    /**
     * True when this cursor already reads its rows ahead on a thread of its own, with its own memory bound;
     * a consumer then need not add another read-ahead (which would multiply what is held in memory).
     */
    default boolean readsAhead() {
        return false;
    }

    @Override
    void close();
}
