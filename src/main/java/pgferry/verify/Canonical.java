package pgferry.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Type-aware canonical text of a value, computed the same way for both sides of a comparison: on the
 * source side from the text the plan's converter produced, on the target side from PostgreSQL's own
 * text output ({@code ::text} in a UTC session). Two texts that PostgreSQL reads as the same value of
 * the type get the same canonical text. The canonical forms are PostgreSQL's own output forms, so the
 * target side is nearly free: NUMERIC without trailing zeros, TIMESTAMPTZ as
 * {@code YYYY-MM-DD HH:MM:SS[.ffffff]+00} (UTC), JSONB as PostgreSQL prints it (keys ordered by length
 * then bytes, {@code ", "} and {@code ": "} separators, numbers as NUMERIC text), booleans as t/f,
 * bytea as lower-case hex, integers and floats in their shortest form. NULL stays {@code null}.
 */
public final class Canonical {

    /** The kinds of canonical form, decided once per column from its PostgreSQL type. */
    public enum Kind { TEXT, INTEGER, NUMERIC, FLOAT8, FLOAT4, BOOLEAN, TIMESTAMPTZ, TIMESTAMP, DATE, JSON, BYTEA }

    private static final JsonFactory FACTORY = new JsonFactory();

    private Canonical() {
    }

    /** The kind for a PostgreSQL type name as {@code format_type} or a DDL writes it. */
    public static Kind kindOf(String pgType) {
        String t = pgType.toLowerCase(Locale.ROOT).trim();
        int paren = t.indexOf('(');
        String base = (paren < 0 ? t : t.substring(0, paren) + t.substring(t.indexOf(')') + 1)).trim();
        return switch (base) {
            case "smallint", "integer", "int", "int2", "int4", "int8", "bigint", "serial", "bigserial" -> Kind.INTEGER;
            case "numeric", "decimal" -> Kind.NUMERIC;
            case "double precision", "float8", "float" -> Kind.FLOAT8;
            case "real", "float4" -> Kind.FLOAT4;
            case "boolean", "bool" -> Kind.BOOLEAN;
            case "timestamptz", "timestamp with time zone" -> Kind.TIMESTAMPTZ;
            case "timestamp", "timestamp without time zone" -> Kind.TIMESTAMP;
            case "date" -> Kind.DATE;
            case "json", "jsonb" -> Kind.JSON;
            case "bytea" -> Kind.BYTEA;
            default -> base.startsWith("int") ? Kind.INTEGER : Kind.TEXT;
        };
    }

    /**
     * The canonical text of a value as PostgreSQL printed it for a column of type {@code pgType}: jsonb
     * output is already canonical (PostgreSQL orders and formats it), so it is taken as is.
     */
    public static String ofTarget(Kind kind, boolean jsonb, String text) {
        return kind == Kind.JSON && jsonb ? text : of(kind, text);
    }

    /** The canonical text of {@code text} (a PostgreSQL input/output form of a value of that kind). */
    public static String of(Kind kind, String text) {
        if (text == null) {
            return null;
        }
        try {
            return switch (kind) {
                case TEXT, DATE -> text;
                case INTEGER -> integer(text);
                case NUMERIC -> numeric(text);
                case FLOAT8 -> Double.toString(Double.parseDouble(text.trim()));
                case FLOAT4 -> Float.toString(Float.parseFloat(text.trim()));
                case BOOLEAN -> bool(text.trim());
                case TIMESTAMPTZ -> timestamptz(text.trim());
                case TIMESTAMP -> timestamp(text.trim());
                case JSON -> json(text);
                case BYTEA -> text.toLowerCase(Locale.ROOT);
            };
        } catch (RuntimeException e) {
            // not readable as its kind: compare the text itself (a difference still shows)
            return "?" + text;
        }
    }

    private static String integer(String t) {
        int n = t.length();
        boolean plain = n > 0 && n < 19;
        for (int i = 0; plain && i < n; i++) {
            char c = t.charAt(i);
            plain = (c >= '0' && c <= '9' && !(i == 0 && c == '0' && n > 1)) || (i == 0 && c == '-' && n > 1 && t.charAt(1) != '0');
        }
        return plain ? t : new BigInteger(t.trim()).toString();
    }

    static String numeric(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-') {
                String l = t.trim().toLowerCase(Locale.ROOT);
                if (l.equals("nan") || l.contains("inf")) {
                    return l;
                }
                BigDecimal d = new BigDecimal(t.trim());
                return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            }
        }
        // plain decimal text: strip trailing fraction zeros and a leading "+"/"-0"
        String s = t;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            int end = s.length();
            while (end > dot + 1 && s.charAt(end - 1) == '0') {
                end--;
            }
            if (end == dot + 1) {
                end = dot;
            }
            s = s.substring(0, end);
        }
        int start = s.startsWith("-") ? 1 : 0;
        int firstNonZero = start;
        while (firstNonZero < s.length() - 1 && s.charAt(firstNonZero) == '0' && s.charAt(firstNonZero + 1) != '.') {
            firstNonZero++;
        }
        if (firstNonZero > start) {
            s = s.substring(0, start) + s.substring(firstNonZero);
        }
        if (s.equals("-0") || s.isEmpty() || s.equals("-")) {
            return "0";
        }
        return s;
    }

    private static String bool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "t", "true", "1", "yes", "on", "y" -> "t";
            case "f", "false", "0", "no", "off", "n" -> "f";
            default -> "?" + t;
        };
    }

    /** PostgreSQL's UTC output form: YYYY-MM-DD HH:MM:SS[.ffffff]+00. */
    static String timestamptz(String t) {
        if (t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("-infinity")) {
            return t.toLowerCase(Locale.ROOT);
        }
        if (t.length() >= 22 && t.charAt(10) == ' ' && t.endsWith("+00") && t.charAt(4) == '-'
                && (t.length() == 22 || (t.charAt(19) == '.' && t.charAt(t.length() - 4) != '0'))) {
            return t;
        }
        String s = t.replace(' ', 'T');
        OffsetDateTime odt;
        if (s.endsWith("Z") || s.endsWith("z")) {
            odt = OffsetDateTime.parse(s.substring(0, s.length() - 1) + "Z");
        } else {
            int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
            if (sign > 10) {
                String off = s.substring(sign + 1);
                if (off.length() == 2) {
                    s = s + ":00";
                } else if (off.length() == 4 && off.indexOf(':') < 0) {
                    s = s.substring(0, sign + 3) + ":" + off.substring(2);
                }
                odt = OffsetDateTime.parse(s);
            } else {
                odt = LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
            }
        }
        return local(odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00";
    }

    static String timestamp(String t) {
        return local(LocalDateTime.parse(t.replace(' ', 'T')));
    }

    private static String local(LocalDateTime d) {
        StringBuilder b = new StringBuilder(26);
        b.append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", d.getYear(), d.getMonthValue(),
                d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond()));
        int micros = d.getNano() / 1000;
        if (micros != 0) {
            String f = String.format(Locale.ROOT, "%06d", micros);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(f, 0, end);
        }
        return b.toString();
    }

    /** JSON text in PostgreSQL's jsonb output form. */
    static String json(String text) {
        String fast = PlainJson.canonical(text);
        return fast != null ? fast : jsonGeneral(text);
    }

    /** {@link #json} without its fast path (the reference the fast path is tested against). */
    static String jsonGeneral(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            StringBuilder b = new StringBuilder(text.length() + 16);
            JsonToken first = p.nextToken();
            write(p, first, b);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after JSON value");
            }
            return b.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static void write(JsonParser p, JsonToken token, StringBuilder b) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                // jsonb orders keys by length, then bytewise; the last duplicate wins
                TreeMap<String, String> fields = new TreeMap<>(Canonical::jsonbKeyOrder);
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    StringBuilder v = new StringBuilder();
                    write(p, p.nextToken(), v);
                    fields.put(name, v.toString());
                }
                b.append('{');
                boolean firstField = true;
                for (Map.Entry<String, String> e : fields.entrySet()) {
                    if (!firstField) {
                        b.append(", ");
                    }
                    firstField = false;
                    string(e.getKey(), b);
                    b.append(": ").append(e.getValue());
                }
                b.append('}');
            }
            case START_ARRAY -> {
                b.append('[');
                JsonToken t;
                boolean firstItem = true;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (!firstItem) {
                        b.append(", ");
                    }
                    firstItem = false;
                    write(p, t, b);
                }
                b.append(']');
            }
            case VALUE_STRING -> string(p.getText(), b);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal d = new BigDecimal(p.getText());
                b.append(d.signum() == 0 && d.scale() <= 0 ? "0" : d.toPlainString());
            }
            case VALUE_TRUE -> b.append("true");
            case VALUE_FALSE -> b.append("false");
            case VALUE_NULL -> b.append("null");
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** jsonb's key order: shorter UTF-8 first, then bytewise (= code point order for equal lengths). */
    static int jsonbKeyOrder(String a, String b) {
        int la = utf8Length(a);
        int lb = utf8Length(b);
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
