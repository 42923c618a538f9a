package pgferry.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Assertions that two results hold the same values under {@link ResultComparison}'s rules. */
public final class Parity {

    private Parity() {
    }

    /** Reads both result sets to the end and asserts they match row by row (order matters: use ORDER BY). */
    public static void assertSameRows(ResultSet a, ResultSet b) throws SQLException {
        assertSameRows(Rows.read(label(a, "first"), a), Rows.read(label(b, "second"), b));
    }

    public static void assertSameRows(Rows a, Rows b) {
        ResultComparison.standard().assertSame(a, b);
    }

    /** Rows given in code, labelled "first" and "second" in the message. */
    public static void assertSameRows(List<List<Object>> a, List<List<Object>> b) {
        assertSameRows(Rows.of("first", a), Rows.of("second", b));
    }

    private static String label(ResultSet rs, String fallback) throws SQLException {
        if (rs.getStatement() == null) {
            return fallback;
        }
        String url = rs.getStatement().getConnection().getMetaData().getURL();
        String engine = url.startsWith("jdbc:sqlite:") ? "sqlite" : url.startsWith("jdbc:postgresql:") ? "postgres" : fallback;
        return engine.equals(fallback) ? fallback : engine + " (" + fallback + ")";
    }
}
