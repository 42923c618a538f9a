package pgferry.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import pgferry.UserError;

/**
 * Opens HikariCP pools for a {@link DatabaseUrl}: production rules first, then the pool size from
 * {@link PoolSettings}, then one connection to prove the server answers. The JDBC URL given to
 * HikariCP carries no password (it goes through {@code setPassword}), so HikariCP's own log lines
 * and the pool's {@code toString} cannot show it; a failure to connect becomes a one-line
 * {@link UserError} with the URL masked.
 */
public final class ConnectionPools {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private ConnectionPools() {
    }

    /** A pool for {@code url} as the environment asks; the caller closes it. */
    public static HikariDataSource create(DatabaseUrl url, Map<String, String> env) {
        ProductionRules.enforce(url, env);
        return create(url, PoolSettings.fromEnvironment(env));
    }

    /** A pool for {@code url} with these settings (no production rules); the caller closes it. */
    public static HikariDataSource create(DatabaseUrl url, PoolSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pgferry-" + COUNT.incrementAndGet());
        config.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(settings.minimumIdle());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        if (settings.mode() == PoolSettings.Mode.NONE) {
            config.setKeepaliveTime(0); // nothing idle to keep alive
        }
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // connect once now: a wrong URL fails here, not later
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw Secrets.userError("cannot connect to " + url, e,
                    "check host, port, user, password and that PostgreSQL runs there");
        }
    }
}
