package pgferry.systems.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.load.LoadPlan;
import pgferry.load.MigrationResult;
import pgferry.load.Migrator;
import pgferry.load.Target;
import pgferry.load.TableResult;
import pgferry.plan.Casts;
import pgferry.plan.PlanOptions;
import pgferry.plan.Planner;
import pgferry.source.sqlite.SqliteSource;
import pgferry.systems.SampleSystem;
import pgferry.systems.Systems;
import pgferry.systems.aitrader.repo.AitraderRepository;
import pgferry.systems.arb.repo.ArbRepository;
import pgferry.systems.atlas.repo.AtlasRepository;
import pgferry.testing.Engine;
import pgferry.testing.PgDatabase;
import pgferry.testing.ResultComparison;
import pgferry.testing.TestDatabases;

/**
 * The systems' own queries over GENERATED data: each system generated at scale 300, its SQLite file
 * migrated into its Flyway schema (data only, as {@code pgferry migrate SOURCE TARGET --data-only} does),
 * then the same repository calls on the SQLite file and on PostgreSQL. Every answer agrees under the
 * type-aware rules, except sums SQLite computes over REAL, which may drift by a double sum's rounding:
 * {@link SumDrift} bounds those, and checks the parity helper reports them.
 */
class GeneratedDataParityTest {

    private static final int SCALE = 300;
    private static final long SEED = 20_250_101L;

    @TempDir
    Path dir;

    /** The generated SQLite file and the PostgreSQL database holding the same data. */
    private record Migrated(Path sqlite, PgDatabase pg, MigrationResult result) implements AutoCloseable {
        @Override
        public void close() {
            pg.close();
        }
    }

    private Migrated migrate(String system, String... casts) throws Exception {
        SampleSystem s = Systems.byName(system).orElseThrow();
        Path file = s.generate(SCALE, SEED, dir.resolve(system));
        PgDatabase pg = TestDatabases.shared().create(s.flywayLocation());
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (pg.password() != null) {
            props.setProperty("password", pg.password());
        }
        Path rejects = dir.resolve(system + "-rejects.jsonl");
        LoadPlan load;
        try (SqliteSource src = SqliteSource.open(file)) {
            load = LoadPlan.of(Planner.plan(src, PlanOptions.defaults().withCasts(Casts.parse(List.of(casts)))), "public", src);
        }
        MigrationResult result = new Migrator(file, new Target(pg.jdbcUrl(), props, pg.toString()),
                new Migrator.Options(1, true, false, rejects, "data-only", System.nanoTime()), pgferry.load.ProgressListener.NONE)
                .run(load, null, List.of());
        List<String> problems = new ArrayList<>();
        for (TableResult t : result.tables()) {
            if (t.rejectedRows() > 0 || "failed".equals(t.status()) || !t.balanced()) {
                problems.add(t.targetTable() + ": " + t.status() + ", " + t.sourceRows() + " rows, " + t.loadedRows() + " loaded, "
                        + t.rejectedRows() + " rejected" + (t.error() == null ? "" : " (" + t.error() + ")"));
            }
        }
        if (Files.exists(rejects)) {
            Files.readAllLines(rejects).stream().limit(5).forEach(problems::add);
        }
        assertThat(problems).as("%s: the migration of the generated data loaded every row", system).isEmpty();
        assertThat(result.anyFailure()).isFalse();
        return new Migrated(file, pg, result);
    }

    /** The same call on both engines agrees under the type-aware rules. */
    private static <R> List<?> same(String what, R sqlite, R pg, Function<R, List<?>> call) {
        List<?> a = call.apply(sqlite);
        List<?> b = call.apply(pg);
        ResultComparison.standard().assertSame(RepoRows.of("sqlite", a), RepoRows.of("postgres", b));
        return a;
    }

    private static <R> List<SumDrift.Drift> sums(String what, R sqlite, R pg, Function<R, List<?>> call, String... columns) {
        SumDrift.check(Engine.SQLITE, what, call.apply(sqlite), Set.of(columns));
        return SumDrift.check(Engine.POSTGRES, what, call.apply(pg), Set.of(columns));
    }

    @Test
    void atlas() throws Exception {
        // FINDING: without these casts the data-only load COPYs drizzle's integer timestamps (epoch seconds
        // in users, epoch milliseconds in bots) as numbers into the Flyway schema's timestamptz columns, and
        // PostgreSQL refuses every users and bots row ("date/time field value out of range: \"1672432775\""),
        // after which watchlists and equity_curves fail whole on their foreign keys. The planner does not
        // look at the target's column types in --data-only mode; the cast tells it the columns are time,
        // and it then finds the epoch unit from the values.
        try (Migrated m = migrate("atlas", "users.created_at=timestamptz", "users.last_login_at=timestamptz",
                "bots.created_at=timestamptz", "bots.updated_at=timestamptz"); Database sqliteDb = Database.sqlite(m.sqlite())) {
            AtlasRepository s = new AtlasRepository(sqliteDb);
            AtlasRepository p = new AtlasRepository(Database.of(m.pg().dataSource()));
            List<?> top = same("leaderboard", s, p, r -> r.leaderboard(20));
            assertThat(top).isNotEmpty();
            int found = 0;
            for (String text : new String[] {"RSI", "MACD", "SMA", "EMA", "BBANDS", "ATR", "VOLUME", "nothing"}) {
                List<?> bots = same("bots using " + text, s, p, r -> r.botsWithCondition(text));
                found += bots.size();
                for (Object ref : bots) {
                    String id = ((AtlasRepository.BotRef) ref).id();
                    same("bot " + id, s, p, r -> List.of(r.findBot(id).orElseThrow()));
                    same("equity " + id, s, p, r -> r.equityCurve(id));
                }
            }
            assertThat(found).isPositive();
            same("visibility", s, p, AtlasRepository::visibilityCounts);
            List<SumDrift.Drift> drift = sums("atlas equity sums", s, p, AtlasRepository::equitySummaries, "equitySum");
            System.out.println("atlas equity sums: " + drift.size() + " drifted " + drift);
        }
    }

    @Test
    void arb() throws Exception {
        try (Migrated m = migrate("arb"); Database sqliteDb = Database.sqlite(m.sqlite())) {
            ArbRepository s = new ArbRepository(sqliteDb);
            ArbRepository p = new ArbRepository(Database.of(m.pg().dataSource()));
            int trades = 0;
            for (String status : new String[] {"PENDING", "ACCUMULATED", "EXECUTED"}) {
                trades += same("trades " + status, s, p, r -> r.tradesByStatus(status)).size();
            }
            assertThat(trades).isEqualTo(SCALE);
            for (String status : new String[] {"PENDING", "SUBMITTED", "FILLED", "FAILED"}) {
                for (Object e : same("executions " + status, s, p, r -> r.executionsByStatus(status))) {
                    long id = ((ArbRepository.Execution) e).id();
                    same("links of " + id, s, p, r -> r.linksOf(id));
                }
            }
            same("accumulators", s, p, ArbRepository::accumulators);
            List<SumDrift.Drift> drift = new ArrayList<>();
            drift.addAll(sums("arb link totals", s, p, ArbRepository::linkTotals, "linkedShares"));
            drift.addAll(sums("arb P&L on chain", s, p, ArbRepository::onchainPnl, "netShares", "netUsdc"));
            drift.addAll(sums("arb P&L at Schwab", s, p, ArbRepository::schwabPnl, "cashCents"));
            System.out.println("arb sums: " + drift.size() + " drifted " + drift);
            assertThat(drift).as("18-decimal share sums over REAL drift on generated data").isNotEmpty();
        }
    }

    @Test
    void aitrader() throws Exception {
        try (Migrated m = migrate("aitrader"); Database sqliteDb = Database.sqlite(m.sqlite())) {
            AitraderRepository s = new AitraderRepository(sqliteDb);
            AitraderRepository p = new AitraderRepository(Database.of(m.pg().dataSource()));
            for (String symbol : new String[] {"EURUSD", "GBPUSD", "USDJPY", "AUDUSD", "USDCHF", "XAUUSD", "BTCUSD"}) {
                same("recent " + symbol, s, p, r -> r.recentPredictions(symbol, 25));
            }
            same("open trades", s, p, AitraderRepository::openTrades);
            int byMode = 0;
            for (String[] mb : new String[][] {{"simulation", "simulator"}, {"paper", "mt5"}, {"live", "mt5"}, {"simulation", null}}) {
                byMode += same("trades " + mb[0] + "/" + mb[1], s, p, r -> r.tradesBy(mb[0], mb[1])).size();
            }
            assertThat(byMode).isPositive();
            for (String status : new String[] {"PENDING", "PROCESSING", "COMPLETED", "FAILED"}) {
                same("commands " + status, s, p, r -> r.commandsByStatus(status));
            }
            same("active breakers", s, p, AitraderRepository::activeBreakers);
            same("breakers since", s, p, r -> r.breakersSince(Instant.parse("2025-01-06T12:00:00Z")));
            List<SumDrift.Drift> drift = sums("aitrader P&L by mode", s, p, AitraderRepository::pnlByMode, "totalPnl");
            System.out.println("aitrader P&L by mode: " + drift.size() + " drifted " + drift);
        }
    }
}
