package pgferry.plan;

/**
 * One generated PostgreSQL statement.
 *
 * @param kind  what it creates
 * @param table the target table it belongs to
 * @param name  the created object's name (table, constraint or index)
 * @param sql   the statement, without a trailing semicolon; every identifier quoted
 */
public record DdlStatement(Kind kind, String table, String name, String sql) {
    public enum Kind { CREATE_TABLE, PRIMARY_KEY, UNIQUE, CHECK, INDEX, FOREIGN_KEY, RESTART_IDENTITY }
}
