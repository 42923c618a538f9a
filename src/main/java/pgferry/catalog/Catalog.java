package pgferry.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Everything discovered in one source: its tables (internal tables already skipped), its views, and
 * warnings about what discovery saw but cannot carry (triggers, virtual tables...).
 *
 * @param tables   user tables, sorted by name
 * @param views    views, sorted by name
 * @param warnings one line each, for the report
 */
public record Catalog(List<Table> tables, List<View> views, List<String> warnings) {

    public Catalog {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        warnings = List.copyOf(warnings);
    }

    /** The table of that name, matched case-insensitively as SQL does. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
