package pgferry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import pgferry.UserError;

/**
 * Reading and writing typed fields of a JSON object for entity codecs. Numbers stay BigDecimal;
 * a timestamp without an offset is read as UTC; absent and null are both "no value". A value of the
 * wrong type is a {@link UserError} naming the field and the value.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static String text(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrong(o, field, "a string");
        }
        return n.textValue();
    }

    public static String requiredText(ObjectNode o, String field) {
        String v = text(o, field);
        if (v == null) {
            throw new UserError("JSON object " + abbreviate(o) + " has no \"" + field + "\"; every element needs one");
        }
        return v;
    }

    public static BigDecimal decimal(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw wrong(o, field, "a number");
        }
        return n.decimalValue();
    }

    public static Long integer(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw wrong(o, field, "a whole number");
        }
        return n.longValue();
    }

    public static Boolean bool(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrong(o, field, "true or false");
        }
        return n.booleanValue();
    }

    /** An ISO-8601 timestamp; without an offset it is UTC. */
    public static OffsetDateTime time(ObjectNode o, String field) {
        String s = text(o, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw wrong(o, field, "an ISO-8601 timestamp");
            }
        }
    }

    public static void put(ObjectNode o, String field, String v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    public static void put(ObjectNode o, String field, BigDecimal v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    public static void put(ObjectNode o, String field, Long v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    public static void put(ObjectNode o, String field, Boolean v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    /**
     * Writes a timestamp in UTC as Python's aware {@code isoformat()} does, e.g.
     * {@code 2025-10-27T14:30:00.123456+00:00} (microseconds, left out when zero).
     */
    public static void put(ObjectNode o, String field, OffsetDateTime v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, isoUtc(v));
        }
    }

    /** {@code 2025-10-27T14:30:00.123456+00:00}; sub-microsecond digits are kept when there are any. */
    public static String isoUtc(OffsetDateTime v) {
        OffsetDateTime u = v.withOffsetSameInstant(ZoneOffset.UTC);
        String base = u.withNano(0).toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        int nanos = u.getNano();
        String fraction = nanos == 0 ? "" : nanos % 1000 == 0 ? String.format(".%06d", nanos / 1000) : String.format(".%09d", nanos);
        return base + fraction + "+00:00";
    }

    private static UserError wrong(ObjectNode o, String field, String expected) {
        return new UserError("JSON field \"" + field + "\" = " + abbreviate(o.get(field)) + " in " + abbreviate(o)
                + " is not " + expected + "; correct the value in the JSON file");
    }

    private static String abbreviate(JsonNode n) {
        String s = StoreJson.line(n);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
