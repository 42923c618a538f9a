package pgferry.systems.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of one system's repository, one file each under
 * {@code src/main/resources/pgferry/systems/<system>/repo/}: {@code NAME.sql} when both engines take the
 * same text, {@code sqlite/NAME.sql} and {@code postgres/NAME.sql} where they do not (and then only
 * those). The one token {@code {bytewise}} becomes the dialect's byte-order collation clause.
 */
public final class RepoSql {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private final String system;
    private final Dialect dialect;

    public RepoSql(String system, Dialect dialect) {
        this.system = system;
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The text of statement {@code name} for this dialect. */
    public String get(String name) {
        return CACHE.computeIfAbsent(dialect.label() + "/" + system + "/" + name, k -> load(name));
    }

    /** Where statement {@code name} comes from for this dialect (for tests and error messages). */
    public String resourceOf(String name) {
        String own = base() + dialect.label() + "/" + name + ".sql";
        return exists(own) ? own : base() + name + ".sql";
    }

    private String base() {
        return "pgferry/systems/" + system + "/repo/";
    }

    private String load(String name) {
        String resource = resourceOf(name);
        try (InputStream in = RepoSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .replace("{bytewise}", dialect.bytewiseCollation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(String resource) {
        return RepoSql.class.getClassLoader().getResource(resource) != null;
    }
}
