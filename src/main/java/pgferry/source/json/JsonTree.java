package pgferry.source.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSON value in memory, in plain Java: objects are {@code LinkedHashMap<String, Object>} (file order),
 * arrays {@code ArrayList<Object>}, strings {@code String}, numbers {@link JsonNumber} (exact text),
 * booleans {@code Boolean}, and JSON null is {@link #NULL} (a missing field is Java null). Records are read
 * one at a time from a streaming parser; a repeated key inside any object of the record is noted (with
 * its line) rather than silently keeping one of the values.
 */
public final class JsonTree {

    /** JSON null (distinct from a missing field, which is Java null). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private JsonTree() {
    }

    /** The first repeated key met while reading a value: the key, its path and its line. */
    public record Duplicate(String key, String path, long line) {
        public String describe() {
            return "duplicate key \"" + key + "\" in " + (path.isEmpty() ? "the record" : path) + " (line " + line
                    + "): a JSON object must not repeat a key (one of the values would be lost)";
        }
    }

    /** Reads the value whose first token is the parser's current token; sets {@code dup[0]} at the first repeat. */
    public static Object read(JsonParser p, Duplicate[] dup) throws IOException {
        return read(p, p.currentToken(), null, dup);
    }

    /**
     * Where a container sits inside the record: its parent, and its key (in an object) or index (in an array).
     * Made only for containers, and turned into text only for a duplicate's message.
     */
    private record Step(Step parent, String key, int index) {
        static String text(Step s) {
            if (s == null) {
                return "";
            }
            String up = text(s.parent);
            return s.key != null ? (up.isEmpty() ? s.key : up + "." + s.key) : up + "[" + s.index + "]";
        }
    }

    private static Object read(JsonParser p, JsonToken t, Step at, Duplicate[] dup) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (dup[0] == null && m.containsKey(key)) {
                        dup[0] = new Duplicate(key, Step.text(at), p.currentLocation().getLineNr());
                    }
                    JsonToken vt = p.nextToken();
                    Object v = vt == JsonToken.START_OBJECT || vt == JsonToken.START_ARRAY
                            ? read(p, vt, new Step(at, key, -1), dup) : scalar(p, vt);
                    m.putIfAbsent(key, v);
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> a = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY
                            ? read(p, n, new Step(at, null, a.size()), dup) : scalar(p, n));
                }
                return a;
            }
            default -> {
                return scalar(p, t);
            }
        }
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> throw new IOException("unexpected token " + t);
        };
    }

    /** The value at a dotted path ("usage.analysisCount"; "$" or "" is the value itself), or null when missing. */
    @SuppressWarnings("unchecked")
    public static Object at(Object value, List<String> path) {
        Object v = value;
        for (String step : path) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = ((Map<String, Object>) m).get(step);
        }
        return v;
    }

    /** The split paths of a mapping (a handful of strings, read for every row). */
    private static final Map<String, List<String>> PATHS = new ConcurrentHashMap<>();

    /** Splits a dotted path; "$" and "" are the empty path. */
    public static List<String> path(String dotted) {
        if (dotted == null || dotted.isEmpty() || dotted.equals("$")) {
            return List.of();
        }
        return PATHS.computeIfAbsent(dotted, d -> List.of(d.split("\\.")));
    }

    /** Compact JSON text of a value (numbers as written, keys in order, non-ASCII as is). */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object v, StringBuilder b) {
        if (v == null || v == NULL) {
            b.append("null");
        } else if (v instanceof String s) {
            b.append('"');
            JsonStringEncoder.getInstance().quoteAsString(s, b);
            b.append('"');
        } else if (v instanceof JsonNumber n) {
            b.append(n.text());
        } else if (v instanceof Boolean bool) {
            b.append(bool ? "true" : "false");
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append('"');
                JsonStringEncoder.getInstance().quoteAsString(e.getKey(), b);
                b.append("\":");
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(l.get(i), b);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON tree value: " + v.getClass());
        }
    }

    /** "a string", "a number", "an object"... for messages. */
    public static String kind(Object v) {
        if (v == null) {
            return "missing";
        }
        if (v == NULL) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof JsonNumber) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Map) {
            return "an object";
        }
        return "an array";
    }
}
