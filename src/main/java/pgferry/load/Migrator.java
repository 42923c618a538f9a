package pgferry.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import pgferry.UserError;
import pgferry.source.RowSource;
import pgferry.source.sqlite.SqliteSource;

/**
 * Runs a migration: tables loaded in parallel (one source reader and one PostgreSQL connection per
 * worker, each table in one transaction), then the post-data statements in phases (keys, indexes,
 * checks and foreign keys, identity restarts), each recorded so that a re-run resumes where the last
 * one stopped. Counts are kept per table: source rows = loaded + rejected.
 */
public final class Migrator {

    /** How to run. */
    /** @param startNanos when the run began (System.nanoTime), so the wall time includes planning */
    public record Options(int workers, boolean dataOnly, boolean schemaOnly, Path rejectsFile, String description,
                          long startNanos) {
    }

    private final String sourceKey;
    private final RowSource.Opener sources;
    private final Target target;
    private final Options options;
    private final ProgressListener progress;

    public Migrator(Path sourceFile, Target target, Options options, ProgressListener progress) {
        this(sourceFile.toAbsolutePath().normalize().toString(), () -> SqliteSource.open(sourceFile), target, options,
                progress);
    }

    /**
     * A migration from any source: {@code sourceKey} names it in the run state (resume) and the report,
     * {@code sources} opens one reader per worker.
     */
    public Migrator(String sourceKey, RowSource.Opener sources, Target target, Options options,
                    ProgressListener progress) {
        this.sourceKey = sourceKey;
        this.sources = sources;
        this.target = target;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the plan. With {@code fullPlan} set, {@code plan} was made from a sample of each table's rows:
     * tables load speculatively, and at the first reject of any table the plan is made again from every
     * row ({@code fullPlan}); tables whose CREATE TABLE then differs are reloaded (dropped and recreated
     * in one transaction), the rejecting tables load under the full plan, and the post-data statements
     * come from it. The result is the same as loading with the full plan from the start.
     */
    public MigrationResult run(LoadPlan plan, java.util.function.Supplier<LoadPlan> fullPlan, List<String> warnings) {
        List<TableLoad> tables = plan.tables();
        List<PostDataStatement> postData = plan.postData();
        List<IdentityRestart> identities = plan.identities();
        long started = options.startNanos();
        String schema = tables.isEmpty() ? "public" : tables.get(0).schema();
        RunState state = new RunState(sourceKey, schema);
        List<String> allWarnings = new ArrayList<>(warnings);
        Map<String, TableResult> results = new LinkedHashMap<>();
        List<PostDataResult> post = new ArrayList<>();
        long totalRows = 0;
        try (Connection control = target.connect(); RowSource counter = sources.open();
             RejectsFile rejects = RejectsFile.append(options.rejectsFile())) {
            checkTarget(control, tables, state);
            state.start(control, options.description());
            Map<String, RunState.TableRecord> done = state.tables(control);
            List<TableLoad> todo = new ArrayList<>();
            Map<TableLoad, Long> sizes = new HashMap<>();
            for (TableLoad t : tables) {
                RunState.TableRecord r = done.get(t.target());
                boolean complete = r != null && (RunState.COMPLETE.equals(r.status())
                        || (options.schemaOnly() && RunState.SCHEMA_ONLY.equals(r.status())));
                if (complete) {
                    results.put(t.target(), new TableResult(t.source().name(), t.target(), "skipped", r.rowsSource(),
                            r.rowsLoaded(), r.rowsRejected(), r.bytes(), r.millis(), null));
                } else {
                    long rows = options.schemaOnly() ? 0 : Math.max(0, counter.rowCount(t.source()));
                    sizes.put(t, rows);
                    totalRows += rows;
                    todo.add(t);
                    results.put(t.target(), null);
                }
            }
            progress.start(totalRows);
            if (!options.dataOnly() && !options.schemaOnly()) {
                todo.sort(Comparator.comparing((TableLoad t) -> sizes.get(t)).reversed());
            }
            int workers = options.dataOnly() ? 1 : Math.max(1, Math.min(options.workers(), todo.size()));
            boolean speculative = fullPlan != null && !options.dataOnly() && !options.schemaOnly();
            for (TableResult r : loadTables(todo, workers, state, rejects, speculative, false)) {
                results.put(r.targetTable(), r);
            }
            if (speculative && results.values().stream().anyMatch(r -> "replan".equals(r.status()))) {
                progress.phase("a sampled type did not hold: planning from every row");
                LoadPlan full = fullPlan.get();
                List<TableLoad> again = new ArrayList<>();
                for (TableLoad ft : full.tables()) {
                    TableResult r = results.get(ft.target());
                    TableLoad st = tables.stream().filter(x -> x.target().equals(ft.target())).findFirst().orElse(null);
                    boolean changed = st == null || !st.createSql().equals(ft.createSql());
                    if (r != null && ("replan".equals(r.status()) || ("loaded".equals(r.status()) && changed))) {
                        again.add(ft);
                    }
                }
                progress.start(again.stream().mapToLong(t -> Math.max(0, counter.rowCount(t.source()))).sum());
                for (TableResult r : loadTables(again, Math.max(1, Math.min(options.workers(), again.size())), state,
                        rejects, false, true)) {
                    results.put(r.targetTable(), r);
                }
                postData = full.postData();
                identities = full.identities();
            }
            progress.finish();
            boolean anyFailed = results.values().stream().anyMatch(r -> "failed".equals(r.status()));
            if (anyFailed) {
                allWarnings.add("constraints and indexes not created because a table failed: fix it and run migrate again "
                        + "(complete tables are skipped)");
            } else {
                post.addAll(runPostData(control, state, options.dataOnly() ? List.of() : postData, identities));
            }
            boolean ok = !anyFailed && post.stream().noneMatch(p -> "failed".equals(p.status()));
            state.finish(control, ok ? "complete" : "incomplete");
            long totalRejected = results.values().stream().mapToLong(TableResult::rejectedRows).sum();
            return new MigrationResult(sourceKey, target.display(), List.copyOf(results.values()), post,
                    options.rejectsFile().toString(), totalRejected, (System.nanoTime() - started) / 1_000_000,
                    allWarnings);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL error on " + target.display() + ": " + TableLoader.oneLine(e), e);
        }
    }

    /** Before anything is written: tables that would collide, or (--data-only) tables/columns missing. */
    private void checkTarget(Connection c, List<TableLoad> tables, RunState state) throws SQLException {
        Set<String> done = Set.of();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('pgferry.table_state') IS NOT NULL")) {
            rs.next();
            if (rs.getBoolean(1)) {
                done = state.tables(c).keySet();
            }
        }
        for (TableLoad t : tables) {
            Long oid = null;
            try (PreparedStatement ps = c.prepareStatement(LoadSql.load("table-exists.sql"))) {
                ps.setString(1, t.schema());
                ps.setString(2, t.target());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        oid = rs.getLong(1);
                    }
                }
            }
            String name = t.schema() + "." + t.target();
            if (options.dataOnly()) {
                if (oid == null) {
                    throw new UserError("--data-only: target table " + name + " (from source table " + t.source().name()
                            + ") does not exist: create the schema first (e.g. run your Flyway migrations) or drop --data-only");
                }
                checkColumns(c, t, oid, name);
            } else if (oid != null && !done.contains(t.target())) {
                throw new UserError("target table " + name + " already exists and was not loaded by pgferry from this source: "
                        + "drop it, or use --data-only to load into the existing schema");
            }
        }
    }

    private void checkColumns(Connection c, TableLoad t, long oid, String name) throws SQLException {
        Map<String, boolean[]> targetCols = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LoadSql.load("target-columns.sql"))) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targetCols.put(rs.getString(1), new boolean[]{rs.getBoolean(3), rs.getBoolean(4)});
                }
            }
        }
        Set<String> loaded = new java.util.HashSet<>();
        for (ColumnLoad col : t.columns()) {
            if (!targetCols.containsKey(col.target())) {
                throw new UserError("--data-only: target table " + name + " has no column " + col.target()
                        + " (source column " + t.source().name() + "." + col.source().name()
                        + "): add it to the target schema, or map it with --cast/--mapping");
            }
            loaded.add(col.target());
        }
        for (Map.Entry<String, boolean[]> e : targetCols.entrySet()) {
            boolean notNull = e.getValue()[0];
            boolean hasDefault = e.getValue()[1];
            if (!loaded.contains(e.getKey()) && notNull && !hasDefault) {
                throw new UserError("--data-only: target column " + name + "." + e.getKey()
                        + " is NOT NULL without a default and has no source column: give it a default or drop NOT NULL");
            }
        }
    }

    private List<TableResult> loadTables(List<TableLoad> todo, int workers, RunState state, RejectsFile rejects,
                                         boolean speculative, boolean replace) {
        ConcurrentLinkedQueue<TableLoad> queue = new ConcurrentLinkedQueue<>(todo);
        ConcurrentLinkedQueue<TableResult> out = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "pgferry-load");
            th.setDaemon(true);
            return th;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                try (RowSource src = sources.open(); Connection pg = target.connect()) {
                    TableLoader loader = new TableLoader(src, pg, state, rejects, progress, options.dataOnly(),
                            options.schemaOnly()).speculative(speculative).replace(replace);
                    TableLoad t;
                    while ((t = queue.poll()) != null) {
                        out.add(loader.load(t));
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(out);
    }

    private List<PostDataResult> runPostData(Connection control, RunState state, List<PostDataStatement> statements,
                                             List<IdentityRestart> identities) throws SQLException {
        Set<String> done = state.postDataDone(control);
        List<PostDataResult> results = new ArrayList<>();
        int maxPhase = statements.stream().mapToInt(PostDataStatement::phase).max().orElse(0);
        for (int phase = 1; phase <= maxPhase; phase++) {
            int p = phase;
            List<PostDataStatement> now = statements.stream().filter(s -> s.phase() == p).toList();
            if (now.isEmpty()) {
                continue;
            }
            progress.phase("post-data phase " + phase + ": " + now.size() + " statements");
            // ALTER TABLE takes the table's exclusive lock: statements of one table run one after another,
            // tables in parallel; CREATE INDEX can share a table, so indexes run one task each.
            Map<String, List<PostDataStatement>> groups = new LinkedHashMap<>();
            for (PostDataStatement s : now) {
                String group = s.kind().equals("index") ? s.table() + "/" + s.name() : s.table();
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(s);
            }
            results.addAll(runGroups(new ArrayList<>(groups.values()), state, done));
        }
        for (IdentityRestart id : identities) {
            results.add(restartIdentity(control, id));
        }
        return results;
    }

    private List<PostDataResult> runGroups(List<List<PostDataStatement>> groups, RunState state, Set<String> done) {
        ConcurrentLinkedQueue<List<PostDataStatement>> queue = new ConcurrentLinkedQueue<>(groups);
        ConcurrentLinkedQueue<PostDataResult> out = new ConcurrentLinkedQueue<>();
        int workers = Math.max(1, Math.min(options.workers(), groups.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                try (Connection c = target.connect()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET maintenance_work_mem = '128MB'");
                    }
                    List<PostDataStatement> group;
                    while ((group = queue.poll()) != null) {
                        for (PostDataStatement s : group) {
                            out.add(runOne(c, state, s, done));
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<PostDataResult> list = new ArrayList<>(out);
        List<PostDataStatement> order = groups.stream().flatMap(List::stream).toList();
        list.sort(Comparator.comparingInt(r -> indexOf(order, r)));
        return list;
    }

    private static int indexOf(List<PostDataStatement> order, PostDataResult r) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).table().equals(r.table()) && order.get(i).name().equals(r.name())) {
                return i;
            }
        }
        return order.size();
    }

    private PostDataResult runOne(Connection c, RunState state, PostDataStatement s, Set<String> done) throws SQLException {
        if (done.contains(s.sql())) {
            return new PostDataResult(s.table(), s.kind(), s.name(), "skipped", 0, null);
        }
        long t0 = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(s.sql());
                state.recordPostData(c, s.sql());
                c.commit();
                return new PostDataResult(s.table(), s.kind(), s.name(), "created", (System.nanoTime() - t0) / 1_000_000,
                        null);
            } catch (SQLException e) {
                c.rollback();
                if ("40P01".equals(e.getSQLState()) && attempt < 3) {
                    continue; // deadlock between two ALTER TABLEs: PostgreSQL cancelled one, run it again
                }
                return new PostDataResult(s.table(), s.kind(), s.name(), "failed", (System.nanoTime() - t0) / 1_000_000,
                        TableLoader.oneLine(e));
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private PostDataResult restartIdentity(Connection c, IdentityRestart id) throws SQLException {
        long t0 = System.nanoTime();
        String table = LoadSql.qualified(id.schema(), id.table());
        String sql = LoadSql.fill("identity-restart.sql", Map.of("table", table, "column", LoadSql.quote(id.column())));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, id.column());
            if (id.sourceSequence() == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, id.sourceSequence());
            }
            ps.executeQuery().close();
            return new PostDataResult(id.table(), "identity", id.column(), "created", (System.nanoTime() - t0) / 1_000_000,
                    null);
        } catch (SQLException e) {
            return new PostDataResult(id.table(), "identity", id.column(), "failed", (System.nanoTime() - t0) / 1_000_000,
                    TableLoader.oneLine(e));
        }
    }
}
