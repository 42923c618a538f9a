package pgferry.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Correctness first: before a store is timed, its answer to each query must equal the reference answer
 * (the JSON file read as the application read it). Rows are compared in order; numbers exactly as
 * {@link BigDecimal} values ({@code 1.50} equals {@code 1.5}, {@code 0.1} never equals {@code 0.1000000000000000055}),
 * times as instants, text byte for byte.
 */
public final class AnswerCheck {

    /** A store gave a different answer: the benchmark refuses to run. */
    public static final class Mismatch extends IllegalStateException {
        Mismatch(String message) {
            super(message);
        }
    }

    private AnswerCheck() {
    }

    /** Throws {@link Mismatch} naming the query, the store and the first difference unless the answers are equal. */
    public static void requireSame(String query, String referenceStore, Answer reference, String store, Answer actual) {
        firstDifference(reference, actual).ifPresent(d -> {
            throw new Mismatch("refusing to benchmark: " + store + " answers " + query + " differently from "
                    + referenceStore + ": " + d);
        });
        if (reference.size() == 0) {
            throw new Mismatch("refusing to benchmark: " + query + " has an empty answer, so it proves nothing; pick a probe that matches");
        }
    }

    /** The first difference between two answers, in words; empty when they are equal. */
    public static Optional<String> firstDifference(Answer expected, Answer actual) {
        List<List<Object>> e = expected.rows();
        List<List<Object>> a = actual.rows();
        int n = Math.min(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            List<Object> er = e.get(i);
            List<Object> ar = a.get(i);
            if (er.size() != ar.size()) {
                return Optional.of("row " + i + " has " + ar.size() + " columns, expected " + er.size() + ": " + ar + " vs " + er);
            }
            for (int c = 0; c < er.size(); c++) {
                if (!sameValue(er.get(c), ar.get(c))) {
                    return Optional.of("row " + i + " column " + c + " is " + describe(ar.get(c)) + ", expected "
                            + describe(er.get(c)) + " (row " + ar + " vs " + er + ")");
                }
            }
        }
        if (e.size() != a.size()) {
            return Optional.of(a.size() + " rows, expected " + e.size()
                    + (a.size() > n ? "; first extra row " + a.get(n) : "; first missing row " + e.get(n)));
        }
        return Optional.empty();
    }

    static boolean sameValue(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (isExactNumber(expected) && isExactNumber(actual)) {
            return decimal(expected).compareTo(decimal(actual)) == 0;
        }
        return expected.getClass() == actual.getClass() && Objects.equals(expected, actual);
    }

    private static boolean isExactNumber(Object v) {
        return v instanceof BigDecimal || v instanceof Long;
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal b ? b : BigDecimal.valueOf((Long) v);
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + (v instanceof BigDecimal b ? b.toPlainString() : v);
    }
}
