package pgferry.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pgferry.UserError;
import pgferry.config.DatabaseUrl;
import pgferry.cli.Main;
import pgferry.store.StoreFlags;
import pgferry.store.prescient.PortfolioState;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;
import pgferry.store.prescient.TradingSignal;
import pgferry.testing.PgDatabase;
import pgferry.testing.PgProviders;
import pgferry.testing.PgServer;
import pgferry.testing.PgTest;
import pgferry.testing.TestDatabaseUrl;
import pgferry.testing.TestDatabases;

/**
 * Backups go through the machine's pg_dump 15, so they run against the machine's PostgreSQL 15 on
 * 5432 (test databases made and dropped by the harness there); the embedded PostgreSQL 17 shows the
 * version-mismatch message.
 */
class BackupRestoreTest {

    private static final String SCHEMA = "classpath:pgferry/systems/prescient/postgres";

    @TempDir
    Path tmp;

    static TestDatabases on5432() {
        return TestDatabases.on(new PgServer(PgProviders.Kind.URL,
                TestDatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres", "the machine's PostgreSQL 15"),
                "PostgreSQL 15 on 127.0.0.1:5432"));
    }

    record Run(int status, String out, String err) {
    }

    static Run pgferry(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void backupThenRestoreIntoAFreshDatabaseGivesTheSameRows() throws Exception {
        try (PgDatabase source = on5432().create(SCHEMA); PgDatabase fresh = on5432().create()) {
            fill(source);
            Path dump = tmp.resolve("backups/prescient.dump");

            Run backup = pgferry("backup", source.jdbcUrl(), "--out", dump.toString());
            assertThat(backup.status()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("backed up postgresql://postgres@127.0.0.1:5432/" + source.name(), "with pg_dump 15");
            assertThat(new String(Files.readAllBytes(dump), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PGDMP");
            try (var files = Files.list(dump.getParent())) {
                assertThat(files).containsExactly(dump); // no .partial left behind
            }

            Run restore = pgferry("restore", dump.toString(), fresh.jdbcUrl());
            assertThat(restore.status()).as(restore.err()).isZero();
            assertThat(snapshot(fresh)).isEqualTo(snapshot(source)).isNotEmpty();

            // a second restore into the now non-empty database is refused, and changes nothing
            List<String> before = snapshot(fresh);
            Run again = pgferry("restore", dump.toString(), fresh.jdbcUrl());
            assertThat(again.status()).isEqualTo(Main.EXIT_USER_ERROR);
            assertThat(again.err().strip()).startsWith("pgferry: postgresql://postgres@127.0.0.1:5432/" + fresh.name() + " is not empty (")
                    .contains("pass --clean").doesNotContain("\n");
            assertThat(snapshot(fresh)).isEqualTo(before);

            Run clean = pgferry("restore", dump.toString(), fresh.jdbcUrl(), "--clean");
            assertThat(clean.status()).as(clean.err()).isZero();
            assertThat(snapshot(fresh)).isEqualTo(snapshot(source));
        }
    }

    @Test
    @PgTest
    void aServerNewerThanPgDumpIsOneClearLine(PgDatabase embedded) throws Exception {
        int serverMajor;
        try (Connection c = embedded.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            serverMajor = rs.getInt(1) / 10000;
        }
        PgClientTool pgDump = PgClientTool.locate("pg_dump", System.getenv());
        org.junit.jupiter.api.Assumptions.assumeTrue(serverMajor > pgDump.major(),
                "the test server (" + serverMajor + ") is not newer than pg_dump " + pgDump.major());
        Path dump = tmp.resolve("x.dump");
        Run r = pgferry("backup", embedded.jdbcUrl(), "--out", dump.toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(r.err().strip())
                .startsWith("pgferry: pg_dump " + pgDump.version())
                .contains("cannot dump PostgreSQL " + serverMajor + ".", "install the version " + serverMajor + " client",
                        "PGFERRY_PG_BIN")
                .doesNotContain("\n");
        assertThat(dump).doesNotExist();
    }

    @Test
    void missingToolsAreOneClearLine() throws Exception {
        Path emptyBin = Files.createDirectories(tmp.resolve("bin"));
        Backups noTools = new Backups(Map.of("PATH", emptyBin.toString()));
        DatabaseUrl target = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres", "TARGET");
        assertThatThrownBy(() -> noTools.backup(target, tmp.resolve("x.dump"))).isInstanceOf(UserError.class)
                .hasMessageStartingWith("pg_dump was not found (looked in PGFERRY_PG_BIN and PATH); install the PostgreSQL client programs");
        Path dump = tmp.resolve("some.dump");
        Files.write(dump, "PGDMP-not-really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> noTools.restore(dump, target, false, false)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("pg_restore was not found");
        assertThat(tmp.resolve("x.dump")).doesNotExist();
    }

    @Test
    void aFileThatIsNotACustomDumpIsRefusedBeforeAnythingRuns() throws Exception {
        Path sql = tmp.resolve("backup.sql");
        Files.writeString(sql, "CREATE TABLE t (id int);\n");
        Run r = pgferry("restore", sql.toString(), "postgresql://postgres@127.0.0.1:5432/postgres");
        assertThat(r.status()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(r.err()).contains("is not a pg_dump custom-format backup", "psql -f FILE");
        Run missing = pgferry("restore", tmp.resolve("nope.dump").toString(), "postgresql://postgres@127.0.0.1:5432/postgres");
        assertThat(missing.err()).contains("nope.dump does not exist");
        Run noTarget = pgferry("backup", "--out", tmp.resolve("x.dump").toString());
        if (System.getenv("DATABASE_URL") == null && System.getenv("PGHOST") == null) {
            // no TARGET and no DATABASE_URL: the local service of services/postgres.json is the target
            assertThat(noTarget.status()).isEqualTo(Main.EXIT_USER_ERROR);
            assertThat(noTarget.err()).contains("127.0.0.1:54329/pgferry");
        }
    }

    @Test
    void thePasswordGoesInTheEnvironmentNeverOnTheCommandLine() {
        DatabaseUrl target = DatabaseUrl.parse("postgresql://prescient_user:s3cr%40t@db.example:6543/prescient_os?sslmode=require", "TARGET");
        assertThat(target.password()).contains("s3cr@t");
        assertThat(target.toString()).doesNotContain("s3cr").startsWith("postgresql://prescient_user:***@db.example:6543/prescient_os");
        PgClientTool tool = new PgClientTool("pg_dump", Path.of("/usr/bin/pg_dump"), 15, "15.20");
        Backups.Invocation dump = Backups.dumpInvocation(tool, target, Path.of("/tmp/x.dump"));
        Backups.Invocation restore = Backups.restoreInvocation(tool, target, Path.of("/tmp/x.dump"), true, false);
        for (Backups.Invocation inv : List.of(dump, restore)) {
            assertThat(String.join(" ", inv.command())).doesNotContain("s3cr").contains("--host=db.example", "--port=6543",
                    "--username=prescient_user", "--dbname=prescient_os", "--no-password");
            assertThat(inv.environment()).containsEntry("PGPASSWORD", "s3cr@t").containsEntry("PGSSLMODE", "require");
        }
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=pw", "TARGET");
        assertThat(Backups.dumpInvocation(tool, jdbc, Path.of("/tmp/y.dump")).environment()).containsEntry("PGPASSWORD", "pw");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x@y/z", "TARGET")).isInstanceOf(UserError.class)
                .hasMessageStartingWith("TARGET");
    }

    private void fill(PgDatabase db) {
        PrescientStore store = PrescientStore.open(tmp.resolve("data"), db.dataSource(), StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        OffsetDateTime t0 = OffsetDateTime.of(2025, 10, 27, 14, 30, 0, 123456000, ZoneOffset.UTC);
        for (int i = 0; i < 40; i++) {
            store.trades().save(new Trade("T" + i, t0.plusMinutes(i), "mkt-" + i % 7, "Will it rain on day " + i + "? ☔",
                    "buy_yes", new BigDecimal(i + ".10"), new BigDecimal("0.123456"), new BigDecimal("0.8750"), null,
                    "open", "ev-1", "Weather", t0.plusDays(9), null, null, null, null));
        }
        store.signals().save(new TradingSignal(t0, "mkt-1", "Will it rain on day 1? ☔", "buy_yes",
                new BigDecimal("0.130000"), new BigDecimal("25.00"), new BigDecimal("0.9000"), "edge",
                new BigDecimal("0.123456"), new BigDecimal("0.876544"), new BigDecimal("15000.00"), null,
                "ev-1", "Weather", t0.plusDays(9), true, t0.plusSeconds(3), "T1"));
        store.portfolio().save(new PortfolioState(new BigDecimal("9000.55"), new BigDecimal("999.45"), BigDecimal.ZERO, 40, t0, t0));
    }

    /** Every row of every table, as text, in a stable order. */
    private static List<String> snapshot(PgDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT '" + t + "' || ': ' || x::text FROM \"" + t + "\" x ORDER BY x::text")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
