package pgferry.store;

import java.util.List;
import pgferry.verify.RowDiff;

/**
 * One table of a consistency check: the rows each side has, and every difference found.
 *
 * @param table          the table (as the mapping names it)
 * @param jsonRows       records the JSON files hold for the table
 * @param postgresRows   rows PostgreSQL holds
 * @param onlyInJson     rows whose key only the JSON files have ({@link RowDiff#source()} is the JSON row)
 * @param onlyInPostgres rows whose key only PostgreSQL has ({@link RowDiff#target()} is the PostgreSQL row)
 * @param differing      rows both sides have with different values ({@link RowDiff#columns()} names them)
 * @param unconvertible  JSON records whose values do not fit the columns' types (so PostgreSQL cannot hold
 *                       them as they are); counted, not listed: {@code pgferry verify} or {@code migrate} names them
 * @param unlisted       true when the check stopped listing at the limit ({@code --max-diffs}): more may differ
 * @param error          what stopped the comparison of this table (e.g. the PostgreSQL table is missing), or null
 */
public record TableConsistency(String table, long jsonRows, long postgresRows, List<RowDiff> onlyInJson,
                               List<RowDiff> onlyInPostgres, List<RowDiff> differing, long unconvertible,
                               boolean unlisted, String error) {

    public TableConsistency {
        onlyInJson = List.copyOf(onlyInJson);
        onlyInPostgres = List.copyOf(onlyInPostgres);
        differing = List.copyOf(differing);
    }

    /** Differences listed (rows only in one side, rows that differ) plus records that cannot be converted. */
    public long differences() {
        return onlyInJson.size() + onlyInPostgres.size() + differing.size() + unconvertible;
    }

    /** True when both sides hold the same rows with the same values. */
    public boolean consistent() {
        return error == null && differences() == 0 && !unlisted;
    }
}
