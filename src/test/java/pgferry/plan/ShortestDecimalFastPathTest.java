package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The fast path for plain doubles gives exactly the general method's digits and text. */
class ShortestDecimalFastPathTest {

    private static boolean same(double d) {
        if (!Double.isFinite(d)) {
            return true;
        }
        ShortestDecimal slow = ShortestDecimal.slowOf(d);
        ShortestDecimal fast = ShortestDecimal.of(d);
        return fast.toPlainString().equals(slow.toPlainString())
                && fast.significantDigits() == slow.significantDigits()
                && fast.scale() == slow.scale()
                && fast.integerDigits() == slow.integerDigits()
                && ShortestDecimal.toPlainString(d).equals(slow.toPlainString());
    }

    /** Decimals with up to 17 digits and scale 0..20, as a double (prices, quantities, fees...). */
    private static Gen<Double> decimals() {
        return longs().between(-99_999_999_999_999_999L, 99_999_999_999_999_999L)
                .zip(integers().between(0, 20), (m, s) -> new BigDecimal(m).movePointLeft(s).doubleValue());
    }

    /** Short decimals (the common case: up to 9 digits). */
    private static Gen<Double> shortDecimals() {
        return longs().between(-999_999_999L, 999_999_999L)
                .zip(integers().between(0, 12), (m, s) -> new BigDecimal(m).movePointLeft(s).doubleValue());
    }

    /** Any bit pattern. */
    private static Gen<Double> anyBits() {
        return longs().all().map(Double::longBitsToDouble);
    }

    /** Doubles next to powers of ten and to decimals with a 5 in the last place (ties, carries). */
    private static Gen<Double> edges() {
        return integers().between(-30, 30).zip(integers().between(-3, 3), integers().between(0, 2), (e, ulps, kind) -> {
            double base = switch (kind) {
                case 0 -> Math.pow(10, e);
                case 1 -> new BigDecimal("5").scaleByPowerOfTen(e).doubleValue();
                default -> new BigDecimal("9.5").scaleByPowerOfTen(e).doubleValue();
            };
            double d = base;
            for (int i = 0; i < Math.abs(ulps); i++) {
                d = ulps > 0 ? Math.nextUp(d) : Math.nextDown(d);
            }
            return d;
        });
    }

    @Test
    void fastEqualsGeneralOnDecimals() {
        qt().withExamples(100_000).forAll(shortDecimals()).check(ShortestDecimalFastPathTest::same);
        qt().withExamples(50_000).forAll(decimals()).check(ShortestDecimalFastPathTest::same);
    }

    @Test
    void fastEqualsGeneralOnAnyDouble() {
        qt().withExamples(50_000).forAll(anyBits()).check(ShortestDecimalFastPathTest::same);
        qt().withExamples(50_000).forAll(doubles().between(-1e6, 1e6)).check(ShortestDecimalFastPathTest::same);
        qt().withExamples(20_000).forAll(doubles().between(-1e16, 1e16)).check(ShortestDecimalFastPathTest::same);
    }

    @Test
    void fastEqualsGeneralNextToPowersOfTenAndTies() {
        qt().withExamples(5_000).forAll(edges()).check(ShortestDecimalFastPathTest::same);
    }

    @Test
    void fastPathTakesPlainValuesAndDeclinesTheRest() {
        assertThat(ShortestDecimal.fastScale(146.743514)).isEqualTo(6);
        assertThat(ShortestDecimal.fastScale(1500.0)).isEqualTo(0);
        assertThat(ShortestDecimal.fastScale(0.1)).isEqualTo(1);
        assertThat(ShortestDecimal.fastScale(Math.PI)).isEqualTo(-1);       // 16 digits: general method
        assertThat(ShortestDecimal.fastScale(Double.MIN_VALUE)).isEqualTo(-1);
        assertThat(ShortestDecimal.fastScale(1e300)).isEqualTo(-1);
        assertThat(ShortestDecimal.fastScale(0x1p49)).isEqualTo(-1);
        for (double d : new double[]{146.743514, -0.000001, 1500, -1500, 0.1, 0.3, 1e-7, 123456789012345.0, 0.5,
                9.999999999999999e14, 1e15, 5e-324, 2e23, 4.35, 1.005, 0.07, -2.5e-8, 99.99}) {
            assertThat(same(d)).as("%s", d).isTrue();
        }
        assertThat(ShortestDecimal.toPlainString(-0.0)).isEqualTo("0");
        assertThat(ShortestDecimal.toPlainString(0.000123)).isEqualTo("0.000123");
        assertThat(ShortestDecimal.toPlainString(-12.5)).isEqualTo("-12.5");
    }
}
