package pgferry.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** SQL statements kept as resource files under {@code src/main/resources/pgferry/...}, loaded once. */
public final class SqlText {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlText() {
    }

    /** The text of a classpath resource such as {@code pgferry/store/prescient/trades_upsert.sql}, trimmed, without a final ';'. */
    public static String load(String resource) {
        return CACHE.computeIfAbsent(resource, r -> {
            try (InputStream in = SqlText.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("missing SQL resource " + r);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                StringBuilder kept = new StringBuilder();
                for (String line : text.split("\n")) {
                    if (!line.strip().startsWith("--")) {
                        kept.append(line).append('\n');
                    }
                }
                String sql = kept.toString().strip();
                return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
