package pgferry.load;

/**
 * What happened to one table: rows read from the source, loaded, rejected (source = loaded +
 * rejected, always), COPY bytes sent and wall time. {@code status} is {@code loaded}, {@code skipped}
 * (complete in an earlier run; figures are that run's), {@code schema} (--schema-only) or {@code failed}.
 *
 * @param error for a failed table, the one-line reason; else null
 */
public record TableResult(String sourceTable, String targetTable, String status, long sourceRows, long loadedRows,
                          long rejectedRows, long bytes, long millis, String error) {

    public boolean balanced() {
        return "failed".equals(status) || sourceRows == loadedRows + rejectedRows;
    }
}
