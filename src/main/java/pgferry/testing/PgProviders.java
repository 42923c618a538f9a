package pgferry.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pgferry.UserError;

/**
 * Chooses, once per JVM, where test databases come from:
 * <ol>
 *   <li>{@code url}: the server in {@code PGFERRY_TEST_DATABASE_URL}, else {@code DATABASE_URL};</li>
 *   <li>{@code testcontainers}: a PostgreSQL container, only when a Docker daemon answers;</li>
 *   <li>{@code embedded}: a PostgreSQL cluster of this JVM from the pinned binaries.</li>
 * </ol>
 * {@code -Dpgferry.test.provider=} or {@code PGFERRY_TEST_PROVIDER=} ({@code url|testcontainers|embedded})
 * forces one; a forced provider that cannot run fails with one line instead of falling back.
 */
public final class PgProviders {

    public enum Kind {
        URL, TESTCONTAINERS, EMBEDDED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The chosen provider and why: the reason names what was skipped and why. */
    public record Choice(Kind kind, String reason, TestDatabaseUrl url) {
    }

    public static final String URL_ENV = "PGFERRY_TEST_DATABASE_URL";
    public static final String FALLBACK_URL_ENV = "DATABASE_URL";
    public static final String PROVIDER_ENV = "PGFERRY_TEST_PROVIDER";
    public static final String PROVIDER_PROPERTY = "pgferry.test.provider";
    static final String TESTCONTAINERS_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";

    private static final Logger LOG = LoggerFactory.getLogger(PgProviders.class);
    private static volatile DockerProbe.Status docker;
    private static PgServer shared;
    private static RuntimeException sharedFailure;

    private PgProviders() {
    }

    /** The server of this JVM: chosen and started on first use, the same one afterwards (a failure too). */
    public static synchronized PgServer server() {
        if (shared == null && sharedFailure == null) {
            try {
                Choice choice = choose(System.getenv(), System.getProperties(), PgProviders::docker);
                LOG.info("pgferry.testing: {}", choice.reason());
                shared = start(choice);
            } catch (RuntimeException e) {
                sharedFailure = e;
            }
        }
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        return shared;
    }

    /** Whether a Docker daemon answers, asked once per JVM (about a millisecond when none runs). */
    public static DockerProbe.Status docker() {
        DockerProbe.Status status = docker;
        if (status == null) {
            status = DockerProbe.probe(System.getenv(), DockerProbe.DEFAULT_TIMEOUT);
            docker = status;
        }
        return status;
    }

    /** Chooses a provider from the given environment and properties without starting anything. */
    public static Choice choose(Map<String, String> env, Properties properties, Supplier<DockerProbe.Status> dockerStatus) {
        String forcedText = properties.getProperty(PROVIDER_PROPERTY);
        String forcedOrigin = "-D" + PROVIDER_PROPERTY;
        if (forcedText == null || forcedText.isBlank()) {
            forcedText = env.get(PROVIDER_ENV);
            forcedOrigin = PROVIDER_ENV;
        }
        Kind forced = null;
        if (forcedText != null && !forcedText.isBlank()) {
            try {
                forced = Kind.valueOf(forcedText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError(forcedOrigin + "=" + forcedText + " is not a test provider; use url, testcontainers or embedded");
            }
        }
        String urlOrigin = URL_ENV;
        String urlText = env.get(URL_ENV);
        if (urlText == null || urlText.isBlank()) {
            urlOrigin = FALLBACK_URL_ENV;
            urlText = env.get(FALLBACK_URL_ENV);
        }
        boolean hasUrl = urlText != null && !urlText.isBlank();

        if (forced == Kind.URL) {
            if (!hasUrl) {
                throw new UserError(forcedOrigin + "=url but neither " + URL_ENV + " nor " + FALLBACK_URL_ENV
                        + " is set; set one to postgresql://user@host:port/database");
            }
            TestDatabaseUrl url = TestDatabaseUrl.parse(urlText, urlOrigin);
            return new Choice(Kind.URL, "using the server in " + urlOrigin + " (" + url + "), forced by " + forcedOrigin, url);
        }
        if (forced == Kind.TESTCONTAINERS) {
            DockerProbe.Status status = dockerStatus.get();
            if (!status.available()) {
                throw new UserError(forcedOrigin + "=testcontainers but " + status.reason()
                        + "; start Docker (or set DOCKER_HOST), or use url or embedded");
            }
            if (!testcontainersOnClasspath()) {
                throw new UserError(forcedOrigin + "=testcontainers but org.testcontainers:testcontainers-postgresql"
                        + " is not on the test classpath; add it as a test dependency, or use url or embedded");
            }
            return new Choice(Kind.TESTCONTAINERS, "using a Testcontainers PostgreSQL (" + status.reason()
                    + "), forced by " + forcedOrigin, null);
        }
        if (forced == Kind.EMBEDDED) {
            return new Choice(Kind.EMBEDDED, "using the embedded PostgreSQL, forced by " + forcedOrigin, null);
        }
        if (hasUrl) {
            TestDatabaseUrl url = TestDatabaseUrl.parse(urlText, urlOrigin);
            return new Choice(Kind.URL, "using the server in " + urlOrigin + " (" + url + ")", url);
        }
        DockerProbe.Status status = dockerStatus.get();
        String noUrl = URL_ENV + " and " + FALLBACK_URL_ENV + " are not set";
        if (status.available()) {
            if (testcontainersOnClasspath()) {
                return new Choice(Kind.TESTCONTAINERS, "using a Testcontainers PostgreSQL (" + noUrl + "; "
                        + status.reason() + ")", null);
            }
            return new Choice(Kind.EMBEDDED, "using the embedded PostgreSQL (" + noUrl + "; " + status.reason()
                    + " but testcontainers-postgresql is not on the classpath)", null);
        }
        return new Choice(Kind.EMBEDDED, "using the embedded PostgreSQL (" + noUrl + "; Testcontainers skipped: "
                + status.reason() + ")", null);
    }

    /** Starts (or reaches) the chosen provider's server. */
    public static PgServer start(Choice choice) {
        return switch (choice.kind()) {
            case URL -> new PgServer(Kind.URL, choice.url(), "PostgreSQL at " + choice.url());
            case EMBEDDED -> EmbeddedPgServer.shared();
            case TESTCONTAINERS -> startTestcontainers();
        };
    }

    private static PgServer startTestcontainers() {
        // loaded by name so that no Testcontainers class is touched unless Docker answered
        try {
            Class<?> type = Class.forName("pgferry.testing.TestcontainersPgServer");
            return (PgServer) type.getMethod("start").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new UserError("the Testcontainers PostgreSQL did not start: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean testcontainersOnClasspath() {
        try {
            Class.forName(TESTCONTAINERS_CLASS, false, PgProviders.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static Duration dockerTimeout() {
        return DockerProbe.DEFAULT_TIMEOUT;
    }
}
