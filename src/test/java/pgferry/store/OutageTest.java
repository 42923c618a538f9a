package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.store.TestTrades.assertSameTrades;
import static pgferry.store.TestTrades.trade;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import pgferry.MigrationFixture;
import pgferry.load.Target;
import pgferry.plan.PlanOptions;
import pgferry.services.LocalCluster;
import pgferry.source.json.JsonStore;
import pgferry.source.json.Mapping;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;
import pgferry.store.prescient.Trades;

/**
 * Seed 002's failure scenario: PostgreSQL stops in the middle of a stream of dual writes. The
 * application keeps writing (JSON), reads fall back to JSON, the outbox fills; PostgreSQL comes back,
 * the outbox is replayed, and PostgreSQL holds exactly what the JSON file holds: {@code pgferry consistency}
 * over the whole store reports zero differences.
 */
class OutageTest {

    @TempDir
    Path tmp;

    @Test
    void postgresStoppedMidStreamMissesNothingOnceItIsBack() throws Exception {
        LocalCluster cluster = LocalCluster.at(tmp.resolve("pg"), "127.0.0.1", LocalCluster.freePort());
        cluster.initIfNeeded("postgres");
        cluster.start(Map.of("fsync", "off"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(cluster.jdbcUrl("postgres", "postgres"));
            ds.setConnectTimeout(2);
            ds.setSocketTimeout(10);
            Flyway.configure().dataSource(ds).locations(TestTrades.PRESCIENT_SCHEMA).load().migrate();

            PrescientStore store = PrescientStore.open(tmp.resolve("data"), ds, StoreFlags.of(StoreFlags.Stage.SWITCH_READS),
                    Duration.ofMillis(50));
            List<Trade> acknowledged = new CopyOnWriteArrayList<>();
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    Trade t = trade("T" + i, i);
                    store.trades().save(t); // never throws: JSON is the primary
                    acknowledged.add(t);
                }
                return null;
            });

            waitUntil(() -> acknowledged.size() >= 100, writer);
            cluster.stop();
            int atStop = acknowledged.size();
            waitUntil(() -> acknowledged.size() >= atStop + 150, writer);

            assertThat(store.trades().pendingCount()).as("the outbox fills while PostgreSQL is down").isPositive();
            List<Trade> duringOutage = store.trades().findAll(); // falls back to JSON
            assertThat(duringOutage.size()).isGreaterThanOrEqualTo(atStop + 150);

            cluster.start(Map.of("fsync", "off"));
            int atRestart = acknowledged.size();
            waitUntil(() -> acknowledged.size() >= atRestart + 100, writer);
            stop.set(true);
            writer.get(60, TimeUnit.SECONDS);

            store.replayAll();
            assertThat(store.pendingCount()).isZero();
            List<Trade> json = store.trades().findAllInJson();
            assertSameTrades(json, acknowledged);
            try (Connection c = ds.getConnection()) {
                assertSameTrades(Trades.INSTANCE.findAll(c), json);
            }
            assertSameTrades(store.trades().findAll(), json); // reads from PostgreSQL again

            // seed 002's test_data_consistency over the whole store, as the library and as the command
            String url = cluster.jdbcUrl("postgres", "postgres");
            ConsistencyResult consistency = Consistency.check(
                    JsonStore.open(tmp.resolve("data"), Mapping.resource("pgferry/systems/prescient/mapping.json")),
                    new Target(url, new Properties(), url), PlanOptions.defaults(), "public", 2, 0);
            assertThat(consistency.differences()).as(consistency.toString()).isZero();
            assertThat(consistency.consistent()).isTrue();
            TableConsistency trades = consistency.tables().stream().filter(t -> t.table().equals("trades")).findFirst().orElseThrow();
            assertThat(trades.jsonRows()).isEqualTo(acknowledged.size()).isEqualTo(trades.postgresRows());
            MigrationFixture.Run cli = MigrationFixture.pgferry("consistency", "json:" + tmp.resolve("data"),
                    "--mapping", "src/main/resources/pgferry/systems/prescient/mapping.json", url);
            assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        } finally {
            stop.set(true);
            pool.shutdownNow();
            cluster.stop();
        }
    }

    /** Waits for progress of the writer; fails if the writer died or nothing happened for two minutes. */
    private static void waitUntil(BooleanSupplier condition, Future<?> writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (writer.isDone()) {
                writer.get(); // rethrows the writer's failure
                throw new AssertionError("writer stopped");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no progress in two minutes");
            }
            Thread.sleep(5);
        }
    }
}
