package pgferry.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import pgferry.config.DatabaseUrl;
import pgferry.services.LocalCluster;
import pgferry.plan.PlanOptions;
import pgferry.source.json.JsonStore;
import pgferry.source.json.Mapping;
import pgferry.store.Consistency;
import pgferry.store.ConsistencyResult;
import pgferry.store.ReplayResult;
import pgferry.store.TableConsistency;
import pgferry.store.StoreFlags;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;

/**
 * prescient moved to PostgreSQL while still running on its JSON files (seed 002's dual write). The
 * demo writes trades through the dual-write store, stops PostgreSQL in the middle, keeps writing
 * (the JSON file takes them, the outbox remembers them), starts PostgreSQL again, replays the outbox
 * and checks that the JSON files and PostgreSQL hold the same trades, portfolio and signals.
 *
 * <p>It needs a server it may stop: the demo's own embedded one, or, when the demo runs against a
 * server it did not start, a small embedded cluster of its own into which prescient is migrated again.
 */
final class PrescientExercise implements Exercise {

    static final int BEFORE = 3;
    static final int DURING = 10;
    static final int AFTER = 2;

    @Override
    public String title() {
        return "dual write (JSON + PostgreSQL) through a PostgreSQL outage: outbox, replay, consistency";
    }

    @Override
    public void run(ExerciseContext ctx) throws Exception {
        if (ctx.server().ownCluster().isPresent()) {
            outage(ctx, ctx.server().ownCluster().get(), ctx.database());
            return;
        }
        ctx.line("the demo's server is not one it started (" + ctx.server().kind().label() + "), so it is not stopped:"
                + " the outage runs on a small embedded PostgreSQL of its own");
        try (DemoServer own = DemoServer.embedded(false)) {
            DatabaseUrl db = own.recreateDatabase(ctx.system().name());
            SystemMigration.applySchema(ctx.system(), db);
            MigrationOutcome again = SystemMigration.run(ctx.system(), ctx.source(), db, ctx.workDir().resolve("outage-rejects.jsonl"));
            if (!again.verified()) {
                ctx.fail("prescient did not migrate into the outage server: " + again.detail());
                return;
            }
            ctx.line("prescient migrated again into " + db + " (" + again.rows() + " rows, 0 differences)");
            outage(ctx, own.ownCluster().orElseThrow(), db);
        }
    }

    private void outage(ExerciseContext ctx, LocalCluster cluster, DatabaseUrl db) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        db.user().ifPresent(ds::setUser);
        db.password().ifPresent(ds::setPassword);
        ds.setConnectTimeout(2);
        ds.setSocketTimeout(10);
        ds.setApplicationName("pgferry-demo");

        PrescientStore store = PrescientStore.open(ctx.source(), ds, StoreFlags.of(StoreFlags.Stage.SWITCH_READS), Duration.ofMillis(100));
        List<Trade> existing = store.trades().findAllInJson();
        if (existing.isEmpty()) {
            ctx.fail("prescient's paper_trades.json holds no trade to model new ones on");
            return;
        }
        Trade model = existing.get(existing.size() - 1);
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        int n = 0;
        for (int i = 0; i < BEFORE; i++) {
            store.trades().save(newTrade(model, n++, t0));
        }
        ctx.line("stage SWITCH_READS (USE_DATABASE_WRITE=true, USE_DATABASE_READ=true): " + BEFORE
                + " trades written to paper_trades.json and PostgreSQL; outbox pending " + store.pendingCount());

        long s0 = System.nanoTime();
        cluster.stop();
        long stopMillis = (System.nanoTime() - s0) / 1_000_000;
        List<Long> writeNanos = new ArrayList<>();
        for (int i = 0; i < DURING; i++) {
            long w0 = System.nanoTime();
            store.trades().save(newTrade(model, n++, t0));
            writeNanos.add(System.nanoTime() - w0);
        }
        Trade closing = existing.stream().filter(t -> "open".equals(t.status())).findFirst().orElse(model);
        store.trades().save(closing.closed(closing.entryPrice(), t0.plusMinutes(5), java.math.BigDecimal.ZERO));
        int pendingDuringOutage = store.pendingCount();
        int readDuringOutage = store.trades().findAll().size(); // PostgreSQL is down: read from JSON
        ctx.line("PostgreSQL stopped (" + stopMillis + " ms): " + DURING + " new trades + 1 closed trade written, the app kept"
                + " running on JSON (median write, each rewriting paper_trades.json with fsync: " + ExerciseContext.ms(median(writeNanos)) + "); outbox pending "
                + pendingDuringOutage + "; reads fell back to JSON (" + readDuringOutage + " trades)");

        long r0 = System.nanoTime();
        cluster.start(DemoServer.serverSettings());
        long restartMillis = (System.nanoTime() - r0) / 1_000_000;
        List<ReplayResult> replays = store.replayAll();
        int synced = replays.stream().mapToInt(ReplayResult::keysSynced).sum();
        int entries = replays.stream().mapToInt(ReplayResult::entriesDone).sum();
        for (int i = 0; i < AFTER; i++) {
            store.trades().save(newTrade(model, n++, t0));
        }
        int pendingAfter = store.pendingCount();
        ctx.line("PostgreSQL started again (" + restartMillis + " ms); replay: " + entries + " outbox entries done, "
                + synced + " keys synced; " + AFTER + " more trades written; outbox pending " + pendingAfter);

        // seed 002's test_data_consistency over the whole store: every mapped table, JSON files vs PostgreSQL
        JsonStore json = JsonStore.open(ctx.source(), Mapping.resource(SystemMigration.mappingResource(ctx.system())));
        ConsistencyResult consistency = Consistency.check(json, SystemMigration.target(db), PlanOptions.defaults(), "public", 2, 0);
        List<String> differences = new ArrayList<>();
        for (TableConsistency t : consistency.tables()) {
            if (t.error() != null) {
                differences.add(t.table() + ": " + t.error());
            }
            if (t.unconvertible() > 0) {
                differences.add(t.table() + ": " + t.unconvertible() + " JSON records do not fit the columns' types");
            }
            t.onlyInJson().forEach(d -> differences.add(t.table() + " " + d.key() + ": only in the JSON files"));
            t.onlyInPostgres().forEach(d -> differences.add(t.table() + " " + d.key() + ": only in PostgreSQL"));
            t.differing().forEach(d -> differences.add(t.table() + " " + d.key() + ": JSON " + d.source() + " | PostgreSQL " + d.target()));
        }
        long trades = consistency.tables().stream().filter(t -> t.table().equals("trades")).mapToLong(TableConsistency::postgresRows)
                .findFirst().orElse(0);
        ctx.line("consistency JSON files vs PostgreSQL (" + consistency.tables().size() + " mapped tables): " + differences.size()
                + " differences (" + trades + " trades on both sides)");
        for (String d : differences.subList(0, Math.min(5, differences.size()))) {
            ctx.line("  " + d);
        }
        ctx.fact("pendingDuringOutage", pendingDuringOutage);
        ctx.fact("pendingAfterReplay", pendingAfter);
        ctx.fact("replayedEntries", entries);
        ctx.fact("consistencyDifferences", differences.size());
        ctx.fact("outageReplayed", pendingDuringOutage > 0 && pendingAfter == 0 && differences.isEmpty());
        if (pendingDuringOutage == 0) {
            ctx.fail("the outbox stayed empty while PostgreSQL was down");
        }
        if (pendingAfter != 0 || !differences.isEmpty()) {
            ctx.fail("after the replay " + pendingAfter + " outbox entries are pending and " + differences.size() + " values differ");
        }
    }

    private static Trade newTrade(Trade model, int i, OffsetDateTime t0) {
        return new Trade(String.format("trade_demo_%06d", i), t0.plusSeconds(i), model.marketId(), model.marketQuestion(),
                model.action(), model.amount(), model.entryPrice(), model.confidence(), "pgferry demo write " + i, "open",
                model.eventId(), model.eventTitle(), model.eventEndDate(), null, null, null, null);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
