package pgferry.load;

/**
 * Receives load progress (the report stage draws it). Called from worker threads; implementations
 * must be thread-safe and cheap.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** The total number of source rows to load, once known. */
    default void start(long totalRows) {
    }

    /** {@code rows} more rows were read (loaded or rejected) from {@code table}. */
    default void rows(String table, long rows) {
    }

    /** A phase line ("post-data: 7 constraints, 5 indexes"). */
    default void phase(String message) {
    }

    default void finish() {
    }
}
