package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.store.TestTrades.assertSameTrades;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.services.LocalCluster;
import pgferry.store.prescient.Portfolio;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;
import pgferry.store.prescient.Trades;
import pgferry.testing.PgDatabase;
import pgferry.testing.PgTest;

/**
 * A process doing dual writes is killed (SIGKILL) at a random point, again and again, with
 * PostgreSQL up and with PostgreSQL unreachable. After a restart replays the outbox, every write
 * the child acknowledged is in the JSON file and in PostgreSQL, and the two are equal ({@code pgferry
 * consistency} reports zero differences).
 */
@PgTest(migrations = TestTrades.PRESCIENT_SCHEMA)
class KillTest {

    @TempDir
    Path data;

    @Test
    void killedAtRandomPointsLosesNoAcknowledgedWrite(PgDatabase db) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String deadUrl = "jdbc:postgresql://127.0.0.1:" + LocalCluster.freePort() + "/x?user=postgres";
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            String url = round % 2 == 0 ? db.jdbcUrl() : deadUrl; // odd rounds: PostgreSQL unreachable, the outbox fills
            int killAfter = 5 + random.nextInt(60);
            Process child = ChildJvm.start(DualWriteChildMain.class, data.toString(), url, "R" + round + "-");
            List<String> acks = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        acks.add(line.substring("ACK ".length()));
                    }
                } catch (java.io.IOException e) {
                    // the stream is closed by the kill: what was read before counts
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (acks.size() < killAfter) {
                assertThat(child.isAlive()).as("child died early (seed %d)", seed).isTrue();
                assertThat(System.nanoTime()).as("child made no progress").isLessThan(deadline);
                Thread.sleep(1);
            }
            // a random pause so the kill lands anywhere in a write: outbox append, JSON write, PostgreSQL, done mark
            Thread.sleep(random.nextInt(4));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(30_000);
            acknowledged.addAll(acks);
        }

        // restart: opening the store replays every outbox against the JSON files
        DataSource ds = db.dataSource();
        PrescientStore store = PrescientStore.open(data, ds, StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE));
        assertThat(store.pendingCount()).as("seed %d", seed).isZero();
        List<Trade> json = store.trades().findAllInJson();
        Set<String> inJson = json.stream().map(Trade::tradeId).collect(Collectors.toSet());
        assertThat(inJson).as("seed %d", seed).containsAll(acknowledged);
        try (Connection c = ds.getConnection()) {
            assertSameTrades(Trades.INSTANCE.findAll(c), json);
            TestTrades.assertSameValues(Portfolio.INSTANCE.findAll(c), store.portfolio().findAllInJson());
        }
        // and seed 002's test_data_consistency over the whole store finds nothing
        MigrationFixture.Run consistency = MigrationFixture.pgferry("consistency", "json:" + data,
                "--mapping", "src/main/resources/pgferry/systems/prescient/mapping.json", MigrationFixture.target(db));
        assertThat(consistency.exit()).as("seed %d: %s%s", seed, consistency.out(), consistency.err()).isZero();
    }
}
