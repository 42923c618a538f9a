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
final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonText() {
    }

    /** Result: null problem when fine; {@code container} tells whether the root is an object or array. */
    record Check(String problem, boolean container) {
    }

    static Check check(String text) {
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
