package pgferry.load;

/**
 * A statement run after all data is loaded: a constraint, an index, or an identity restart.
 *
 * @param table target table it belongs to
 * @param kind  "primary key", "unique", "check", "foreign key", "index", "identity"
 * @param name  constraint or index name (for the report and resume)
 * @param sql   the statement
 * @param phase 1 keys, 2 indexes and checks, 3 foreign keys, 4 identities; a phase starts when the previous ended
 */
public record PostDataStatement(String table, String kind, String name, String sql, int phase) {
}
