package pgferry.source;

/**
 * A source file that cannot be read as a whole (malformed or truncated JSON, an empty file, a file of the
 * wrong shape): every table it feeds fails with this one-line message (file, line, column, what to do),
 * its transaction rolls back, and the run goes on with the other tables.
 */
public class SourceReadException extends RuntimeException {
    public SourceReadException(String message) {
        super(message, null, false, false);
    }
}
