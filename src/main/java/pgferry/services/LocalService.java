package pgferry.services;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import pgferry.UserError;
import pgferry.config.ServiceSettings;

/**
 * The project's local PostgreSQL ({@code pgferry up | status | down}): the cluster described by
 * {@code services/postgres.json}, with its data in {@code .postgres-data}, the same settings the Nix
 * service uses. Starting it creates the project's role (as the cluster's superuser) and database.
 */
public final class LocalService {

    /** What {@link #status()} found. */
    public record Status(boolean running, boolean initialized, Optional<Long> pid, int port, ServiceSettings settings) {
        public String databaseUrl() {
            return settings.withPort(port).databaseUrl();
        }
    }

    /** What {@link #up()} did. */
    public record Started(boolean alreadyRunning, boolean createdCluster, boolean unpackedBinaries,
                          String postgresVersion, ServiceSettings settings) {
        public String databaseUrl() {
            return settings.databaseUrl();
        }
    }

    private final ServiceSettings settings;
    private final LocalCluster cluster;

    public LocalService(ServiceSettings settings) {
        this.settings = settings;
        this.cluster = LocalCluster.at(settings.dataDir(), settings.host(), settings.port());
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** Starts the service unless it already runs; returns once it accepts connections. */
    public Started up() {
        if (cluster.isRunning()) {
            int port = cluster.runningPort().orElse(settings.port());
            return new Started(true, false, false, version(), settings.withPort(port));
        }
        boolean unpack = PostgresBinaries.needsUnpacking();
        boolean created = cluster.initIfNeeded(settings.user());
        cluster.start(Map.of());
        if (created) {
            createDatabase();
        }
        return new Started(false, created, unpack, version(), settings);
    }

    /** Stops the service if it runs. @return true when a running server was stopped */
    public boolean down() {
        return cluster.stop();
    }

    public Status status() {
        Optional<Long> pid = cluster.runningPid();
        int port = cluster.runningPort().orElse(settings.port());
        return new Status(pid.isPresent(), cluster.isInitialized(), pid, port, settings);
    }

    private String version() {
        return PostgresBinaries.ensure().version();
    }

    private void createDatabase() {
        String url = "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, settings.user(), "")) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, settings.database());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + quoteIdentifier(settings.database()));
            }
        } catch (SQLException e) {
            throw new UserError("the server started, but creating database \"" + settings.database() + "\" failed: "
                    + e.getMessage());
        }
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
