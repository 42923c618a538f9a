package pgferry.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a store returned for one query: rows in the query's order, each a list of values. Values are exact:
 * {@link String}, {@link BigDecimal}, {@link Long}, {@link Boolean}, {@link Instant} or null. A double has no
 * place here (money never passes through double), so it is refused.
 */
public final class Answer {
    private final List<List<Object>> rows;

    private Answer(List<List<Object>> rows) {
        this.rows = rows;
    }

    public static Answer of(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> r = new ArrayList<>(row.size());
            for (Object v : row) {
                r.add(normalize(v));
            }
            copy.add(Collections.unmodifiableList(r));
        }
        return new Answer(Collections.unmodifiableList(copy));
    }

    /** One row. */
    public static Answer row(Object... values) {
        return of(List.of(Arrays.asList(values)));
    }

    public static Answer empty() {
        return new Answer(List.of());
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof BigDecimal || v instanceof Long || v instanceof Boolean
                || v instanceof Instant) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException("an answer holds exact values only (String, BigDecimal, Long, Boolean, Instant), not "
                + v.getClass().getSimpleName() + " " + v);
    }

    @Override
    public String toString() {
        return rows.size() <= 3 ? rows.toString() : rows.subList(0, 3) + " ... (" + rows.size() + " rows)";
    }
}
