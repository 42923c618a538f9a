package pgferry.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks JSON text for PostgreSQL jsonb: strict JSON (no comments, NaN or single quotes), exactly one
 * document, no duplicate keys in an object (jsonb would silently keep only the last), no
 * {@code \u0000} and no unpaired surrogate in strings (jsonb refuses both), numbers within numeric's
 * range. Streams with Jackson; builds no tree.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonText() {
    }

    /** Result: null problem when fine; {@code container} tells whether the root is an object or array. */
    record Check(String problem, boolean container) {
    }

    private static final Check OK_CONTAINER = new Check(null, true);
    private static final Check OK_SCALAR = new Check(null, false);

    static Check check(String text) {
        int root = plainValidRoot(text);
        if (root >= 0) {
            char c = text.charAt(root);
            return c == '{' || c == '[' ? OK_CONTAINER : OK_SCALAR;
        }
        return checkGeneral(text);
    }

    /** {@link #check} without its fast path (the reference the fast path is tested against). */
    static Check checkGeneral(String text) {
        ArrayDeque<Set<String>> keys = new ArrayDeque<>();
        boolean container = false;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Check(text.isBlank() ? "empty text is not JSON" : "text is not JSON", false);
            }
            container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
            int depth = 0;
            do {
                switch (t) {
                    case START_OBJECT -> {
                        keys.push(new HashSet<>());
                        depth++;
                    }
                    case END_OBJECT -> {
                        keys.pop();
                        depth--;
                    }
                    case START_ARRAY -> depth++;
                    case END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (!keys.peek().add(name)) {
                            return new Check("duplicate JSON key '" + TextCheck.excerpt(name) + "'", container);
                        }
                        String bad = badString(name);
                        if (bad != null) {
                            return new Check("JSON key " + bad, container);
                        }
                    }
                    case VALUE_STRING -> {
                        String bad = badString(p.getText());
                        if (bad != null) {
                            return new Check("JSON string " + bad, container);
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        String n = p.getText();
                        if (n.indexOf('e') >= 0 || n.indexOf('E') >= 0) {
                            BigDecimal d = new BigDecimal(n);
                            if (d.precision() - d.scale() > 131072 || d.scale() > 16383) {
                                return new Check("JSON number " + TextCheck.excerpt(n)
                                        + " is beyond PostgreSQL numeric's range", container);
                            }
                        }
                    }
                    default -> {
                    }
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
            } while (t != null);
            if (p.nextToken() != null) {
                return new Check("text holds more than one JSON value", container);
            }
            return new Check(null, container);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate")) {
                int q1 = msg.indexOf('\'');
                int q2 = msg.indexOf('\'', q1 + 1);
                if (q1 < 0) {
                    q1 = msg.indexOf('"');
                    q2 = msg.indexOf('"', q1 + 1);
                }
                String name = q1 >= 0 && q2 > q1 ? msg.substring(q1 + 1, q2) : "?";
                return new Check("duplicate JSON key '" + name + "'", container);
            }
            String first = msg == null ? "malformed" : msg.lines().findFirst().orElse("malformed");
            if (first.length() > 100) {
                first = first.substring(0, 97) + "...";
            }
            return new Check("invalid JSON at line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr() + ": " + first, container);
        } catch (IOException e) {
            return new Check("invalid JSON: " + e.getMessage(), container);
        }
    }

    // ---- fast path -------------------------------------------------------------------------------

    private static final int FAST_MAX_LENGTH = 1 << 20;
    private static final int FAST_MAX_DEPTH = 64;
    private static final int FAST_MAX_KEYS = 32;
    private static final int FAST_MAX_NUMBER = 100;

    /**
     * Fast path: the index of the root value's first char when {@code text} is certainly one strict JSON
     * value that {@link #checkGeneral} accepts, else -1 ("don't know": the general check decides).
     * It accepts only the plain subset: strings without backslash escapes, control characters or
     * surrogates; numbers without exponent and at most {@value #FAST_MAX_NUMBER} chars; objects of at
     * most {@value #FAST_MAX_KEYS} keys, all distinct (compared as written, which equals comparing
     * them decoded since they hold no escapes); nesting up to {@value #FAST_MAX_DEPTH}.
     */
    static int plainValidRoot(String text) {
        int n = text.length();
        if (n == 0 || n > FAST_MAX_LENGTH) {
            return -1;
        }
        int[] pos = {skipWs(text, 0)};
        int root = pos[0];
        if (root >= n || !value(text, pos, 0)) {
            return -1;
        }
        return skipWs(text, pos[0]) == n ? root : -1;
    }

    private static int skipWs(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Parses one value at pos[0] (no leading whitespace), leaving pos[0] after it; false = give up. */
    private static boolean value(String s, int[] pos, int depth) {
        int i = pos[0];
        int n = s.length();
        if (i >= n) {
            return false;
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return depth < FAST_MAX_DEPTH && object(s, pos, depth + 1);
            case '[':
                return depth < FAST_MAX_DEPTH && array(s, pos, depth + 1);
            case '"': {
                int end = plainStringEnd(s, i);
                if (end < 0) {
                    return false;
                }
                pos[0] = end;
                return true;
            }
            case 't':
                return literal(s, pos, "true");
            case 'f':
                return literal(s, pos, "false");
            case 'n':
                return literal(s, pos, "null");
            default:
                return (c == '-' || c >= '0' && c <= '9') && number(s, pos);
        }
    }

    /**
     * The index after the closing quote of a plain string (no escapes, control characters or surrogates)
     * whose opening quote is at {@code i}, or -1. Shared with verify's plain-JSON canonicaliser.
     */
    public static int plainStringEnd(String s, int i) {
        int n = s.length();
        for (int j = i + 1; j < n; j++) {
            char c = s.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\' || c < 0x20 || c >= 0xD800 && c <= 0xDFFF) {
                return -1;
            }
        }
        return -1;
    }

    /** True when a plain JSON token may end before index {@code i}: the end, a separator or whitespace. */
    public static boolean plainDelimiter(String s, int i) {
        if (i >= s.length()) {
            return true;
        }
        char c = s.charAt(i);
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean literal(String s, int[] pos, String word) {
        int i = pos[0];
        if (!s.startsWith(word, i) || !plainDelimiter(s, i + word.length())) {
            return false;
        }
        pos[0] = i + word.length();
        return true;
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)? of at most {@value #FAST_MAX_NUMBER} characters, followed by a delimiter. */
    private static boolean number(String s, int[] pos) {
        int end = plainNumberEnd(s, pos[0]);
        if (end < 0 || end - pos[0] > FAST_MAX_NUMBER || !plainDelimiter(s, end)) {
            return false;
        }
        pos[0] = end;
        return true;
    }

    /**
     * The index after a plain number {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} (no exponent) starting at {@code i},
     * or -1. Shared with verify's plain-JSON canonicaliser.
     */
    public static int plainNumberEnd(String s, int i) {
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        } else {
            return -1;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int digits = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        return i;
    }

    private static boolean array(String s, int[] pos, int depth) {
        int i = skipWs(s, pos[0] + 1);
        if (i < s.length() && s.charAt(i) == ']') {
            pos[0] = i + 1;
            return true;
        }
        while (true) {
            pos[0] = i;
            if (!value(s, pos, depth)) {
                return false;
            }
            i = skipWs(s, pos[0]);
            if (i >= s.length()) {
                return false;
            }
            char c = s.charAt(i);
            if (c == ']') {
                pos[0] = i + 1;
                return true;
            }
            if (c != ',') {
                return false;
            }
            i = skipWs(s, i + 1);
        }
    }

    private static boolean object(String s, int[] pos, int depth) {
        int i = skipWs(s, pos[0] + 1);
        int n = s.length();
        if (i < n && s.charAt(i) == '}') {
            pos[0] = i + 1;
            return true;
        }
        int[] keyStart = new int[FAST_MAX_KEYS];
        int[] keyEnd = new int[FAST_MAX_KEYS];
        int keys = 0;
        while (true) {
            if (i >= n || s.charAt(i) != '"' || keys == FAST_MAX_KEYS) {
                return false;
            }
            int end = plainStringEnd(s, i);
            if (end < 0) {
                return false;
            }
            int ks = i + 1;
            int ke = end - 1;
            for (int k = 0; k < keys; k++) {
                if (keyEnd[k] - keyStart[k] == ke - ks && s.regionMatches(keyStart[k], s, ks, ke - ks)) {
                    return false; // duplicate: the general check names it
                }
            }
            keyStart[keys] = ks;
            keyEnd[keys] = ke;
            keys++;
            i = skipWs(s, end);
            if (i >= n || s.charAt(i) != ':') {
                return false;
            }
            pos[0] = skipWs(s, i + 1);
            if (!value(s, pos, depth)) {
                return false;
            }
            i = skipWs(s, pos[0]);
            if (i >= n) {
                return false;
            }
            char c = s.charAt(i);
            if (c == '}') {
                pos[0] = i + 1;
                return true;
            }
            if (c != ',') {
                return false;
            }
            i = skipWs(s, i + 1);
        }
    }

    /** Why jsonb would refuse this string, or null. */
    private static String badString(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains \\u0000, which PostgreSQL jsonb cannot store";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate, which PostgreSQL jsonb cannot store";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate, which PostgreSQL jsonb cannot store";
            }
        }
        return null;
    }
}
