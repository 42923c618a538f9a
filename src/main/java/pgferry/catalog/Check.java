package pgferry.catalog;

/**
 * A CHECK constraint.
 *
 * @param name       the constraint name when the source gave one, else null
 * @param expression the expression text between the parentheses, as written in the source
 * @param column     the column it was declared on (column constraint), or null for a table constraint
 */
public record Check(String name, String expression, String column) {
}
