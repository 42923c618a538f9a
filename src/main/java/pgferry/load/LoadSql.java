package pgferry.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL text of the load stage, kept in {@code src/main/resources/pgferry/load/*.sql}. Placeholders
 * {@code {name}} are filled only with identifiers already quoted by {@link #quote}; values always go
 * as statement parameters or COPY data.
 */
public final class LoadSql {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private LoadSql() {
    }

    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = LoadSql.class.getResourceAsStream("/pgferry/load/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource pgferry/load/" + n);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The resource with each {@code {key}} replaced by its (already quoted) value. */
    public static String fill(String name, Map<String, String> values) {
        String sql = load(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            sql = sql.replace("{" + e.getKey() + "}", e.getValue());
        }
        return sql;
    }

    /** A PostgreSQL identifier, always double-quoted (inner quotes doubled). */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** schema.table, both quoted. */
    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
