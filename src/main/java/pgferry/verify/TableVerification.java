package pgferry.verify;

import java.util.List;

/**
 * The comparison of one table.
 *
 * @param sourceRows       rows in the source
 * @param rejectedRows     source rows left out of the comparison because the migration rejected them
 *                         (listed in the rejects file, or failing conversion again now)
 * @param unrecordedRejects of those, rows that fail conversion but are not in the rejects file
 * @param targetRows       rows in the target
 * @param matched          true when every compared row has an identical twin on the other side
 * @param differingRanges  key ranges (buckets) whose checksums differ
 * @param diffs            differing rows, up to the limit
 * @param millis           wall time
 * @param error            a problem that stopped the comparison (e.g. target table missing), else null
 */
public record TableVerification(String sourceTable, String targetTable, long sourceRows, long rejectedRows,
                                long unrecordedRejects, long targetRows, boolean matched, int differingRanges,
                                List<RowDiff> diffs, long millis, String error) {
    public TableVerification {
        diffs = List.copyOf(diffs);
    }
}
