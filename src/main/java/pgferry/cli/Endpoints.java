package pgferry.cli;

import java.nio.file.Path;
import pgferry.UserError;
import pgferry.config.DatabaseUrl;
import pgferry.config.Targets;
import pgferry.load.Target;

/**
 * SOURCE and TARGET arguments. SOURCE is {@code sqlite:PATH} or a path; TARGET a PostgreSQL URL
 * ({@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://}), else {@code DATABASE_URL},
 * else the local service from {@code services/postgres.json} (see {@link Targets}). Passwords go into
 * connection properties, never into messages.
 */
final class Endpoints {

    private Endpoints() {
    }

    static Path source(String arg) {
        String p = arg.startsWith("sqlite:") ? arg.substring("sqlite:".length()) : arg;
        if (p.startsWith("//")) {
            p = p.substring(2);
        }
        if (p.isBlank()) {
            throw new UserError("SOURCE '" + arg + "' names no file: give a SQLite file path, e.g. sqlite:trades.db");
        }
        return Path.of(p);
    }

    static Target target(String arg) {
        DatabaseUrl url = Targets.resolve(arg, System.getenv());
        return new Target(url.jdbcUrl(), url.properties(), url.toString());
    }

}
