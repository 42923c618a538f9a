package pgferry.systems.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import pgferry.testing.Engine;
import pgferry.testing.ResultComparison;
import pgferry.testing.Rows;

/**
 * Parity for answers with sums that SQLite computes over REAL. Such a sum is a double sum and may
 * legitimately differ from PostgreSQL's exact numeric sum in the last digits. This does not hide it:
 * every other column must agree under {@link ResultComparison}'s rules; a sum column either agrees or
 * differs by no more than a double sum's rounding (relative 1e-12 here, far above n·2^-53 for the few
 * thousand rows of a test); each such difference is returned as a drift, and
 * {@link ResultComparison#firstDifference} must report the result as different whenever there is one.
 */
public final class SumDrift {

    private static final Map<String, Rows> SQLITE_SIDE = new ConcurrentHashMap<>();
    private static final BigDecimal RELATIVE = new BigDecimal("1e-12");

    private SumDrift() {
    }

    /** One cell where the engines' sums differ. */
    public record Drift(int row, String column, BigDecimal sqlite, BigDecimal postgres) {
        @Override
        public String toString() {
            return "row " + row + " " + column + ": sqlite " + sqlite.toPlainString() + " vs postgres " + postgres.toPlainString();
        }
    }

    /**
     * On SQLite remembers {@code records} under {@code key}; on PostgreSQL compares with them and returns
     * the drifts (empty on SQLite, or when the sums agree).
     */
    public static List<Drift> check(Engine engine, String key, List<?> records, Set<String> sumColumns) {
        Rows rows = RepoRows.of(engine.label(), records);
        if (engine == Engine.SQLITE) {
            SQLITE_SIDE.put(key, rows);
            return List.of();
        }
        Rows sqlite = SQLITE_SIDE.remove(key);
        assertThat(sqlite).as("the SQLite run recorded %s first", key).isNotNull();
        assertThat(rows.values()).as("%s: row count", key).hasSameSizeAs(sqlite.values());
        ResultComparison rules = ResultComparison.standard();
        List<Drift> drifts = new ArrayList<>();
        for (int r = 0; r < rows.values().size(); r++) {
            for (int c = 0; c < rows.columns().size(); c++) {
                Object a = sqlite.values().get(r).get(c);
                Object b = rows.values().get(r).get(c);
                String column = rows.columns().get(c);
                if (rules.compare(a, b).equal()) {
                    continue;
                }
                assertThat(sumColumns).as("%s row %d column %s differs: %s vs %s, and it is not a REAL sum",
                        key, r + 1, column, a, b).contains(column);
                BigDecimal x = (BigDecimal) a;
                BigDecimal y = (BigDecimal) b;
                BigDecimal bound = y.abs().max(BigDecimal.ONE).multiply(RELATIVE, MathContext.DECIMAL64);
                assertThat(x.subtract(y).abs()).as("%s row %d %s: %s vs %s is more than a double sum's rounding",
                        key, r + 1, column, x, y).isLessThanOrEqualTo(bound);
                drifts.add(new Drift(r + 1, column, x, y));
            }
        }
        assertThat(rules.firstDifference(sqlite, rows).isPresent())
                .as("the parity helper reports %s as different exactly when a sum drifted", key).isEqualTo(!drifts.isEmpty());
        return drifts;
    }
}
