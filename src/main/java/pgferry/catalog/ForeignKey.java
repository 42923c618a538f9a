package pgferry.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A FOREIGN KEY constraint.
 *
 * @param name              the constraint name when the source gave one, else null
 * @param columns           the referencing columns, in order
 * @param referencedTable   the referenced (parent) table as written
 * @param referencedColumns the referenced columns, same length as {@code columns}; when the source
 *                          left them implicit (REFERENCES parent) they are the parent's primary key,
 *                          or empty when that parent does not exist
 * @param onDelete          ON DELETE action
 * @param onUpdate          ON UPDATE action
 * @param deferrable        DEFERRABLE
 * @param initiallyDeferred DEFERRABLE INITIALLY DEFERRED
 */
public record ForeignKey(String name, List<String> columns, String referencedTable,
                         List<String> referencedColumns, Action onDelete, Action onUpdate,
                         boolean deferrable, boolean initiallyDeferred) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
    }

    /** A referential action; {@link #sql()} is its SQL spelling, the same in SQLite and PostgreSQL. */
    public enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** Parses an action as SQLite's pragma_foreign_key_list spells it ("SET NULL", "NONE"...). */
        public static Action parse(String text) {
            if (text == null) {
                return NO_ACTION;
            }
            String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Action a : values()) {
                if (a.sql.equals(t)) {
                    return a;
                }
            }
            if (t.isEmpty() || t.equals("NONE")) {
                return NO_ACTION;
            }
            throw new IllegalArgumentException("unknown foreign key action: " + text);
        }
    }
}
