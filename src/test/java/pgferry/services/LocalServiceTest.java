package pgferry.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.UserError;
import pgferry.config.ServiceSettings;

/** The embedded local service on a real cluster: up, status, down, and up again with the data kept. */
class LocalServiceTest {

    @TempDir Path project;
    private LocalService service;

    @AfterEach
    void stopServer() {
        if (service != null) {
            service.down();
        }
    }

    private ServiceSettings settings() {
        return ServiceSettings.load(project).withDataDir(project.resolve(".postgres-data")).withPort(LocalCluster.freePort());
    }

    @Test
    void upQueryDownUpKeepsTheData() throws Exception {
        service = new LocalService(settings());
        assertThat(service.status().running()).isFalse();
        assertThat(service.status().initialized()).isFalse();

        LocalService.Started first = service.up();
        assertThat(first.alreadyRunning()).isFalse();
        assertThat(first.createdCluster()).isTrue();
        assertThat(service.status().running()).isTrue();
        assertThat(service.status().port()).isEqualTo(service.settings().port());

        try (Connection c = DriverManager.getConnection(service.settings().jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int PRIMARY KEY, price numeric(20,8))");
            s.execute("INSERT INTO kept VALUES (1, 123.45678901)");
            try (ResultSet rs = s.executeQuery("SELECT current_user, current_database(), current_setting('server_version_num')::int")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(service.settings().user());
                assertThat(rs.getString(2)).isEqualTo(service.settings().database());
                assertThat(rs.getInt(3)).isGreaterThanOrEqualTo(170000);
            }
        }

        assertThat(service.up().alreadyRunning()).isTrue();
        assertThat(service.down()).isTrue();
        assertThat(service.status().running()).isFalse();
        assertThat(service.status().initialized()).isTrue();
        assertThat(service.down()).isFalse();

        LocalService.Started again = service.up();
        assertThat(again.createdCluster()).isFalse();
        try (Connection c = DriverManager.getConnection(service.settings().jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT price FROM kept WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("123.45678901");
        }
    }

    @Test
    void runsAsRootThroughAUserNamespace() {
        service = new LocalService(settings());
        service.up();
        assertThat(service.status().running()).isTrue();
        if (LocalCluster.isRoot()) {
            // the server process exists and is not owned by an unmapped root inside its namespace:
            // PostgreSQL itself refuses root, so a running server proves the namespace worked
            assertThat(service.status().pid()).isPresent();
        }
    }

    @Test
    void aPortTakenByAnotherServerIsAClearErrorAndThatServerIsUntouched() throws Exception {
        int systemPort = 5432;
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalCluster.portAnswers("127.0.0.1", systemPort),
                "needs the machine's PostgreSQL on 127.0.0.1:5432");
        service = new LocalService(settings().withPort(systemPort));
        assertThatThrownBy(service::up)
                .isInstanceOf(UserError.class)
                .hasMessageContaining("port 5432 on 127.0.0.1 is already taken by another server")
                .hasMessageContaining("--port");
        assertThat(service.status().running()).isFalse();
        assertThat(service.down()).isFalse();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        service = null;
    }

    @Test
    void aNonEmptyFolderThatIsNoClusterIsRefused() throws Exception {
        Path dir = project.resolve(".postgres-data");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine");
        service = new LocalService(settings());
        assertThatThrownBy(service::up)
                .isInstanceOf(UserError.class)
                .hasMessageContaining("is not empty and holds no PostgreSQL cluster");
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        service = null;
    }
}
