package pgferry.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * text[]: a source value holding a JSON array of strings (["a","b"]) becomes PostgreSQL's array text in
 * the exact form PostgreSQL prints it ({a,b}; an element is double-quoted only when it is empty, is
 * NULL in any case, or holds a space, a comma, braces, a quote or a backslash), so that both sides of a
 * verification print the same. A JSON null element is SQL NULL; anything else (numbers, objects,
 * nested arrays) is rejected with a reason.
 */
public final class TextArrays {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TextArrays() {
    }

    public static ValueConverter converter() {
        return v -> switch (v.storageClass()) {
            case NULL -> Converted.NULL;
            case TEXT -> {
                String s = TextCheck.textOrNull(v);
                yield s == null ? new Rejection("text is not valid UTF-8; target is text[]") : fromJson(s);
            }
            default -> new Rejection(v.storageClass() + " " + TextCheck.excerpt(v.display())
                    + " is not a JSON array of strings; target is text[]");
        };
    }

    static Converted fromJson(String json) {
        List<String> items = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return new Rejection("'" + TextCheck.excerpt(json) + "' is not a JSON array of strings; target is text[]");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    String item = p.getText();
                    if (item.indexOf('\0') >= 0) {
                        return new Rejection("array element holds a NUL character; target is text[]");
                    }
                    items.add(item);
                } else if (t == JsonToken.VALUE_NULL) {
                    items.add(null);
                } else {
                    return new Rejection("array element " + p.getText() + " is not a string; target is text[]");
                }
            }
            if (p.nextToken() != null) {
                return new Rejection("text after the JSON array; target is text[]");
            }
        } catch (IOException e) {
            return new Rejection("'" + TextCheck.excerpt(json) + "' is not a JSON array: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return Converted.of(literal(items));
    }

    /** PostgreSQL's output form of a one-dimensional text[]. */
    public static String literal(List<String> items) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String s = items.get(i);
            if (s == null) {
                b.append("NULL");
            } else if (needsQuotes(s)) {
                b.append('"');
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == '"' || c == '\\') {
                        b.append('\\');
                    }
                    b.append(c);
                }
                b.append('"');
            } else {
                b.append(s);
            }
        }
        return b.append('}').toString();
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || s.toLowerCase(Locale.ROOT).equals("null")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == '\u000B' || c == '\f') {
                return true;
            }
        }
        return false;
    }

    /** Parses PostgreSQL's text[] output ({a,"b c",NULL}) back into its elements. */
    public static List<String> parse(String literal) {
        List<String> out = new ArrayList<>();
        String s = literal.trim();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException("not a one-dimensional array: " + literal);
        }
        int i = 1;
        int end = s.length() - 1;
        while (i < end) {
            StringBuilder item = new StringBuilder();
            boolean quoted = false;
            if (s.charAt(i) == '"') {
                quoted = true;
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    item.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < end && s.charAt(i) != ',') {
                    item.append(s.charAt(i++));
                }
            }
            String v = item.toString();
            out.add(!quoted && v.equals("NULL") ? null : v);
            if (i < end && s.charAt(i) == ',') {
                i++;
            }
        }
        return out;
    }
}
