package pgferry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The comparison rules, one by one, each both ways: what matches and what does not. */
class ResultComparisonTest {

    private final ResultComparison rules = ResultComparison.standard();

    private boolean same(Object a, Object b) {
        boolean ab = rules.compare(a, b).equal();
        assertThat(rules.compare(b, a).equal()).as("symmetric for %s / %s", a, b).isEqualTo(ab);
        return ab;
    }

    @Test
    void integersOfAnyWidth() {
        assertThat(same(5, 5L)).isTrue();
        assertThat(same((short) 5, BigInteger.valueOf(5))).isTrue();
        assertThat(same(5L, new BigDecimal("5.00"))).isTrue();
        assertThat(same(Long.MAX_VALUE, new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE))).isFalse();
        assertThat(rules.compare(5, 6L).rule()).isEqualTo("integers (any width)");
    }

    @Test
    void realAgainstNumericUnderTheShortestDecimalPolicy() {
        assertThat(same(0.1, new BigDecimal("0.1"))).isTrue();
        assertThat(same(0.1, new BigDecimal("0.1000"))).isTrue();
        assertThat(same(0.1, new BigDecimal("0.1000000000000000055511151231257827"))).isFalse();
        assertThat(same(0.1 + 0.2, new BigDecimal("0.3"))).isFalse();
        assertThat(same(0.1 + 0.2, new BigDecimal("0.30000000000000004"))).isTrue();
        assertThat(same(-7.25, new BigDecimal("-7.25"))).isTrue();
        assertThat(same(1e23, new BigDecimal("1E+23"))).isTrue();
        assertThat(same(0.0, BigDecimal.ZERO)).isTrue();
        assertThat(same(Double.NaN, BigDecimal.ZERO)).isFalse();
        // JDK 17's Double.toString(Double.MIN_VALUE) is "4.9E-324": two digits where one suffices
        assertThat(ResultComparison.shortestDecimal(Double.MIN_VALUE)).isEqualTo(new BigDecimal("5E-324"));
        assertThat(same(Double.MIN_VALUE, new BigDecimal("5E-324"))).isTrue();
        assertThat(same(Double.MIN_VALUE, new BigDecimal("4.9E-324"))).isFalse();
        assertThat(same(3.0, 3)).isTrue();
        assertThat(same(3.5, 3)).isFalse();
        assertThat(same("12.50", 12.5)).as("decimal text against a REAL").isTrue();
    }

    @Test
    void theShortestDecimalReadsBackAndNoShorterOneDoes() {
        Gen<Double> doubles = SourceDSL.doubles().any().assuming(d -> !d.isNaN() && !d.isInfinite());
        QuickTheory.qt().withExamples(3000).forAll(doubles).checkAssert(d -> {
            BigDecimal shortest = ResultComparison.shortestDecimal(d);
            assertThat(shortest.doubleValue()).isEqualTo(d);
            assertThat(ResultComparison.decimalMatchesDouble(shortest, d)).isTrue();
            int digits = shortest.stripTrailingZeros().precision();
            if (digits > 1 && d != 0) {
                BigDecimal exact = new BigDecimal(d);
                for (java.math.RoundingMode mode : java.math.RoundingMode.values()) {
                    if (mode == java.math.RoundingMode.UNNECESSARY) {
                        continue;
                    }
                    BigDecimal shorter = exact.round(new java.math.MathContext(digits - 1, mode));
                    assertThat(shorter.doubleValue()).as("%s is shorter than %s", shorter, shortest).isNotEqualTo(d);
                }
            }
            assertThat(Double.toString(d).replace("E", "e")).isNotNull();
        });
    }

    @Test
    void numericByValue() {
        assertThat(same(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(same(new BigDecimal("1.50"), new BigDecimal("1.51"))).isFalse();
        assertThat(same("1.50", new BigDecimal("1.5"))).isTrue();
        assertThat(same("abc", new BigDecimal("1.5"))).isFalse();
    }

    @Test
    void datetimeTextAgainstTimestamptzByInstant() {
        OffsetDateTime pg = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(1));
        assertThat(same("2024-03-01 08:30:00", pg)).as("no offset = UTC").isTrue();
        assertThat(same("2024-03-01T08:30:00Z", pg)).isTrue();
        assertThat(same("2024-03-01 10:30:00+02:00", pg)).isTrue();
        assertThat(same("2024-03-01 10:30:00+0200", pg)).isTrue();
        assertThat(same("2024-03-01 08:30:00.000", pg)).isTrue();
        assertThat(same("2024-03-01 08:30:01", pg)).isFalse();
        assertThat(same("2024-02-30 08:30:00", pg)).as("impossible date").isFalse();
        assertThat(same("yesterday", pg)).isFalse();
        assertThat(same(Timestamp.from(pg.toInstant()), "2024-03-01 08:30")).isTrue();
        assertThat(same(pg.toInstant(), pg)).isTrue();
        ResultComparison paris = rules.withZone(ZoneId.of("Europe/Paris"));
        assertThat(paris.compare("2024-03-01 09:30:00", pg).equal()).as("no offset = the declared zone").isTrue();
        assertThat(same(LocalDateTime.of(2024, 3, 1, 8, 30), "2024-03-01 08:30:00")).isTrue();
        assertThat(same(Instant.EPOCH, "1970-01-01")).isTrue();
    }

    @Test
    void jsonTextAgainstJsonbByTree() {
        Rows.Json jsonb = new Rows.Json("{\"a\": 1.50, \"b\": [1, 2, {\"c\": null}]}");
        assertThat(same("{\"b\":[1,2,{\"c\":null}],\"a\":1.5}", jsonb)).as("key order and number form").isTrue();
        assertThat(same("{\"b\":[2,1,{\"c\":null}],\"a\":1.5}", jsonb)).as("array order matters").isFalse();
        assertThat(same("{\"a\":1.5}", jsonb)).isFalse();
        assertThat(same("{not json", jsonb)).isFalse();
        assertThat(rules.compare("{}", new Rows.Json("{}")).rule()).startsWith("JSON tree");
    }

    @Test
    void booleansAsZeroOneAndTrueFalse() {
        assertThat(same(1, true)).isTrue();
        assertThat(same(0L, false)).isTrue();
        assertThat(same(1, false)).isFalse();
        assertThat(same(2, true)).isFalse();
        assertThat(same("t", true)).isTrue();
    }

    @Test
    void nullsTextAndBytes() {
        assertThat(same(null, null)).isTrue();
        assertThat(same(null, 0)).isFalse();
        assertThat(same("a", "a")).isTrue();
        assertThat(same("a", "A")).isFalse();
        assertThat(same(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(same(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
    }

    @Test
    void theFirstDifferenceIsReportedWithRowColumnValuesAndRule() {
        List<List<Object>> sqlite = List.of(
                Arrays.asList(1, "alice", 12.5, "2024-03-01 08:30:00"),
                Arrays.asList(2, "bob", 0.1, "2024-03-01 08:30:00"),
                Arrays.asList(3, "carol", 1.0, "2024-03-01 08:30:00"));
        List<List<Object>> postgres = List.of(
                Arrays.asList(1L, "alice", new BigDecimal("12.50"), OffsetDateTime.parse("2024-03-01T08:30:00Z")),
                Arrays.asList(2L, "bob", new BigDecimal("0.1"), OffsetDateTime.parse("2024-03-01T09:30:00Z")),
                Arrays.asList(3L, "carol", new BigDecimal("2"), OffsetDateTime.parse("2024-03-01T08:30:00Z")));
        Rows a = new Rows("sqlite", List.of("id", "name", "amount", "at"), sqlite);
        Rows b = new Rows("postgres", List.of("id", "name", "amount", "at"), postgres);
        assertThat(rules.firstDifference(a, b)).hasValue("""
                results differ at row 2 of 3, column 4 "at":
                  sqlite:   '2024-03-01 08:30:00' (String)
                  postgres: 2024-03-01T09:30Z (OffsetDateTime)
                  rule: datetime by instant (text without offset read in Z) (instants 2024-03-01T08:30:00Z vs 2024-03-01T09:30:00Z)
                  row in sqlite: (2, 'bob', 0.1, '2024-03-01 08:30:00')
                  row in postgres: (2, 'bob', 0.1, 2024-03-01T09:30Z)""");
    }

    @Test
    void rowAndColumnCountDifferencesAreReported() {
        assertThatThrownBy(() -> Parity.assertSameRows(List.of(List.of(1), List.of(2)), List.of(List.of(1))))
                .isInstanceOf(AssertionError.class)
                .hasMessage("row counts differ: first has 2 rows, second has 1; first row only in first (row 2): (2)");
        assertThatThrownBy(() -> Parity.assertSameRows(List.of(List.of(1, 2)), List.of(List.of(1))))
                .hasMessage("column counts differ: first has 2 [c1, c2], second has 1 [c1]");
        Parity.assertSameRows(List.of(List.of(1, 0.5)), List.of(List.of(1L, new BigDecimal("0.50"))));
    }

    @Test
    void theSqliteScriptSplitterKeepsTriggerBodiesAndQuotedSemicolons() {
        assertThat(SqlScript.split("""
                -- a comment; with a semicolon
                CREATE TABLE t (a TEXT DEFAULT ';');
                CREATE TRIGGER x AFTER INSERT ON t BEGIN
                  UPDATE t SET a = CASE WHEN a = 'x' THEN 'y' ELSE a END;
                  SELECT 1;
                END;
                /* block; comment */ INSERT INTO t VALUES ('it''s;');
                """)).hasSize(3)
                .satisfies(list -> assertThat(list.get(1)).startsWith("CREATE TRIGGER").endsWith("END"));
    }
}
