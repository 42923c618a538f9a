package pgferry.catalog;

import java.util.List;

/**
 * A secondary index (one made by CREATE INDEX; indexes behind PRIMARY KEY and UNIQUE constraints are
 * described by {@link Key} instead).
 *
 * @param name   the index name
 * @param unique CREATE UNIQUE INDEX
 * @param terms  the indexed columns or expressions, in order
 * @param where  the partial-index WHERE expression text as written, or null for a full index
 * @param sql    the original CREATE INDEX text, or null when the source has none
 */
public record Index(String name, boolean unique, List<Term> terms, String where, String sql) {

    public Index {
        terms = List.copyOf(terms);
    }

    public boolean partial() {
        return where != null;
    }

    /** True when any term is an expression rather than a plain column. */
    public boolean hasExpressions() {
        return terms.stream().anyMatch(t -> t.column() == null);
    }

    /**
     * One indexed term: either a column or an expression.
     *
     * @param column     the column name, or null for an expression term
     * @param expression the expression text as written, or null for a column term
     * @param descending DESC
     * @param collation  explicit COLLATE name, or null
     */
    public record Term(String column, String expression, boolean descending, String collation) {
        public Term {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("an index term is either a column or an expression");
            }
        }

        public static Term column(String name) {
            return new Term(name, null, false, null);
        }

        public static Term expression(String text) {
            return new Term(null, text, false, null);
        }
    }
}
