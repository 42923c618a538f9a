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

    /** The shortest decimal of a finite double. */
    public static ShortestDecimal of(double d) {
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
        return of(d).toPlainString();
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
