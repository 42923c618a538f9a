package pgferry.verify;

import java.util.List;

/** A whole verify run: per table comparisons and the wall time. */
public record VerifyResult(String source, String target, List<TableVerification> tables, long wallMillis) {
    public VerifyResult {
        tables = List.copyOf(tables);
    }

    /** True when every table matched (rejected rows aside). */
    public boolean matched() {
        return tables.stream().allMatch(TableVerification::matched);
    }
}
