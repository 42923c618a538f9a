package pgferry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import pgferry.UserError;

/**
 * The local PostgreSQL service's settings, read from {@code services/postgres.json}: the one file
 * that both the Nix flake ({@code builtins.fromJSON}) and {@code pgferry up} read, so the two ways
 * of starting the local server cannot disagree.
 *
 * @param host      address the server listens on
 * @param port      the project's own port (not 5432, which a system server may hold)
 * @param database  database created for the project
 * @param user      role created for the project (trust auth on loopback, no password)
 * @param dataDir   data directory, relative to the project root
 * @param postgresMajor major version of the embedded binaries
 * @param projectRoot the folder holding {@code services/}, or the working directory
 */
public record ServiceSettings(String host, int port, String database, String user, Path dataDir,
                              int postgresMajor, Path projectRoot) {

    public static final String FILE = "services/postgres.json";
    private static final String BUNDLED = "/pgferry/services/postgres.json";

    /** Settings of the project found from the working directory upwards, else the bundled defaults. */
    public static ServiceSettings load() {
        return load(Path.of("").toAbsolutePath());
    }

    public static ServiceSettings load(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(FILE);
            if (Files.isRegularFile(file)) {
                return fromFile(file, dir);
            }
        }
        try (InputStream in = ServiceSettings.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " is missing from the jar");
            }
            return parse(new ObjectMapper().readTree(in), start.toAbsolutePath(), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + BUNDLED, e);
        }
    }

    public static ServiceSettings fromFile(Path file, Path projectRoot) {
        try {
            return parse(new ObjectMapper().readTree(file.toFile()), projectRoot, file.toString());
        } catch (IOException e) {
            throw new UserError(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + "); fix the file or restore it from git");
        }
    }

    private static ServiceSettings parse(JsonNode json, Path root, String origin) {
        String host = text(json, "host", origin);
        int port = json.path("port").asInt(-1);
        if (port < 1 || port > 65535) {
            throw new UserError(origin + ": \"port\" must be a number from 1 to 65535");
        }
        Path dataDir = root.resolve(text(json, "dataDir", origin)).normalize();
        return new ServiceSettings(host, port, text(json, "database", origin), text(json, "user", origin),
                dataDir, json.path("postgresMajor").asInt(17), root);
    }

    private static String text(JsonNode json, String field, String origin) {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new UserError(origin + ": \"" + field + "\" is missing or not a non-empty string");
        }
        return node.asText();
    }

    /** The same settings on another port (the {@code --port} option). */
    public ServiceSettings withPort(int newPort) {
        return new ServiceSettings(host, newPort, database, user, dataDir, postgresMajor, projectRoot);
    }

    /** The same settings with another data directory (the {@code --data-dir} option). */
    public ServiceSettings withDataDir(Path newDataDir) {
        return new ServiceSettings(host, port, database, user, newDataDir.toAbsolutePath().normalize(), postgresMajor, projectRoot);
    }

    /** libpq-style URL of the service; it has no password (trust auth on loopback). */
    public String databaseUrl() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }
}
