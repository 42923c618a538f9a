package pgferry.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engines of one {@link ParityTest} saw, by name. The first engine to record a name keeps its
 * rows; when the next engine records the same name, the two are compared at once and a difference fails
 * the test with the first differing row and column.
 */
public final class ParityResults {

    private final Map<String, Rows> recorded;
    private final ResultComparison comparison;
    private final Engine current;

    private ParityResults(Map<String, Rows> recorded, ResultComparison comparison, Engine current) {
        this.recorded = recorded;
        this.comparison = comparison;
        this.current = current;
    }

    /** Results shared by the runs of one parity test; outside a {@link ParityTest}, made by hand. */
    public static ParityResults create() {
        return new ParityResults(new LinkedHashMap<>(), ResultComparison.standard(), null);
    }

    /** The same results, recording as {@code engine}. */
    public ParityResults on(Engine engine) {
        return new ParityResults(recorded, comparison, engine);
    }

    /** Runs {@code sql} with {@code params} on {@code c} and records the rows under {@code name}. */
    public Rows record(String name, Connection c, String sql, Object... params) throws SQLException {
        return record(name, Rows.query(engineLabel(), c, sql, params));
    }

    public Rows record(String name, ResultSet rs) throws SQLException {
        return record(name, Rows.read(engineLabel(), rs));
    }

    /** Records {@code rows}; compares them with another engine's rows of the same name when there are any. */
    public Rows record(String name, Rows rows) {
        Rows earlier;
        synchronized (recorded) {
            earlier = recorded.putIfAbsent(name, rows);
        }
        if (earlier == null) {
            return rows;
        }
        comparison.firstDifference(earlier, rows).ifPresent(message -> {
            throw new AssertionError("parity \"" + name + "\": " + message);
        });
        return rows;
    }

    private String engineLabel() {
        return current == null ? "unknown" : current.label();
    }
}
