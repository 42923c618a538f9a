package pgferry.catalog;

/**
 * One column of a source table.
 *
 * @param name              the column name as the source spells it
 * @param declaredType      the declared type text as written ("DECIMAL(15, 2)", "" when none)
 * @param affinity          the source's affinity for the declared type
 * @param notNull           true when the source enforces NOT NULL
 * @param defaultExpression the DEFAULT expression text as written in the source, or null when none
 * @param position          0-based position in the table
 * @param pkOrder           1-based position in the primary key, 0 when not part of it
 * @param collation         the declared COLLATE name (e.g. "NOCASE"), or null when none
 * @param generated         true for a generated (computed) column; its values are still read and loaded
 */
public record Column(String name, String declaredType, Affinity affinity, boolean notNull,
                     String defaultExpression, int position, int pkOrder, String collation,
                     boolean generated) {

    public Column {
        if (name == null) {
            throw new IllegalArgumentException("column name is null");
        }
        declaredType = declaredType == null ? "" : declaredType;
        if (affinity == null) {
            affinity = Affinity.of(declaredType);
        }
    }

    /** A plain column: no default, not in the primary key, no collation, not generated. */
    public static Column of(String name, String declaredType, boolean notNull, int position) {
        return new Column(name, declaredType, Affinity.of(declaredType), notNull, null, position, 0, null, false);
    }

    public boolean inPrimaryKey() {
        return pkOrder > 0;
    }
}
