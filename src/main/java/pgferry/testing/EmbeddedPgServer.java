package pgferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pgferry.UserError;
import pgferry.services.LocalCluster;

/**
 * The embedded provider: one PostgreSQL cluster per JVM from the pinned binaries, started on first
 * use on a random free loopback port, its data on {@code /dev/shm} when that exists (else the temp
 * directory), tuned for tests (no fsync), stopped and deleted when the JVM exits. Clusters left
 * behind by a killed JVM are stopped and deleted by the next one.
 */
public final class EmbeddedPgServer {

    static final String DIR_PREFIX = "pgferry-test-";
    static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPgServer.class);

    private static PgServer server;
    private static LocalCluster cluster;
    private static long startMillis;

    private EmbeddedPgServer() {
    }

    /** Settings that make a throw-away test cluster fast; durability is of no use to it. */
    public static Map<String, String> testSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.put("unix_socket_directories", "");
        settings.put("max_connections", "200");
        return settings;
    }

    /** The cluster of this JVM, started on the first call. */
    public static synchronized PgServer shared() {
        if (server == null) {
            long t0 = System.nanoTime();
            Path base = baseDir();
            removeAbandoned(base);
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory(base, DIR_PREFIX + ProcessHandle.current().pid() + "-");
            } catch (IOException e) {
                throw new UserError("cannot create a data directory for the embedded test PostgreSQL in " + base + ": " + e.getMessage());
            }
            UserError last = null;
            for (int attempt = 0; attempt < 3 && cluster == null; attempt++) {
                LocalCluster candidate = LocalCluster.at(dataDir, "127.0.0.1", LocalCluster.freePort());
                try {
                    candidate.initIfNeeded(SUPERUSER);
                    candidate.start(testSettings());
                    cluster = candidate;
                } catch (UserError e) {
                    last = e;
                    if (!e.getMessage().contains("port")) {
                        break; // only a port taken in between is worth another try
                    }
                }
            }
            if (cluster == null) {
                deleteTree(dataDir);
                throw new UserError("the embedded test PostgreSQL did not start: " + last.getMessage(), last);
            }
            LocalCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (RuntimeException e) {
                    // the JVM is exiting; the next run removes what is left
                }
                deleteTree(started.dataDir());
            }, "pgferry-embedded-stop"));
            TestDatabaseUrl url = new TestDatabaseUrl(started.host(), started.port(), "postgres", SUPERUSER, null, Map.of());
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            server = new PgServer(PgProviders.Kind.EMBEDDED, url, "embedded PostgreSQL at " + url + " (data in " + dataDir + ")");
            LOG.info("pgferry.testing: embedded PostgreSQL started in {} ms at {}", startMillis, url);
        }
        return server;
    }

    /** Milliseconds the first {@link #shared()} took (initdb + start), 0 before it ran. */
    public static synchronized long startMillis() {
        return startMillis;
    }

    static Path baseDir() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Stops and deletes clusters whose JVM (the pid in the directory name) is gone. */
    static void removeAbandoned(Path base) {
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX) && Files.isDirectory(d))
                    .filter(d -> ownerPid(d) > 0 && ProcessHandle.of(ownerPid(d)).map(p -> !p.isAlive()).orElse(true))
                    .forEach(d -> {
                        try {
                            LocalCluster.at(d, "127.0.0.1", 0).stop();
                        } catch (RuntimeException e) {
                            LOG.warn("pgferry.testing: could not stop the abandoned test cluster in {}: {}", d, e.getMessage());
                        }
                        deleteTree(d);
                    });
        } catch (IOException e) {
            // nothing to clean
        }
    }

    private static long ownerPid(Path dir) {
        String rest = dir.getFileName().toString().substring(DIR_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
