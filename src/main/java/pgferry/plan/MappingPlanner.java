package pgferry.plan;

import java.util.ArrayList;
import java.util.List;
import pgferry.UserError;
import pgferry.catalog.Column;
import pgferry.catalog.ForeignKey;
import pgferry.catalog.Key;
import pgferry.catalog.Table;
import pgferry.source.json.JsonStore;

/**
 * The plan of a JSON-file store: the mapping declares every column's type, so nothing is guessed from the
 * data. Each column gets the same converter as a SQLite column of that type (numeric(p,s) rejects what
 * it cannot hold exactly, date-time text with the same rules, JSONB with duplicate keys rejected); the
 * key is the primary key; a child table gets a foreign key to its parent. Tables stay in mapping order
 * (parents first).
 */
public final class MappingPlanner {

    private MappingPlanner() {
    }

    public static MigrationPlan plan(JsonStore store, PlanOptions options) {
        List<TablePlan> tables = new ArrayList<>();
        List<PlanWarning> warnings = new ArrayList<>();
        for (String w : store.warnings()) {
            warnings.add(new PlanWarning(null, null, w));
        }
        for (Table t : store.catalog().tables()) {
            if (!options.tables().isEmpty()
                    && options.tables().stream().noneMatch(n -> n.equalsIgnoreCase(t.name()))) {
                continue;
            }
            if (options.excludeTables().stream().anyMatch(n -> n.equalsIgnoreCase(t.name()))) {
                continue;
            }
            List<ColumnPlan> cols = new ArrayList<>();
            for (Column c : t.columns()) {
                TargetType type;
                try {
                    type = options.casts().lookup(t.name(), c.name()).orElse(TargetType.parse(c.declaredType()));
                } catch (IllegalArgumentException e) {
                    throw new UserError("mapping " + store.mapping().file() + ", table " + t.name() + ", column "
                            + c.name() + ": " + e.getMessage());
                }
                ValueConverter conv = Converters.forType(type, options.sourceTimeZone(), options.nonFinite(), null);
                if (c.inPrimaryKey()) {
                    conv = Converters.notNull(conv, "NULL in key column " + c.name());
                }
                cols.add(new ColumnPlan(c, c.name(), type, c.notNull(), null, false, conv, "declared in the mapping",
                        null));
            }
            Key pk = t.primaryKey() == null ? null : new Key(t.name() + "_pkey", t.primaryKey().columns());
            List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> new ForeignKey(
                    t.name() + "_" + String.join("_", fk.columns()) + "_fkey", fk.columns(), fk.referencedTable(),
                    fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), false, false)).toList();
            tables.add(new TablePlan(t, t.name(), cols, pk, List.of(), List.of(), fks, List.of(), -1));
        }
        return new MigrationPlan(store.dir(), options.sourceTimeZone(), tables, List.of(), warnings, List.of(),
                List.of(), false);
    }
}
