package pgferry.store;

import java.util.ArrayList;
import java.util.List;
import pgferry.load.LoadPlan;
import pgferry.load.TableLoad;
import pgferry.load.Target;
import pgferry.plan.MappingPlanner;
import pgferry.plan.PlanOptions;
import pgferry.source.json.JsonStore;
import pgferry.verify.RowDiff;
import pgferry.verify.TableVerification;
import pgferry.verify.Verifier;
import pgferry.verify.VerifyResult;

/**
 * The consistency checker: every difference between a JSON-file store and PostgreSQL, per mapped table
 * (rows only in the JSON files, rows only in PostgreSQL, rows whose values differ). It is the verify
 * engine ({@link Verifier}) run without a rejects file and without a limit on listed rows, so values are
 * compared exactly as {@code pgferry verify} compares them: numbers as exact decimals, times by instant,
 * JSON by JSON equality. Tables PostgreSQL has but the mapping does not name are not compared.
 *
 * <pre>{@code
 * JsonStore store = JsonStore.open(Path.of("data"), Mapping.load(Path.of("mapping.json")));
 * ConsistencyResult r = Consistency.check(store, target, PlanOptions.defaults(), "public", 2, 0);
 * if (!r.consistent()) { ... r.tables() ... }
 * }</pre>
 */
public final class Consistency {

    private Consistency() {
    }

    /**
     * Compares the store with the target.
     *
     * @param options  planning options (tables to compare, source time zone of naive times)
     * @param schema   the target schema
     * @param workers  tables compared in parallel
     * @param maxDiffs rows listed per table at most; 0 or less lists every difference
     */
    public static ConsistencyResult check(JsonStore store, Target target, PlanOptions options, String schema,
                                          int workers, int maxDiffs) {
        long t0 = System.nanoTime();
        int limit = maxDiffs <= 0 ? Integer.MAX_VALUE : maxDiffs;
        List<TableLoad> tables = LoadPlan.of(MappingPlanner.plan(store, options), schema).tables();
        // no rejects file: a record the migration rejected is in JSON and not in PostgreSQL, a difference.
        // The store's folder is never a regular file, so the verifier reads no rejects from it.
        VerifyResult verified = new Verifier("json:" + store.dir(), store, target, workers, limit)
                .run(tables, store.dir());
        List<TableConsistency> out = new ArrayList<>();
        for (TableVerification v : verified.tables()) {
            out.add(of(v, limit));
        }
        return new ConsistencyResult(verified.source(), verified.target(), out, (System.nanoTime() - t0) / 1_000_000);
    }

    private static TableConsistency of(TableVerification v, int limit) {
        List<RowDiff> onlyJson = new ArrayList<>();
        List<RowDiff> onlyPg = new ArrayList<>();
        List<RowDiff> differing = new ArrayList<>();
        for (RowDiff d : v.diffs()) {
            if (d.target() == null) {
                onlyJson.add(d);
            } else if (d.source() == null) {
                onlyPg.add(d);
            } else {
                differing.add(d);
            }
        }
        // the verifier inspects at most `limit` differing key ranges and lists at most `limit` rows
        boolean unlisted = !v.matched() && (v.diffs().size() >= limit || v.differingRanges() > limit
                || v.diffs().isEmpty());
        long jsonRows = v.sourceRows();
        return new TableConsistency(v.targetTable(), jsonRows, v.targetRows(), onlyJson, onlyPg, differing,
                v.unrecordedRejects(), unlisted, v.error());
    }
}
