package pgferry.catalog;

import java.util.List;

/**
 * A primary key or a UNIQUE constraint.
 *
 * @param name    the constraint name when the source gave one (CONSTRAINT name ...), else null
 * @param columns the key's columns in key order
 */
public record Key(String name, List<String> columns) {
    public Key {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one column");
        }
    }
}
