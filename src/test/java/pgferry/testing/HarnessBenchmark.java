package pgferry.testing;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Not a test: measures handing a test its own migrated database, three ways side by side (template clone,
 * Flyway per test, TRUNCATE of one shared database), median of N, on the provider the environment selects;
 * and the embedded cluster's start within a JVM. Run with {@code benchmarks/scripts/harness.sh [N]}.
 */
public final class HarnessBenchmark {

    private static final String MIGRATIONS = "classpath:pgferry/testing/bench";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long t0 = System.nanoTime();
        PgServer server = PgProviders.server();
        double firstServerMs = ms(t0);
        TestDatabases databases = TestDatabases.on(server);
        MigrationSet set = MigrationSet.of(MIGRATIONS);
        t0 = System.nanoTime();
        databases.template(set);
        double templateMs = ms(t0);
        System.out.printf("server: %s, PostgreSQL %d, %d cores%n", server.provider().key(), databases.serverVersion(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("first use of the server (start when embedded): %.0f ms; template build (Flyway, %d files): %.0f ms%n",
                firstServerMs, set.fileCount(), templateMs);

        System.setProperty(TestDatabases.READY_PROPERTY, "0"); // measure the clone itself first
        for (int i = 0; i < 5; i++) {
            databases.create(set).close(); // warm-up
        }
        List<String> strategies = databases.serverVersion() >= 150000 ? List.of("file_copy", "wal_log") : List.of("default");
        for (String strategy : strategies) {
            System.setProperty(TestDatabases.STRATEGY_PROPERTY, strategy);
            double[] create = new double[n];
            double[] drop = new double[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                PgDatabase db = databases.create(set);
                try (Connection c = db.connection()) {
                    c.isValid(1);
                }
                create[i] = ms(s);
                s = System.nanoTime();
                db.close();
                drop[i] = ms(s);
            }
            report("template clone (" + strategy + ") + first connection", create);
            report("  drop after the test", drop);
        }
        System.clearProperty(TestDatabases.STRATEGY_PROPERTY);
        System.clearProperty(TestDatabases.READY_PROPERTY);

        // with clones made ahead (the default): the test body (simulated: 60 ms) gives the background time to refill
        double[] taken = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            PgDatabase db = databases.create(set);
            try (Connection c = db.connection()) {
                c.isValid(1);
            }
            taken[i] = ms(s);
            Thread.sleep(60);
            db.close();
        }
        report("clone made ahead (default) + first connection", taken);

        double[] flyway = new double[n];
        for (int i = 0; i < n; i++) {
            String name = "pgferry_test_bench_flyway_" + i;
            long s = System.nanoTime();
            try (Connection c = server.connect(server.url().database(), null); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            Flyway.configure().dataSource(server.jdbcUrl(name), server.user(), server.url().password())
                    .locations(MIGRATIONS).load().migrate();
            try (Connection c = server.connect(name, null)) {
                c.isValid(1);
            }
            flyway[i] = ms(s);
            try (Connection c = server.connect(server.url().database(), null); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
        report("Flyway per test (CREATE DATABASE + migrate)", flyway);

        double[] truncate = new double[n];
        try (PgDatabase shared = databases.create(set)) {
            for (int i = 0; i < n; i++) {
                try (Connection c = shared.connection(); Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO t1 (code, amount) VALUES ('x" + i + "', 1)");
                }
                long s = System.nanoTime();
                shared.reset();
                truncate[i] = ms(s);
            }
        }
        report("TRUNCATE all tables of one database (reset)", truncate);
        if (server.provider() != PgProviders.Kind.EMBEDDED) {
            t0 = System.nanoTime();
            EmbeddedPgServer.shared();
            System.out.printf("embedded cluster start in this JVM (initdb + start): %.0f ms (target <= 1500 ms)%n", ms(t0));
        } else {
            System.out.printf("embedded cluster start in this JVM (initdb + start): %d ms (target <= 1500 ms)%n",
                    EmbeddedPgServer.startMillis());
        }
        System.exit(0);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        System.out.printf("%-55s median %7.1f ms   min %7.1f   p90 %7.1f   (n=%d)%n", what, median, s[0],
                s[(int) Math.min(s.length - 1, Math.floor(s.length * 0.9))], s.length);
    }

    private HarnessBenchmark() {
    }

}
