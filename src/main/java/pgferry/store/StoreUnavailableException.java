package pgferry.store;

/**
 * PostgreSQL could not serve a read or write and no fallback is allowed (stage
 * {@link StoreFlags.Stage#POSTGRES_ONLY}, or {@code DATABASE_FALLBACK_TO_JSON=false}). The message is
 * one line: what failed, why, and what to do. It never holds a password.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
