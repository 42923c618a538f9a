package pgferry.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A source table and everything declared on it.
 *
 * @param name          the table name as the source spells it
 * @param columns       columns in table order
 * @param primaryKey    the primary key (composite too), or null when the table has none
 * @param uniqueKeys    UNIQUE constraints (column or table level)
 * @param checks        CHECK constraints (column and table level)
 * @param foreignKeys   FOREIGN KEY constraints
 * @param indexes       secondary indexes (CREATE INDEX), including partial and expression ones
 * @param autoincrement true for SQLite's INTEGER PRIMARY KEY AUTOINCREMENT
 * @param withoutRowid  true for a SQLite WITHOUT ROWID table
 * @param sql           the original CREATE TABLE text, or null when the source has none
 */
public record Table(String name, List<Column> columns, Key primaryKey, List<Key> uniqueKeys,
                    List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes,
                    boolean autoincrement, boolean withoutRowid, String sql) {

    public Table {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /** The column of that name, matched case-insensitively as SQL does. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /**
     * The column that is SQLite's rowid alias (a single-column INTEGER PRIMARY KEY of a rowid table),
     * if there is one. Its values are never NULL and are the table's rowids.
     */
    public Optional<Column> rowidAlias() {
        if (withoutRowid || primaryKey == null || primaryKey.columns().size() != 1) {
            return Optional.empty();
        }
        return column(primaryKey.columns().get(0))
                .filter(c -> c.declaredType().trim().equalsIgnoreCase("INTEGER"));
    }
}
