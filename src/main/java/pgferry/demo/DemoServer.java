package pgferry.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import pgferry.UserError;
import pgferry.config.DatabaseUrl;
import pgferry.config.ServiceSettings;
import pgferry.services.LocalCluster;
import pgferry.services.PostgresBinaries;

/**
 * The PostgreSQL server the demo runs against, chosen in this order: {@code --target URL}; else
 * {@code DATABASE_URL} (or the libpq {@code PG*} variables); else the project's local service
 * ({@code pgferry up} or {@code nix run .#services}) when its port answers; else an embedded
 * PostgreSQL started for this run in a temporary folder on a free port, stopped and deleted at the
 * end unless kept.
 *
 * <p>The demo only ever creates and drops databases named {@code pgferry_demo_<system>}; no other
 * database of the server is touched.
 */
public final class DemoServer implements AutoCloseable {

    /** Where the server came from. */
    public enum Kind {
        TARGET("--target"), DATABASE_URL("DATABASE_URL / PG* variables"), LOCAL_SERVICE("the local service (services/postgres.json)"),
        EMBEDDED("embedded PostgreSQL started for this run");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The prefix of every database the demo creates. */
    public static final String DATABASE_PREFIX = "pgferry_demo_";
    static final String SUPERUSER = "postgres";

    private final Kind kind;
    private final DatabaseUrl admin;
    private final LocalCluster cluster;
    private final Path tempDir;
    private final boolean keep;
    private final long startMillis;
    private final boolean unpackedBinaries;

    private DemoServer(Kind kind, DatabaseUrl admin, LocalCluster cluster, Path tempDir, boolean keep, long startMillis,
                       boolean unpackedBinaries) {
        this.kind = kind;
        this.admin = admin;
        this.cluster = cluster;
        this.tempDir = tempDir;
        this.keep = keep;
        this.startMillis = startMillis;
        this.unpackedBinaries = unpackedBinaries;
    }

    /** Picks the server as the class comment says; starts the embedded one when nothing else is there. */
    public static DemoServer choose(String target, Map<String, String> env, ServiceSettings service, boolean keep,
                                    Consumer<String> progress) {
        if (target != null && !target.isBlank()) {
            return external(Kind.TARGET, DatabaseUrl.parse(target, "--target"));
        }
        Optional<DatabaseUrl> fromEnv = DatabaseUrl.fromEnvironment(env);
        if (fromEnv.isPresent()) {
            return external(Kind.DATABASE_URL, fromEnv.get());
        }
        if (LocalCluster.portAnswers(service.host(), service.port())) {
            return external(Kind.LOCAL_SERVICE, DatabaseUrl.parse(service.databaseUrl(), ServiceSettings.FILE));
        }
        progress.accept("no --target, no DATABASE_URL, local service not running on " + service.host() + ":" + service.port()
                + ": starting an embedded PostgreSQL for this run");
        return embedded(keep);
    }

    private static DemoServer external(Kind kind, DatabaseUrl url) {
        return new DemoServer(kind, url, null, null, false, 0, false);
    }

    /**
     * Starts a PostgreSQL of the demo's own: a fresh cluster in a temporary folder, on a free loopback
     * port, without fsync (its data is thrown away). {@link #close()} stops and deletes it unless kept.
     */
    public static DemoServer embedded(boolean keep) {
        long t0 = System.nanoTime();
        boolean unpack = PostgresBinaries.needsUnpacking();
        Path dir;
        try {
            dir = Files.createTempDirectory("pgferry-demo-");
        } catch (IOException e) {
            throw new UserError("cannot create a temporary folder for the demo's PostgreSQL: " + e.getMessage()
                    + "; set java.io.tmpdir to a writable folder, or give --target URL");
        }
        UserError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            LocalCluster c = LocalCluster.at(dir.resolve("data"), "127.0.0.1", LocalCluster.freePort());
            try {
                c.initIfNeeded(SUPERUSER);
                c.start(serverSettings());
                DatabaseUrl url = DatabaseUrl.parse("postgresql://" + SUPERUSER + "@127.0.0.1:" + c.port() + "/postgres", "embedded");
                return new DemoServer(Kind.EMBEDDED, url, c, dir, keep, (System.nanoTime() - t0) / 1_000_000, unpack);
            } catch (UserError e) {
                last = e;
                if (!e.getMessage().contains("port")) {
                    break; // only a port taken in between is worth another try
                }
            }
        }
        deleteTree(dir);
        throw last;
    }

    /** A throw-away cluster: durability buys nothing, so no fsync. */
    static Map<String, String> serverSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fsync", "off");
        s.put("synchronous_commit", "off");
        s.put("full_page_writes", "off");
        return s;
    }

    public Kind kind() {
        return kind;
    }

    /** The server as the user may print it (password masked). */
    public String display() {
        DatabaseUrl u = admin;
        return u.toString();
    }

    /** Milliseconds spent starting the embedded server (unpack + initdb + start), 0 when it was not ours. */
    public long startMillis() {
        return startMillis;
    }

    /** True when this run unpacked the PostgreSQL binaries (the first start on this machine). */
    public boolean unpackedBinaries() {
        return unpackedBinaries;
    }

    /** The cluster when this demo started it (so it can be stopped and started again), else empty. */
    public Optional<LocalCluster> ownCluster() {
        return Optional.ofNullable(cluster);
    }

    /** The URL of one of the demo's databases on this server. */
    public DatabaseUrl database(String name) {
        return admin.withDatabase(name);
    }

    /**
     * Drops (sessions ended) and creates {@code pgferry_demo_<system>}; returns its URL. Only names
     * with the demo's prefix are accepted.
     */
    public DatabaseUrl recreateDatabase(String system) {
        String name = DATABASE_PREFIX + system;
        if (!name.matches("pgferry_demo_[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a demo database name: " + name);
        }
        String quoted = "\"" + name + "\"";
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major >= 13) {
                s.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            } else {
                s.execute("DROP DATABASE IF EXISTS " + quoted);
            }
            s.execute("CREATE DATABASE " + quoted);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getSQLState() : e.getMessage().lines().findFirst().orElse("");
            throw new UserError("cannot recreate database " + name + " on " + display() + " (" + reason
                    + "): the demo needs a role that may create databases (CREATEDB); give one with --target URL");
        }
        return database(name);
    }

    /** Stops and deletes the embedded server unless it is kept; never touches a server the demo did not start. */
    @Override
    public void close() {
        if (cluster == null || keep) {
            return;
        }
        try {
            cluster.stop();
        } finally {
            deleteTree(tempDir);
        }
    }

    /** How to reach (and stop) a kept embedded server. */
    public String keptNote() {
        if (cluster == null || !keep) {
            return null;
        }
        return "the embedded PostgreSQL keeps running at " + display() + " (data in " + cluster.dataDir()
                + "); stop it with: java -jar target/pgferry.jar down --data-dir " + cluster.dataDir();
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temporary folder
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
