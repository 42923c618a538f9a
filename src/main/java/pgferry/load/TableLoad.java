package pgferry.load;

import java.util.List;
import pgferry.catalog.Table;

/**
 * One table to load, as the plan decided it.
 *
 * @param source      the source table
 * @param schema      target schema
 * @param target      target table name (unquoted)
 * @param columns     columns to load, in COPY order
 * @param createSql   CREATE TABLE statement(s) run before the data (ignored with --data-only)
 * @param keyColumns  target names of the primary key columns (empty when none)
 * @param keyIsRowid  true when the key is SQLite's rowid alias (unique and never NULL in the source)
 */
public record TableLoad(Table source, String schema, String target, List<ColumnLoad> columns, String createSql,
                        List<String> keyColumns, boolean keyIsRowid) {

    public TableLoad {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    /** Quoted schema.table. */
    public String qualified() {
        return LoadSql.qualified(schema, target);
    }
}
