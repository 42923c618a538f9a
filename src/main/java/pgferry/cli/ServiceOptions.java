package pgferry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import pgferry.config.ServiceSettings;

/** The options shared by {@code up}, {@code status} and {@code down}: overrides of services/postgres.json. */
final class ServiceOptions {
    @Option(names = "--port", paramLabel = "N", description = "Port to use instead of the one in services/postgres.json.")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory instead of .postgres-data.")
    Path dataDir;

    ServiceSettings settings() {
        ServiceSettings s = ServiceSettings.load();
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new pgferry.UserError("--port " + port + " is not a port number (1-65535)");
            }
            s = s.withPort(port);
        }
        if (dataDir != null) {
            s = s.withDataDir(dataDir);
        }
        return s;
    }
}
