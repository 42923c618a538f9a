package pgferry.plan;

/**
 * A source value that cannot be carried to its target type without change, and why, in words a
 * user can act on ("text 'abc' is not a number", "value 123.456 has scale 3 > 2 of numeric(10,2)").
 * The row that holds it goes to the rejects file; it is never loaded altered.
 *
 * @param reason one line, no trailing period
 */
public record Rejection(String reason) implements Converted {
    @Override
    public boolean rejected() {
        return true;
    }
}
