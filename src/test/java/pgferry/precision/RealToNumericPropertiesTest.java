package pgferry.precision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.plan.Converted;
import pgferry.plan.Converters;
import pgferry.plan.NonFinite;
import pgferry.plan.Rejection;
import pgferry.plan.ValueConverter;
import pgferry.source.sqlite.SqliteValue;
import pgferry.source.sqlite.StorageClass;
import pgferry.testing.PgTest;

/**
 * Property 3: pgferry's REAL -> NUMERIC conversion (DESIGN.md, Numbers; {@link Converters#numeric(NonFinite)})
 * on every finite double: the doubles are written to a real SQLite REAL column, read back through pgferry's
 * SQLite reader, converted, written to PostgreSQL as NUMERIC and read back with PgJDBC; the NUMERIC's
 * {@code doubleValue()} is the original double, bit for bit (except -0.0, below), and no decimal with fewer
 * significant digits reads back to that double (checked here independently of the converter: the nearest
 * decimals of one digit fewer, below and above the double's exact value, both read back to other doubles).
 * NaN and ±Infinity are rejected with a reason.
 *
 * <p><b>-0.0</b>: PostgreSQL NUMERIC has no negative zero, so the plan writes "0" (ShortestDecimal's documented
 * rule; -0.0 == 0.0), which reads back as +0.0. SQLite itself already stores -0.0 as 0 (it keeps whole REAL
 * values as integers on disk), so a -0.0 in a source file arrives as +0.0; the converter is also given -0.0
 * directly. Replay: see {@link Quick}.
 */
@PgTest(migrations = "classpath:pgferry/precision/postgres")
class RealToNumericPropertiesTest {

    private static final int EXAMPLES = 120;
    private static final ValueConverter TO_NUMERIC = Converters.numeric(NonFinite.REJECT);

    /** The checks of one batch of doubles: SQLite file -> pgferry reader -> converter -> PostgreSQL -> PgJDBC. */
    static final class Pipeline implements AutoCloseable {
        private final Connection pg;
        private final SqliteReals sqlite;
        private int tries;

        Pipeline(Connection pg, Path dir) throws SQLException {
            this.pg = pg;
            try (Statement st = pg.createStatement()) {
                st.execute("SET synchronous_commit TO off");
            }
            this.sqlite = new SqliteReals(dir);
        }

        void check(List<Double> doubles) {
            try {
                checkAll(doubles);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void checkAll(List<Double> doubles) throws SQLException {
            int t = ++tries;
            List<SqliteValue> fromFile = sqlite.roundTrip(doubles);
            List<String> written = new ArrayList<>();
            try (PreparedStatement ps = pg.prepareStatement(
                    "INSERT INTO converted_real (try, idx, value) VALUES (?, ?, CAST(? AS numeric))")) {
                for (int i = 0; i < doubles.size(); i++) {
                    double d = doubles.get(i);
                    SqliteValue stored = fromFile.get(i);
                    String what = Generators.describe(d);
                    assertThat(stored.storageClass()).as("SQLite storage class of %s", what).isEqualTo(StorageClass.REAL);
                    boolean sameBits = Double.doubleToRawLongBits(stored.real()) == Double.doubleToRawLongBits(d);
                    boolean negativeZeroLost = isNegativeZero(d) && Double.doubleToRawLongBits(stored.real()) == 0L;
                    assertThat(sameBits || negativeZeroLost).as("SQLite REAL keeps %s, read back %s", what,
                            Generators.describe(stored.real())).isTrue();

                    Converted fromSource = TO_NUMERIC.convert(stored);
                    Converted direct = TO_NUMERIC.convert(SqliteValue.ofReal(d));
                    assertThat(fromSource).as("conversion of %s read from SQLite vs given directly", what).isEqualTo(direct);
                    if (!Double.isFinite(d)) {
                        assertThat(direct).as("conversion of %s", what)
                                .isEqualTo(new Rejection("REAL " + (d > 0 ? "Infinity" : "-Infinity")
                                        + " is not a finite number (use --non-finite keep or null to map it)"));
                        written.add(null);
                        continue;
                    }
                    assertThat(direct).as("conversion of %s", what).isInstanceOf(Converted.Value.class);
                    String text = ((Converted.Value) direct).text();
                    assertThat(text).as("NUMERIC text of %s", what).matches("-?[0-9]+(\\.[0-9]*[1-9])?");
                    written.add(text);
                    ps.setInt(1, t);
                    ps.setInt(2, i);
                    ps.setString(3, text);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = pg.prepareStatement(
                    "SELECT idx, value, value::text FROM converted_real WHERE try = ? ORDER BY idx")) {
                ps.setInt(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int i = rs.getInt(1);
                        checkReadBack(doubles.get(i), written.get(i), rs.getBigDecimal(2), rs.getString(3));
                    }
                }
            }
        }

        @Override
        public void close() throws SQLException {
            sqlite.close();
        }
    }

    static boolean isNegativeZero(double d) {
        return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0);
    }

    /** The NUMERIC PostgreSQL holds reads back to {@code d} and has the fewest significant digits that do. */
    static void checkReadBack(double d, String written, BigDecimal numeric, String numericText) {
        String what = Generators.describe(d);
        assertThat(numericText).as("PostgreSQL keeps the text written for %s", what).isEqualTo(written);
        double back = numeric.doubleValue();
        if (isNegativeZero(d)) {
            assertThat(written).as("-0.0 is written as 0 (NUMERIC has no negative zero)").isEqualTo("0");
            assertThat(Double.doubleToRawLongBits(back)).as("-0.0 reads back as +0.0").isZero();
        } else {
            assertThat(Double.doubleToRawLongBits(back)).as("NUMERIC %s of %s reads back as %s", written, what,
                    Generators.describe(back)).isEqualTo(Double.doubleToRawLongBits(d));
        }
        Optional<BigDecimal> shorter = shorterDecimalReadingBackTo(numeric, d);
        assertThat(shorter).as("NUMERIC %s of %s has %d significant digits, but %s has fewer and reads back the same",
                written, what, significantDigits(numeric), shorter.map(BigDecimal::toString).orElse("")).isEmpty();
    }

    static int significantDigits(BigDecimal x) {
        return x.signum() == 0 ? 1 : x.stripTrailingZeros().precision();
    }

    /**
     * The decimal of fewest significant digits (fewer than {@code decimal} has) that reads back to {@code d}, if
     * any. The decimals reading back to d form an interval around d's exact value, so if any j-digit decimal
     * does, the nearest j-digit one below or above the exact value does.
     */
    static Optional<BigDecimal> shorterDecimalReadingBackTo(BigDecimal decimal, double d) {
        int k = significantDigits(decimal);
        BigDecimal exact = new BigDecimal(d);
        for (int j = 1; j < k; j++) {
            for (RoundingMode mode : List.of(RoundingMode.FLOOR, RoundingMode.CEILING)) {
                BigDecimal candidate = exact.round(new MathContext(j, mode));
                if (candidate.doubleValue() == d) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void everyDoubleBecomesTheShortestNumericThatReadsBackToIt(Connection pg, @TempDir Path dir) throws SQLException {
        try (Pipeline pipeline = new Pipeline(pg, dir)) {
            Quick.qt("REAL -> NUMERIC (lists of doubles)", EXAMPLES)
                    .forAll(Generators.realLists(25))
                    .checkAssert(pipeline::check);
        }
    }

    /** Every hard case once, not left to chance: zeros, subnormals, extremes, every power of ten, neighbours. */
    @Test
    void everyHardDoubleBecomesTheShortestNumericThatReadsBackToIt(Connection pg, @TempDir Path dir) throws SQLException {
        List<Double> hard = Generators.hardDoubles();
        assertThat(hard).contains(-0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1e23, 2e23, 9.007199254740993E15);
        try (Pipeline pipeline = new Pipeline(pg, dir)) {
            for (int from = 0; from < hard.size(); from += 500) {
                pipeline.check(hard.subList(from, Math.min(hard.size(), from + 500)));
            }
        }
    }

    /** What the converter writes for a few doubles, spelled out. */
    @Test
    void knownShortestForms(Connection pg, @TempDir Path dir) throws SQLException {
        assertThat(numericText(0.1)).isEqualTo("0.1");
        assertThat(numericText(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(numericText(1e23)).isEqualTo("100000000000000000000000");
        assertThat(numericText(2e23)).isEqualTo("200000000000000000000000");
        assertThat(numericText(9.007199254740993E15)).isEqualTo("9007199254740992");
        assertThat(numericText(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
        assertThat(numericText(-0.0)).isEqualTo("0");
        assertThat(numericText(-Double.MAX_VALUE)).isEqualTo("-17976931348623157" + "0".repeat(292));
        // where JDK 17's Double.toString gives one digit more than needed
        assertThat(Double.toString(Double.MIN_VALUE)).isEqualTo("4.9E-324");
        try (Pipeline pipeline = new Pipeline(pg, dir)) {
            pipeline.check(List.of(0.1, 0.1 + 0.2, 1e23, 2e23, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE));
        }
    }

    /** The checks can fail: a decimal that reads back but is longer than needed, or one that does not read back. */
    @Test
    void theChecksCatchADecimalThatIsNotTheShortest() {
        String javaDigits = new BigDecimal(Double.toString(Double.MIN_VALUE)).toPlainString(); // 0.000...49
        assertThatThrownBy(() -> checkReadBack(Double.MIN_VALUE, javaDigits, new BigDecimal(javaDigits), javaDigits))
                .hasMessageContaining("has 2 significant digits, but 4E-324 has fewer and reads back the same");
        String exact = new BigDecimal(0.1).toPlainString(); // 0.1000000000000000055511151231257827...
        assertThatThrownBy(() -> checkReadBack(0.1, exact, new BigDecimal(exact), exact))
                .hasMessageContaining("but 0.1 has fewer and reads back the same");
        assertThatThrownBy(() -> checkReadBack(0.1, "0.1", new BigDecimal("0.10000001"), "0.1"))
                .hasMessageContaining("reads back as 0.10000001");
    }

    private static String numericText(double d) {
        return ((Converted.Value) TO_NUMERIC.convert(SqliteValue.ofReal(d))).text();
    }

    /**
     * NaN and ±Infinity have no NUMERIC(p,s) form: rejected, with a reason naming the value and the option that
     * maps it. (SQLite cannot even hold a NaN: it stores NULL; ±Infinity it keeps.)
     */
    @Test
    void nanAndInfinitiesAreRejectedWithAReason(@TempDir Path dir) throws SQLException {
        String how = " is not a finite number (use --non-finite keep or null to map it)";
        for (ValueConverter converter : List.of(TO_NUMERIC, Converters.numeric(20, 2, NonFinite.REJECT),
                Converters.numeric(38, 18, NonFinite.KEEP))) {
            assertThat(converter.convert(SqliteValue.ofReal(Double.NaN))).isEqualTo(new Rejection("REAL NaN" + how));
            assertThat(converter.convert(SqliteValue.ofReal(Double.POSITIVE_INFINITY))).isEqualTo(new Rejection("REAL Infinity" + how));
            assertThat(converter.convert(SqliteValue.ofReal(Double.NEGATIVE_INFINITY))).isEqualTo(new Rejection("REAL -Infinity" + how));
        }
        try (SqliteReals sqlite = new SqliteReals(dir)) {
            List<SqliteValue> stored = sqlite.roundTrip(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
            assertThat(stored.get(0)).as("SQLite stores NaN as NULL").isEqualTo(SqliteValue.NULL);
            assertThat(stored.get(1)).isEqualTo(SqliteValue.ofReal(Double.POSITIVE_INFINITY));
            assertThat(TO_NUMERIC.convert(stored.get(1))).isEqualTo(new Rejection("REAL Infinity" + how));
            assertThat(TO_NUMERIC.convert(stored.get(2))).isEqualTo(new Rejection("REAL -Infinity" + how));
        }
    }
}
