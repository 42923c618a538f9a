package pgferry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;

class ProviderSelectionTest {

    private static final DockerProbe.Status NO_DOCKER =
            new DockerProbe.Status(false, "unix:///var/run/docker.sock", "no Docker daemon answers: unix:///var/run/docker.sock (no such socket)");

    private static PgProviders.Choice choose(Map<String, String> env, Properties props) {
        return PgProviders.choose(env, props, () -> NO_DOCKER);
    }

    @Test
    void anExplicitUrlWins() {
        PgProviders.Choice choice = choose(Map.of(
                "PGFERRY_TEST_DATABASE_URL", "postgresql://tester@db.example:6543/tests",
                "DATABASE_URL", "postgresql://app@prod.example/app"), new Properties());
        assertThat(choice.kind()).isEqualTo(PgProviders.Kind.URL);
        assertThat(choice.url().host()).isEqualTo("db.example");
        assertThat(choice.reason()).contains("PGFERRY_TEST_DATABASE_URL");
    }

    @Test
    void databaseUrlIsTheFallback() {
        PgProviders.Choice choice = choose(Map.of("DATABASE_URL", "postgres://app@10.0.0.5/app"), new Properties());
        assertThat(choice.kind()).isEqualTo(PgProviders.Kind.URL);
        assertThat(choice.url().database()).isEqualTo("app");
    }

    @Test
    void aForcedProviderIsHonouredAndThePropertyBeatsTheEnvironment() {
        Map<String, String> env = Map.of("PGFERRY_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres",
                "PGFERRY_TEST_PROVIDER", "url");
        assertThat(choose(env, new Properties()).kind()).isEqualTo(PgProviders.Kind.URL);
        Properties props = new Properties();
        props.setProperty("pgferry.test.provider", "embedded");
        PgProviders.Choice choice = choose(env, props);
        assertThat(choice.kind()).isEqualTo(PgProviders.Kind.EMBEDDED);
        assertThat(choice.reason()).contains("forced by -Dpgferry.test.provider");
    }

    @Test
    void withoutUrlOrDockerTheEmbeddedServerIsChosenWithTheReason() {
        PgProviders.Choice choice = choose(Map.of(), new Properties());
        assertThat(choice.kind()).isEqualTo(PgProviders.Kind.EMBEDDED);
        assertThat(choice.reason()).contains("Testcontainers skipped: no Docker daemon answers");
    }

    @Test
    void dockerIsDetectedAbsentHereQuicklyAndQuietly() {
        long t0 = System.nanoTime();
        DockerProbe.Status status = DockerProbe.probe(System.getenv(), DockerProbe.DEFAULT_TIMEOUT);
        long micros = (System.nanoTime() - t0) / 1000;
        System.out.println("docker probe: " + status.reason() + " in " + micros + " us");
        assertThat(status.available()).isFalse();
        assertThat(status.reason()).startsWith("no Docker daemon answers: ").contains("docker.sock");
        PgProviders.Choice choice = PgProviders.choose(Map.of(), new Properties(), () -> status);
        assertThat(choice.kind()).isEqualTo(PgProviders.Kind.EMBEDDED);
    }

    @Test
    void forcingTestcontainersWithoutDockerIsOneClearLine() {
        Properties props = new Properties();
        props.setProperty("pgferry.test.provider", "testcontainers");
        DockerProbe.Status real = PgProviders.docker();
        assertThatThrownBy(() -> PgProviders.choose(System.getenv(), props, () -> real))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("-Dpgferry.test.provider=testcontainers but no Docker daemon answers: ")
                .hasMessageEndingWith("; start Docker (or set DOCKER_HOST), or use url or embedded")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void forcingUrlWithoutOneAndUnknownNamesAreClearLines() {
        assertThatThrownBy(() -> choose(Map.of("PGFERRY_TEST_PROVIDER", "url"), new Properties()))
                .isInstanceOf(UserError.class)
                .hasMessage("PGFERRY_TEST_PROVIDER=url but neither PGFERRY_TEST_DATABASE_URL nor DATABASE_URL is set;"
                        + " set one to postgresql://user@host:port/database");
        assertThatThrownBy(() -> choose(Map.of("PGFERRY_TEST_PROVIDER", "docker"), new Properties()))
                .isInstanceOf(UserError.class)
                .hasMessage("PGFERRY_TEST_PROVIDER=docker is not a test provider; use url, testcontainers or embedded");
        assertThatThrownBy(() -> choose(Map.of("PGFERRY_TEST_DATABASE_URL", "mysql://x@y/z"), new Properties()))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("PGFERRY_TEST_DATABASE_URL: not a PostgreSQL URL");
    }

    @Test
    void theProbeRecognisesADaemonThatAnswersAndOneThatDoesNot(@TempDir Path dir) throws Exception {
        // a real socket speaking the two lines of HTTP a daemon would: no Docker engine can run here
        Path ok = dir.resolve("ok.sock");
        Path bad = dir.resolve("bad.sock");
        try (ServerSocketChannel good = answering(ok, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
             ServerSocketChannel wrong = answering(bad, "HTTP/1.1 500 Internal Server Error\r\n\r\n")) {
            DockerProbe.Status yes = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + ok), Duration.ofSeconds(2));
            assertThat(yes.available()).isTrue();
            DockerProbe.Status no = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + bad), Duration.ofSeconds(2));
            assertThat(no.available()).isFalse();
            assertThat(no.reason()).contains("HTTP/1.1 500");
        }
        DockerProbe.Status silent = DockerProbe.probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), Duration.ofMillis(200));
        assertThat(silent.available()).isFalse();
    }

    private static ServerSocketChannel answering(Path socket, String response) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (SocketChannel c = server.accept()) {
                c.read(ByteBuffer.allocate(256));
                c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void urlsOfAllThreeFormsAreRead() {
        TestDatabaseUrl a = TestDatabaseUrl.parse("postgres://trader:s%40cret@db.local:6543/ledger?sslmode=require", "X");
        assertThat(a).extracting(TestDatabaseUrl::host, TestDatabaseUrl::port, TestDatabaseUrl::database,
                TestDatabaseUrl::user, TestDatabaseUrl::password).containsExactly("db.local", 6543, "ledger", "trader", "s@cret");
        assertThat(a.jdbcUrl("other")).isEqualTo("jdbc:postgresql://db.local:6543/other?sslmode=require");
        assertThat(a.toString()).doesNotContain("s@cret").contains("***");
        TestDatabaseUrl b = TestDatabaseUrl.parse("jdbc:postgresql://127.0.0.1/test?user=postgres&password=pw", "X");
        assertThat(b).extracting(TestDatabaseUrl::port, TestDatabaseUrl::user, TestDatabaseUrl::password)
                .containsExactly(5432, "postgres", "pw");
        assertThat(b.jdbcUrl("test")).doesNotContain("pw");
        TestDatabaseUrl c = TestDatabaseUrl.parse("postgresql://postgres@[::1]:5433/x", "X");
        assertThat(c.host()).isEqualTo("[::1]");
        assertThat(c.port()).isEqualTo(5433);
        assertThatThrownBy(() -> TestDatabaseUrl.parse("postgresql://u@h:99999/x", "PGFERRY_TEST_DATABASE_URL"))
                .hasMessage("PGFERRY_TEST_DATABASE_URL: port '99999' is not a number from 1 to 65535");
    }

    @Test
    void theEmbeddedClusterRunsAsRootHere() throws SQLException {
        assertThat(System.getProperty("user.name")).isEqualTo("root");
        PgServer server = EmbeddedPgServer.shared();
        System.out.println("embedded start: " + EmbeddedPgServer.startMillis() + " ms");
        try (Connection c = server.connect("postgres", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('fsync'),"
                     + " current_setting('listen_addresses'), current_setting('unix_socket_directories')")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
            assertThat(rs.getString(2)).isEqualTo("off");
            assertThat(rs.getString(3)).isEqualTo("127.0.0.1");
            assertThat(rs.getString(4)).isEmpty();
        }
        assertThat(server.description()).contains(EmbeddedPgServer.baseDir().toString());
        try (PgDatabase db = TestDatabases.on(server).create("classpath:pgferry/testing/migrations/accounts")) {
            assertThat(IsolationTest.insertAndCount(db.dataSource(), "root-run")).isEqualTo(1);
        }
    }

    @Test
    void theSharedServerFollowsTheEnvironment() {
        PgServer server = PgProviders.server();
        Map<String, String> env = new HashMap<>(System.getenv());
        PgProviders.Choice expected = PgProviders.choose(env, System.getProperties(), PgProviders::docker);
        assertThat(server.provider()).isEqualTo(expected.kind());
        assertThat(PgProviders.server()).as("chosen once per JVM").isSameAs(server);
    }
}
