package pgferry.systems.atlas.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pgferry.systems.repo.RepoRows.record;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import pgferry.systems.atlas.repo.AtlasRepository.Bot;
import pgferry.systems.atlas.repo.AtlasRepository.Correlation;
import pgferry.systems.atlas.repo.AtlasRepository.User;
import pgferry.systems.repo.Database;
import pgferry.systems.repo.Json;
import pgferry.systems.repo.RepoRows;
import pgferry.testing.Engine;
import pgferry.testing.ParityResults;
import pgferry.testing.ParityTest;

/** Atlas's repository, the same calls on SQLite (drizzle's file) and PostgreSQL (Flyway): the same answers. */
class AtlasRepositoryParityTest {

    private static final String SQLITE = "classpath:pgferry/systems/atlas/sqlite/schema.sql";
    private static final String PG = "classpath:pgferry/systems/atlas/postgres";
    private static final Instant T = Instant.parse("2024-05-06T07:08:09.123456Z");

    private static final String RSI = "{\"version\":2,\"conditions\":[{\"id\":\"c1\",\"text\":\"RSI\",\"indicator\":{\"name\":\"RSI\",\"period\":14},\"value\":30}],\"risk\":{\"stopLoss\":2.50}}";
    private static final String MACD_THEN_RSI = "{\"conditions\": [{\"text\": \"MACD\", \"value\": 0}, {\"text\": \"RSI\", \"value\": 70.0}], \"logic\": \"OR\"}";
    private static final String MACD = "{\"conditions\":[{\"text\":\"MACD\"}],\"note\":\"RSI in a note is not a condition\"}";

    private static Bot bot(String id, String owner, String payload, String visibility, String cagr, int day) {
        return new Bot(id, owner, "Bot " + id, id.equals("b1") ? null : "about " + id, Json.of(payload), visibility, "SPY",
                cagr == null ? null : new BigDecimal(cagr), cagr == null ? null : new BigDecimal("1.234"),
                cagr == null ? null : new BigDecimal("0.1875"), cagr == null ? null : new BigDecimal("2.5"),
                cagr == null ? null : LocalDate.of(2020, 1, 2), cagr == null ? null : LocalDate.of(2024, 12, 31),
                visibility.equals("nexus") && day % 2 == 0, T.plusSeconds(day * 86_400L), day % 3 == 0 ? null : T.plusSeconds(day * 90_000L));
    }

    @ParityTest(sqliteSchema = SQLITE, migrations = PG)
    void botsLeaderboardSearchEquityAndCorrelationsAgree(Engine engine, DataSource ds, Connection c, ParityResults results) throws Exception {
        AtlasRepository repo = new AtlasRepository(Database.of(ds));
        repo.ensureTables();
        repo.saveUser(new User("u1", "ada@example.com", "Ada", "admin", true, T, T.plusSeconds(3600)));
        repo.saveUser(new User("u2", "bob@example.com", null, "user", false, T, null));
        repo.saveUser(new User("u2", "bob@example.com", "Bob", "pro", false, T, T.plusSeconds(60))); // logs in again

        repo.saveBot(bot("b1", "u1", RSI, "nexus", "0.4123", 1));
        repo.saveBot(bot("b2", "u1", MACD, "nexus", "0.1", 2));
        repo.saveBot(bot("b3", "u2", MACD_THEN_RSI, "nexus", "0.4123", 3)); // ties b1: ordered by id
        repo.saveBot(bot("b4", "u2", RSI, "private", "0.9", 4));             // not on the Nexus
        repo.saveBot(bot("b5", "u2", null, "nexus", null, 5));               // no backtest: not ranked
        repo.saveBot(bot("b6", null, "{}", "atlas", "-0.05", 6));
        repo.saveBot(bot("b2", "u2", MACD, "nexus", "0.2501", 7));           // edited: owner and created_at kept

        record(results, engine, "leaderboard top 3", repo.leaderboard(3));
        record(results, engine, "leaderboard top 10", repo.leaderboard(10));
        record(results, engine, "bots using RSI", repo.botsWithCondition("RSI"));
        record(results, engine, "bots using MACD", repo.botsWithCondition("MACD"));
        record(results, engine, "bots using VOLUME", repo.botsWithCondition("VOLUME"));
        record(results, engine, "bot b2", List.of(repo.findBot("b2").orElseThrow()));
        record(results, engine, "bots of u2", repo.botsOf("u2"));
        record(results, engine, "visibility", repo.visibilityCounts());

        repo.saveEquity("b1", LocalDate.of(2024, 1, 2), new BigDecimal("10000.00"));
        repo.saveEquity("b1", LocalDate.of(2024, 1, 3), new BigDecimal("10123.45"));
        repo.saveEquity("b1", LocalDate.of(2024, 1, 4), new BigDecimal("9999.99"));
        repo.saveEquity("b1", LocalDate.of(2024, 1, 3), new BigDecimal("10100.50")); // re-run backtest
        repo.saveEquity("b6", LocalDate.of(2024, 1, 2), new BigDecimal("5000"));
        record(results, engine, "equity b1", repo.equityCurve("b1"));

        assertThat(repo.deleteBot("b6")).isTrue();
        assertThat(repo.deleteBot("nope")).isFalse();
        assertThat(repo.equityCurve("b6")).as("equity curve deleted with its bot").isEmpty();

        repo.saveCorrelation(new Correlation("b1", "b2", 0.8734, "full", T));
        repo.saveCorrelation(new Correlation("b1", "b3", -0.25, "full", T));
        repo.saveCorrelation(new Correlation("b1", "b2", 0.5, "1y", T));
        repo.saveCorrelation(new Correlation("b1", "b2", 0.9012345678901234, "full", T.plusSeconds(86_400))); // nightly rerun
        List<Correlation> full = repo.correlationsOf("b1", "full");
        assertThat(full).extracting(Correlation::correlation).containsExactly(0.9012345678901234, -0.25);
        record(results, engine, "correlations of b1", full);

        // The raw rows too, each engine's own types side by side: payload text vs jsonb (by tree),
        // 0/1 vs boolean, REAL vs NUMERIC (shortest decimal), 'YYYY-MM-DD' vs date.
        results.record("bots as stored", c, "SELECT id, payload, is_featured, cagr, sharpe, max_drawdown, backtest_start"
                + " FROM bots ORDER BY id");
    }

    /**
     * Where the engines legitimately differ: SUM over REAL on SQLite is a double sum (0.1 + 0.2 =
     * 0.30000000000000004), over NUMERIC on PostgreSQL it is exact (0.30). The repository reads both as
     * BigDecimal without hiding it (the shortest decimal of the double SQLite returned), and the parity
     * helper reports the difference with the row and column instead of passing it.
     */
    @ParityTest(sqliteSchema = SQLITE, migrations = PG)
    void anEquitySumDriftsOnSqliteAndTheParityCheckReportsIt(Engine engine, DataSource ds, ParityResults results) {
        AtlasRepository repo = new AtlasRepository(Database.of(ds));
        repo.saveUser(new User("u1", "ada@example.com", "Ada", "user", false, T, null));
        repo.saveBot(bot("b1", "u1", RSI, "nexus", "0.1", 1));
        repo.saveEquity("b1", LocalDate.of(2024, 1, 2), new BigDecimal("0.10"));
        repo.saveEquity("b1", LocalDate.of(2024, 1, 3), new BigDecimal("0.20"));
        BigDecimal sum = repo.equitySummaries().get(0).equitySum();
        if (engine == Engine.SQLITE) {
            assertThat(sum).isEqualByComparingTo("0.30000000000000004");
            record(results, engine, "equity sum", repo.equitySummaries());
        } else {
            assertThat(sum).isEqualByComparingTo("0.3");
            assertThatThrownBy(() -> record(results, engine, "equity sum", repo.equitySummaries()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("column 7 \"equitySum\"")
                    .hasMessageContaining("sqlite:   0.30000000000000004 (BigDecimal)")
                    .hasMessageContaining("postgres: 0.30 (BigDecimal)");
        }
        // everything else about the bot still agrees
        record(results, engine, "curve", repo.equityCurve("b1"));
        assertThat(RepoRows.dialect(engine)).isEqualTo(repo.dialect());
    }
}
