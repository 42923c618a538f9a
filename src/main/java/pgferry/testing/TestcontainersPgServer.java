package pgferry.testing;

import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers provider: one PostgreSQL container per JVM (Testcontainers' own reaper removes it).
 * Only ever loaded by name, after a Docker daemon answered. The image is {@code postgres:17-alpine}
 * unless {@code -Dpgferry.test.image=} names another.
 */
final class TestcontainersPgServer {

    private static PgServer server;

    private TestcontainersPgServer() {
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers removes it at exit
    public static synchronized PgServer start() {
        if (server == null) {
            String image = System.getProperty("pgferry.test.image", "postgres:17-alpine");
            PostgreSQLContainer container = new PostgreSQLContainer(image)
                    .withDatabaseName("postgres")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
            container.start();
            TestDatabaseUrl url = new TestDatabaseUrl(container.getHost(), container.getMappedPort(5432),
                    "postgres", container.getUsername(), container.getPassword(), Map.of());
            server = new PgServer(PgProviders.Kind.TESTCONTAINERS, url, "Testcontainers " + image + " at " + url);
        }
        return server;
    }
}
