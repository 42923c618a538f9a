package pgferry.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out isolated databases on one server. For each migration set a template database
 * {@code pgferry_tpl_<hash>} is migrated once (Flyway), under an advisory lock so that concurrent JVMs
 * build it once; each test then gets {@code pgferry_test_<jvm>_<n>}, cloned from the template with
 * {@code CREATE DATABASE ... TEMPLATE}, and dropped when the test ends.
 *
 * <p>Nothing else is created on the server. Each JVM holds one session named
 * {@code pgferry-test-owner <jvm>} (its application_name) while it lives; the first use in a JVM drops
 * test databases whose owner session is gone (left by a killed JVM), and building a template drops
 * older templates of the same locations.
 */
public final class TestDatabases {

    static final String TEST_PREFIX = "pgferry_test_";
    static final String TEMPLATE_PREFIX = "pgferry_tpl_";
    static final String OWNER_APP = "pgferry-test-owner ";
    /**
     * {@code -Dpgferry.test.cloneStrategy=file_copy|wal_log|default}: how templates are cloned on PG 15+; unset,
     * FILE_COPY when the server runs with fsync off, else WAL_LOG (whichever measured faster there).
     */
    public static final String STRATEGY_PROPERTY = "pgferry.test.cloneStrategy";

    /**
     * {@code -Dpgferry.test.readyDatabases=N} (default 2): databases cloned ahead per template in the background,
     * so that a test takes a ready one instead of waiting for the clone; 0 turns it off.
     */
    public static final String READY_PROPERTY = "pgferry.test.readyDatabases";

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    private static final Map<PgServer, TestDatabases> BY_SERVER = new ConcurrentHashMap<>();
    private static final String TOKEN = jvmToken();

    private final PgServer server;
    private final Map<String, Object> templateLocks = new ConcurrentHashMap<>();
    private final Set<String> builtTemplates = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedDeque<Connection> idleAdmin = new ConcurrentLinkedDeque<>();
    private final Map<String, ConcurrentLinkedDeque<String>> ready = new ConcurrentHashMap<>();
    private final Set<String> refillPending = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService filler = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pgferry-clone-ahead");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;
    /** Shared by every instance in this JVM: two instances may point at the same physical server. */
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Connection owner;
    private final int serverVersion;
    private final boolean fsyncOff;
    private final AtomicInteger templateBuilds = new AtomicInteger();

    private TestDatabases(PgServer server) {
        this.server = server;
        try {
            owner = server.connect(server.url().database(), OWNER_APP + TOKEN);
            try (Statement st = owner.createStatement(); ResultSet rs = st.executeQuery(HarnessSql.get("server_version_num"))) {
                rs.next();
                serverVersion = rs.getInt(1);
                fsyncOff = "off".equals(rs.getString(2));
            }
            removeAbandonedTestDatabases();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use " + server + " for test databases: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeQuietly, "pgferry-test-databases-close"));
    }

    /** Databases on the server of this JVM ({@link PgProviders#server()}). */
    public static TestDatabases shared() {
        return on(PgProviders.server());
    }

    /** Databases on {@code server}; one instance per server per JVM. */
    public static TestDatabases on(PgServer server) {
        return BY_SERVER.computeIfAbsent(server, TestDatabases::new);
    }

    public PgServer server() {
        return server;
    }

    /** {@code server_version_num} of the server, e.g. 170006. */
    public int serverVersion() {
        return serverVersion;
    }

    /** How many templates this instance has built (migrated) so far; reused ones do not count. */
    public int templateBuilds() {
        return templateBuilds.get();
    }

    /** A new database with {@code migrations} applied; close it to drop it. */
    public PgDatabase create(String... migrations) {
        return create(MigrationSet.of(migrations));
    }

    public PgDatabase create(MigrationSet migrations) {
        String first = template(migrations);
        String made = ready.computeIfAbsent(first, k -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (made != null) {
            scheduleRefill(first);
            return new PgDatabase(this, made, migrations);
        }
        String name = TEST_PREFIX + TOKEN + "_" + COUNTER.incrementAndGet();
        try {
            withAdmin(c -> clone(c, name, first));
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create test database " + name + " on " + server + ": " + e.getMessage(), e);
            }
            // the template was dropped under us (another JVM with other migrations of the same locations): rebuild once
            builtTemplates.remove(first);
            String t = template(migrations);
            try {
                withAdmin(c -> clone(c, name, t));
            } catch (SQLException again) {
                throw new IllegalStateException("cannot create test database " + name + " on " + server + ": " + again.getMessage(), again);
            }
        }
        scheduleRefill(first);
        return new PgDatabase(this, name, migrations);
    }

    /** Clones a few databases of {@code template} ahead, in the background, for the next tests to take. */
    private void scheduleRefill(String template) {
        int target = Integer.getInteger(READY_PROPERTY, 2);
        if (target <= 0 || closing || !refillPending.add(template)) {
            return;
        }
        ConcurrentLinkedDeque<String> queue = ready.computeIfAbsent(template, k -> new ConcurrentLinkedDeque<>());
        try {
            filler.execute(() -> {
                try {
                    while (!closing && queue.size() < target) {
                        String name = TEST_PREFIX + TOKEN + "_" + COUNTER.incrementAndGet();
                        withAdmin(c -> clone(c, name, template));
                        queue.addLast(name);
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("pgferry.testing: cloning ahead stopped: {}", e.getMessage());
                } finally {
                    refillPending.remove(template);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            refillPending.remove(template);
        }
    }

    /** The template of {@code migrations}, migrated now unless this JVM or another already did. */
    public String template(MigrationSet migrations) {
        String name = migrations.templateName();
        if (builtTemplates.contains(name)) {
            return name;
        }
        synchronized (templateLocks.computeIfAbsent(name, k -> new Object())) {
            if (!builtTemplates.contains(name)) {
                try {
                    buildTemplate(migrations);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot build template " + name + " on " + server + ": " + e.getMessage(), e);
                }
                builtTemplates.add(name);
            }
        }
        return name;
    }

    void drop(String database) {
        try {
            withAdmin(c -> dropDatabase(c, database));
        } catch (SQLException e) {
            LOG.warn("pgferry.testing: could not drop test database {} ({}); a later run removes it", database, e.getMessage());
        }
    }

    String clonedStrategy() {
        if (serverVersion < 150000) {
            return "default";
        }
        // measured (benchmarks/scripts/harness.sh): FILE_COPY wins when checkpoints are cheap (fsync off, as on the
        // embedded server), WAL_LOG wins on a server that fsyncs
        String auto = fsyncOff ? "file_copy" : "wal_log";
        return System.getProperty(STRATEGY_PROPERTY, auto).toLowerCase(Locale.ROOT);
    }

    private void clone(Connection c, String name, String template) throws SQLException {
        String strategy = clonedStrategy();
        if (strategy.equals("default")) {
            HarnessSql.ddl(c, "clone_ddl", name, template);
        } else {
            HarnessSql.ddl(c, "clone_strategy_ddl", name, template, strategy.toUpperCase(Locale.ROOT));
        }
    }

    private void buildTemplate(MigrationSet migrations) throws SQLException {
        String name = migrations.templateName();
        String sealed = seal(migrations.key());
        try (Connection c = server.connect(server.url().database(), "pgferry-test-template " + TOKEN)) {
            try (PreparedStatement ps = c.prepareStatement(HarnessSql.get("advisory_lock"))) {
                ps.setLong(1, lockKey(migrations.key()));
                ps.execute(); // released when c closes
            }
            Map<String, String> templates = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(HarnessSql.get("templates"))) {
                while (rs.next()) {
                    templates.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Map.Entry<String, String> t : templates.entrySet()) {
                boolean sameLocations = t.getValue() != null && t.getValue().startsWith(sealPrefix(migrations.key()));
                if (sameLocations && !t.getKey().equals(name)) {
                    try {
                        HarnessSql.ddl(c, "drop_ddl", t.getKey()); // not forced: a template in use stays
                        LOG.info("pgferry.testing: dropped older template {} of {}", t.getKey(), migrations.key());
                    } catch (SQLException e) {
                        LOG.info("pgferry.testing: older template {} is in use, kept ({})", t.getKey(), e.getMessage());
                    }
                }
            }
            if (sealed.equals(templates.get(name))) {
                return; // built by an earlier run or another JVM
            }
            if (templates.containsKey(name)) {
                dropDatabase(c, name); // left half-built by a killed JVM
            }
            HarnessSql.ddl(c, "create_empty_ddl", name);
            try {
                if (!migrations.locations().isEmpty()) {
                    Flyway.configure()
                            .dataSource(server.jdbcUrl(name), server.user(), server.url().password())
                            .locations(migrations.locations().toArray(String[]::new))
                            .failOnMissingLocations(true)
                            .load()
                            .migrate();
                }
            } catch (RuntimeException e) {
                dropDatabase(c, name);
                throw new IllegalStateException("migrations at " + migrations.key() + " failed: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
            }
            HarnessSql.ddl(c, "disallow_connections_ddl", name);
            HarnessSql.ddl(c, "seal_template_ddl", name, sealed);
            templateBuilds.incrementAndGet();
        }
    }

    private void dropDatabase(Connection c, String name) throws SQLException {
        if (serverVersion >= 130000) {
            HarnessSql.ddl(c, "drop_force_ddl", name);
        } else {
            try (PreparedStatement ps = c.prepareStatement(HarnessSql.get("terminate_sessions"))) {
                ps.setString(1, name);
                ps.execute();
            }
            HarnessSql.ddl(c, "drop_ddl", name);
        }
    }

    /** Drops test databases whose JVM's owner session is gone. Test databases of live JVMs stay. */
    private void removeAbandonedTestDatabases() throws SQLException {
        Set<String> live = new HashSet<>();
        try (Statement st = owner.createStatement(); ResultSet rs = st.executeQuery(HarnessSql.get("live_owners"))) {
            while (rs.next()) {
                live.add(rs.getString(1).substring(OWNER_APP.length()));
            }
        }
        if (!live.contains(TOKEN)) {
            return; // our own owner session is not visible: we cannot tell live JVMs from dead ones, so touch nothing
        }
        List<String> abandoned = new ArrayList<>();
        try (Statement st = owner.createStatement(); ResultSet rs = st.executeQuery(HarnessSql.get("test_databases"))) {
            while (rs.next()) {
                String db = rs.getString(1);
                String rest = db.substring(TEST_PREFIX.length());
                int us = rest.indexOf('_');
                String token = us < 0 ? rest : rest.substring(0, us);
                if (!live.contains(token)) {
                    abandoned.add(db);
                }
            }
        }
        for (String db : abandoned) {
            try {
                dropDatabase(owner, db);
                LOG.info("pgferry.testing: dropped abandoned test database {}", db);
            } catch (SQLException e) {
                LOG.info("pgferry.testing: could not drop abandoned test database {} ({})", db, e.getMessage());
            }
        }
    }

    private interface AdminWork {
        void run(Connection c) throws SQLException;
    }

    private void withAdmin(AdminWork work) throws SQLException {
        Connection c = idleAdmin.pollFirst();
        if (c == null || c.isClosed()) {
            c = server.connect(server.url().database(), "pgferry-test-admin " + TOKEN);
        }
        boolean healthy = false;
        try {
            work.run(c);
            healthy = true;
        } catch (SQLException e) {
            healthy = e.getSQLState() != null && !e.getSQLState().startsWith("08");
            throw e;
        } finally {
            if (healthy) {
                idleAdmin.offerFirst(c);
            } else {
                c.close();
            }
        }
    }

    private void closeQuietly() {
        closing = true;
        filler.shutdown();
        try {
            filler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ConcurrentLinkedDeque<String> queue : ready.values()) {
            for (String name = queue.pollFirst(); name != null; name = queue.pollFirst()) {
                String unused = name;
                try {
                    withAdmin(c -> dropDatabase(c, unused));
                } catch (SQLException e) {
                    // the JVM is exiting (an embedded server may be stopping too); the next run removes it
                }
            }
        }
        for (Connection c : idleAdmin) {
            try {
                c.close();
            } catch (SQLException e) {
                // exiting
            }
        }
        try {
            owner.close();
        } catch (SQLException e) {
            // exiting
        }
    }

    static String sealPrefix(String key) {
        return "pgferry test template of " + key + " (";
    }

    static String seal(String key) {
        return sealPrefix(key) + "complete)";
    }

    static long lockKey(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("pgferry-template " + key).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token() {
        return TOKEN;
    }

    private static String jvmToken() {
        String time = Long.toString(System.currentTimeMillis() / 1000, 36);
        StringBuilder sb = new StringBuilder(time);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 4; i++) {
            sb.append(Character.forDigit(random.nextInt(36), 36));
        }
        return sb.toString();
    }
}
