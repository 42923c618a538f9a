package pgferry.plan;

/**
 * One identifier that differs between source and target, for the report.
 *
 * @param kind   what was renamed
 * @param table  the source table it belongs to (the table itself for kind TABLE)
 * @param from   the source name (for generated constraint names: a description of the constraint)
 * @param to     the PostgreSQL name
 * @param reason why ("lower snake_case", "longer than 63 bytes", ...)
 */
public record Rename(Kind kind, String table, String from, String to, String reason) {
    public enum Kind { TABLE, COLUMN, INDEX, CONSTRAINT }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + (kind == Kind.TABLE ? "" : table + ".")
                + from + " -> " + to + " (" + reason + ")";
    }
}
