package pgferry.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import pgferry.services.LocalCluster;
import pgferry.store.prescient.PrescientStore;
import pgferry.store.prescient.Trade;
import pgferry.testing.PgDatabase;
import pgferry.testing.PgProviders;
import pgferry.testing.PgServer;
import pgferry.testing.TestDatabaseUrl;
import pgferry.testing.TestDatabases;

/**
 * Dual-write overhead per write against JSON-only, side by side in one run: the same trades saved
 * (new trades appended to paper_trades.json, prefilled with PREFILL trades) through a store in stage
 * JSON_ONLY, in PARALLEL_WRITE over a HikariCP pool, over a DataSource that connects per write, and with
 * PostgreSQL unreachable (outbox only),
 * round-robin so all three see the same machine load. Prints median and p90 per write in microseconds.
 *
 * <p>Args: [writes per store, default 500] [prefill trades, default 1000] [PostgreSQL URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres, where a scratch database is made and dropped].
 */
public final class DualWriteOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int prefill = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String url = args.length > 2 ? args[2] : "postgresql://postgres@127.0.0.1:5432/postgres";
        TestDatabases dbs = TestDatabases.on(new PgServer(PgProviders.Kind.URL, TestDatabaseUrl.parse(url, "benchmark"), url));
        Path work = Files.createTempDirectory("pgferry-dualwrite-bench");
        try (PgDatabase db = dbs.create(TestTrades.PRESCIENT_SCHEMA)) {
            PGSimpleDataSource dead = new PGSimpleDataSource();
            dead.setUrl("jdbc:postgresql://127.0.0.1:" + LocalCluster.freePort() + "/x?user=postgres");
            com.zaxxer.hikari.HikariConfig hc = new com.zaxxer.hikari.HikariConfig();
            hc.setDataSource(db.dataSource());
            hc.setMaximumPoolSize(2);
            hc.setConnectionTimeout(2000);
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(hc);
            PrescientStore[] stores = {
                    open(work.resolve("json-only"), db.dataSource(), StoreFlags.Stage.JSON_ONLY),
                    open(work.resolve("dual"), pool, StoreFlags.Stage.PARALLEL_WRITE),
                    open(work.resolve("dual-unpooled"), db.dataSource(), StoreFlags.Stage.PARALLEL_WRITE),
                    open(work.resolve("dual-pg-down"), dead, StoreFlags.Stage.PARALLEL_WRITE),
            };
            String[] names = {"JSON only (stage JSON_ONLY)", "dual write, HikariCP pool (PARALLEL_WRITE)",
                    "dual write, new connection per write", "dual write, PostgreSQL down (outbox only)"};
            for (PrescientStore s : stores) { // same starting file for each, written once without timing
                var arr = StoreJson.mapper().createArrayNode();
                for (int i = 0; i < prefill; i++) {
                    arr.add(pgferry.store.prescient.Trades.INSTANCE.toJson(TestTrades.trade("P" + i, i)));
                }
                s.trades().jsonStore().writeArray(arr);
            }
            int warmup = Math.min(50, writes / 5);
            long[][] nanos = new long[stores.length][writes];
            for (int i = -warmup; i < writes; i++) {
                for (int s = 0; s < stores.length; s++) {
                    Trade t = TestTrades.trade("B" + i, prefill + i + warmup);
                    long t0 = System.nanoTime();
                    stores[s].trades().save(t);
                    long dt = System.nanoTime() - t0;
                    if (i >= 0) {
                        nanos[s][i] = dt;
                    }
                }
            }
            long fileBytes = Files.size(work.resolve("json-only").resolve(PrescientStore.TRADES_FILE));
            System.out.printf("dual-write overhead per write, %d writes each after %d warm-up, paper_trades.json from %d to %d trades (%,d bytes),"
                    + " PostgreSQL %s, %d cores%n", writes, warmup, prefill, prefill + warmup + writes, fileBytes, url, Runtime.getRuntime().availableProcessors());
            double base = median(nanos[0]);
            for (int s = 0; s < stores.length; s++) {
                double m = median(nanos[s]);
                System.out.printf("  %-44s median %8.1f us   p90 %8.1f us   %+8.1f us (%.2fx) vs JSON only%n",
                        names[s], m / 1e3, pct(nanos[s], 0.9) / 1e3, (m - base) / 1e3, m / base);
            }
            pool.close();
            System.out.printf("  outbox left pending by the PostgreSQL-down store: %d entries%n", stores[3].trades().pendingCount());
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static PrescientStore open(Path dir, DataSource ds, StoreFlags.Stage stage) {
        return PrescientStore.open(dir, ds, StoreFlags.of(stage), Duration.ofSeconds(5));
    }

    private static double median(long[] v) {
        return pct(v, 0.5);
    }

    private static double pct(long[] v, double p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }
}
