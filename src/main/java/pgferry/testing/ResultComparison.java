package pgferry.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PGobject;

/**
 * Compares two results value by value with the type rules of DESIGN.md, so that the same data read from
 * SQLite and from PostgreSQL compares equal, and anything else is reported as the first differing row and
 * column with both values and the rule that was applied.
 *
 * <ul>
 *   <li><b>integers</b> of any width (and NUMERIC with no fraction) compare as integers;</li>
 *   <li><b>REAL vs NUMERIC</b>: a double equals a decimal when the decimal reads back to that double and
 *       has no more significant digits than the shortest decimal that does (0.1 = 0.1, but
 *       0.1000000000000000055 is not 0.1);</li>
 *   <li><b>NUMERIC vs NUMERIC</b> (or decimal text) by value: 1.50 = 1.5;</li>
 *   <li><b>datetime text vs TIMESTAMPTZ</b> by instant; a text without offset is read in {@link #zone()}
 *       (UTC unless {@link #withZone} says otherwise);</li>
 *   <li><b>JSON text vs JSONB</b> by JSON tree, numbers by value, key order ignored;</li>
 *   <li><b>booleans</b>: true/false vs 1/0 (or the texts true/false/t/f/1/0);</li>
 *   <li>anything else by {@code equals} (byte arrays by content).</li>
 * </ul>
 */
public final class ResultComparison {

    /** Outcome of comparing two values: equal or not, the rule used, and a note on why they differ. */
    public record Match(boolean equal, String rule, String note) {
        static Match of(boolean equal, String rule) {
            return new Match(equal, rule, "");
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Comparator<JsonNode> JSON_NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final ZoneId zone;

    private ResultComparison(ZoneId zone) {
        this.zone = zone;
    }

    /** The rules above, datetime text without offset read as UTC. */
    public static ResultComparison standard() {
        return new ResultComparison(ZoneOffset.UTC);
    }

    /** The same rules, datetime text without offset read in {@code sourceZone}. */
    public ResultComparison withZone(ZoneId sourceZone) {
        return new ResultComparison(sourceZone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first difference between {@code a} and {@code b} as a readable message, or empty when they match. */
    public Optional<String> firstDifference(Rows a, Rows b) {
        if (a.columns().size() != b.columns().size() && !(a.values().isEmpty() && b.values().isEmpty())) {
            return Optional.of("column counts differ: " + a.label() + " has " + a.columns().size() + " " + a.columns()
                    + ", " + b.label() + " has " + b.columns().size() + " " + b.columns());
        }
        int rows = Math.min(a.values().size(), b.values().size());
        for (int r = 0; r < rows; r++) {
            List<Object> ra = a.values().get(r);
            List<Object> rb = b.values().get(r);
            if (ra.size() != rb.size()) {
                return Optional.of("row " + (r + 1) + " has " + ra.size() + " values in " + a.label() + " but "
                        + rb.size() + " in " + b.label());
            }
            for (int c = 0; c < ra.size(); c++) {
                Match m = compare(ra.get(c), rb.get(c));
                if (!m.equal()) {
                    String column = c < a.columns().size() ? a.columns().get(c) : "c" + (c + 1);
                    int width = Math.max(a.label().length(), b.label().length()) + 1;
                    return Optional.of("results differ at row " + (r + 1) + " of " + a.values().size()
                            + ", column " + (c + 1) + " \"" + column + "\":\n"
                            + "  " + pad(a.label() + ":", width) + " " + show(ra.get(c)) + "\n"
                            + "  " + pad(b.label() + ":", width) + " " + show(rb.get(c)) + "\n"
                            + "  rule: " + m.rule() + (m.note().isEmpty() ? "" : " (" + m.note() + ")") + "\n"
                            + "  row in " + a.label() + ": " + showRow(ra) + "\n"
                            + "  row in " + b.label() + ": " + showRow(rb));
                }
            }
        }
        if (a.values().size() != b.values().size()) {
            Rows longer = a.values().size() > b.values().size() ? a : b;
            Rows shorter = longer == a ? b : a;
            return Optional.of("row counts differ: " + a.label() + " has " + a.values().size() + " rows, "
                    + b.label() + " has " + b.values().size() + "; first row only in " + longer.label()
                    + " (row " + (rows + 1) + "): " + showRow(longer.values().get(rows))
                    + (shorter.values().isEmpty() ? "" : ""));
        }
        return Optional.empty();
    }

    /** Throws an {@link AssertionError} with the first difference. */
    public void assertSame(Rows a, Rows b) {
        firstDifference(a, b).ifPresent(message -> {
            throw new AssertionError(message);
        });
    }

    /** Compares two single values under the rules. */
    public Match compare(Object a, Object b) {
        a = unwrap(a);
        b = unwrap(b);
        if (a == null || b == null) {
            return new Match(a == b, "null", a == b ? "" : "one side is NULL");
        }
        if (a instanceof Rows.Json || b instanceof Rows.Json) {
            return compareJson(a, b);
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return compareBoolean(a, b);
        }
        if (isTemporal(a) || isTemporal(b)) {
            return compareTemporal(a, b);
        }
        if (a instanceof Number || b instanceof Number) {
            return compareNumbers(a, b);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Match.of(Arrays.equals(x, y), "bytes");
        }
        if (a instanceof String && b instanceof String) {
            return Match.of(a.equals(b), "text");
        }
        return Match.of(Objects.equals(a, b), "equals (" + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName() + ")");
    }

    // ---- numbers -------------------------------------------------------------------------------------------

    private Match compareNumbers(Object a, Object b) {
        if (!(a instanceof Number) || !(b instanceof Number)) {
            Object text = a instanceof Number ? b : a;
            Number number = (Number) (a instanceof Number ? a : b);
            BigDecimal parsed = text instanceof String s ? parseDecimal(s) : null;
            if (parsed == null) {
                return new Match(false, "number vs " + text.getClass().getSimpleName(), "not a number: " + show(text));
            }
            return compareNumbers(parsed, number);
        }
        boolean da = a instanceof Double || a instanceof Float;
        boolean db = b instanceof Double || b instanceof Float;
        if (da && db) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            return Match.of(x == y || (Double.isNaN(x) && Double.isNaN(y)), "REAL vs REAL");
        }
        if (da || db) {
            double d = ((Number) (da ? a : b)).doubleValue();
            BigDecimal dec = toDecimal((Number) (da ? b : a));
            return realVsDecimal(d, dec, integral((Number) (da ? b : a)));
        }
        BigDecimal x = toDecimal((Number) a);
        BigDecimal y = toDecimal((Number) b);
        boolean ints = integral((Number) a) && integral((Number) b);
        return Match.of(x.compareTo(y) == 0, ints ? "integers (any width)" : "NUMERIC by value");
    }

    private static Match realVsDecimal(double d, BigDecimal dec, boolean integer) {
        String rule = integer ? "REAL vs integer" : "REAL vs NUMERIC (shortest decimal that reads back to the double)";
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return new Match(false, rule, d + " has no decimal form");
        }
        if (integer) {
            boolean eq = new BigDecimal(d).compareTo(dec) == 0;
            return new Match(eq, rule, eq ? "" : "the double is exactly " + new BigDecimal(d).toPlainString());
        }
        BigDecimal shortest = shortestDecimal(d);
        boolean eq = dec.doubleValue() == d && digits(dec) <= digits(shortest);
        return new Match(eq, rule, eq ? "" : "the shortest decimal of the double is " + shortest.toPlainString());
    }

    /**
     * The shortest decimal that reads back to {@code d} (when two tie, either; JDK 17's
     * {@code Double.toString} is not always shortest, so this searches digit counts itself).
     */
    public static BigDecimal shortestDecimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ArithmeticException(d + " has no decimal form");
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(p, mode));
                if (candidate.doubleValue() == d) {
                    return candidate.stripTrailingZeros();
                }
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** Whether {@code decimal} is what the number policy stores for {@code d}. */
    public static boolean decimalMatchesDouble(BigDecimal decimal, double d) {
        return realVsDecimal(d, decimal, false).equal();
    }

    private static int digits(BigDecimal x) {
        return x.signum() == 0 ? 1 : x.stripTrailingZeros().precision();
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger;
    }

    private static BigDecimal toDecimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (integral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.toString());
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- booleans ------------------------------------------------------------------------------------------

    private static Match compareBoolean(Object a, Object b) {
        Boolean x = asBoolean(a);
        Boolean y = asBoolean(b);
        String rule = "boolean (true/false vs 1/0)";
        if (x == null || y == null) {
            return new Match(false, rule, "not a boolean: " + show(x == null ? a : b));
        }
        return Match.of(x.equals(y), rule);
    }

    private static Boolean asBoolean(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Number n && (integral(n) || n instanceof BigDecimal)) {
            BigDecimal v = toDecimal(n);
            return v.compareTo(BigDecimal.ZERO) == 0 ? Boolean.FALSE : v.compareTo(BigDecimal.ONE) == 0 ? Boolean.TRUE : null;
        }
        if (o instanceof String s) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "t", "1" -> Boolean.TRUE;
                case "false", "f", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    // ---- time ----------------------------------------------------------------------------------------------

    private static boolean isTemporal(Object o) {
        return o instanceof OffsetDateTime || o instanceof Instant || o instanceof ZonedDateTime
                || o instanceof java.sql.Timestamp || o instanceof LocalDateTime || o instanceof LocalDate
                || o instanceof java.sql.Date;
    }

    private Match compareTemporal(Object a, Object b) {
        boolean localA = a instanceof LocalDateTime || a instanceof LocalDate || a instanceof java.sql.Date;
        boolean localB = b instanceof LocalDateTime || b instanceof LocalDate || b instanceof java.sql.Date;
        if (localA && localB) {
            return Match.of(toLocal(a).equals(toLocal(b)), "local datetime");
        }
        String rule = "datetime by instant (text without offset read in " + zone + ")";
        Instant x = toInstant(a);
        Instant y = toInstant(b);
        if (x == null || y == null) {
            Object bad = x == null ? a : b;
            return new Match(false, rule, "not a datetime: " + show(bad));
        }
        return new Match(x.equals(y), rule, x.equals(y) ? "" : "instants " + x + " vs " + y);
    }

    private LocalDateTime toLocal(Object o) {
        if (o instanceof LocalDateTime l) {
            return l;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        return ((LocalDate) o).atStartOfDay();
    }

    private Instant toInstant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Instant t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof LocalDateTime t) {
            return t.atZone(zone).toInstant();
        }
        if (o instanceof LocalDate t) {
            return t.atStartOfDay(zone).toInstant();
        }
        if (o instanceof java.sql.Date t) {
            return t.toLocalDate().atStartOfDay(zone).toInstant();
        }
        if (o instanceof String s) {
            return parseInstant(s);
        }
        return null;
    }

    /** Reads ISO-8601 / SQLite datetime text ({@code 2024-03-01 12:00:00.5+01:00}); no offset → {@link #zone()}. */
    public Instant parseInstant(String text) {
        Matcher m = DATETIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
            LocalDateTime local = LocalDateTime.of(date, time);
            String offset = m.group(3);
            if (offset == null) {
                return local.atZone(zone).toInstant();
            }
            if (offset.equalsIgnoreCase("z")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            String normalized = offset.length() == 3 ? offset + ":00"
                    : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
            return local.toInstant(ZoneOffset.of(normalized));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    // ---- JSON ----------------------------------------------------------------------------------------------

    private static Match compareJson(Object a, Object b) {
        String rule = "JSON tree (key order ignored, numbers by value)";
        JsonNode x;
        JsonNode y;
        try {
            x = JSON.readTree(a.toString());
        } catch (JsonProcessingException e) {
            return new Match(false, rule, "not JSON: " + show(a));
        }
        try {
            y = JSON.readTree(b.toString());
        } catch (JsonProcessingException e) {
            return new Match(false, rule, "not JSON: " + show(b));
        }
        return Match.of(x != null && y != null && x.equals(JSON_NUMBERS_BY_VALUE, y), rule);
    }

    // ---- display -------------------------------------------------------------------------------------------

    private static Object unwrap(Object o) {
        if (o instanceof PGobject p) {
            String type = p.getType() == null ? "" : p.getType();
            if (p.getValue() == null) {
                return null;
            }
            return type.equals("json") || type.equals("jsonb") ? new Rows.Json(p.getValue()) : p.getValue();
        }
        return o;
    }

    static String show(Object o) {
        if (o == null) {
            return "NULL";
        }
        String text;
        if (o instanceof String s) {
            text = "'" + s + "'";
        } else if (o instanceof byte[] bytes) {
            text = "x'" + java.util.HexFormat.of().formatHex(bytes) + "'";
        } else if (o instanceof BigDecimal d) {
            text = d.toPlainString();
        } else {
            text = o.toString();
        }
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        return text + " (" + o.getClass().getSimpleName() + ")";
    }

    private static String showRow(List<Object> row) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < row.size(); i++) {
            Object v = unwrap(row.get(i));
            sb.append(i == 0 ? "" : ", ").append(v == null ? "NULL" : v instanceof String s ? "'" + s + "'"
                    : v instanceof BigDecimal d ? d.toPlainString() : v);
        }
        return sb.append(")").toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
