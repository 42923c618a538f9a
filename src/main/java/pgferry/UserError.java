package pgferry;

/**
 * A mistake the user can fix: a bad argument, a missing file, a port in use. The CLI prints its
 * message as one line and exits non-zero; it never prints a stack trace for one. Messages must
 * say what is wrong and how to fix it, and must never contain a password.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message, null, false, false);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
