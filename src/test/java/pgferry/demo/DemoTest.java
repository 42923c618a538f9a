package pgferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pgferry.cli.Main;
import pgferry.testing.PgProviders;
import pgferry.testing.PgServer;
import pgferry.testing.TestDatabaseUrl;

/**
 * The demo end to end at a tiny scale: five systems generated, migrated into their Flyway schemas,
 * verified with zero differences and exercised (the prescient outage replayed, the outbox drained, the
 * stores consistent), through the CLI and through the library.
 */
class DemoTest {

    static final String SCALE = "300";

    @TempDir
    Path tmp;

    /** The harness's server (embedded per JVM unless PGFERRY_TEST_DATABASE_URL says otherwise), as --target. */
    private static String harnessTarget() {
        PgServer server = PgProviders.server();
        TestDatabaseUrl u = server.url();
        String login = u.password() == null ? u.user() : u.user() + ":" + u.password();
        return "postgresql://" + login + "@" + u.host() + ":" + u.port() + "/" + u.database();
    }

    @Test
    void fiveSystemsMigratedVerifiedAndExercisedThroughTheCli() throws Exception {
        Path out = tmp.resolve("report");
        StringWriter printed = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(printed, true));
        cli.setErr(new PrintWriter(printed, true));
        int status = cli.execute("demo", "--scale", SCALE, "--out", out.toString(), "--target", harnessTarget());

        assertThat(status).as(printed.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve(DemoReport.JSON).toFile());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("serverKind").asText()).isEqualTo("target");
        List<String> names = new ArrayList<>();
        for (JsonNode s : report.get("systems")) {
            names.add(s.get("system").asText());
            assertThat(s.get("status").asText()).as(s.get("system").asText()).isEqualTo("verified");
            assertThat(s.get("differingTables").asLong()).isZero();
            assertThat(s.get("rejects").asLong()).isZero();
            assertThat(s.get("rows").asLong()).as(s.get("system").asText()).isPositive();
            assertThat(s.get("verification").get("matched").asBoolean()).isTrue();
            assertThat(s.get("exercise").get("status").asText()).as(s.get("exercise").toString()).isEqualTo("ok");
        }
        assertThat(names).containsExactly("atlas", "arb", "prescient", "metagauge", "aitrader");
        assertThat(report.get("systems").get(0).get("sourceKind").asText()).isEqualTo("sqlite");
        assertThat(report.get("systems").get(2).get("sourceKind").asText()).isEqualTo("json");

        JsonNode outage = system(report, "prescient").get("exercise").get("facts");
        assertThat(outage.get("pendingDuringOutage").asInt()).as("the outbox filled while PostgreSQL was down").isPositive();
        assertThat(outage.get("pendingAfterReplay").asInt()).as("the outbox drained").isZero();
        assertThat(outage.get("consistencyDifferences").asInt()).isZero();
        assertThat(outage.get("outageReplayed").asBoolean()).isTrue();
        JsonNode setNull = system(report, "aitrader").get("exercise").get("facts");
        assertThat(setNull.get("explanationNulled").asLong()).isPositive();
        assertThat(setNull.get("tradesKept").asLong()).isEqualTo(setNull.get("explanationNulled").asLong());
        assertThat(system(report, "atlas").get("exercise").get("facts").get("matrixRefreshedConcurrently").asBoolean()).isTrue();

        String text = printed.toString();
        assertThat(text).contains("system", "source", "tables", "rows", "rejects", "migrate", "verify")
                .contains("0 differences").contains("Index Scan using idx_nexus_leaderboard")
                .contains("idx_bots_payload").contains("users_email_key");
        assertThat(Files.readString(out.resolve(DemoReport.MARKDOWN))).contains("| atlas | sqlite |").contains("## prescient (json)");

        // the demo's databases are there and hold the data; nothing else of the server was dropped
        try (Connection c = PgProviders.server().connect("pgferry_demo_arb", "demo-test");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM onchain_trades")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(Long.parseLong(SCALE));
        }
    }

    @Test
    void withoutATargetItStartsItsOwnServerStopsItForTheOutageAndRemovesItAtTheEnd() {
        StringWriter printed = new StringWriter();
        DemoOptions options = new DemoOptions(null, 200, 7, tmp.resolve("own"), false, List.of("prescient", "aitrader"), Map.of());
        DemoResult result = Demo.run(options, new PrintWriter(printed, true));

        assertThat(result.ok()).as(printed.toString()).isTrue();
        assertThat(result.systems()).extracting(SystemOutcome::system).containsExactly("prescient", "aitrader");
        if (result.serverKind().equals("embedded")) {
            assertThat(printed.toString()).contains("starting an embedded PostgreSQL for this run").doesNotContain("of its own");
            int port = Integer.parseInt(result.server().replaceAll(".*:(\\d+)/.*", "$1"));
            assertThat(pgferry.services.LocalCluster.portAnswers("127.0.0.1", port)).as("stopped at the end").isFalse();
        } else {
            assertThat(result.serverKind()).isEqualTo("local_service"); // `pgferry up` runs on this machine
        }
        Map<String, Object> facts = result.systems().get(0).exerciseFacts();
        assertThat(facts.get("outageReplayed")).isEqualTo(true);
    }

    @Test
    void badOptionsAreOneLineAndWriteNothing() {
        for (String[] args : List.of(
                new String[]{"demo", "--scale", "0", "--out", tmp.resolve("a").toString()},
                new String[]{"demo", "--systems", "nosuch", "--out", tmp.resolve("b").toString()},
                new String[]{"demo", "--target", "postgresql://nobody@127.0.0.1:1/x", "--out", tmp.resolve("c").toString()})) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(Main.EXIT_USER_ERROR);
            assertThat(err.toString().strip()).startsWith("pgferry: ").doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    private static JsonNode system(JsonNode report, String name) {
        for (JsonNode s : report.get("systems")) {
            if (s.get("system").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no system " + name + " in the report");
    }
}
