package pgferry.precision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.plan.Converted;
import pgferry.plan.Converters;
import pgferry.plan.NonFinite;
import pgferry.plan.Rejection;
import pgferry.plan.ValueConverter;
import pgferry.precision.Generators.Fit;
import pgferry.source.sqlite.SqliteValue;
import pgferry.testing.PgTest;
import pgferry.testing.ResultComparison;

/**
 * Property 4: a value beyond a column's NUMERIC(p,s) is rejected by pgferry's converter with a reason naming the
 * value and the type, never rounded; a value within it passes unchanged. PostgreSQL itself, given the same value
 * directly, refuses too many integer digits ("numeric field overflow") but ROUNDS too many decimals silently
 * (half away from zero: 1.005 in NUMERIC(10,2) is stored as 1.01): that is why the converter must reject first.
 * Values come from a real SQLite REAL column through pgferry's reader, and as TEXT (a decimal literal a SQLite
 * app stored as text). Replay: see {@link Quick}.
 */
@PgTest(migrations = "classpath:pgferry/precision/postgres")
class NumericBoundsPropertiesTest {

    private static final int EXAMPLES = 60;

    /** The NUMERIC(p,s) columns of the {@code bounded} table. */
    record Type(int precision, int scale) {
        String column() {
            return "numeric_" + precision + "_" + scale;
        }

        String sql() {
            return "numeric(" + precision + "," + scale + ")";
        }

        ValueConverter converter() {
            return Converters.numeric(precision, scale, NonFinite.REJECT);
        }
    }

    static final List<Type> TYPES = List.of(new Type(10, 2), new Type(20, 2), new Type(20, 6), new Type(24, 8),
            new Type(38, 18));

    /** What PostgreSQL did with a value inserted directly: the stored value, or the error's SQLSTATE and message. */
    record Stored(BigDecimal value, String sqlState, String error) {
    }

    static final class Bounded implements AutoCloseable {
        private final Connection pg;
        private final SqliteReals sqlite;
        final List<String> silentlyRounded = new ArrayList<>();

        Bounded(Connection pg, Path dir) throws SQLException {
            this.pg = pg;
            try (Statement st = pg.createStatement()) {
                st.execute("SET synchronous_commit TO off");
            }
            sqlite = new SqliteReals(dir);
        }

        /** Inserts {@code value} into the column of {@code type} directly (setBigDecimal), autocommit. */
        Stored insertDirectly(Type type, BigDecimal value) {
            try (PreparedStatement ps = pg.prepareStatement(
                    "INSERT INTO bounded (\"" + type.column() + "\") VALUES (?) RETURNING \"" + type.column() + "\"")) {
                ps.setBigDecimal(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Stored(rs.getBigDecimal(1), null, null);
                }
            } catch (SQLException e) {
                return new Stored(null, e.getSQLState(), e.getMessage());
            }
        }

        void check(Type type, Fit fit, BigDecimal value) {
            try {
                checkOne(type, fit, value);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void checkOne(Type type, Fit fit, BigDecimal value) throws SQLException {
            double d = value.doubleValue();
            String plain = value.toPlainString();
            assertThat(ResultComparison.shortestDecimal(d)).as("the generated %s is the shortest form of its double", plain)
                    .isEqualByComparingTo(value);
            SqliteValue real = sqlite.roundTrip(d);
            assertThat(real).as("SQLite REAL keeps %s", plain).isEqualTo(SqliteValue.ofReal(d));
            SqliteValue text = SqliteValue.ofText(plain);
            int scale = Math.max(value.scale(), 0);
            int integerDigits = Math.max(value.precision() - value.scale(), 0);
            Stored direct = insertDirectly(type, value);
            for (SqliteValue source : List.of(real, text)) {
                Converted converted = type.converter().convert(source);
                switch (fit) {
                    case WITHIN -> {
                        assertThat(converted).as("%s of %s into %s", source, plain, type.sql()).isInstanceOf(Converted.Value.class);
                        assertThat(new BigDecimal(((Converted.Value) converted).text())).isEqualByComparingTo(value);
                    }
                    case TOO_MANY_DECIMALS -> assertThat(converted).as("%s into %s", source, type.sql()).isEqualTo(new Rejection(
                            "value " + plain + " has scale " + scale + " > " + type.scale() + " of " + type.sql()));
                    case TOO_MANY_INTEGER_DIGITS -> assertThat(converted).as("%s into %s", source, type.sql())
                            .isEqualTo(new Rejection("value " + plain + " has " + integerDigits + " integer digits > "
                                    + (type.precision() - type.scale()) + " allowed by " + type.sql()));
                }
            }
            switch (fit) {
                case WITHIN -> {
                    assertThat(direct.error()).as("PostgreSQL %s <- %s", type.sql(), plain).isNull();
                    assertThat(direct.value()).isEqualByComparingTo(value);
                }
                case TOO_MANY_DECIMALS -> {
                    // PostgreSQL rounds half away from zero (BigDecimal's HALF_UP), unless the rounded value overflows
                    BigDecimal rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
                    if (rounded.precision() - rounded.scale() > type.precision() - type.scale()) {
                        assertThat(direct.sqlState()).as("PostgreSQL %s <- %s rounds to %s: overflow", type.sql(), plain,
                                rounded.toPlainString()).isEqualTo("22003");
                    } else {
                        assertThat(direct.error()).as("PostgreSQL %s <- %s", type.sql(), plain).isNull();
                        assertThat(direct.value()).as("PostgreSQL %s <- %s", type.sql(), plain).isEqualTo(rounded)
                                .isNotEqualByComparingTo(value);
                        if (silentlyRounded.size() < 5) {
                            silentlyRounded.add(type.sql() + " <- " + plain + ": PostgreSQL stored "
                                    + direct.value().toPlainString() + "; pgferry rejects it");
                        }
                    }
                }
                case TOO_MANY_INTEGER_DIGITS -> {
                    assertThat(direct.sqlState()).as("PostgreSQL %s <- %s", type.sql(), plain).isEqualTo("22003");
                    assertThat(direct.error()).contains("numeric field overflow");
                }
            }
        }

        @Override
        public void close() throws SQLException {
            sqlite.close();
        }
    }

    @Test
    void valuesWithinTheTypePassUnchanged(Connection pg, @TempDir Path dir) throws SQLException {
        run(pg, dir, Fit.WITHIN);
    }

    @Test
    void tooManyDecimalsAreRejectedWhilePostgresRoundsThem(Connection pg, @TempDir Path dir) throws SQLException {
        List<String> rounded = run(pg, dir, Fit.TOO_MANY_DECIMALS);
        System.out.println("[precision] what PostgreSQL does with too many decimals, inserted directly:");
        rounded.forEach(line -> System.out.println("    " + line));
        assertThat(rounded).as("PostgreSQL rounded some generated values silently").isNotEmpty();
    }

    @Test
    void tooManyIntegerDigitsAreRejectedAndPostgresOverflows(Connection pg, @TempDir Path dir) throws SQLException {
        run(pg, dir, Fit.TOO_MANY_INTEGER_DIGITS);
    }

    private static List<String> run(Connection pg, Path dir, Fit fit) throws SQLException {
        List<String> rounded = new ArrayList<>();
        try (Bounded bounded = new Bounded(pg, dir)) {
            for (Type type : TYPES) {
                Quick.qt(type.sql() + ", " + fit.name().toLowerCase().replace('_', ' '), EXAMPLES)
                        .forAll(Generators.decimalsFor(type.precision(), type.scale(), fit))
                        .checkAssert(value -> bounded.check(type, fit, value));
            }
            rounded.addAll(bounded.silentlyRounded);
        }
        return rounded;
    }

    /**
     * 1.005 in NUMERIC(10,2): PostgreSQL stores 1.01 without a word; rounding the double instead would give 1.00
     * (the double of 1.005 is 1.00499999999999989...). pgferry does neither: it rejects the value.
     */
    @Test
    void onePointZeroZeroFive(Connection pg, @TempDir Path dir) throws SQLException {
        Type type = new Type(10, 2);
        try (Bounded bounded = new Bounded(pg, dir)) {
            assertThat(bounded.insertDirectly(type, new BigDecimal("1.005")).value()).isEqualTo("1.01");
            assertThat(new BigDecimal(1.005).setScale(2, RoundingMode.HALF_UP)).isEqualTo("1.00");
            assertThat(type.converter().convert(SqliteValue.ofReal(1.005)))
                    .isEqualTo(new Rejection("value 1.005 has scale 3 > 2 of numeric(10,2)"));
            assertThat(type.converter().convert(SqliteValue.ofReal(0.1 + 0.2)))
                    .isEqualTo(new Rejection("value 0.30000000000000004 has scale 17 > 2 of numeric(10,2)"));
            assertThat(type.converter().convert(SqliteValue.ofReal(123456789.5)))
                    .isEqualTo(new Rejection("value 123456789.5 has 9 integer digits > 8 allowed by numeric(10,2)"));
            Stored overflow = bounded.insertDirectly(type, new BigDecimal("123456789.5"));
            assertThat(overflow.sqlState()).isEqualTo("22003");
            assertThat(overflow.error()).startsWith("ERROR: numeric field overflow");
            // the largest value passes; one more decimal rounds up past the type and overflows in PostgreSQL
            assertThat(type.converter().convert(SqliteValue.ofReal(99999999.99))).isEqualTo(Converted.of("99999999.99"));
            assertThat(bounded.insertDirectly(type, new BigDecimal("99999999.995")).sqlState()).isEqualTo("22003");
            assertThat(type.converter().convert(SqliteValue.ofReal(99999999.995)))
                    .isEqualTo(new Rejection("value 99999999.995 has scale 3 > 2 of numeric(10,2)"));
        }
    }
}
