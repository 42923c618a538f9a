package pgferry.plan;

/**
 * Something the plan could not carry exactly, or decided from the data, that a person should read.
 *
 * @param table   the source table, or null for the whole database
 * @param column  the source column, or null
 * @param message one line
 */
public record PlanWarning(String table, String column, String message) {
    @Override
    public String toString() {
        if (table == null) {
            return message;
        }
        return table + (column == null ? "" : "." + column) + ": " + message;
    }
}
