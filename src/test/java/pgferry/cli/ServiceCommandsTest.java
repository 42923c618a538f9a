package pgferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pgferry.services.LocalCluster;

/** {@code pgferry up | status | down} as a user types them: output, exit status, errors. */
class ServiceCommandsTest {

    @TempDir Path project;

    private record Run(int status, String out, String err) {}

    private Run run(String... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int status = cmd.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("up", "status", "down");
    }

    @Test
    void upStatusDownStatus() {
        String port = Integer.toString(LocalCluster.freePort());
        String dir = project.resolve("data").toString();
        try {
            Run up = run("up", "--port", port, "--data-dir", dir);
            assertThat(up.status()).as(up.err()).isZero();
            assertThat(up.out()).contains("DATABASE_URL=postgresql://pgferry@127.0.0.1:" + port + "/pgferry");

            Run status = run("status", "--data-dir", dir);
            assertThat(status.status()).isZero();
            assertThat(status.out()).startsWith("running: pid ").contains(":" + port);
        } finally {
            Run down = run("down", "--data-dir", dir);
            assertThat(down.status()).isZero();
            assertThat(down.out()).contains("stopped PostgreSQL");
        }
        Run stopped = run("status", "--data-dir", dir);
        assertThat(stopped.status()).isEqualTo(StatusCommand.EXIT_NOT_RUNNING);
        assertThat(stopped.out()).contains("not running").contains("initialized");
    }

    @Test
    void takenPortIsOneLineAndExitTwo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalCluster.portAnswers("127.0.0.1", 5432));
        Run up = run("up", "--port", "5432", "--data-dir", project.resolve("d").toString());
        assertThat(up.status()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(up.err().strip()).doesNotContain("\n").startsWith("pgferry: port 5432").contains("--port");
    }

    @Test
    void badPortIsAUserError() {
        Run up = run("up", "--port", "70000", "--data-dir", project.resolve("d").toString());
        assertThat(up.status()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(up.err()).contains("--port 70000 is not a port number");
    }
}
