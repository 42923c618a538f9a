package pgferry.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pgferry.catalog.Check;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Index;
import pgferry.catalog.Key;
import pgferry.catalog.Table;

/**
 * How one source table lands in PostgreSQL. The constraint records reuse the catalog vocabulary but
 * hold TARGET names and PostgreSQL expression text (already translated; untranslatable ones were
 * dropped with a warning), and every constraint has a name.
 *
 * @param source      the source table
 * @param name        the PostgreSQL table name (unquoted)
 * @param columns     column plans in source order; the loader reads the source columns in this order
 * @param primaryKey  the primary key in target names, or null
 * @param uniqueKeys  UNIQUE constraints in target names
 * @param checks      CHECK constraints, PostgreSQL expressions
 * @param foreignKeys FOREIGN KEYs in target names (referencedTable is the target table name)
 * @param indexes     secondary indexes in target names, expressions and WHERE in PostgreSQL syntax
 * @param sourceRows  rows read while planning (-1 when the data was not read)
 */
public record TablePlan(Table source, String name, List<ColumnPlan> columns, Key primaryKey, List<Key> uniqueKeys,
                        List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes, long sourceRows) {

    public TablePlan {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /** The plan of a source column (matched case-insensitively). */
    public Optional<ColumnPlan> column(String sourceName) {
        return columns.stream().filter(c -> c.source().name().toLowerCase(Locale.ROOT)
                .equals(sourceName.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The identity column, if any. */
    public Optional<ColumnPlan> identityColumn() {
        return columns.stream().filter(ColumnPlan::identity).findFirst();
    }

    /**
     * The columns that identify a row in the rejects file: the primary key's, or none (then the
     * loader uses the SQLite rowid).
     */
    public List<ColumnPlan> keyColumns() {
        if (source.primaryKey() == null) {
            return List.of();
        }
        return source.primaryKey().columns().stream().map(c -> column(c).orElseThrow()).toList();
    }
}
