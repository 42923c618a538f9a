package pgferry.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back to the same double: 0.1 → "0.1", never
 * 0.1000000000000000055511151231257827. Correct for every finite double, unlike JDK 17's
 * {@link Double#toString} which sometimes prints one digit too many (JDK-4511638, fixed in JDK 19:
 * e.g. {@code 4.9E-324} where {@code 5E-324} reads back the same, or {@code 2.0E23} cases).
 *
 * <p>Method: Double.toString's digits always read back to the double. When they have at most 15
 * significant digits and the double is normal they are the shortest (any two distinct decimals of
 * ≤ 15 digits read to distinct doubles, DBL_DIG = 15). Otherwise we search downwards: for k digits
 * we take the k-digit decimals just below and just above Double.toString's value; since the
 * decimals that read back to the double form an interval holding that value, some k-digit decimal
 * reads back exactly when one of these two does (the nearer one is taken, ties to even). Because a
 * k-digit decimal is also a (k+1)-digit one, the first k that fails ends the search.
 *
 * <p>Negative zero gives "0" (PostgreSQL NUMERIC has no negative zero; {@code 0 == -0.0}); callers
 * that must know count it separately. NaN and infinities are not numbers here: they throw.
 */
public final class ShortestDecimal {

    private final boolean negative;
    /** Significant digits, no leading or trailing zeros ("0" for zero). */
    private final String digits;
    /** Position of the decimal point relative to the first digit: value = 0.digits × 10^point. */
    private final int point;

    private ShortestDecimal(boolean negative, String digits, int point) {
        this.negative = negative;
        this.digits = digits;
        this.point = point;
    }

    /** Powers of ten that are exact doubles (10^0 .. 10^22). */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};
    /** The fast path's bound on the scaled integer: 2^49 (15 digits at most). */
    private static final double FAST_LIMIT = 0x1p49;

    /** The shortest decimal of a finite double. */
    public static ShortestDecimal of(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        if (d == 0) {
            return new ShortestDecimal(false, "0", 1);
        }
        double abs = Math.abs(d);
        int s = fastScale(abs);
        if (s >= 0) {
            long m = (long) Math.rint(abs * POW10[s]);
            String all = Long.toString(m);
            int end = all.length();
            while (end > 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            return new ShortestDecimal(d < 0, all.substring(0, end), all.length() - s);
        }
        return slowOf(d);
    }

    /**
     * Fast path for "plain" doubles such as prices: the least scale s (0..22) for which the integer m
     * nearest to |d|·10^s satisfies m / 10^s == |d|, with m &lt; 2^49; -1 when there is none (then the
     * general method decides). Why this is exactly the general method's answer:
     * <ul>
     * <li>m and 10^s are exact doubles, so m / 10^s is the correctly rounded quotient, i.e. what
     *     parsing the decimal m·10^-s gives: it reads back.</li>
     * <li>The decimals that read back to |d| lie within one ulp(|d|) ≤ 2^-52·|d| &lt; 2^-3·10^-s, so
     *     at most one multiple of 10^-s does; and if a multiple of 10^-t (t &lt; s) read back, the
     *     rounded product |d|·10^t (error ≤ 1/16 below 2^49) would round to it and t would have been
     *     found first. So m·10^-s is the only candidate with scale ≤ s.</li>
     * <li>Any other candidate B has a larger scale t, differs by at least 10^-t and at most
     *     2^-52·|d|, which forces B to have ≥ 16 significant digits; m has ≤ 15. So m·10^-s is the
     *     unique shortest decimal.</li>
     * </ul>
     */
    static int fastScale(double abs) {
        if (!(abs < FAST_LIMIT) || abs < Double.MIN_NORMAL) {
            return -1;
        }
        for (int s = 0; s < POW10.length; s++) {
            double x = abs * POW10[s];
            if (x >= FAST_LIMIT) {
                return -1;
            }
            double m = Math.rint(x);
            if (m != 0 && m / POW10[s] == abs) {
                return s;
            }
        }
        return -1;
    }

    /**
     * The plain decimal text of a finite double without building a {@link ShortestDecimal} when the
     * fast path applies; the same text as {@code of(d).toPlainString()}.
     */
    static String plainText(double d) {
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        int s = fastScale(abs);
        if (s < 0) {
            return slowOf(d).toPlainString();
        }
        long m = (long) Math.rint(abs * POW10[s]);
        if (s == 0) {
            return d < 0 ? "-" + m : Long.toString(m);
        }
        // m has no trailing zero here (else a smaller scale would have read back)
        int len = stringSize(m);
        boolean neg = d < 0;
        int intDigits = len - s;
        int size = (neg ? 1 : 0) + (intDigits > 0 ? len + 1 : 2 + s);
        byte[] out = new byte[size];
        int pos = size;
        long v = m;
        for (int k = 0; k < s; k++) {
            long q = v / 10;
            out[--pos] = (byte) ('0' + (int) (v - q * 10));
            v = q;
        }
        out[--pos] = '.';
        if (intDigits > 0) {
            while (pos > (neg ? 1 : 0)) {
                long q = v / 10;
                out[--pos] = (byte) ('0' + (int) (v - q * 10));
                v = q;
            }
        } else {
            out[--pos] = '0';
        }
        if (neg) {
            out[0] = '-';
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int stringSize(long x) {
        long p = 10;
        for (int i = 1; i < 19; i++) {
            if (x < p) {
                return i;
            }
            p = 10 * p;
        }
        return 19;
    }

    /** The general method (see the class comment); the reference the fast path is tested against. */
    static ShortestDecimal slowOf(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        if (d == 0) {
            return new ShortestDecimal(false, "0", 1);
        }
        boolean negative = d < 0;
        double abs = Math.abs(d);
        String s = Double.toString(abs);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exp;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        int end = all.length();
        while (end > lead + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        String digits = all.substring(lead, end);
        point -= lead;
        if (digits.length() <= 15 && abs >= Double.MIN_NORMAL) {
            return new ShortestDecimal(negative, digits, point);
        }
        // Search shorter: the k-digit decimals just below and above Double.toString's value bracket
        // every k-digit decimal that reads back (the set that reads back is an interval holding both).
        String bestDigits = digits;
        int bestPoint = point;
        for (int k = digits.length() - 1; k >= 1; k--) {
            String down = digits.substring(0, k);
            String up = increment(down);
            int upPoint = up.length() > k ? point + 1 : point;
            boolean downOk = reads(down, point, abs);
            boolean upOk = reads(up, upPoint, abs);
            if (!downOk && !upOk) {
                break;
            }
            boolean takeUp;
            if (downOk && upOk) {
                int cmp = compareToHalf(digits, k);
                takeUp = cmp > 0 || cmp == 0 && (down.charAt(k - 1) - '0') % 2 == 1;
            } else {
                takeUp = upOk;
            }
            String chosen = takeUp ? up : down;
            int chosenPoint = takeUp ? upPoint : point;
            int last = chosen.length();
            while (last > 1 && chosen.charAt(last - 1) == '0') {
                last--;
            }
            bestDigits = chosen.substring(0, last);
            bestPoint = chosenPoint;
        }
        return new ShortestDecimal(negative, bestDigits, bestPoint);
    }

    /** True when 0.digits × 10^point reads back to d. */
    private static boolean reads(String digits, int point, double d) {
        return Double.parseDouble("0." + digits + "E" + point) == d;
    }

    /** The decimal digit string plus one in its last place ("129" → "130", "99" → "100"). */
    private static String increment(String digits) {
        char[] c = digits.toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '9') {
            c[i] = '0';
            i--;
        }
        if (i < 0) {
            return "1" + new String(c);
        }
        c[i]++;
        return new String(c);
    }

    /** Sign of (digits after position k, as a fraction) - 0.5. */
    private static int compareToHalf(String digits, int k) {
        char first = digits.charAt(k);
        if (first != '5') {
            return first > '5' ? 1 : -1;
        }
        for (int i = k + 1; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return 1;
            }
        }
        return 0;
    }

    /**
     * Reference check (used by the tests): a k-significant-digit decimal that reads back to
     * {@code d}, from the exact binary value, or null when none exists.
     */
    static BigDecimal roundTrip(BigDecimal exact, double d, int k) {
        BigDecimal down = exact.round(new MathContext(k, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(k, RoundingMode.CEILING));
        boolean downOk = down.doubleValue() == d;
        boolean upOk = up.doubleValue() == d;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return exact.round(new MathContext(k, RoundingMode.HALF_EVEN));
        }
        return downOk ? down : upOk ? up : null;
    }

    /** The plain decimal text, no exponent: "0.1", "123", "-0.000001", "5" + 308 zeros... */
    public static String toPlainString(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        return plainText(d);
    }

    public String toPlainString() {
        StringBuilder b = new StringBuilder(digits.length() + Math.abs(point) + 3);
        if (negative) {
            b.append('-');
        }
        if (point <= 0) {
            b.append("0.");
            b.append("0".repeat(-point));
            b.append(digits);
        } else if (point >= digits.length()) {
            b.append(digits);
            b.append("0".repeat(point - digits.length()));
        } else {
            b.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return b.toString();
    }

    /** Number of significant digits (1 for zero). */
    public int significantDigits() {
        return digits.length();
    }

    /** Digits before the decimal point in the plain form, 0 when |value| &lt; 1. */
    public int integerDigits() {
        return digits.equals("0") ? 0 : Math.max(point, 0);
    }

    /** Digits after the decimal point in the plain form. */
    public int scale() {
        return Math.max(digits.length() - point, 0);
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(toPlainString());
    }

    @Override
    public String toString() {
        return toPlainString();
    }
}
