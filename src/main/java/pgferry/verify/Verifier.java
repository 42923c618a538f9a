package pgferry.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import pgferry.load.RejectsFile;
import pgferry.load.TableLoad;
import pgferry.load.Target;
import pgferry.source.RowSource;
import pgferry.source.sqlite.SqliteSource;

/**
 * Verifies every planned table (tables in parallel, each table's two sides in parallel), leaving out
 * the rows listed in the rejects file.
 */
public final class Verifier {

    private final String sourceName;
    private final RowSource.Opener sources;
    private final Target target;
    private final int workers;
    private final int maxDiffs;

    public Verifier(Path sourceFile, Target target, int workers, int maxDiffs) {
        this(sourceFile.toString(), () -> SqliteSource.open(sourceFile), target, workers, maxDiffs);
    }

    /** Verifies any source: {@code sourceName} for the report, {@code sources} opens one reader per pass. */
    public Verifier(String sourceName, RowSource.Opener sources, Target target, int workers, int maxDiffs) {
        this.sourceName = sourceName;
        this.sources = sources;
        this.target = target;
        this.workers = Math.max(1, workers);
        this.maxDiffs = maxDiffs;
    }

    /**
     * Verifies with a plan made from a sample of each table's rows, falling back to {@code fullPlan}
     * (every row read) for the tables where the sampled plan cannot be right: a planned type whose
     * canonical kind differs from the target column's, or source rows that fail conversion but are
     * not in the rejects file.
     */
    public VerifyResult run(List<TableLoad> sampled, java.util.function.Supplier<List<TableLoad>> fullPlan,
                            Path rejectsFile) {
        long t0 = System.nanoTime();
        List<TableLoad> tables = new ArrayList<>(sampled);
        if (fullPlan != null && !kindsAgree(sampled)) {
            tables = fullPlan.get();
            fullPlan = null;
        }
        VerifyResult first = run(tables, rejectsFile);
        if (fullPlan == null || first.tables().stream().noneMatch(t -> t.unrecordedRejects() > 0)) {
            return new VerifyResult(first.source(), first.target(), first.tables(), (System.nanoTime() - t0) / 1_000_000);
        }
        List<TableLoad> full = fullPlan.get();
        List<TableLoad> redo = new ArrayList<>();
        for (TableVerification v : first.tables()) {
            if (v.unrecordedRejects() > 0) {
                full.stream().filter(t -> t.target().equals(v.targetTable())).findFirst().ifPresent(redo::add);
            }
        }
        Map<String, TableVerification> again = new HashMap<>();
        run(redo, rejectsFile).tables().forEach(v -> again.put(v.targetTable(), v));
        List<TableVerification> merged = first.tables().stream().map(v -> again.getOrDefault(v.targetTable(), v)).toList();
        return new VerifyResult(first.source(), first.target(), merged, (System.nanoTime() - t0) / 1_000_000);
    }

    /** True when every planned column's canonical kind is the kind of the target column's actual type. */
    private boolean kindsAgree(List<TableLoad> tables) {
        try (java.sql.Connection pg = target.connect();
             java.sql.PreparedStatement ps = pg.prepareStatement(TableVerifier.load("target-columns.sql"))) {
            for (TableLoad t : tables) {
                ps.setString(1, t.qualified());
                Map<String, String> types = new HashMap<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.put(rs.getString(1), rs.getString(2));
                    }
                }
                for (pgferry.load.ColumnLoad c : t.columns()) {
                    String actual = types.get(c.target());
                    if (actual != null && Canonical.kindOf(actual) != Canonical.kindOf(c.targetType())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    public VerifyResult run(List<TableLoad> tables, Path rejectsFile) {
        long t0 = System.nanoTime();
        Map<String, Set<Long>> rejected = new HashMap<>();
        for (RejectsFile.Reject r : RejectsFile.read(rejectsFile)) {
            if (r.rowid() != null) {
                rejected.computeIfAbsent(r.table().toLowerCase(java.util.Locale.ROOT), k -> new HashSet<>()).add(r.rowid());
            }
        }
        TableVerifier verifier = new TableVerifier(sources, target, maxDiffs);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, tables.size())));
        List<Future<TableVerification>> futures = new ArrayList<>();
        List<TableLoad> bySize = new ArrayList<>(tables);
        for (TableLoad t : bySize) {
            Set<Long> ids = rejected.getOrDefault(t.source().name().toLowerCase(java.util.Locale.ROOT), Set.of());
            futures.add(pool.submit(() -> verifier.verify(t, ids)));
        }
        List<TableVerification> out = new ArrayList<>();
        try {
            for (Future<TableVerification> f : futures) {
                out.add(f.get());
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
        return new VerifyResult(sourceName, target.display(), out, (System.nanoTime() - t0) / 1_000_000);
    }
}
