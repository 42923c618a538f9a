package pgferry.load;

/**
 * One statement run after the data: a constraint (primary key, unique, check, foreign key), an index
 * or an identity restart. {@code status} is {@code created}, {@code skipped} (done in an earlier run)
 * or {@code failed} (then {@code error} says why).
 */
public record PostDataResult(String table, String kind, String name, String status, long millis, String error) {
}
