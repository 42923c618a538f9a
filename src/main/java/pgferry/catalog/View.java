package pgferry.catalog;

/**
 * A view, kept as its source SQL (views are reported, not translated).
 *
 * @param name the view name
 * @param sql  the CREATE VIEW text as written in the source
 */
public record View(String name, String sql) {
}
