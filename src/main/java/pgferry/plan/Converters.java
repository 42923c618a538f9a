package pgferry.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.regex.Pattern;
import pgferry.source.sqlite.SqliteValue;

/**
 * The value converters, one per target type. Each takes a raw SQLite value of any storage class and
 * returns the PostgreSQL input text or a {@link Rejection}; NULL stays NULL (see {@link #notNull}).
 * Rules (each bad value is a Rejection with a reason, nothing is rounded or guessed):
 * <ul>
 * <li>integers: INTEGER values in range; REAL only when whole and in range; TEXT only when it is
 *     exactly an integer literal in range; BLOB never.</li>
 * <li>numeric: INTEGER exactly; REAL as its {@link ShortestDecimal}; TEXT only when it is exactly a
 *     decimal literal (kept as written, without exponent); NaN/±Infinity per {@link NonFinite};
 *     numeric(p,s) rejects values with more scale or integer digits than the type holds.</li>
 * <li>text: valid UTF-8 without NUL; numbers as their exact decimal text; BLOB rejected.</li>
 * <li>date-time: see {@link DateTimeText} for text; numbers per the column's {@link TimeNumbers}.</li>
 * </ul>
 */
public final class Converters {

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,6})?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final long MAX_EPOCH_SECOND = 253402300799L; // 9999-12-31 23:59:59 UTC
    private static final long MIN_EPOCH_SECOND = -62135596800L; // 0001-01-01 00:00:00 UTC
    private static final HexFormat HEX = HexFormat.of();

    private Converters() {
    }

    /**
     * The converter for a target type.
     *
     * @param zone      the source time zone for date-time text without an offset
     * @param nonFinite what to do with NaN/±Infinity
     * @param numbers   how numbers in a date-time column are read, or null when the column held none
     */
    public static ValueConverter forType(TargetType type, ZoneId zone, NonFinite nonFinite, TimeNumbers numbers) {
        return switch (type.kind()) {
            case BIGINT -> integer(Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case INTEGER -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case SMALLINT -> integer(Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case BOOLEAN -> bool();
            case NUMERIC -> type.precision() == null ? numeric(nonFinite)
                    : numeric(type.precision(), type.scale(), nonFinite);
            case DOUBLE_PRECISION -> doublePrecision(nonFinite, false);
            case REAL -> doublePrecision(nonFinite, true);
            case TEXT -> text();
            case VARCHAR -> type.precision() == null ? text() : varchar(type.precision());
            case BYTEA -> bytea();
            case TIMESTAMPTZ -> timestamptz(zone, numbers);
            case TIMESTAMP -> timestamp(zone, numbers);
            case DATE -> date(zone, numbers);
            case JSONB, JSON -> json();
            case UUID -> uuid();
            case TEXT_ARRAY -> TextArrays.converter();
        };
    }

    /** Wraps a converter so that NULL is rejected with {@code reason} (primary-key columns). */
    public static ValueConverter notNull(ValueConverter inner, String reason) {
        return v -> v.isNull() ? new Rejection(reason) : inner.convert(v);
    }

    private static Rejection blob(SqliteValue v, String what) {
        return new Rejection("blob (" + v.bytes().length + " bytes) is not " + what);
    }

    private static String realText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return ShortestDecimal.toPlainString(d);
    }

    /** Integers within [min, max]. */
    public static ValueConverter integer(long min, long max, String typeName) {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case INTEGER -> v.integer() >= min && v.integer() <= max ? Converted.of(Long.toString(v.integer()))
                    : new Rejection("integer " + v.integer() + " is beyond " + typeName + " range");
            case REAL -> {
                double d = v.real();
                if (!Double.isFinite(d) || d != Math.rint(d)) {
                    yield new Rejection("REAL " + realText(d) + " is not a whole number; target is " + typeName);
                }
                BigInteger i = new BigDecimal(d).toBigIntegerExact();
                yield inRange(i, min, max) ? Converted.of(i.toString())
                        : new Rejection("REAL " + realText(d) + " is beyond " + typeName + " range");
            }
            case TEXT -> {
                Converted t = TextCheck.decode(v);
                if (t instanceof Rejection) {
                    yield t;
                }
                String s = ((Converted.Value) t).text();
                if (!INTEGER_TEXT.matcher(s).matches()) {
                    yield new Rejection("text '" + TextCheck.excerpt(s) + "' is not an integer");
                }
                BigInteger i = new BigInteger(s);
                yield inRange(i, min, max) ? Converted.of(i.toString())
                        : new Rejection("text '" + TextCheck.excerpt(s) + "' is beyond " + typeName + " range");
            }
            case BLOB -> blob(v, "an integer");
        };
    }

    private static boolean inRange(BigInteger i, long min, long max) {
        return i.compareTo(BigInteger.valueOf(min)) >= 0 && i.compareTo(BigInteger.valueOf(max)) <= 0;
    }

    /** 0/1 (or text true/false/t/f/0/1) to boolean. */
    public static ValueConverter bool() {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case INTEGER -> v.integer() == 0 ? Converted.of("false") : v.integer() == 1 ? Converted.of("true")
                    : new Rejection("integer " + v.integer() + " is not a boolean (0 or 1)");
            case REAL -> v.real() == 0 ? Converted.of("false") : v.real() == 1 ? Converted.of("true")
                    : new Rejection("REAL " + realText(v.real()) + " is not a boolean (0 or 1)");
            case TEXT -> {
                String s = TextCheck.textOrNull(v);
                String b = s == null ? null : switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "1", "true", "t" -> "true";
                    case "0", "false", "f" -> "false";
                    default -> null;
                };
                yield b != null ? Converted.of(b)
                        : new Rejection("text '" + TextCheck.excerpt(v.display()) + "' is not a boolean (0 or 1)");
            }
            case BLOB -> blob(v, "a boolean");
        };
    }

    /** Unconstrained numeric: exact. */
    public static ValueConverter numeric(NonFinite nonFinite) {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case INTEGER -> Converted.of(Long.toString(v.integer()));
            case REAL -> {
                double d = v.real();
                if (Double.isFinite(d)) {
                    yield Converted.of(ShortestDecimal.toPlainString(d));
                }
                yield nonFinite(d, nonFinite);
            }
            case TEXT -> numericText(v);
            case BLOB -> blob(v, "a number");
        };
    }

    private static Converted nonFinite(double d, NonFinite policy) {
        return switch (policy) {
            case KEEP -> Converted.of(realText(d));
            case NULL -> Converted.NULL;
            case REJECT -> new Rejection("REAL " + realText(d)
                    + " is not a finite number (use --non-finite keep or null to map it)");
        };
    }

    private static Converted numericText(SqliteValue v) {
        Converted t = TextCheck.decode(v);
        if (t instanceof Rejection) {
            return t;
        }
        String s = ((Converted.Value) t).text();
        if (!DECIMAL_TEXT.matcher(s).matches()) {
            return new Rejection("text '" + TextCheck.excerpt(s) + "' is not a number");
        }
        BigDecimal d = new BigDecimal(s);
        if (d.precision() - d.scale() > 131072 || d.scale() > 16383) {
            return new Rejection("text '" + TextCheck.excerpt(s) + "' is beyond PostgreSQL numeric's range");
        }
        return Converted.of(d.toPlainString());
    }

    /** numeric(p,s): exact, and never rounded: values with more scale or integer digits are rejected. */
    public static ValueConverter numeric(int precision, int scale, NonFinite nonFinite) {
        ValueConverter exact = numeric(nonFinite == NonFinite.KEEP ? NonFinite.REJECT : nonFinite);
        String type = "numeric(" + precision + "," + scale + ")";
        return v -> {
            Converted c = exact.convert(v);
            if (!(c instanceof Converted.Value value) || value.isNull()) {
                return c;
            }
            BigDecimal d = new BigDecimal(value.text()).stripTrailingZeros();
            int s = Math.max(d.scale(), 0);
            int intDigits = Math.max(d.precision() - d.scale(), 0);
            if (d.signum() == 0) {
                intDigits = 0;
            }
            if (s > scale) {
                return new Rejection("value " + value.text() + " has scale " + s + " > " + scale + " of " + type);
            }
            if (intDigits > precision - scale) {
                return new Rejection("value " + value.text() + " has " + intDigits + " integer digits > "
                        + (precision - scale) + " allowed by " + type);
            }
            return c;
        };
    }

    /** double precision (or real when {@code single}): only values that read back unchanged. */
    public static ValueConverter doublePrecision(NonFinite nonFinite, boolean single) {
        String type = single ? "real" : "double precision";
        return v -> {
            double d;
            switch (v.storageClass()) {
                case NULL:
                    return Converted.NULL;
                case INTEGER:
                    d = (double) v.integer();
                    if (BigDecimal.valueOf(v.integer()).compareTo(new BigDecimal(d)) != 0) {
                        return new Rejection("integer " + v.integer() + " cannot be stored exactly in " + type);
                    }
                    break;
                case REAL:
                    d = v.real();
                    if (!Double.isFinite(d)) {
                        return nonFinite(d, nonFinite);
                    }
                    break;
                case TEXT:
                    Converted c = numericText(v);
                    if (c instanceof Rejection) {
                        return c;
                    }
                    BigDecimal exact = new BigDecimal(((Converted.Value) c).text());
                    d = exact.doubleValue();
                    if (!Double.isFinite(d) || ShortestDecimal.of(d).toBigDecimal().compareTo(exact) != 0) {
                        return new Rejection("text '" + TextCheck.excerpt(v.display())
                                + "' cannot be stored exactly in " + type);
                    }
                    break;
                default:
                    return blob(v, "a number");
            }
            if (single && (double) (float) d != d) {
                return new Rejection("value " + realText(d) + " would change in real (float4); use numeric or double precision");
            }
            return Converted.of(realText(d));
        };
    }

    /** text: valid UTF-8 without NUL; numbers as exact decimal text. */
    public static ValueConverter text() {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case INTEGER -> Converted.of(Long.toString(v.integer()));
            case REAL -> Converted.of(realText(v.real()));
            case TEXT -> TextCheck.decode(v);
            case BLOB -> new Rejection("blob (" + v.bytes().length
                    + " bytes) in a text column (use --cast table.column=bytea to keep binary data)");
        };
    }

    public static ValueConverter varchar(int length) {
        ValueConverter text = text();
        return v -> {
            Converted c = text.convert(v);
            if (c instanceof Converted.Value value && !value.isNull()) {
                int n = value.text().codePointCount(0, value.text().length());
                if (n > length) {
                    return new Rejection("text of " + n + " characters is longer than varchar(" + length + ")");
                }
            }
            return c;
        };
    }

    /** bytea in hex input form: blobs, and text as its raw bytes. */
    public static ValueConverter bytea() {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case BLOB, TEXT -> Converted.of("\\x" + HEX.formatHex(v.bytes()));
            case INTEGER -> new Rejection("integer " + v.integer() + " is not binary data");
            case REAL -> new Rejection("REAL " + realText(v.real()) + " is not binary data");
        };
    }

    /** json/jsonb: valid JSON text (see {@link JsonText}); numbers as JSON numbers. */
    public static ValueConverter json() {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case INTEGER -> Converted.of(Long.toString(v.integer()));
            case REAL -> Double.isFinite(v.real()) ? Converted.of(ShortestDecimal.toPlainString(v.real()))
                    : new Rejection("REAL " + realText(v.real()) + " is not a JSON number");
            case TEXT -> {
                Converted t = TextCheck.decode(v);
                if (t instanceof Rejection) {
                    yield t;
                }
                String s = ((Converted.Value) t).text();
                String problem = JsonText.check(s).problem();
                yield problem == null ? t : new Rejection(problem);
            }
            case BLOB -> blob(v, "JSON text (a SQLite binary JSONB blob? export it with json(column))");
        };
    }

    public static ValueConverter uuid() {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case TEXT -> {
                String s = TextCheck.textOrNull(v);
                if (s == null || !UUID_TEXT.matcher(s).matches()) {
                    yield new Rejection("text '" + TextCheck.excerpt(v.display()) + "' is not a UUID");
                }
                String hex = s.replace("-", "").toLowerCase(java.util.Locale.ROOT);
                yield Converted.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
                        + "-" + hex.substring(16, 20) + "-" + hex.substring(20));
            }
            case BLOB -> {
                if (v.bytes().length != 16) {
                    yield blob(v, "a UUID (16 bytes)");
                }
                String hex = HEX.formatHex(v.bytes());
                yield Converted.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
                        + "-" + hex.substring(16, 20) + "-" + hex.substring(20));
            }
            case INTEGER -> new Rejection("integer " + v.integer() + " is not a UUID");
            case REAL -> new Rejection("REAL " + realText(v.real()) + " is not a UUID");
        };
    }

    // ---- date and time -------------------------------------------------------------------------

    /** An instant (epoch second + nanos) from a number, or a Rejection. */
    private static Object instantOf(SqliteValue v, TimeNumbers numbers) {
        String shown = v.storageClass() == pgferry.source.sqlite.StorageClass.INTEGER
                ? Long.toString(v.integer()) : realText(v.real());
        if (numbers == null) {
            return new Rejection("number " + shown + " in a date-time column whose values were text when planned"
                    + " (re-run plan, or --cast the column)");
        }
        if (v.storageClass() == pgferry.source.sqlite.StorageClass.REAL && !Double.isFinite(v.real())) {
            return new Rejection("REAL " + shown + " is not a date-time");
        }
        if (numbers == TimeNumbers.JULIAN_DAY) {
            double jd = v.storageClass() == pgferry.source.sqlite.StorageClass.INTEGER ? v.integer() : v.real();
            if (jd < TimeNumbers.JULIAN_MIN || jd >= TimeNumbers.JULIAN_MAX) {
                return new Rejection("Julian day " + shown + " is outside years 1-9999");
            }
            long ms = (long) (jd * 86400000.0 + 0.5) - 210866760000000L; // as SQLite computes it
            return Instant.ofEpochSecond(Math.floorDiv(ms, 1000), Math.floorMod(ms, 1000) * 1_000_000L);
        }
        BigDecimal amount = v.storageClass() == pgferry.source.sqlite.StorageClass.INTEGER
                ? BigDecimal.valueOf(v.integer()) : ShortestDecimal.of(v.real()).toBigDecimal();
        BigDecimal micros = amount.multiply(BigDecimal.valueOf(1_000_000L))
                .divide(BigDecimal.valueOf(numbers.perSecond()));
        if (micros.stripTrailingZeros().scale() > 0) {
            return new Rejection("epoch value " + shown + " (" + numbers.describe()
                    + ") has sub-microsecond precision; PostgreSQL keeps microseconds");
        }
        BigInteger m = micros.toBigIntegerExact();
        BigInteger[] qr = m.divideAndRemainder(BigInteger.valueOf(1_000_000L));
        long sec = qr[0].longValue();
        long rem = qr[1].longValue();
        if (rem < 0) {
            sec -= 1;
            rem += 1_000_000L;
        }
        if (qr[0].bitLength() > 62 || sec < MIN_EPOCH_SECOND || sec > MAX_EPOCH_SECOND) {
            return new Rejection("epoch value " + shown + " (" + numbers.describe() + ") is outside years 1-9999");
        }
        return Instant.ofEpochSecond(sec, rem * 1000L);
    }

    /** A parsed text's instant, or a Rejection. */
    private static Object instantOf(String s, ZoneId zone) {
        DateTimeText.Parsed p = DateTimeText.parse(s);
        if (!p.ok()) {
            return new Rejection(p.problem());
        }
        ZoneOffset offset = p.offset();
        if (offset == null) {
            Object o = DateTimeText.offsetIn(p.local(), zone, s);
            if (o instanceof Rejection r) {
                return r;
            }
            offset = (ZoneOffset) o;
        }
        return p.local().toInstant(offset);
    }

    private static Object instant(SqliteValue v, ZoneId zone, TimeNumbers numbers) {
        return switch (v.storageClass()) {
            case INTEGER, REAL -> instantOf(v, numbers);
            case TEXT -> {
                Converted t = TextCheck.decode(v);
                yield t instanceof Rejection ? t : instantOf(((Converted.Value) t).text(), zone);
            }
            case BLOB -> blob(v, "a date-time");
            case NULL -> null;
        };
    }

    /** timestamptz, written in UTC with an explicit +00 offset. */
    public static ValueConverter timestamptz(ZoneId zone, TimeNumbers numbers) {
        ValueConverter general = timestamptzGeneral(zone, numbers);
        boolean zoneIsUtc = zone.getRules().isFixedOffset()
                && zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() == 0;
        return v -> {
            if (v.storageClass() == pgferry.source.sqlite.StorageClass.TEXT) {
                // fast path: text already in UTC (Z, +00:00, or no offset in a UTC source zone) needs no
                // instant arithmetic: the parsed fields are the UTC fields
                String s = v.textOrNull();
                String utc = s == null ? null : DateTimeText.utcText(s);
                if (utc != null) {
                    return Converted.of(utc);
                }
                if (s != null && s.indexOf('\0') < 0) {
                    DateTimeText.Parsed p = DateTimeText.parse(s);
                    if (p.ok() && (p.offset() != null ? p.offset().getTotalSeconds() == 0 : zoneIsUtc)) {
                        String out = DateTimeText.formatLocalAsUtc(p.local());
                        if (out != null) {
                            return Converted.of(out);
                        }
                    }
                }
            }
            return general.convert(v);
        };
    }

    /** {@link #timestamptz} without its fast path (the reference the fast path is tested against). */
    static ValueConverter timestamptzGeneral(ZoneId zone, TimeNumbers numbers) {
        return v -> {
            if (v.isNull()) {
                return Converted.NULL;
            }
            Object o = instant(v, zone, numbers);
            if (o instanceof Rejection r) {
                return r;
            }
            Instant i = (Instant) o;
            String s = DateTimeText.formatUtc(i.getEpochSecond(), i.getNano());
            return s != null ? Converted.of(s) : new Rejection("'" + v.display() + "' is outside years 1-9999 in UTC");
        };
    }

    /** timestamp without time zone: the local time in the source zone. */
    public static ValueConverter timestamp(ZoneId zone, TimeNumbers numbers) {
        return v -> {
            if (v.isNull()) {
                return Converted.NULL;
            }
            if (v.storageClass() == pgferry.source.sqlite.StorageClass.TEXT) {
                String s = TextCheck.textOrNull(v);
                if (s != null) {
                    DateTimeText.Parsed p = DateTimeText.parse(s);
                    if (p.ok() && p.offset() == null) {
                        String out = DateTimeText.formatLocal(p.local());
                        return out != null ? Converted.of(out) : new Rejection("'" + s + "' is outside years 1-9999");
                    }
                }
            }
            Object o = instant(v, zone, numbers);
            if (o instanceof Rejection r) {
                return r;
            }
            String out = DateTimeText.formatLocal(LocalDateTime.ofInstant((Instant) o, zone));
            return out != null ? Converted.of(out) : new Rejection("'" + v.display() + "' is outside years 1-9999");
        };
    }

    /** date: a date-only text, or a date-time at exactly midnight (no time of day is dropped). */
    public static ValueConverter date(ZoneId zone, TimeNumbers numbers) {
        return v -> {
            if (v.isNull()) {
                return Converted.NULL;
            }
            LocalDateTime local;
            if (v.storageClass() == pgferry.source.sqlite.StorageClass.TEXT) {
                Converted t = TextCheck.decode(v);
                if (t instanceof Rejection) {
                    return t;
                }
                String s = ((Converted.Value) t).text();
                DateTimeText.Parsed p = DateTimeText.parse(s);
                if (!p.ok()) {
                    return new Rejection(p.problem());
                }
                if (p.offset() != null && p.offset().getTotalSeconds() != 0) {
                    return new Rejection("'" + s + "' has a UTC offset; target is date");
                }
                local = p.local();
            } else {
                Object o = instant(v, ZoneOffset.UTC, numbers);
                if (o instanceof Rejection r) {
                    return r;
                }
                local = LocalDateTime.ofInstant((Instant) o, ZoneOffset.UTC);
            }
            if (local.toLocalTime().toNanoOfDay() != 0) {
                return new Rejection("'" + v.display() + "' has a time of day; target is date");
            }
            String out = DateTimeText.formatDate(local);
            return out != null ? Converted.of(out) : new Rejection("'" + v.display() + "' is outside years 1-9999");
        };
    }
}
