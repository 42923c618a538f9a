package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.store.TestTrades.assertSameTrades;
import static pgferry.store.TestTrades.trade;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;
import pgferry.store.prescient.Trades;
import pgferry.testing.PgTest;

/**
 * Several threads (through two store instances over the same files, as two components of one
 * application would) write trades, and update the same trades, at once: every trade ends in both
 * stores, the last update of each trade wins in both, and the JSON file always parses.
 */
@PgTest(migrations = TestTrades.PRESCIENT_SCHEMA)
class ConcurrentDualWriteTest {

    @TempDir
    Path data;

    static Trade closed(Trade t, int i) {
        return t.closed(new BigDecimal("0.75"), t.timestamp().plusMinutes(i), new BigDecimal(i + ".5"));
    }

    @Test
    void concurrentWritersLoseNothingAndNeverTearTheFile(DataSource db) throws Exception {
        StoreFlags flags = StoreFlags.of(StoreFlags.Stage.PARALLEL_WRITE);
        PrescientStore a = PrescientStore.open(data, db, flags);
        PrescientStore b = PrescientStore.open(data, db, flags);
        int threads = 4;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger parses = new AtomicInteger();
        List<Trade> finalValues = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                PrescientStore store = t % 2 == 0 ? a : b;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Trade opened = trade("W" + thread + "-" + i, thread * 1000 + i);
                        store.trades().save(opened);
                        if (i % 4 == 3) { // close an earlier trade of this thread: an update of an existing element
                            Trade earlier = trade("W" + thread + "-" + (i - 2), thread * 1000 + i - 2);
                            store.trades().save(closed(earlier, i));
                        }
                    }
                    for (int i = 0; i < perThread; i++) {
                        Trade t0 = trade("W" + thread + "-" + i, thread * 1000 + i);
                        finalValues.add(i % 4 == 1 ? closed(t0, i + 2) : t0);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (!done.get()) {
                    JsonFileStore.array(data.resolve(PrescientStore.TRADES_FILE)).readArray(); // throws on a torn file
                    parses.incrementAndGet();
                }
                return null;
            });
            start.countDown();
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
            done.set(true);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(parses.get()).isPositive();
        assertThat(a.pendingCount()).isZero();
        List<Trade> json = a.trades().findAllInJson();
        assertThat(json).hasSize(threads * perThread);
        assertSameTrades(json, finalValues);
        try (Connection c = db.getConnection()) {
            assertSameTrades(Trades.INSTANCE.findAll(c), finalValues);
        }
    }
}
