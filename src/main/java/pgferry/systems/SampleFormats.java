package pgferry.systems;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Locale-free formatting of the values the seed systems wrote: timestamps in the forms their
 * libraries used, decimals built from integer units (so a value has exactly the decimals chosen),
 * JSON numbers the way JavaScript and Python print them. Nothing here reads the clock or the locale.
 */
public final class SampleFormats {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private SampleFormats() {
    }

    /** {@code units / 10^scale} as the nearest double (IEEE division of two exact doubles rounds correctly). */
    public static double real(long units, int scale) {
        if (Math.abs(units) > (1L << 53)) {
            return Double.parseDouble(BigDecimal.valueOf(units, scale).toPlainString());
        }
        return units / POW10[scale];
    }

    /** The exact decimal {@code units / 10^scale} as a plain string without trailing zeros ("12.5", "0.000001"). */
    public static String plain(long units, int scale) {
        return plain(BigDecimal.valueOf(units, scale));
    }

    public static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }

    /** The nearest double to an exact decimal (what an app storing it as REAL kept). */
    public static double real(BigDecimal d) {
        return Double.parseDouble(d.toPlainString());
    }

    /** Base units of a token with {@code decimals} decimals as a decimal amount. */
    public static BigDecimal tokenAmount(BigInteger baseUnits, int decimals) {
        return new BigDecimal(baseUnits, decimals);
    }

    /** SQLite's CURRENT_TIMESTAMP form: {@code 2024-03-01 14:05:09}. */
    public static String sqlDateTime(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(19);
        date(b, t.toLocalDate()).append(' ');
        return time(b, t).toString();
    }

    /** SQLAlchemy's SQLite DateTime form: {@code 2024-03-01 14:05:09.123456} (naive, UTC by convention). */
    public static String sqlDateTimeMicros(long epochMicros) {
        long sec = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(26);
        date(b, t.toLocalDate()).append(' ');
        time(b, t).append('.');
        return pad(b, micros, 6).toString();
    }

    /** JavaScript's {@code Date.toISOString()}: {@code 2024-03-01T14:05:09.123Z}. */
    public static String isoMillisZ(long epochMillis) {
        long sec = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(24);
        date(b, t.toLocalDate()).append('T');
        time(b, t).append('.');
        return pad(b, millis, 3).append('Z').toString();
    }

    /**
     * RFC 3339 with microseconds as Rust's chrono writes a {@code DateTime<Utc>}:
     * {@code 2024-03-01T14:05:09.123456+00:00}, or with {@code Z} when {@code zulu}.
     */
    public static String rfc3339Micros(long epochMicros, boolean zulu) {
        long sec = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(32);
        date(b, t.toLocalDate()).append('T');
        time(b, t).append('.');
        pad(b, micros, 6);
        return b.append(zulu ? "Z" : "+00:00").toString();
    }

    /** RFC 3339 without a fraction, as chrono writes a whole second: {@code 2024-03-01T14:05:09+00:00}. */
    public static String rfc3339Seconds(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(25);
        date(b, t.toLocalDate()).append('T');
        return time(b, t).append("+00:00").toString();
    }

    /** {@code 2024-03-01}. */
    public static String isoDate(long epochDay) {
        return date(new StringBuilder(10), LocalDate.ofEpochDay(epochDay)).toString();
    }

    /**
     * A number as Python's {@code json.dumps} writes a float: shortest repr, fixed notation for
     * 1e-4 ≤ |x| < 1e16 (always with a fraction digit, "45.0"), else {@code 1.5e-05}.
     */
    public static String pyFloat(long units, int scale) {
        BigDecimal d = BigDecimal.valueOf(units, scale).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0.0";
        }
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 16) {
            String digits = d.unscaledValue().abs().toString();
            StringBuilder b = new StringBuilder();
            if (d.signum() < 0) {
                b.append('-');
            }
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            return pad(b, Math.abs(exp), 2).toString();
        }
        String s = plain(d);
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** A uniformly random long in [lo, hi]. */
    public static long between(SplittableRandom r, long lo, long hi) {
        return lo + r.nextLong(hi - lo + 1);
    }

    /** A random lower-case hex string of {@code n} digits. */
    public static String hex(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = "0123456789abcdef".charAt(r.nextInt(16));
        }
        return new String(c);
    }

    private static StringBuilder date(StringBuilder b, LocalDate d) {
        pad(b, d.getYear(), 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        return pad(b, d.getDayOfMonth(), 2);
    }

    private static StringBuilder time(StringBuilder b, LocalDateTime t) {
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        return pad(b, t.getSecond(), 2);
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
