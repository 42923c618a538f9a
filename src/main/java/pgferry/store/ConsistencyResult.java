package pgferry.store;

import java.util.List;

/**
 * A whole consistency check of a JSON-file store against PostgreSQL (seed 002's
 * {@code test_data_consistency}): one entry per mapped table.
 *
 * @param store      the store directory as given ({@code json:DIR})
 * @param target     the PostgreSQL target (password masked)
 * @param tables     per table, in the mapping's order
 * @param wallMillis wall time of the check
 */
public record ConsistencyResult(String store, String target, List<TableConsistency> tables, long wallMillis) {

    public ConsistencyResult {
        tables = List.copyOf(tables);
    }

    /** True when every table is consistent. */
    public boolean consistent() {
        return tables.stream().allMatch(TableConsistency::consistent);
    }

    /** All differences over all tables (see {@link TableConsistency#differences()}). */
    public long differences() {
        return tables.stream().mapToLong(TableConsistency::differences).sum();
    }
}
