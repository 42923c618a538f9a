package pgferry.verify;

/**
 * One row that differs: its key, and the row as each side has it (canonical values), or null when
 * that side has no such row.
 *
 * @param key     the key as "col=value, ..." (or the whole row for a table without a key)
 * @param columns the columns that differ ("" when a row is missing on one side)
 * @param source  the source row's canonical values, or null
 * @param target  the target row's canonical values, or null
 */
public record RowDiff(String key, String columns, String source, String target) {
}
