package pgferry.config;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Which PostgreSQL a command talks to when it takes an optional TARGET: the URL given on the
 * command line; else {@code DATABASE_URL} (or the libpq {@code PG*} variables); else the local
 * service of {@code services/postgres.json} ({@code pgferry up} or {@code nix run .#services}).
 */
public final class Targets {

    private Targets() {
    }

    public static DatabaseUrl resolve(String argument, Map<String, String> env) {
        return resolve(argument, env, ServiceSettings::load);
    }

    public static DatabaseUrl resolve(String argument, Map<String, String> env, Supplier<ServiceSettings> localService) {
        if (argument != null && !argument.isBlank()) {
            return DatabaseUrl.parse(argument, "TARGET");
        }
        return DatabaseUrl.fromEnvironment(env)
                .orElseGet(() -> DatabaseUrl.parse(localService.get().databaseUrl(), "services/postgres.json"));
    }
}
