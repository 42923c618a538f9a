package pgferry.source.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the SQL files under {@code /pgferry/source/sqlite/} and fills their {@code {placeholders}}. */
final class SqlResource {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResource() {
    }

    static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String path = "/pgferry/source/sqlite/" + n;
            try (InputStream in = SqlResource.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + path + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The template with each {@code {key}} replaced by its (already quoted) value. */
    static String fill(String name, Map<String, String> values) {
        String sql = load(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            sql = sql.replace("{" + e.getKey() + "}", e.getValue());
        }
        return sql;
    }

    /** A SQLite identifier in double quotes, inner quotes doubled. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
