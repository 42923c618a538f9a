package pgferry.precision;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of the precision properties: amounts of a NUMERIC(p,s), doubles with their hard cases. */
final class Generators {

    private static final long MAX_18_DIGITS = 999_999_999_999_999_999L;
    private static final BigInteger E18 = BigInteger.TEN.pow(18);
    private static final BigInteger E36 = BigInteger.TEN.pow(36);

    private Generators() {
    }

    /**
     * Decimals that NUMERIC(p,s) holds, with scale exactly {@code s} (as an application binds them): 1 to p
     * digits, so small and large magnitudes both come up, either sign; one in ten is an edge value (zero, the
     * smallest unit, the largest value the type holds). Shrinks towards fewer digits and zero.
     */
    static Gen<BigDecimal> within(int p, int s) {
        Gen<BigDecimal> random = integers().between(1, p).zip(longs().between(0, MAX_18_DIGITS),
                longs().between(0, MAX_18_DIGITS), longs().between(0, MAX_18_DIGITS), booleans().all(),
                (digits, a, b, c, negative) -> {
                    BigInteger unscaled = BigInteger.valueOf(a).multiply(E36).add(BigInteger.valueOf(b).multiply(E18))
                            .add(BigInteger.valueOf(c)).mod(BigInteger.TEN.pow(digits));
                    BigDecimal v = new BigDecimal(unscaled, s);
                    return negative ? v.negate() : v;
                });
        BigDecimal unit = new BigDecimal(BigInteger.ONE, s);
        BigDecimal max = new BigDecimal(BigInteger.TEN.pow(p).subtract(BigInteger.ONE), s);
        Gen<BigDecimal> edges = Generate.pick(List.of(BigDecimal.ZERO.setScale(s), unit, unit.negate(), max, max.negate()));
        return Generate.frequency(Pair.of(9, random), Pair.of(1, edges)).describedAs(BigDecimal::toPlainString);
    }

    /** Amounts of any of the money types: cents, 6 and 8 decimals, 18-decimal on-chain amounts. */
    static Gen<BigDecimal> moneyOfAnyScale() {
        return Generate.oneOf(within(20, 2), within(20, 6), within(24, 8), within(38, 18))
                .describedAs(BigDecimal::toPlainString);
    }

    /** Cent amounts between -100 000.00 and 100 000.00, scale 2. */
    static Gen<BigDecimal> cents() {
        return longs().between(-10_000_000L, 10_000_000L).map(c -> BigDecimal.valueOf(c, 2))
                .describedAs(BigDecimal::toPlainString);
    }

    /** Lists of 1 to {@code max} cent amounts, shown as plain decimals. */
    static Gen<List<BigDecimal>> centLists(int max) {
        return org.quicktheories.generators.SourceDSL.lists().of(cents()).ofSizeBetween(1, max)
                .describedAs(l -> l.stream().map(BigDecimal::toPlainString).toList().toString());
    }

    /**
     * The doubles whose decimal form is hard to get right: signed zeros, subnormals (the smallest, and
     * neighbours of the smallest normal), the extremes, 2^53 and its neighbours, 1e23 and 2e23 (whose
     * shortest forms JDK 17's Double.toString gets longer than needed around), values money apps store (0.1,
     * 0.1 + 0.2, 1.005, 4.35), every power of ten a double can hold, and the neighbours one ulp either side.
     */
    static List<Double> hardDoubles() {
        Set<Double> base = new LinkedHashSet<>(List.of(
                0.0, -0.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Math.nextUp(Double.MIN_NORMAL), Double.MAX_VALUE,
                Math.nextDown(Double.MAX_VALUE), 0.1, 0.2, 0.3, 0.1 + 0.2, 1.005, 4.35, 0.07, 19.99, 1.0 / 3,
                2.0 / 3, Math.PI, Math.E, 1e23, 2e23, 9.007199254740993E15, 9007199254740992.0, 9007199254740994.0,
                16777217.0, 0x1p63, 0x1p64, 123456789.12345678, 5e-324, 1e-323, 2.2250738585072014E-308,
                4.9406564584124654E-324, 1.7976931348623157E308, 2.82879384806159E17, 1.0E-5, 5.0E-5, 9.999999999999999E22));
        for (int e = -324; e <= 308; e++) {
            base.add(Double.parseDouble("1e" + e));
        }
        List<Double> all = new ArrayList<>();
        for (double d : base) {
            for (double x : new double[] {d, Math.nextUp(d), Math.nextDown(d)}) {
                if (Double.isFinite(x)) {
                    all.add(x);
                    all.add(-x);
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(all));
    }

    /**
     * Doubles for the REAL -> NUMERIC conversion: QuickTheories' {@code doubles().any()} (every bit pattern but
     * NaN, so ±Infinity too), the hard cases above, and amounts money apps wrote as REAL (a decimal of up to 15
     * digits and up to 8 decimals, as a double).
     */
    static Gen<Double> reals() {
        Gen<Double> written = longs().between(-999_999_999_999_999L, 999_999_999_999_999L)
                .zip(integers().between(0, 8), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale).doubleValue());
        return Generate.frequency(Pair.of(5, doubles().any()), Pair.of(3, Generate.pick(hardDoubles())),
                Pair.of(2, written)).describedAs(Generators::describe);
    }

    /** Lists of 1 to {@code max} doubles from {@link #reals()}. */
    static Gen<List<Double>> realLists(int max) {
        return org.quicktheories.generators.SourceDSL.lists().of(reals()).ofSizeBetween(1, max)
                .describedAs(l -> l.stream().map(Generators::describe).toList().toString());
    }

    /** A double with its bits, so -0.0 and neighbours are unambiguous: {@code 0.1 (0x3fb999999999999a)}. */
    static String describe(double d) {
        return d + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
    }

    /** What a value beyond NUMERIC(p,s) can be: within it, too many decimals, too many integer digits. */
    enum Fit { WITHIN, TOO_MANY_DECIMALS, TOO_MANY_INTEGER_DIGITS }

    /**
     * Decimals of 1 to 15 significant digits (so the double of one has that very decimal as its shortest form,
     * and a REAL column can hold it) that {@code fit} NUMERIC(p,s) as asked: within it, with 1 to 4 decimals
     * more than s, or with 1 to 4 integer digits more than p - s. Last digit never 0, either sign.
     */
    static Gen<BigDecimal> decimalsFor(int p, int s, Fit fit) {
        int maxDigits = Math.min(15, p + 4);
        int integerDigits = p - s;
        return integers().between(1, maxDigits).zip(longs().between(0, MAX_18_DIGITS), integers().between(0, 1000),
                booleans().all(), (drawn, bits, pick, negative) -> {
                    int n = fit == Fit.WITHIN ? Math.min(drawn, p) : drawn;
                    long low = (long) Math.pow(10, n - 1);
                    long unscaled = low + Math.floorMod(bits, 9 * low);
                    if (unscaled % 10 == 0) {
                        unscaled += 1;
                    }
                    int lo;
                    int hi;
                    switch (fit) {
                        case WITHIN -> {
                            lo = n - integerDigits;
                            hi = s;
                        }
                        case TOO_MANY_DECIMALS -> {
                            lo = Math.max(s + 1, n - integerDigits);
                            hi = s + 4;
                        }
                        default -> {
                            lo = n - integerDigits - 4;
                            hi = Math.min(s, n - integerDigits - 1);
                        }
                    }
                    int scale = lo + pick % (hi - lo + 1);
                    BigDecimal v = new BigDecimal(BigInteger.valueOf(unscaled), scale);
                    return negative ? v.negate() : v;
                }).describedAs(BigDecimal::toPlainString);
    }
}
